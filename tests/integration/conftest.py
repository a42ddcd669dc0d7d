"""Integration tests: a real Home Assistant, the real shipped models, no mocked model.

The agent runs on each engine of LLM_ENSEMBLE_ENGINES (tests/conftest.py): in-process, and on a
real llama-server (one per run, on 127.0.0.1) through Home Assistant's shared HTTP session.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from homeassistant.components import conversation
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import Context, HomeAssistant
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.llm_ensemble.const import (
    CONF_DOMOTICS_MODEL,
    CONF_ENGINE,
    CONF_ENTITY_MAP,
    CONF_FALLBACK,
    CONF_SELECTOR_MODEL,
    CONF_SERVER_URL,
    CONF_TEMPERATURE,
    CONF_VOTES,
    CONF_WEATHER_ENTITY,
    DEFAULT_TEMPERATURE,
    DOMAIN,
    MODELS_DIR,
)
from devtools.local_server import LocalServer

from ..conftest import CATALOG, ENGINES
from .house import House, async_setup_house

SELECTOR = MODELS_DIR / "selector.gguf"
DOMOTICS = MODELS_DIR / "domotics.gguf"
# The shipped models name devices in words; the catalog ones answer codes the options map.
SHIPPED_MODELS = {CONF_SELECTOR_MODEL: "selector.gguf", CONF_DOMOTICS_MODEL: "domotics.gguf"}
CATALOG_MODELS = {CONF_SELECTOR_MODEL: str(CATALOG["selector"]), CONF_DOMOTICS_MODEL: str(CATALOG["domotics"])}
AGENT_ID = "conversation.llm_ensemble"


# What the test house maps: every refusal case has its own code.
MAPPING: dict[str, str | None] = {
    "LUZ_SL": "light.luz_salon",
    "LUZ_CO": "light.luz_cocina",
    "LED_SL": "light.tira_led_salon",
    "LUZ_DO": "light.lampara_dormitorio",  # made unavailable by the tests that need it
    "LUZ_BA": "light.no_existe",  # mapped to an entity that does not exist
    "LUZ_PA": None,  # left unmapped on purpose
    "VENT_SL": "fan.ventilador_salon",
    "TV_SL": "switch.television",
    "CAFE_CO": "switch.cafetera",
    "RIEGO_JA": "input_boolean.riego_jardin",
    "CALEF_BA": "input_boolean.calefactor_bano",  # not exposed to Assist
}


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(enable_custom_integrations: None) -> None:
    """Let Home Assistant load custom_components/llm_ensemble."""


@pytest.fixture(autouse=True)
async def spanish_core(hass: HomeAssistant) -> None:
    """A Spanish-speaking home with the core integration (exposure settings live there)."""
    hass.config.language = "es"
    assert await async_setup_component(hass, "homeassistant", {})


def entry_options(**overrides: Any) -> dict[str, Any]:
    options: dict[str, Any] = {
        CONF_VOTES: 3,
        CONF_TEMPERATURE: DEFAULT_TEMPERATURE,
        CONF_FALLBACK: True,
        CONF_WEATHER_ENTITY: "weather.tiempo_casa",
        CONF_ENTITY_MAP: dict(MAPPING),
    }
    options.update(overrides)
    return options


@pytest.fixture
async def house(hass: HomeAssistant) -> House:
    return await async_setup_house(hass)


def entry_data(engine: str, url: str | None = None, models: dict[str, str] = CATALOG_MODELS) -> dict[str, Any]:
    """entry.data for an engine, on the catalog models (the mapping's tests) unless told otherwise."""
    data: dict[str, Any] = dict(models)
    if engine == "server":
        data |= {CONF_ENGINE: "server", CONF_SERVER_URL: url}
    elif engine != "numpy":  # NumPy is what an entry without an engine runs on (the default)
        data[CONF_ENGINE] = engine
    return data


@pytest.fixture(params=ENGINES)
def engine_data(request: pytest.FixtureRequest) -> dict[str, Any]:
    """entry.data for each engine this run tests (the server one starts the shared server)."""
    if request.param == "server":
        server: LocalServer = request.getfixturevalue("llama_server")
        request.getfixturevalue("socket_enabled")  # Home Assistant's HTTP session talks to it
        return entry_data("server", server.url)
    return entry_data(request.param)


async def async_set_up_agent(
    hass: HomeAssistant, engine_data: dict[str, Any], options: dict[str, Any]
) -> MockConfigEntry:
    """The integration set up on the models of `engine_data`, with these options, loaded."""
    entry = MockConfigEntry(domain=DOMAIN, title="LLM Ensemble", data=engine_data, options=options)
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    return entry


@pytest.fixture
async def agent(hass: HomeAssistant, house: House, engine_data: dict[str, Any]) -> AsyncIterator[MockConfigEntry]:
    """The integration set up on the catalog models, mapped onto the test house, on each engine."""
    entry = await async_set_up_agent(hass, engine_data, entry_options())
    yield entry
    if entry.state is ConfigEntryState.LOADED:
        assert await hass.config_entries.async_unload(entry.entry_id)


async def ask(hass: HomeAssistant, text: str, conversation_id: str | None = None) -> conversation.ConversationResult:
    """What a chat panel or automation does: one request to this agent, in Spanish."""
    return await conversation.async_converse(hass, text, conversation_id, Context(), language="es", agent_id=AGENT_ID)


def speech(result: conversation.ConversationResult) -> str:
    return str(result.response.speech["plain"]["speech"])
