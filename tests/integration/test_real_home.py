"""The agent in a real home: the catalog's 18 devices and 23 others, every kind of request.

It acts only on an on/off command for a device it knows in this home and passes everything else
on to Home Assistant's built-in agent; judged by what changed in the home, on the shipped models.
"""

from __future__ import annotations

import random
import string
from collections.abc import AsyncIterator
from typing import Any

import pytest
from homeassistant.components import conversation
from homeassistant.const import EVENT_CALL_SERVICE
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_capture_events

from custom_components.llm_ensemble.entity_matching import async_candidates, suggest_mapping

from .conftest import ask, async_set_up_agent, entry_options, speech
from .real_home import RealHome, async_setup_real_home

SALON_LIGHTS = ("light.luz_del_salon", "light.tira_led_del_salon", "light.lampara_de_pie")


@pytest.fixture
async def home(hass: HomeAssistant) -> RealHome:
    real = await async_setup_real_home(hass)
    assert await async_setup_component(hass, "conversation", {})
    return real


@pytest.fixture
async def agent(hass: HomeAssistant, home: RealHome, engine_data: dict[str, Any]) -> AsyncIterator[MockConfigEntry]:
    """The integration on the shipped models, each code mapped to its device of the real home."""
    entry = await async_set_up_agent(hass, engine_data, entry_options(entity_map=home.by_code, weather_entity=None))
    yield entry
    assert await hass.config_entries.async_unload(entry.entry_id)


def changes(before: dict[str, str], after: dict[str, str]) -> dict[str, str]:
    """entity_id -> its new state, for every entity that changed (attributes included)."""
    return {entity_id: after[entity_id] for entity_id in before if before[entity_id] != after[entity_id]}


async def said(hass: HomeAssistant, home: RealHome, text: str) -> tuple[conversation.ConversationResult, dict]:
    before = home.snapshot()
    result = await ask(hass, text)
    await hass.async_block_till_done()
    return result, changes(before, home.snapshot())


@pytest.mark.parametrize(
    ("text", "entity_id", "start_on"),
    [
        ("apaga la luz del salón", "light.luz_del_salon", True),
        ("enciende la cafetera", "switch.cafetera", False),
        ("prende el ventilador del dormitorio", "fan.ventilador_del_dormitorio", False),
    ],
)
async def test_catalog_commands_still_act(
    hass: HomeAssistant, home: RealHome, agent: MockConfigEntry, text: str, entity_id: str, start_on: bool
) -> None:
    home.reset(dict.fromkeys(home.entities, start_on))
    result, changed = await said(hass, home, text)
    assert list(changed) == [entity_id], speech(result)
    assert agent.runtime_data.decisions[-1]["passed_on"] is None  # ours, not the built-in agent's


@pytest.mark.parametrize(
    "text",
    [
        "apaga la luz de la buhardilla del vecino",  # a room this home does not have
        "¿se quedó encendido el ventilador del despacho?",  # a question about a state
        "no enciendas la tele",  # a negation
        "la luz de la cocina es muy fea",  # a statement
        "mi hermano arregló el ventilador del salón",
        "me han regalado la smart tv para salon, anda",  # news: switched the TV off before tells_news
        "apaga la luz del salón en diez minutos",  # later, not now
        "enciende el riego cuando salga",  # on a condition
        "sube el volumen de la tele",  # a change a switch cannot make
        "enciende la luz del trastero",  # no such room in this home
        "apaga la freidora del salón",  # a device neither the model nor this home knows
        "enciende el foco de la sala de cine",
        "evita apagar la luz del garaje",  # an order not to
    ],
)
async def test_what_is_not_an_order_for_a_known_device_switches_nothing(
    hass: HomeAssistant, home: RealHome, agent: MockConfigEntry, text: str
) -> None:
    home.reset({entity_id: index % 2 == 0 for index, entity_id in enumerate(home.entities)})
    result, changed = await said(hass, home, text)
    assert changed == {}, (text, speech(result), agent.runtime_data.decisions[-1])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("apaga las luces del salón", dict.fromkeys(SALON_LIGHTS, "off")),  # area-wide: every light
        ("apaga la luz del comedor", {"light.luz_del_comedor": "off"}),  # a room outside the catalog
        ("apaga la lámpara de pie", {"light.lampara_de_pie": "off"}),  # a second light in a catalog room
        ("apaga el termo", {"switch.termo": "off"}),  # an appliance
    ],
)
async def test_the_built_in_agent_does_what_is_its_job(
    hass: HomeAssistant, home: RealHome, agent: MockConfigEntry, text: str, expected: dict[str, str]
) -> None:
    home.reset(dict.fromkeys(home.entities, True))
    result, changed = await said(hass, home, text)
    assert {entity_id: state.split()[0] for entity_id, state in changed.items()} == expected, speech(result)
    assert agent.runtime_data.decisions[-1]["passed_on"]  # handed on, with the reason recorded


async def test_colour_is_not_just_on(hass: HomeAssistant, home: RealHome, agent: MockConfigEntry) -> None:
    """ "pon la luz del salón en azul" goes to the built-in agent, which makes it blue."""
    home.reset(dict.fromkeys(home.entities, False))
    result, changed = await said(hass, home, "pon la luz del salón en azul")
    assert list(changed) == ["light.luz_del_salon"], speech(result)
    assert hass.states.get("light.luz_del_salon").attributes["hs_color"] != (0.0, 0.0)


@pytest.mark.parametrize("question", ["¿está encendida la luz del pasillo?", "¿sigue encendida la luz del pasillo?"])
@pytest.mark.parametrize(("start_on", "answer"), [(True, "encendida"), (False, "apagada")])
async def test_state_questions_are_answered_and_switch_nothing(
    hass: HomeAssistant, home: RealHome, agent: MockConfigEntry, start_on: bool, answer: str, question: str
) -> None:
    home.reset(dict.fromkeys(home.entities, start_on))
    result, changed = await said(hass, home, question)
    assert changed == {}
    assert speech(result) == f"La luz del pasillo está {answer}."


async def test_options_form_suggests_each_codes_own_device(
    hass: HomeAssistant, home: RealHome, agent: MockConfigEntry
) -> None:
    """With more devices than codes, the room's own "Luz del salón" beats the floor lamp beside it."""
    suggested = suggest_mapping(agent.runtime_data.engine.catalog, async_candidates(hass))
    assert suggested == home.by_code


@pytest.mark.parametrize(
    "text",
    [
        "".join(random.Random(5).choice(string.ascii_lowercase + "  ") for _ in range(5000)),  # not language
        "apaga la luz del salón " + "y luego ya veremos qué más " * 180,  # longer than the models read
    ],
)
async def test_text_the_models_cannot_read_whole_switches_nothing(
    hass: HomeAssistant, home: RealHome, agent: MockConfigEntry, text: str
) -> None:
    home.reset(dict.fromkeys(home.entities, True))
    calls = async_capture_events(hass, EVENT_CALL_SERVICE)
    result, changed = await said(hass, home, text)
    assert changed == {} and not [c for c in calls if c.data["service"] in ("turn_on", "turn_off")]
    assert speech(result).strip()
    assert agent.runtime_data.decisions[-1]["route"] != "weather"  # no weather answer to random letters
