"""The NumPy backend against llama.cpp in process, on the shipped models: the same ids, logits and answers.

Every row of every evaluation file, as the engine feeds it (normalised) and as written, plus random
Unicode. llama.cpp is the reference: where llama-cpp-python is not installed, these are skipped.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

import numpy as np
import pytest

from custom_components.llm_ensemble.engine import Ensemble, Sampling, VoteSettings
from custom_components.llm_ensemble.engine.llama_model import LlamaModel
from custom_components.llm_ensemble.engine.numpy_model import NumpyModel

pytest.importorskip("llama_cpp")

EVAL = Path(__file__).resolve().parents[2] / "models" / "eval"
FILES = sorted(EVAL.glob("*.tsv")) + sorted(EVAL.glob("houses/*.tsv"))


def rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as file:
        return [r for r in csv.reader(file, delimiter="\t", quoting=csv.QUOTE_NONE) if r and not r[0].startswith("#")]


def texts(path: Path) -> list[str]:
    """The requests: the third column of the project's files, the second of a house's."""
    column = 1 if path.parent.name == "houses" else 2
    return [r[column] for r in rows(path)]


def random_unicode(count: int, seed: int = 0) -> list[str]:
    """Strings of any code point but surrogates: letters of every script, emoji, controls, combining marks."""
    draw = random.Random(seed)
    pools = [(0x20, 0x7F), (0x80, 0x2FF), (0x300, 0x36F), (0x400, 0x4FF), (0x600, 0x6FF), (0x3040, 0x30FF),
             (0x4E00, 0x9FFF), (0xAC00, 0xD7A3), (0xE000, 0xF8FF), (0x1F300, 0x1FAFF), (0x0, 0x1F),
             (0x10000, 0x10FFFF)]  # fmt: skip
    out = ["[ORDEN]", "[COMANDO] x [ORDEN]", "<s></s><unk>", "▁▁ ▁", "  ", "\u2581hola"]
    for _ in range(count):
        chars = []
        for _ in range(draw.randint(1, 40)):
            low, high = draw.choice(pools)
            chars.append(chr(draw.randint(low, high)))
        out.append("".join(chars))
    return out


@pytest.fixture(scope="module")
def pair(llama_ensemble: Ensemble, numpy_ensemble: Ensemble) -> tuple[Ensemble, Ensemble]:
    return llama_ensemble, numpy_ensemble


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_token_ids_on_every_row(pair: tuple[Ensemble, Ensemble], path: Path) -> None:
    llama, numpy = pair
    for llama_model, numpy_model in ((llama.selector, numpy.selector), (llama.domotics, numpy.domotics)):
        assert isinstance(llama_model, LlamaModel)
        for text in texts(path):
            for form in (text, numpy_model.normalize(text)):
                assert numpy_model.tokenize(form) == llama_model.llama_tokenize(form), form


def test_token_ids_on_random_unicode(pair: tuple[Ensemble, Ensemble]) -> None:
    llama, numpy = pair
    model = llama.domotics
    assert isinstance(model, LlamaModel)
    for text in random_unicode(3000):
        assert numpy.domotics.tokenize(text) == model.llama_tokenize(text), repr(text)
        assert numpy.domotics.normalize(text) == model.normalize(text)


def test_the_prompt_markers_are_the_same_tokens(pair: tuple[Ensemble, Ensemble]) -> None:
    llama, numpy = pair
    for llama_model in (llama.selector, llama.domotics):
        assert isinstance(llama_model, LlamaModel)
        marks = llama_model.info.prompt_prefix + llama_model.info.prompt_suffix
        assert llama_model.llama_tokenize(marks, parse_special=True) == [
            llama_model.file.prefix,
            llama_model.file.suffix,
        ]
    assert numpy.domotics.prompt("apaga la luz") == llama.domotics.prompt("apaga la luz")


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_greedy_answers_on_every_row(pair: tuple[Ensemble, Ensemble], path: Path) -> None:
    """The selector's label and the domotics model's greedy answer, row by row."""
    llama, numpy = pair
    for text in texts(path):
        for llama_model, numpy_model in ((llama.selector, numpy.selector), (llama.domotics, numpy.domotics)):
            prompt, _ = numpy_model.prompt(numpy_model.normalize(text))
            assert numpy_model.generate(prompt, [Sampling()]) == llama_model.generate(prompt, [Sampling()]), text


def test_last_position_logits_within_1e_3(pair: tuple[Ensemble, Ensemble]) -> None:
    llama, numpy = pair
    sample = random.Random(1).sample([t for path in FILES for t in texts(path)], 300)
    worst = 0.0
    for text in sample:
        for llama_model, numpy_model in ((llama.selector, numpy.selector), (llama.domotics, numpy.domotics)):
            assert isinstance(llama_model, LlamaModel) and isinstance(numpy_model, NumpyModel)
            prompt, _ = numpy_model.prompt(numpy_model.normalize(text))
            ours = numpy_model.logits(prompt)
            theirs = np.asarray(llama_model.logits(prompt), dtype=np.float32)
            worst = max(worst, float(np.abs(ours - theirs).max()))
    assert worst < 1e-3


@pytest.mark.parametrize("name", ["handwritten.tsv", "realhome.tsv", "handwritten_dev.tsv", "realhome_dev.tsv"])
def test_the_vote_within_a_point(pair: tuple[Ensemble, Ensemble], name: str) -> None:
    """The vote's command accuracy on the device rows within 1 point of llama.cpp's (the same seeds
    give the same draws, so nearly every vote is the same vote)."""
    llama, numpy = pair
    settings = VoteSettings()
    device_rows = [r for r in rows(EVAL / name) if r[0] == "domotics"]
    right = {"llama": 0, "numpy": 0}
    same = 0
    for row in device_rows:
        ours, theirs = numpy.vote(row[2], settings), llama.vote(row[2], settings)
        same += ours == theirs
        right["numpy"] += ours[1] == row[1]
        right["llama"] += theirs[1] == row[1]
    assert abs(right["numpy"] - right["llama"]) <= 0.01 * len(device_rows)
    assert same >= 0.98 * len(device_rows)
