"""What the agent does with each kind of decision, including the ones a good model rarely gives.

The decisions here are built by hand (an abstaining vote, an unknown code, an entity of a domain
the agent does not switch), the rest of the path is the real one: real entities, real services.
"""

from __future__ import annotations

import pytest
from homeassistant.const import EVENT_CALL_SERVICE, STATE_ON
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers import intent
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_capture_events

from custom_components.llm_ensemble.engine import Decision, Timings
from custom_components.llm_ensemble.outcomes import async_outcome
from custom_components.llm_ensemble.settings import Settings

from .conftest import entry_options


def decision(
    route: str, command: str | None = None, votes: tuple[str | None, ...] = (), text: str = "texto"
) -> Decision:
    return Decision(text, text, route, None, votes, command, False, Timings())


async def outcome_of(hass: HomeAssistant, entry: MockConfigEntry, made: Decision, **options: object):
    settings = Settings.from_options(entry_options(**options))
    return await async_outcome(hass, made, settings, entry.runtime_data.engine.domotics.info, Context())


async def test_abstention_changes_nothing(hass: HomeAssistant, agent: MockConfigEntry) -> None:
    calls = async_capture_events(hass, EVENT_CALL_SERVICE)
    split = decision("domotics", None, ("LUZ_SL OFF", "TV_SL OFF", None))
    assert split.abstained
    outcome = await outcome_of(hass, agent, split)
    assert outcome.error == intent.IntentResponseErrorCode.NO_INTENT_MATCH.value
    assert outcome.speech.startswith("No te he entendido bien")
    assert calls == []
    assert hass.states.get("light.luz_salon").state == STATE_ON


async def test_unknown_code(hass: HomeAssistant, agent: MockConfigEntry) -> None:
    outcome = await outcome_of(hass, agent, decision("domotics", "PUERTA_GA ON"))
    assert outcome.error == intent.IntentResponseErrorCode.NO_VALID_TARGETS.value


async def test_unsupported_domain(hass: HomeAssistant, agent: MockConfigEntry) -> None:
    hass.states.async_set("media_player.dormitorio", "on")
    mapping = {"VENT_DO": "media_player.dormitorio"}
    outcome = await outcome_of(hass, agent, decision("domotics", "VENT_DO OFF"), entity_map=mapping)
    assert outcome.error == intent.IntentResponseErrorCode.FAILED_TO_HANDLE.value
    assert "media_player" in outcome.speech


async def test_service_failure_is_reported(hass: HomeAssistant, agent: MockConfigEntry) -> None:
    """A device that does not answer: the call fails, the agent says so."""
    mapping = {"CAFE_CO": "switch.enchufe_roto"}
    made = decision("domotics", "CAFE_CO ON", text="enciéndelo")
    outcome = await outcome_of(hass, agent, made, entity_map=mapping)
    assert outcome.service_call == "switch.turn_on switch.enchufe_roto"
    assert outcome.error == intent.IntentResponseErrorCode.FAILED_TO_HANDLE.value
    assert outcome.speech == "No he podido encender la cafetera: el enchufe no responde"


async def test_none_route_without_fallback(hass: HomeAssistant, agent: MockConfigEntry) -> None:
    outcome = await outcome_of(hass, agent, decision("none"), fallback=False)
    assert outcome.speech == "No te he entendido."


@pytest.mark.parametrize(
    ("text", "told_not_to"),
    [
        ("¿está encendida la luz del salón?", False),
        ("¿apagué la luz del salón?", False),  # the speaker's past: still a question about the state
        ("evita prender la luz del salón", True),  # an order not to, read as a question by the models
        ("nunca enciendas la luz del salón", True),
    ],
)
async def test_a_state_answer_is_not_given_to_a_negated_order(
    hass: HomeAssistant, agent: MockConfigEntry, text: str, told_not_to: bool
) -> None:
    """A negated order gets an acknowledgement, not the state; neither is passed on."""
    votes = ("LUZ_SL ESTADO",) * 3
    made = Decision(text, text, "domotics", "LLM1", votes, "LUZ_SL ESTADO", False, Timings())
    outcome = await outcome_of(hass, agent, made)
    assert outcome.pass_on is None, outcome
    assert outcome.speech.startswith("Vale") == told_not_to, outcome
    assert hass.states.get("light.luz_salon").state == STATE_ON  # nothing switched either way


@pytest.mark.parametrize(
    "text",
    [
        "la luz del salón, ¿encendida o apagada?",  # both states named
        "¿apagué la luz del salón?",  # the speaker's own past
        "¿apagaste la luz del salón?",
    ],
)
async def test_a_question_read_as_a_switch_gets_the_state(
    hass: HomeAssistant, agent: MockConfigEntry, text: str
) -> None:
    """The models may read a question about the state as an order; it is answered, nothing switched."""
    votes = ("LUZ_SL OFF",) * 3
    made = Decision(text, text, "domotics", "LLM1", votes, "LUZ_SL OFF", False, Timings())
    outcome = await outcome_of(hass, agent, made)
    assert outcome.pass_on is None, outcome
    assert "encendida" in outcome.speech
    assert hass.states.get("light.luz_salon").state == STATE_ON


@pytest.mark.parametrize("text", ["¿me apagas la luz del salón?", "¿me apagarías la luz del salón?"])
async def test_an_order_read_as_a_switch_still_switches(hass: HomeAssistant, agent: MockConfigEntry, text: str) -> None:
    made = Decision(text, text, "domotics", "LLM1", ("LUZ_SL OFF",) * 3, "LUZ_SL OFF", False, Timings())
    await outcome_of(hass, agent, made)
    assert hass.states.get("light.luz_salon").state == "off"
