"""The server engine in a real Home Assistant: the config flow's checks, setup, outages, recovery.

Every server here is a real llama-server on 127.0.0.1 (tests/conftest.py); the faults are real too:
nothing listening, a frozen server (slower than any timeout), a killed one, one serving other files.
"""

from __future__ import annotations

from typing import Any
from unittest.mock import patch

import pytest
from homeassistant.config_entries import SOURCE_USER, ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.llm_ensemble import fallback
from custom_components.llm_ensemble.const import (
    CONF_DOMOTICS_MODEL,
    CONF_ENGINE,
    CONF_FALLBACK,
    CONF_SELECTOR_MODEL,
    CONF_SERVER_URL,
    CONF_TEMPERATURE,
    CONF_VOTES,
    DEFAULT_TEMPERATURE,
    DOMAIN,
)
from custom_components.llm_ensemble.engine_setup import async_check_llama_cpp
from devtools.local_server import LocalServer, free_port

from ..conftest import CATALOG, HAS_LLAMA_CPP, SERVED
from .conftest import CATALOG_MODELS, ask, entry_data, entry_options, speech
from .house import House

pytestmark = pytest.mark.usefixtures("socket_enabled")
SERVER_INPUT = {
    CONF_ENGINE: "server",
    **CATALOG_MODELS,
    CONF_VOTES: 3,
    CONF_TEMPERATURE: DEFAULT_TEMPERATURE,
    CONF_FALLBACK: True,
}


async def started(hass: HomeAssistant, server: LocalServer) -> LocalServer:
    """Start a server without blocking the event loop (Home Assistant's tests forbid it)."""
    return await hass.async_add_executor_job(server.start)


async def configure(hass: HomeAssistant, user_input: dict[str, Any]) -> dict[str, Any]:
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    assert result["type"] is FlowResultType.FORM
    return await hass.config_entries.flow.async_configure(result["flow_id"], user_input)


async def setup_entry(hass: HomeAssistant, url: str, **options: Any) -> MockConfigEntry:
    entry = MockConfigEntry(
        domain=DOMAIN, title="LLM Ensemble", data=entry_data("server", url), options=entry_options(**options)
    )
    entry.add_to_hass(hass)
    await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    return entry


async def test_flow_creates_a_server_entry(hass: HomeAssistant, house: House, llama_server: LocalServer) -> None:
    result = await configure(hass, SERVER_INPUT | {CONF_SERVER_URL: llama_server.url + "/"})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["data"][CONF_ENGINE] == "server"
    await hass.async_block_till_done()
    entry = hass.config_entries.async_entries(DOMAIN)[0]
    assert entry.state is ConfigEntryState.LOADED
    assert entry.runtime_data.engine.kind == "server"


async def test_each_server_failure_has_its_error(hass: HomeAssistant, house: House) -> None:
    nobody = f"http://127.0.0.1:{free_port()}"
    assert (await configure(hass, SERVER_INPUT))["errors"] == {CONF_SERVER_URL: "invalid_url"}
    assert (await configure(hass, SERVER_INPUT | {CONF_SERVER_URL: "192.168.1.2:8080"}))["errors"] == {
        CONF_SERVER_URL: "invalid_url"
    }
    assert (await configure(hass, SERVER_INPUT | {CONF_SERVER_URL: nobody}))["errors"] == {
        CONF_SERVER_URL: "server_unreachable"
    }
    swapped = await started(
        hass, LocalServer({"catalog_selector": CATALOG["domotics"], "catalog_domotics": CATALOG["selector"]})
    )
    try:
        result = await configure(hass, SERVER_INPUT | {CONF_SERVER_URL: swapped.url})
    finally:
        await hass.async_add_executor_job(swapped.close)
    assert result["errors"] == {CONF_SERVER_URL: "server_wrong_model"}
    hung = await started(hass, LocalServer(SERVED))
    try:
        hung.pause()
        result = await configure(hass, SERVER_INPUT | {CONF_SERVER_URL: hung.url})
    finally:
        await hass.async_add_executor_job(hung.close)
    assert result["errors"] == {CONF_SERVER_URL: "server_timeout"}
    result = await configure(hass, SERVER_INPUT | {CONF_SERVER_URL: nobody, CONF_SELECTOR_MODEL: "nope.gguf"})
    assert result["errors"] == {CONF_SELECTOR_MODEL: "model_missing"}


