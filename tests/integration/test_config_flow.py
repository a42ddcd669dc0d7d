"""Config, reconfigure and options flows, with every error on its own field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from homeassistant.config_entries import SOURCE_USER, ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.llm_ensemble import config_flow
from custom_components.llm_ensemble.const import (
    CONF_DOMOTICS_MODEL,
    CONF_ENGINE,
    CONF_ENTITY_MAP,
    CONF_FALLBACK,
    CONF_SELECTOR_MODEL,
    CONF_TEMPERATURE,
    CONF_VOTE_RULE,
    CONF_VOTES,
    CONF_WEATHER_ENTITY,
    DOMAIN,
)
from custom_components.llm_ensemble.engine import VoteSettings
from custom_components.llm_ensemble.engine.gguf import read_gguf_header
from custom_components.llm_ensemble.settings import Settings

from .conftest import CATALOG_MODELS, DOMOTICS, SELECTOR
from .house import House

# The flows with the default engine (NumPy), which every Home Assistant can run; the server's:
# test_server_engine.py.

USER_INPUT = {
    CONF_SELECTOR_MODEL: "selector.gguf",
    CONF_DOMOTICS_MODEL: "domotics.gguf",
    CONF_VOTES: 3,
    CONF_TEMPERATURE: 0.7,
    CONF_FALLBACK: True,
}


@pytest.fixture
def bad_models(tmp_path: Path) -> dict[str, str]:
    """One file per way a model file can be wrong."""
    text = tmp_path / "notes.gguf"
    text.write_text("not a model")
    truncated = tmp_path / "truncated.gguf"
    truncated.write_bytes(SELECTOR.read_bytes()[:4096])
    # A loadable GGUF whose llm_ensemble.* keys are renamed: a GGUF, but not one of ours.
    foreign = tmp_path / "foreign.gguf"
    foreign.write_bytes(SELECTOR.read_bytes().replace(b"llm_ensemble.", b"other_model.."))
    return {
        "model_missing": str(tmp_path / "missing.gguf"),
        "not_gguf": str(text),
        "load_failed": str(truncated),
        "not_ensemble_model": str(foreign),
        "wrong_role": str(DOMOTICS),  # a domotics model where the selector goes
    }


async def start(hass: HomeAssistant) -> dict[str, Any]:
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {}
    return result


async def test_user_flow_creates_the_entry(hass: HomeAssistant, house: House) -> None:
    result = await start(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], USER_INPUT | {CONF_WEATHER_ENTITY: "weather.tiempo_casa"}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == "LLM Ensemble"
    assert result["data"] == {
        CONF_SELECTOR_MODEL: "selector.gguf",
        CONF_DOMOTICS_MODEL: "domotics.gguf",
        CONF_ENGINE: "numpy",
    }
    assert result["options"] == {
        CONF_VOTES: 3,
        CONF_VOTE_RULE: "majority",  # the default: two of three
        CONF_TEMPERATURE: 0.7,
        CONF_FALLBACK: True,
        CONF_WEATHER_ENTITY: "weather.tiempo_casa",
    }
    await hass.async_block_till_done()
    entry = hass.config_entries.async_entries(DOMAIN)[0]
    assert entry.state is ConfigEntryState.LOADED


@pytest.mark.parametrize("error", ["model_missing", "not_gguf", "load_failed", "not_ensemble_model", "wrong_role"])
async def test_each_bad_selector_file_has_its_error(
    hass: HomeAssistant, bad_models: dict[str, str], error: str
) -> None:
    result = await start(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], USER_INPUT | {CONF_SELECTOR_MODEL: bad_models[error]}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {CONF_SELECTOR_MODEL: error}


def selector_without_labels(tmp_path: Path) -> Path:
    """The shipped selector with its labels edited to `{}` (padded: the header keeps its size)."""
    labels = read_gguf_header(SELECTOR).metadata["llm_ensemble.labels"].encode()
    edited = tmp_path / "no_labels.gguf"
    content = SELECTOR.read_bytes()
    assert content.count(labels) == 1
    edited.write_bytes(content.replace(labels, b"{}".ljust(len(labels))))
    return edited


async def test_selector_without_labels_is_a_form_error(hass: HomeAssistant, house: House, tmp_path: Path) -> None:
    """A selector with nothing to answer fails the metadata check, on its field (not a crash)."""
    edited = selector_without_labels(tmp_path)
    assert read_gguf_header(edited).metadata["llm_ensemble.labels"].strip() == "{}"
    result = await start(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], USER_INPUT | {CONF_SELECTOR_MODEL: str(edited)}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {CONF_SELECTOR_MODEL: "not_ensemble_model"}


async def test_unexpected_error_in_the_check_is_a_form_error(
    hass: HomeAssistant, house: House, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever else goes wrong while loading a model, the form says so and the log has it."""

    def broken(path: str) -> str:
        raise RuntimeError("unexpected")

    monkeypatch.setattr(config_flow, "_model_role", broken)
    result = await start(hass)
    result = await hass.config_entries.flow.async_configure(result["flow_id"], USER_INPUT)
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"base": "unknown"}


