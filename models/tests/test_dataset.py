"""The generator: deterministic, complete, and split by template."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from engine.text import normalize_lower_ascii
from models import dataset


def texts(seed: int, split: str, n: int) -> list[dataset.Example]:
    return list(dataset.Generator(seed).examples(split, n, dataset.SELECTOR_MIX))


def test_same_seed_same_data() -> None:
    assert texts(7, "train", 300) == texts(7, "train", 300)
    assert texts(7, "train", 300) != texts(8, "train", 300)


def test_every_command_and_route_is_generated() -> None:
    examples = list(dataset.Generator(1).examples("train", 6000, dataset.SELECTOR_MIX))
    catalog = dataset.load_json(dataset.CATALOG_PATH)
    wanted = {f"{c['code']} {a}" for c in catalog["commands"] for a in ("ON", "OFF", catalog["state_action"])}
    assert {e.command for e in examples if e.route == "domotics"} == wanted
    assert {e.route for e in examples} == {"domotics", "weather", "none"}


def test_validation_frames_never_appear_in_training() -> None:
    held_out = [dataset.DEVICE_FRAMES[i] for i in dataset.VALID_FRAMES]
    generator = dataset.Generator(3)
    train_frames = generator.frames("train")
    assert not set(held_out) & set(train_frames)
    assert set(generator.frames("valid")) == set(held_out)
    for fillers, held in (
        (dataset.PREFIXES, dataset.VALID_PREFIXES),
        (dataset.SUFFIXES, dataset.VALID_SUFFIXES),
        (generator.phrases["ask"], dataset.VALID_ASK),
    ):
        assert set(dataset.split_items(fillers, held, "valid")) == held  # each one exists
        assert not held & set(dataset.split_items(fillers, held, "train"))


def test_leads_are_not_the_held_out_frames_leads() -> None:
    """Frames 36-38 widen training's ways of asking without reaching into validation's."""
    held_out = " | ".join(dataset.DEVICE_FRAMES[i] for i in dataset.VALID_FRAMES)
    leads = [lead for form in dataset.LEADS.values() for lead in form]
    assert leads and not [lead for lead in leads if lead.strip("¿") in held_out]


def test_only_questions_are_wrapped_as_questions() -> None:
    assert dataset.asked_question("qué hora es") == "qué hora es"
    assert dataset.asked_question("a qué hora abre el súper") == "a qué hora abre el súper"
    assert dataset.asked_question("va a llover mañana") == "si va a llover mañana"
    assert dataset.asked_question("pon música") is None  # no one says "dime pon música"
    assert dataset.asked_question("") is None


def test_validation_sentences_are_new() -> None:
    """Shared content, new templates: (almost) no validation request is a training request."""
    train = {dataset.normalize_lower_ascii(e.text) for e in texts(1, "train", 40000)}
    valid = texts(2, "valid", 2000)
    seen = [e.text for e in valid if dataset.normalize_lower_ascii(e.text) in train]
    assert len(seen) / len(valid) < 0.01, seen[:20]


def test_seed_line_format() -> None:
    line = dataset.prompt_line(dataset.Example("domotics", "LUZ_SL OFF", "apaga la luz del salón"), "domotics")
    assert line == "[ORDEN] apaga la luz del salón [COMANDO] LUZ_SL OFF"
    line = dataset.prompt_line(dataset.Example("weather", "-", "va a llover"), "selector")
    assert re.fullmatch(r"\[ORDEN\] va a llover \[COMANDO\] LLM2", line)


def test_noise_makes_typos_accents_and_case_vary() -> None:
    examples = texts(1, "train", 3000)
    joined = "\n".join(e.text for e in examples)
    assert any(c.isupper() for c in joined)
    assert "salon" in joined and "salón" in joined
    assert any(e.text.endswith(("!", "?", ".")) for e in examples)


def test_hand_written_requests_are_never_trained_on(tmp_path) -> None:  # type: ignore[no-untyped-def]
    held_out = dataset.held_out_texts()
    assert "que hora es" in held_out  # a request people really say, and the generator too
    paths = dataset.generate(tmp_path, seed=1, n_train=20000, n_valid=10)
    trained = {
        dataset.normalize_lower_ascii(line.split(" [COMANDO] ")[0].removeprefix("[ORDEN] "))
        for line in paths["selector_train"].read_text(encoding="utf-8").splitlines()
    }
    assert not trained & held_out


def test_boundary_requests_pass_on_and_state_questions_ask() -> None:
    """The boundary is answered NINGUNO / NADA, a catalog device's state is CODE ESTADO."""
    generator = dataset.Generator(4)
    kinds = set()
    for _ in range(400):
        kind, example = generator.boundary_example("train")
        kinds.add(kind.split("_")[0] if kind.startswith("attribute") else kind)
        assert example.route == "none" and example.command == "-"
        assert dataset.prompt_line(example, "domotics").endswith("[COMANDO] NADA")
        assert dataset.prompt_line(example, "selector").endswith("[COMANDO] NINGUNO")
    assert kinds == {k.split("_")[0] if k.startswith("attribute") else k for k in dataset.BOUNDARY_KINDS}
    state = generator.state_question("train")
    assert state.route == "domotics" and state.command.endswith(" ESTADO")