@pytest.mark.skipif(HAS_LLAMA_CPP, reason="only where llama-cpp-python cannot be installed (Home Assistant OS)")
async def test_in_process_without_llama_cpp_points_to_numpy_or_the_server(hass: HomeAssistant, house: House) -> None:
    result = await configure(hass, SERVER_INPUT | {CONF_ENGINE: "in_process"})
    assert result["errors"] == {CONF_ENGINE: "llama_cpp_unavailable"}


async def test_reconfigure_switches_engine(hass: HomeAssistant, house: House, llama_server: LocalServer) -> None:
    entry = await setup_entry(hass, llama_server.url)
    assert entry.state is ConfigEntryState.LOADED
    target = "in_process" if HAS_LLAMA_CPP else "server"
    result = await entry.start_reconfigure_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {
            CONF_ENGINE: target,
            CONF_SERVER_URL: llama_server.url,
            CONF_SELECTOR_MODEL: "selector.gguf",
            CONF_DOMOTICS_MODEL: "domotics.gguf",
        },
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    assert entry.runtime_data.engine.kind == target
    # Now on the shipped models, which name the light by the home's own name for it.
    assert speech(await ask(hass, "apaga la luz del salón")) == "Luz salón se ha apagado."


async def test_unreachable_at_setup_then_back(hass: HomeAssistant, house: House) -> None:
    server = LocalServer(SERVED)
    entry = await setup_entry(hass, server.url)
    assert entry.state is ConfigEntryState.SETUP_RETRY
    assert entry.reason and server.url in entry.reason
    await started(hass, server)
    try:
        await hass.config_entries.async_reload(entry.entry_id)
        await hass.async_block_till_done()
        assert entry.state is ConfigEntryState.LOADED
        assert speech(await ask(hass, "apaga la luz del salón")) == "He apagado la luz del salón."
    finally:
        await hass.config_entries.async_unload(entry.entry_id)
        await hass.async_add_executor_job(server.close)


async def test_server_down_slow_and_back_during_requests(
    hass: HomeAssistant, house: House, own_server: LocalServer, caplog: pytest.LogCaptureFixture
) -> None:
    """Down or frozen: a clear Spanish answer and nothing switched; back: it answers by itself.

    The log says so once when the outage starts and once when it ends, not on every request.
    """
    entry = await setup_entry(hass, own_server.url, fallback=False)
    assert entry.state is ConfigEntryState.LOADED
    assert hass.states.get("light.luz_salon").state == "on"

    own_server.pause()
    result = await ask(hass, "apaga la luz del salón")
    assert speech(result) == fallback.SERVER_SLOW
    assert result.response.error_code is not None
    await hass.async_add_executor_job(own_server.kill)
    assert speech(await ask(hass, "apaga la luz del salón")) == fallback.SERVER_DOWN
    assert hass.states.get("light.luz_salon").state == "on"
    assert entry.runtime_data.server_down
    assert caplog.text.count("The llama.cpp server cannot answer") == 1

    await started(hass, own_server)  # the same port
    await ask(hass, "enciende la cafetera")  # the router loads the models again on this request
    assert speech(await ask(hass, "apaga la luz del salón")) == "He apagado la luz del salón."
    assert hass.states.get("light.luz_salon").state == "off"
    assert not entry.runtime_data.server_down
    assert caplog.text.count("The llama.cpp server answers again") == 1


async def test_server_down_with_fallback_uses_the_built_in_agent(
    hass: HomeAssistant, house: House, own_server: LocalServer
) -> None:
    entry = await setup_entry(hass, own_server.url, fallback=True)
    await hass.async_add_executor_job(own_server.kill)
    # The built-in agent knows this exact form; it answers instead of the models.
    result = await ask(hass, "apaga la luz salón")
    assert hass.states.get("light.luz_salon").state == "off", speech(result)
    # What it does not understand gets our reason, not "I did not understand".
    assert speech(await ask(hass, "me das un poco de luz en el salon porfa")) == fallback.SERVER_DOWN
    assert entry.state is ConfigEntryState.LOADED


@pytest.mark.skipif(not HAS_LLAMA_CPP, reason="needs llama-cpp-python installed")
async def test_llama_cpp_is_checked_not_installed(hass: HomeAssistant) -> None:
    """Where llama-cpp-python is installed, the check passes; nothing is ever pip-installed."""
    hass.config.skip_pip = False
    with patch("homeassistant.requirements.async_process_requirements") as install:
        await async_check_llama_cpp(hass)
    install.assert_not_called()
