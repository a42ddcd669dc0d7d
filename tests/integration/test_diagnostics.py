"""Diagnostics explain the agent's answers: options, the models' metadata, the last decisions."""

from __future__ import annotations

from pathlib import Path

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.components.diagnostics import get_diagnostics_for_config_entry
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.llm_ensemble.const import CONF_DOMOTICS_MODEL, CONF_SELECTOR_MODEL, DOMAIN, MAX_DECISIONS
from custom_components.llm_ensemble.diagnostics import async_get_config_entry_diagnostics

from .conftest import ask


async def test_diagnostics(hass: HomeAssistant, agent: MockConfigEntry, hass_client: ClientSessionGenerator) -> None:
    assert await async_setup_component(hass, "diagnostics", {})
    for i in range(MAX_DECISIONS + 2):
        await ask(hass, f"apaga la luz del salón {i}")
    diagnostics = await get_diagnostics_for_config_entry(hass, hass_client, agent)

    assert diagnostics["options"]["votes"] == 3
    assert diagnostics["options"]["entity_map"]["LUZ_SL"] == "light.luz_salon"
    assert diagnostics["models"]["selector"]["role"] == "selector"
    assert diagnostics["models"]["domotics"]["codes"][0] == diagnostics["catalog"][0]["code"]
    decisions = diagnostics["decisions"]
    assert len(decisions) == MAX_DECISIONS  # bounded: the oldest are dropped
    last = decisions[-1]
    assert last["text"] == f"apaga la luz del salón {MAX_DECISIONS + 1}"
    assert set(last) >= {"route", "votes", "command", "service_call", "speech", "timings_ms"}
    assert last["timings_ms"]["total"] >= last["timings_ms"]["selector"]


async def test_diagnostics_of_an_entry_that_did_not_load(hass: HomeAssistant, tmp_path: Path) -> None:
    """A user whose model file is broken needs diagnostics most: they must not crash."""
    broken = tmp_path / "broken.gguf"
    broken.write_text("not a model")
    entry = MockConfigEntry(domain=DOMAIN, data={CONF_SELECTOR_MODEL: str(broken), CONF_DOMOTICS_MODEL: str(broken)})
    entry.add_to_hass(hass)
    await hass.config_entries.async_setup(entry.entry_id)
    assert entry.state is ConfigEntryState.SETUP_RETRY
    result = await async_get_config_entry_diagnostics(hass, entry)
    assert result["models"] is None and result["decisions"] == []
    assert result["data"][CONF_SELECTOR_MODEL] == str(broken)
