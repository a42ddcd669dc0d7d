"""Setup, unload, reload, and model files that are missing (retry) or unusable (error and repair)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from homeassistant.components import conversation
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.llm_ensemble import model_issue_id
from custom_components.llm_ensemble.const import CONF_DOMOTICS_MODEL, CONF_SELECTOR_MODEL, DOMAIN
from custom_components.llm_ensemble.engine import VoteSettings

from ..conftest import requires_llama_cpp
from .conftest import AGENT_ID, DOMOTICS, SELECTOR, ask, entry_options
from .house import House


async def test_setup_creates_the_agent(hass: HomeAssistant, agent: MockConfigEntry) -> None:
    state = hass.states.get(AGENT_ID)
    assert state is not None
    assert conversation.async_get_agent(hass, AGENT_ID).supported_languages == ["es"]
    assert agent.runtime_data.engine.catalog  # the codes come from the model itself
    assert agent.runtime_data.engine.selector.info.role == "selector"


@requires_llama_cpp
@pytest.mark.parametrize("engine_data", ["in_process"], indirect=True)
async def test_unload_frees_the_models_and_reload_works(hass: HomeAssistant, agent: MockConfigEntry) -> None:
    ensemble = agent.runtime_data.engine
    assert await hass.config_entries.async_unload(agent.entry_id)
    assert agent.state is ConfigEntryState.NOT_LOADED
    assert ensemble.selector._closed and ensemble.domotics._closed
    assert hass.states.get(AGENT_ID) is None or hass.states.get(AGENT_ID).state == "unavailable"

    assert await hass.config_entries.async_setup(agent.entry_id)
    await hass.async_block_till_done()
    assert agent.state is ConfigEntryState.LOADED
    assert agent.runtime_data.engine is not ensemble
    result = await ask(hass, "apaga la luz del salón")
    assert result.response.speech


@requires_llama_cpp
@pytest.mark.parametrize("engine_data", ["in_process"], indirect=True)
async def test_unload_waits_for_running_decodes(hass: HomeAssistant, agent: MockConfigEntry) -> None:
    """The models are freed only after the requests being decoded have their answer."""
    data = agent.runtime_data
    running = hass.async_create_task(data.async_decide(hass, "apaga la luz del salón", VoteSettings()))
    await asyncio.sleep(0)  # the decode is now in the executor
    await data.async_close(hass)
    assert (await running).text == "apaga la luz del salón"
    assert data.engine.domotics._closed


async def test_reload_on_options_change(hass: HomeAssistant, agent: MockConfigEntry) -> None:
    ensemble = agent.runtime_data.engine
    hass.config_entries.async_update_entry(agent, options=entry_options(votes=5))
    await hass.async_block_till_done()
    assert agent.state is ConfigEntryState.LOADED
    assert agent.runtime_data.engine is not ensemble


async def _setup_with(hass: HomeAssistant, selector: str, domotics: str) -> MockConfigEntry:
    entry = MockConfigEntry(
        domain=DOMAIN,
        data={CONF_SELECTOR_MODEL: selector, CONF_DOMOTICS_MODEL: domotics},
        options=entry_options(),
    )
    entry.add_to_hass(hass)
    await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    return entry


@requires_llama_cpp
async def test_corrupt_model_file_fails_with_a_repair_issue(hass: HomeAssistant, house: House, tmp_path: Path) -> None:
    """A corrupt file will not mend by retrying: the entry fails and the user is told what to do."""
    corrupt = tmp_path / "domotics.gguf"
    corrupt.write_bytes(DOMOTICS.read_bytes()[: DOMOTICS.stat().st_size // 3])  # a truncated download
    entry = await _setup_with(hass, str(SELECTOR), str(corrupt))
    assert entry.state is ConfigEntryState.SETUP_ERROR
    assert entry.reason and "load" in entry.reason
    issue = ir.async_get(hass).async_get_issue(DOMAIN, model_issue_id(entry))
    assert issue is not None
    assert issue.translation_key == "model_unusable"
    assert issue.severity is ir.IssueSeverity.ERROR
    assert issue.translation_placeholders is not None
    assert issue.translation_placeholders["path"] == "domotics.gguf"

    corrupt.write_bytes(DOMOTICS.read_bytes())  # the user puts a good file in its place
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    assert ir.async_get(hass).async_get_issue(DOMAIN, model_issue_id(entry)) is None
    assert await hass.config_entries.async_unload(entry.entry_id)


@requires_llama_cpp
async def test_missing_model_file_retries_without_an_issue(hass: HomeAssistant, house: House, tmp_path: Path) -> None:
    """A file not there yet (a network share still mounting) may come back: retry, no repair."""
    missing = await _setup_with(hass, str(tmp_path / "nope.gguf"), str(DOMOTICS))
    assert missing.state is ConfigEntryState.SETUP_RETRY
    assert ir.async_get(hass).async_get_issue(DOMAIN, model_issue_id(missing)) is None


@requires_llama_cpp
async def test_swapped_models_fail_until_the_entry_is_removed(hass: HomeAssistant, house: House) -> None:
    swapped = await _setup_with(hass, str(DOMOTICS), str(SELECTOR))
    assert swapped.state is ConfigEntryState.SETUP_ERROR
    issue = ir.async_get(hass).async_get_issue(DOMAIN, model_issue_id(swapped))
    assert issue is not None
    assert issue.translation_placeholders is not None
    assert issue.translation_placeholders["path"] == "domotics.gguf"  # the selector field holds it
    await hass.config_entries.async_remove(swapped.entry_id)
    assert ir.async_get(hass).async_get_issue(DOMAIN, model_issue_id(swapped)) is None
