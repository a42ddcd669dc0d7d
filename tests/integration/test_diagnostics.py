"""Diagnostics explain the agent's answers: options, the models' metadata, the last decisions."""

from __future__ import annotations

import json
from pathlib import Path

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.components.diagnostics import get_diagnostics_for_config_entry
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.llm_ensemble.const import (
    CONF_DOMOTICS_MODEL,
    CONF_RECORD_TEXTS,
    CONF_SELECTOR_MODEL,
    CONF_SERVER_URL,
    DOMAIN,
    MAX_DECISIONS,
    MODELS_DIR,
)
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
    assert set(last) >= {"route", "votes", "command", "service_call", "timings_ms"}
    assert "text" not in last and "speech" not in last  # what people said stays home by default
    assert last["timings_ms"]["total"] >= last["timings_ms"]["selector"]
    assert diagnostics["engine"]["kind"] in ("numpy", "in_process", "server")
    assert str(MODELS_DIR) not in json.dumps(diagnostics)  # no absolute paths
    assert diagnostics["models"]["selector"]["path"] == "catalog_selector.gguf"  # the file's name, not its folder
    assert diagnostics["data"].get(CONF_SERVER_URL) in (None, "**REDACTED**")


async def test_diagnostics_keep_texts_when_asked(
    hass: HomeAssistant, agent: MockConfigEntry, hass_client: ClientSessionGenerator
) -> None:
    assert await async_setup_component(hass, "diagnostics", {})
    hass.config_entries.async_update_entry(agent, options=agent.options | {CONF_RECORD_TEXTS: True})
    await hass.async_block_till_done()
    await ask(hass, "apaga la luz del salón")
    last = (await get_diagnostics_for_config_entry(hass, hass_client, agent))["decisions"][-1]
    assert last["text"] == "apaga la luz del salón"
    assert last["speech"] == "He apagado la luz del salón."


async def test_diagnostics_of_an_entry_that_did_not_load(hass: HomeAssistant, tmp_path: Path) -> None:
    """A user whose model file is broken needs diagnostics most: they must not crash."""
    broken = tmp_path / "broken.gguf"
    broken.write_text("not a model")
    entry = MockConfigEntry(domain=DOMAIN, data={CONF_SELECTOR_MODEL: str(broken), CONF_DOMOTICS_MODEL: str(broken)})
    entry.add_to_hass(hass)
    await hass.config_entries.async_setup(entry.entry_id)
    assert entry.state is ConfigEntryState.SETUP_ERROR  # not a GGUF file: it will not mend
    result = await async_get_config_entry_diagnostics(hass, entry)
    assert result["models"] is None and result["decisions"] == []
    assert result["data"][CONF_SELECTOR_MODEL] == "broken.gguf"  # the file's name, not where it lives
