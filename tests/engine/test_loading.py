"""A bad model file gets a typed error that names it; a good one describes itself."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from custom_components.llm_ensemble.engine import (
    DecodeFailed,
    Ensemble,
    ModelBackend,
    ModelFileMissing,
    ModelLoadFailed,
    NotEnsembleModel,
    NotGgufFile,
    Sampling,
    WrongModelRole,
)

from ..conftest import CATALOG, requires_llama_cpp
from .conftest import DOMOTICS, SELECTOR

Load = Callable[[Path], ModelBackend]


def test_missing_file(tmp_path: Path, load: Load) -> None:
    with pytest.raises(ModelFileMissing) as err:
        load(tmp_path / "nope.gguf")
    assert err.value.reason == "model_missing"
    assert err.value.path == tmp_path / "nope.gguf"


def test_not_gguf(tmp_path: Path, load: Load) -> None:
    path = tmp_path / "model.gguf"
    path.write_text("not a model")
    with pytest.raises(NotGgufFile):
        load(path)


def test_truncated_gguf(tmp_path: Path, load: Load) -> None:
    path = tmp_path / "cut.gguf"
    path.write_bytes(SELECTOR.read_bytes()[:20000])
    with pytest.raises(ModelLoadFailed):
        load(path)


def test_gguf_without_our_metadata(tmp_path: Path, load: Load) -> None:
    # Rename our format key in place (same length): still a valid GGUF, but not one of ours.
    data = DOMOTICS.read_bytes()
    assert b"llm_ensemble.format" in data
    path = tmp_path / "foreign.gguf"
    path.write_bytes(data.replace(b"llm_ensemble.format", b"someone_else.format"))
    with pytest.raises(NotEnsembleModel):
        load(path)


@pytest.mark.parametrize("kind", ["numpy", "in_process"])
def test_roles_swapped_is_a_clear_error(kind: str) -> None:
    if kind == "in_process":
        pytest.importorskip("llama_cpp")
    with pytest.raises(WrongModelRole) as err:
        Ensemble.load(DOMOTICS, SELECTOR, kind)
    assert err.value.path == DOMOTICS


def test_models_describe_themselves(load: Load) -> None:
    """The shipped domotics model names devices in words; its catalog says which words are which kind."""
    selector, domotics = load(SELECTOR), load(DOMOTICS)
    try:
        assert selector.info.role == "selector"
        assert set(selector.info.labels) == {"LLM1", "LLM2", "NINGUNO"}
        assert domotics.info.role == "domotics" and domotics.info.names_devices
        assert domotics.info.actions == ("ON", "OFF", "ESTADO") and domotics.info.state_action == "ESTADO"
        assert domotics.info.no_command == "NADA" and domotics.info.answers == ()
        space = domotics.answers_for("apaga la luz del salon")
        assert space.is_answer("OFF luz @ salon") and space.is_answer("NADA")
        assert not space.is_answer("OFF luz @ cocina")  # a word the request does not have
        assert not space.is_answer("LUZ_SL OFF")
        salon = next(e for e in domotics.info.catalog if e.code == "LUZ_SL")
        assert (salon.device, salon.domain) == ("luz", "light")
    finally:
        selector.close()
        domotics.close()


def test_catalog_models_describe_themselves(load: Load) -> None:
    """A catalog model (tests/fixtures) answers codes of its catalog, all of them listed."""
    selector, domotics = load(CATALOG["selector"]), load(CATALOG["domotics"])
    try:
        assert not domotics.info.names_devices
        codes = [e.code for e in domotics.info.catalog]
        assert len(codes) == 18 and "LUZ_SL" in codes and "RIEGO_JA" in codes
        salon = next(e for e in domotics.info.catalog if e.code == "LUZ_SL")
        assert (salon.device, salon.room, salon.domain) == ("luz", "salón", "light")
        assert domotics.info.actions == ("ON", "OFF", "ESTADO") and domotics.info.state_action == "ESTADO"
        assert "LUZ_SL OFF" in domotics.info.commands and "LUZ_PA ESTADO" in domotics.info.commands
        assert len(domotics.info.commands) == 18 * 3  # on, off and the state question of each code
        assert domotics.info.no_command == "NADA" and "NADA" in domotics.info.answers
        assert {"enciende", "apaga", "salon"} <= domotics.info.known_words  # the words of its training requests
        assert "biblioteca" not in domotics.info.known_words  # a room only the boundary data holds
    finally:
        selector.close()
        domotics.close()
    selector.close()  # closing twice is harmless


@requires_llama_cpp
def test_a_closed_model_refuses_work_instead_of_crashing() -> None:
    from custom_components.llm_ensemble.engine import LlamaModel

    model = LlamaModel(SELECTOR)
    model.close()
    with pytest.raises(DecodeFailed):
        model.generate([1, 2, 3], [Sampling()])


def _edited(model: Path, tmp_path: Path, old: bytes, new: bytes, count: int = -1) -> Path:
    """A copy of a shipped model with `old` (which it must hold) replaced by `new`."""
    data = model.read_bytes()
    assert old in data
    path = tmp_path / f"edited_{model.name}"
    path.write_bytes(data.replace(old, new, count))
    return path


def test_unknown_normalizer_is_refused_at_load(tmp_path: Path, load: Load) -> None:
    # The config flow loads each file alone: a model it cannot feed must fail there, not later.
    path = _edited(SELECTOR, tmp_path, b"lower-ascii-v1", b"lower-ascii-v9")
    with pytest.raises(NotEnsembleModel, match="unknown normalizer"):
        load(path)


def test_a_catalog_without_gender_marks_is_refused_at_load(tmp_path: Path, load: Load) -> None:
    # The replies' articles come from these marks ("la luz", "el ventilador"): no guessing from endings.
    path = _edited(CATALOG["domotics"], tmp_path, b'"device_gender": "f"', b'"device_gender": "x"', 1)
    with pytest.raises(NotEnsembleModel, match="gender mark 'x'"):
        load(path)


def test_a_domotics_model_without_known_words_is_refused_at_load(tmp_path: Path, load: Load) -> None:
    # The home check needs them: a file exported before they existed is re-exported, not guessed at.
    path = _edited(CATALOG["domotics"], tmp_path, b"llm_ensemble.known_words", b"llm_ensemble.xnown_words", 1)
    with pytest.raises(NotEnsembleModel, match="known_words"):
        load(path)


def test_an_unknown_answer_format_is_refused_at_load(tmp_path: Path, load: Load) -> None:
    path = _edited(DOMOTICS, tmp_path, b"naming", b"nasing", 1)
    with pytest.raises(NotEnsembleModel, match="answer format"):
        load(path)


def test_tensor_data_cut_short(tmp_path: Path, load: Load) -> None:
    """The header reads, but the weights end early: refused at load, not at the first request."""
    path = tmp_path / "short.gguf"
    path.write_bytes(DOMOTICS.read_bytes()[:-4096])
    with pytest.raises(ModelLoadFailed):
        load(path)


def test_an_unknown_backend_is_refused() -> None:
    from custom_components.llm_ensemble.engine.ensemble import load_model

    with pytest.raises(ValueError, match="not an in-process backend"):
        load_model(SELECTOR, "cloud")