async def test_errors_on_both_fields_then_recovery(hass: HomeAssistant, house: House) -> None:
    """Swapped files: each field gets wrong_role; an even vote count gets its own error."""
    result = await start(hass)
    swapped = USER_INPUT | {CONF_SELECTOR_MODEL: str(DOMOTICS), CONF_DOMOTICS_MODEL: str(SELECTOR), CONF_VOTES: 4}
    result = await hass.config_entries.flow.async_configure(result["flow_id"], swapped)
    assert result["errors"] == {
        CONF_SELECTOR_MODEL: "wrong_role",
        CONF_DOMOTICS_MODEL: "wrong_role",
        CONF_VOTES: "invalid_votes",
    }
    result = await hass.config_entries.flow.async_configure(result["flow_id"], USER_INPUT | {CONF_VOTES: 5})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["options"][CONF_VOTES] == 5
    await hass.async_block_till_done()


async def test_reconfigure_model_files(hass: HomeAssistant, agent: MockConfigEntry, bad_models: dict[str, str]) -> None:
    result = await agent.start_reconfigure_flow(hass)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "reconfigure"
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_SELECTOR_MODEL: "selector.gguf", CONF_DOMOTICS_MODEL: bad_models["not_gguf"]}
    )
    assert result["errors"] == {CONF_DOMOTICS_MODEL: "not_gguf"}
    ensemble = agent.runtime_data.engine
    mapping = dict(agent.options[CONF_ENTITY_MAP])
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_SELECTOR_MODEL: str(SELECTOR), CONF_DOMOTICS_MODEL: str(DOMOTICS)}
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    await hass.async_block_till_done()
    assert agent.data[CONF_DOMOTICS_MODEL] == str(DOMOTICS)
    assert agent.options[CONF_ENTITY_MAP] == mapping  # the mapping survives
    assert agent.state is ConfigEntryState.LOADED
    assert agent.runtime_data.engine is not ensemble


def suggested(result: dict[str, Any]) -> dict[str, Any]:
    """The values the options form shows pre-filled."""
    return {
        str(key): key.description["suggested_value"]
        for key in result["data_schema"].schema
        if key.description and "suggested_value" in key.description
    }


async def test_options_flow_suggests_then_saves_the_mapping(hass: HomeAssistant, house: House) -> None:
    """A catalog-code model: one entity per code, suggested from names and areas."""
    entry = MockConfigEntry(
        domain=DOMAIN,
        data=dict(CATALOG_MODELS),
        options={CONF_VOTES: 3, CONF_TEMPERATURE: 0.7, CONF_FALLBACK: True},
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    result = await hass.config_entries.options.async_init(entry.entry_id)
    assert result["type"] is FlowResultType.FORM
    codes = [e.code for e in entry.runtime_data.engine.catalog]
    assert [str(k) for k in result["data_schema"].schema][: len(codes)] == codes  # one picker per code
    prefilled = suggested(result)
    assert prefilled["LUZ_SL"] == "light.luz_salon"
    assert prefilled["LED_SL"] == "light.tira_led_salon"
    assert prefilled["LUZ_CO"] == "light.luz_cocina"
    assert prefilled["VENT_SL"] == "fan.ventilador_salon"
    assert prefilled["TV_SL"] == "switch.television"
    assert prefilled["CAFE_CO"] == "switch.cafetera"
    assert prefilled["RIEGO_JA"] == "input_boolean.riego_jardin"
    assert "LUZ_GA" not in prefilled  # no garage in this house

    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {CONF_VOTES: 2, CONF_TEMPERATURE: 0.5, CONF_FALLBACK: False}
    )
    assert result["errors"] == {CONF_VOTES: "invalid_votes"}

    chosen = {"LUZ_SL": "light.luz_salon", "CAFE_CO": "switch.cafetera"}
    behaviour = {
        CONF_VOTES: 5,
        CONF_VOTE_RULE: "unanimous",
        CONF_TEMPERATURE: 0.5,
        CONF_FALLBACK: False,
        CONF_WEATHER_ENTITY: "weather.tiempo_casa",
    }
    result = await hass.config_entries.options.async_configure(result["flow_id"], chosen | behaviour)
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    assert entry.options[CONF_VOTES] == 5
    assert entry.options[CONF_VOTE_RULE] == "unanimous"
    assert Settings.from_options(entry.options).vote == VoteSettings(n_votes=5, temperature=0.5, unanimous=True)
    assert not Settings().vote.unanimous  # the default: a majority
    assert entry.options[CONF_WEATHER_ENTITY] == "weather.tiempo_casa"
    assert entry.options[CONF_ENTITY_MAP] == {code: chosen.get(code) for code in codes}
    assert entry.state is ConfigEntryState.LOADED  # reloaded with the new options

    # Next time the saved choices are shown, and codes cleared on purpose stay empty.
    result = await hass.config_entries.options.async_init(entry.entry_id)
    assert suggested(result) == chosen | {CONF_WEATHER_ENTITY: "weather.tiempo_casa"}


async def test_options_flow_needs_loaded_models(hass: HomeAssistant, tmp_path: Path) -> None:
    entry = MockConfigEntry(
        domain=DOMAIN, data={CONF_SELECTOR_MODEL: str(tmp_path / "x.gguf"), CONF_DOMOTICS_MODEL: "domotics.gguf"}
    )
    entry.add_to_hass(hass)
    await hass.config_entries.async_setup(entry.entry_id)
    result = await hass.config_entries.options.async_init(entry.entry_id)
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "not_loaded"


async def test_only_one_entry(hass: HomeAssistant, agent: MockConfigEntry) -> None:
    """One agent per house: a second entry would load the models twice for nothing."""
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "single_instance_allowed"
