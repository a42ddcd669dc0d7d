"""A Home Assistant with only its own packages: the defaults give a working agent, nothing installed.

The config flow's defaults choose the NumPy backend; nothing is pip-installed; the options save;
a command switches a real entity. Loading that engine imports nothing beyond the standard library,
NumPy and the integration itself.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any
from unittest.mock import patch

import pytest
from homeassistant.config_entries import SOURCE_USER, ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType

from custom_components.llm_ensemble.const import CONF_ENGINE, DOMAIN
from custom_components.llm_ensemble.engine import ENGINE_NUMPY
from tests.script_env import script_env

from ..conftest import HAS_LLAMA_CPP
from .conftest import MAPPING, ask, async_set_up_agent, entry_data, entry_options
from .house import House

ROOT = Path(__file__).resolve().parents[2]


def _schema_defaults(result: dict[str, Any]) -> dict[str, Any]:
    """What a user who changes nothing submits: every field's default."""
    values = {}
    for marker in result["data_schema"].schema:
        default = marker.default() if callable(marker.default) else None
        if default is not None:
            values[str(marker)] = default
    return values


async def test_the_flow_defaults_give_a_working_agent_without_any_install(hass: HomeAssistant, house: House) -> None:
    with (
        patch("homeassistant.requirements.async_process_requirements") as install,
        patch("homeassistant.util.package.install_package") as pip,
    ):
        result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
        assert result["type"] is FlowResultType.FORM
        result = await hass.config_entries.flow.async_configure(result["flow_id"], _schema_defaults(result))
        assert result["type"] is FlowResultType.CREATE_ENTRY
        assert result["data"][CONF_ENGINE] == ENGINE_NUMPY
        await hass.async_block_till_done()
        entry = hass.config_entries.async_entries(DOMAIN)[0]
        assert entry.state is ConfigEntryState.LOADED
        assert entry.runtime_data.engine.kind == ENGINE_NUMPY

        options = await hass.config_entries.options.async_init(entry.entry_id)
        assert options["type"] is FlowResultType.FORM
        assert options["step_id"] == "behaviour"  # the shipped models name devices: nothing to map
        form = entry_options()
        form.pop("entity_map")
        result = await hass.config_entries.options.async_configure(options["flow_id"], form)
        assert result["type"] is FlowResultType.CREATE_ENTRY
        await hass.async_block_till_done()
        assert entry.state is ConfigEntryState.LOADED

        assert hass.states.get(MAPPING["LUZ_SL"]).state == "on"
        await ask(hass, "apaga la luz del salón")
        assert hass.states.get(MAPPING["LUZ_SL"]).state == "off"
    install.assert_not_called()
    pip.assert_not_called()


@pytest.mark.skipif(HAS_LLAMA_CPP, reason="only where llama-cpp-python is not installed (Home Assistant OS)")
async def test_an_in_process_entry_without_llama_cpp_runs_on_numpy(hass: HomeAssistant, house: House) -> None:
    """An entry made where llama.cpp was installed still loads after it is gone: on NumPy, not broken."""
    entry = await async_set_up_agent(hass, entry_data("in_process"), entry_options())
    assert entry.runtime_data.engine.kind == ENGINE_NUMPY
    await ask(hass, "apaga la luz del salón")
    assert hass.states.get(MAPPING["LUZ_SL"]).state == "off"


def test_the_default_engine_imports_only_numpy_beyond_home_assistant() -> None:
    """Load the NumPy backend and decide, in a fresh interpreter: what it imports after Home
    Assistant's own modules are in is the standard library, NumPy and this integration."""
    script = """
import json, sys
import homeassistant.core, homeassistant.helpers.aiohttp_client, homeassistant.config_entries  # what HA has
before = set(sys.modules)
from custom_components.llm_ensemble.engine import AsyncEngine, Ensemble
from custom_components.llm_ensemble.const import MODELS_DIR
ensemble = Ensemble.load(MODELS_DIR / "selector.gguf", MODELS_DIR / "domotics.gguf")
assert set(ensemble.decide("apaga la luz del salón").votes) == {"OFF luz @ salon"}
new = {m.split(".")[0] for m in set(sys.modules) - before}
cython = {m for m in new if m.startswith("_cython_")}  # the Cython runtime of NumPy's own extensions
print(json.dumps(sorted(new - set(sys.stdlib_module_names) - cython)))
"""
    out = subprocess.run(
        [sys.executable, "-c", script], env=script_env(), capture_output=True, text=True, check=True, timeout=120
    )
    imported = set(json.loads(out.stdout.strip().splitlines()[-1]))
    assert imported <= {"numpy", "custom_components"}, imported
    assert "llama_cpp" not in imported