def test_boundary_validation_holds_out_words_and_templates() -> None:
    """Validation's boundary words and templates never appear in training: it measures new words."""
    boundary = dataset.load_json(dataset.BOUNDARY_PATH)
    for name, block in boundary.items():
        if name.startswith("_"):
            continue
        groups = {key.rsplit("_", 1)[0] for key in block if key != "_about"} if "train" not in block else {""}
        for group in groups:
            train = block[f"{group}_train" if group else "train"]
            valid = block[f"{group}_valid" if group else "valid"]
            assert valid and not set(valid) & set(train), name
    train_texts = [e.text.lower() for e in (dataset.Generator(5).boundary_example("train")[1] for _ in range(3000))]
    for word in ("tendedero", "biblioteca", "freidora", "tocadiscos", "turquesa", "al anochecer", "nunca"):
        assert not [t for t in train_texts if word in t], word


def test_boundary_file_is_what_the_generator_writes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """models/eval/boundary.tsv was written by write_boundary_tsv and never edited by hand."""
    path = tmp_path / "boundary.tsv"
    dataset.write_boundary_tsv(path, 1, dataset.BOUNDARY_EVAL_ROWS)
    assert path.read_text(encoding="utf-8") == dataset.BOUNDARY_EVAL.read_text(encoding="utf-8")


def test_boundary_dev_file_is_the_generators_other_seed(tmp_path: Path) -> None:
    """models/eval/boundary_dev.tsv: the boundary generator on its own seed, unedited, apart from the test file."""
    path = tmp_path / "boundary_dev.tsv"
    dataset.write_boundary_tsv(path, dataset.BOUNDARY_DEV_SEED, dataset.BOUNDARY_DEV_ROWS)
    assert path.read_text(encoding="utf-8") == dataset.BOUNDARY_DEV.read_text(encoding="utf-8")

    def texts(p: Path) -> set[str]:
        return {line.split("\t")[2] for line in p.read_text(encoding="utf-8").splitlines() if not line.startswith("#")}

    assert len(texts(path) & texts(dataset.BOUNDARY_EVAL)) < 10  # short held-out sentences may meet by chance


def test_exported_catalog_carries_each_names_gender() -> None:
    """The replies' articles travel in the GGUF: every device and room name has the catalog's mark."""
    from models.export import domotics_catalog, name_gender

    catalog = dataset.load_json(dataset.CATALOG_PATH)
    entries = {e["code"]: e for e in domotics_catalog(catalog)}
    assert (entries["LUZ_SL"]["device_gender"], entries["LUZ_SL"]["room_gender"]) == ("f", "m")
    assert (entries["VENT_DO"]["device_gender"], entries["LUZ_CO"]["room_gender"]) == ("m", "f")
    with pytest.raises(ValueError, match="marks no gender"):
        name_gender({"name": "sofá", "words": ["sofá", "sillón|m"]})


def test_known_words_are_the_device_requests_words_without_noise() -> None:
    """The domotics GGUF's `known_words`: what the model trained to act on, and not the boundary's words."""
    words = set(dataset.known_words())
    assert {"enciende", "apaga", "luz", "salon", "cafetera", "ampolleta", "porfa"} <= words
    assert words == set(dataset.known_words(samples=dataset.KNOWN_WORDS_SAMPLES * 2))  # the sample saw every word
    boundary = dataset.load_json(dataset.BOUNDARY_PATH)
    held_out = {w for w in ("biblioteca", "freidora", "tendedero", "buhardilla") if w in json.dumps(boundary)}
    assert held_out and not held_out & words


def test_exported_domotics_metadata_lists_its_known_words() -> None:
    from models.export import ensemble_metadata

    catalog = dataset.load_json(dataset.CATALOG_PATH)
    meta = ensemble_metadata("domotics", catalog, {"train": {"max_text_tokens": 40}})
    assert json.loads(meta["llm_ensemble.known_words"]) == dataset.known_words(catalog)
    assert "llm_ensemble.known_words" not in ensemble_metadata("selector", catalog, {"train": {"max_text_tokens": 40}})


def test_home_answers_copy_the_requests_words() -> None:
    """A naming answer's words are the request's own, as written (typos too): the model copies them."""
    from models.home_dataset import NOTHING, PLACE_MARK, HomeGenerator, answer_of

    examples = list(HomeGenerator(3, "train").home_examples(2000, dataset.DOMOTICS_MIX))
    named = [e for e in examples if e.route == "domotics"]
    assert len(named) > 1000
    copied = [set(e.command.split()[1:]) - {PLACE_MARK} <= set(normalize_lower_ascii(e.text).split()) for e in named]
    assert sum(copied) / len(copied) > 0.97
    assert {e.command.split()[0] for e in named} == {"ON", "OFF", "ESTADO"}
    assert {answer_of(e, "domotics") for e in examples if e.route != "domotics"} == {NOTHING}


def test_home_validation_holds_out_device_names() -> None:
    """Validation names devices training never names: the copy is measured on new words."""
    from models.home_dataset import HomeGenerator

    train, valid = HomeGenerator(1, "train").lexicon, HomeGenerator(1, "valid").lexicon
    assert valid.devices and not {d.text for d in valid.devices} & {d.text for d in train.devices}
    assert valid.rooms and not {r.text for r in valid.rooms} & {r.text for r in train.rooms}
