"""The agent end to end: each route, through every way Home Assistant calls an agent."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from homeassistant.components import conversation
from homeassistant.components.conversation import HOME_ASSISTANT_AGENT, AssistantContent
from homeassistant.const import EVENT_CALL_SERVICE, STATE_OFF, STATE_ON
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers import chat_session, intent
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_capture_events
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from custom_components.llm_ensemble.engine import ServerSettings
from custom_components.llm_ensemble.engine.server import ServerModel

from .conftest import AGENT_ID, ask, entry_options, speech
from .house import House

DEVICE_DOMAINS = {"light", "switch", "fan", "input_boolean"}
WEATHER_TOMORROW = "Sí, mañana se espera lluvia: lloverá, entre 12 y 19 °C, con un 80 % de probabilidad de lluvia."
BUSY_MACHINE_TIMEOUT = 60.0  # seconds: for a test machine under load, not a user waiting


def device_calls(events: list[Any]) -> list[Any]:
    return [e for e in events if e.data["domain"] in DEVICE_DOMAINS]


async def built_in_answer(hass: HomeAssistant, text: str) -> dict[str, Any]:
    result = await conversation.async_converse(
        hass, text, None, Context(), language="es", agent_id=HOME_ASSISTANT_AGENT
    )
    return result.response.as_dict()


# -- LLM1: devices ------------------------------------------------------------------------------
async def test_device_request_turns_off_the_mapped_light(hass: HomeAssistant, agent: MockConfigEntry) -> None:
    assert hass.states.get("light.luz_salon").state == STATE_ON
    result = await ask(hass, "apaga la luz del salón", conversation_id="mi-conversacion")

    assert hass.states.get("light.luz_salon").state == STATE_OFF
    response = result.response
    assert response.response_type is intent.IntentResponseType.ACTION_DONE
    assert speech(result) == "He apagado la luz del salón."
    assert [t.id for t in response.success_results] == ["light.luz_salon"]
    assert response.success_results[0].type is intent.IntentResponseTargetType.ENTITY
    assert result.conversation_id == "mi-conversacion"

    # The chat log of that conversation holds the request and the reply.
    with (
        chat_session.async_get_chat_session(hass, "mi-conversacion") as session,
        conversation.async_get_chat_log(hass, session) as chat_log,
    ):
        last = chat_log.content[-1]
        assert isinstance(last, AssistantContent)
        assert last.content == "He apagado la luz del salón."
        assert chat_log.content[-2].content == "apaga la luz del salón"


@pytest.mark.parametrize(
    ("text", "entity_id", "expected", "reply"),
    [
        ("enciende la luz de la cocina", "light.luz_cocina", STATE_ON, "He encendido la luz de la cocina."),
        ("enciende la tira led del salón", "light.tira_led_salon", STATE_ON, "He encendido la tira LED del salón."),
        ("enciende el ventilador del salón", "fan.ventilador_salon", STATE_ON, "He encendido el ventilador del salón."),
        ("apaga la tele", "switch.television", STATE_OFF, "He apagado la televisión."),
        ("enciende la cafetera", "switch.cafetera", STATE_ON, "He encendido la cafetera."),
        ("activa el riego del jardín", "input_boolean.riego_jardin", STATE_ON, "He encendido el riego."),
    ],
)
async def test_each_domain_changes_state(
    hass: HomeAssistant, agent: MockConfigEntry, text: str, entity_id: str, expected: str, reply: str
) -> None:
    assert hass.states.get(entity_id).state != expected
    result = await ask(hass, text)
    assert hass.states.get(entity_id).state == expected
    assert speech(result) == reply
    assert [t.id for t in result.response.success_results] == [entity_id]


@pytest.mark.parametrize(
    ("text", "entity_id", "code"),
    [
        ("enciende el calefactor del baño", "input_boolean.calefactor_bano", "no_valid_targets"),  # not exposed
        ("enciende la luz del pasillo", None, "no_valid_targets"),  # not mapped
        ("enciende la luz del baño", None, "no_valid_targets"),  # mapped entity does not exist
    ],
)
async def test_refusals_call_no_service(
    hass: HomeAssistant, agent: MockConfigEntry, text: str, entity_id: str | None, code: str
) -> None:
    before = hass.states.get(entity_id).state if entity_id else None
    calls = async_capture_events(hass, EVENT_CALL_SERVICE)
    result = await ask(hass, text)
    assert result.response.response_type is intent.IntentResponseType.ERROR
    assert result.response.error_code.value == code
    assert speech(result)
    assert device_calls(calls) == []
    if entity_id:
        assert hass.states.get(entity_id).state == before


async def test_unavailable_entity(hass: HomeAssistant, agent: MockConfigEntry, house: House) -> None:
    lamp = house.lights["dormitorio"]
    lamp._attr_available = False
    lamp.async_write_ha_state()
    calls = async_capture_events(hass, EVENT_CALL_SERVICE)
    result = await ask(hass, "enciende la luz del dormitorio")
    assert result.response.error_code is intent.IntentResponseErrorCode.FAILED_TO_HANDLE
    assert speech(result) == "La luz del dormitorio no está disponible ahora mismo."
    assert device_calls(calls) == []


async def test_a_repeated_request_acts_on_the_home_as_it_is_now(
    hass: HomeAssistant, agent: MockConfigEntry, house: House
) -> None:
    """The decision comes from the cache the second time; the check and the service call never do."""
    await ask(hass, "apaga la luz del salón")
    assert hass.states.get("light.luz_salon").state == STATE_OFF
    await hass.services.async_call("light", "turn_on", {"entity_id": "light.luz_salon"}, blocking=True)
    calls = async_capture_events(hass, EVENT_CALL_SERVICE)
    result = await ask(hass, "apaga la luz del salón")
    assert hass.states.get("light.luz_salon").state == STATE_OFF  # switched again
    assert [c.data["service"] for c in device_calls(calls)] == ["turn_off"]
    assert agent.runtime_data.decisions[-1]["cached"] is True
    assert speech(result) == "He apagado la luz del salón."

    lamp = house.lights["dormitorio"]  # the same request, the device gone since: the home decides
    await ask(hass, "enciende la luz del dormitorio")
    lamp._attr_available = False
    lamp.async_write_ha_state()
    result = await ask(hass, "enciende la luz del dormitorio")
    assert speech(result) == "La luz del dormitorio no está disponible ahora mismo."


# -- LLM2: weather ------------------------------------------------------------------------------
async def test_weather_tomorrow(hass: HomeAssistant, agent: MockConfigEntry) -> None:
    calls = async_capture_events(hass, EVENT_CALL_SERVICE)
    result = await ask(hass, "¿va a llover mañana?")
    assert speech(result) == WEATHER_TOMORROW
    assert result.response.response_type is intent.IntentResponseType.QUERY_ANSWER
    assert device_calls(calls) == []


async def test_weather_now(hass: HomeAssistant, agent: MockConfigEntry) -> None:
    result = await ask(hass, "¿qué tiempo hace ahora?")
    assert speech(result) == "Ahora mismo hace sol, con 21,5 °C."


async def test_weather_without_entity(hass: HomeAssistant, agent: MockConfigEntry) -> None:
    hass.config_entries.async_update_entry(agent, options=entry_options(weather_entity=None))
    await hass.async_block_till_done()
    result = await ask(hass, "¿va a llover mañana?")
    assert result.response.error_code is intent.IntentResponseErrorCode.NO_VALID_TARGETS
    assert "no hay ninguna entidad del tiempo" in speech(result)


# -- NINGUNO: the built-in agent ---------------------------------------------------------------
async def test_other_requests_get_the_built_in_answer_unchanged(hass: HomeAssistant, agent: MockConfigEntry) -> None:
    calls = async_capture_events(hass, EVENT_CALL_SERVICE)
    result = await ask(hass, "cuéntame un chiste", conversation_id="otra")
    assert result.response.as_dict() == await built_in_answer(hass, "cuéntame un chiste")
    assert result.conversation_id == "otra"
    assert device_calls(calls) == []
    with (
        chat_session.async_get_chat_session(hass, "otra") as session,
        conversation.async_get_chat_log(hass, session) as chat_log,
    ):
        assert chat_log.content[-1].content == speech(result)
        assert sum(1 for c in chat_log.content if c.role == "assistant") == 1


async def test_fallback_off(hass: HomeAssistant, agent: MockConfigEntry) -> None:
    hass.config_entries.async_update_entry(agent, options=entry_options(fallback=False))
    await hass.async_block_till_done()
    result = await ask(hass, "cuéntame un chiste")
    assert speech(result) == "No te he entendido."
    assert result.response.error_code is intent.IntentResponseErrorCode.NO_INTENT_MATCH


# -- the ways Home Assistant calls an agent ------------------------------------------------------
async def test_conversation_process_service(hass: HomeAssistant, agent: MockConfigEntry) -> None:
    """As an automation calls it."""
    response = await hass.services.async_call(
        "conversation",
        "process",
        {"text": "apaga la luz del salón", "agent_id": AGENT_ID, "language": "es"},
        blocking=True,
        return_response=True,
    )
    assert hass.states.get("light.luz_salon").state == STATE_OFF
    assert response["response"]["speech"]["plain"]["speech"] == "He apagado la luz del salón."
    assert response["response"]["data"]["success"][0]["id"] == "light.luz_salon"


async def test_conversation_process_websocket(
    hass: HomeAssistant, agent: MockConfigEntry, hass_ws_client: WebSocketGenerator
) -> None:
    """As the chat panel calls it."""
    client = await hass_ws_client(hass)
    await client.send_json_auto_id(
        {"type": "conversation/process", "text": "enciende la cafetera", "agent_id": AGENT_ID, "language": "es"}
    )
    msg = await client.receive_json()
    assert msg["success"], msg
    assert msg["result"]["response"]["speech"]["plain"]["speech"] == "He encendido la cafetera."
    assert hass.states.get("switch.cafetera").state == STATE_ON


async def test_assist_pipeline_from_intent_stage(
    hass: HomeAssistant, agent: MockConfigEntry, hass_ws_client: WebSocketGenerator
) -> None:
    """As the voice assistant runs it: a Spanish pipeline whose conversation engine is this agent."""
    assert await async_setup_component(hass, "assist_pipeline", {})
    client = await hass_ws_client(hass)
    await client.send_json_auto_id(
        {
            "type": "assist_pipeline/pipeline/create",
            "name": "Casa",
            "language": "es",
            "conversation_engine": AGENT_ID,
            "conversation_language": "es",
            "stt_engine": None,
            "stt_language": None,
            "tts_engine": None,
            "tts_language": None,
            "tts_voice": None,
            "wake_word_entity": None,
            "wake_word_id": None,
        }
    )
    created = await client.receive_json()
    assert created["success"], created
    await client.send_json_auto_id(
        {
            "type": "assist_pipeline/run",
            "start_stage": "intent",
            "end_stage": "intent",
            "input": {"text": "apaga la luz del salón"},
            "pipeline": created["result"]["id"],
        }
    )
    assert (await client.receive_json())["success"]
    events: dict[str, Any] = {}
    while "run-end" not in events and "error" not in events:
        msg = await client.receive_json()
        events[msg["event"]["type"]] = msg["event"]["data"]
    assert "error" not in events, events
    output = events["intent-end"]["intent_output"]
    assert output["response"]["speech"]["plain"]["speech"] == "He apagado la luz del salón."
    assert hass.states.get("light.luz_salon").state == STATE_OFF


# -- concurrency -------------------------------------------------------------------------------
async def test_twenty_concurrent_requests(hass: HomeAssistant, agent: MockConfigEntry) -> None:
    expected = {
        "apaga la luz del salón": "He apagado la luz del salón.",
        "enciende la cafetera": "He encendido la cafetera.",
        "¿va a llover mañana?": WEATHER_TOMORROW,
        "cuéntame un chiste": speech_of(await built_in_answer(hass, "cuéntame un chiste")),
    }
    texts = [list(expected)[i % len(expected)] for i in range(20)]
    wait_as_long_as_a_busy_machine_needs(agent)
    results = await asyncio.gather(*(ask(hass, text) for text in texts))
    assert [speech(r) for r in results] == [expected[t] for t in texts]
    assert len({r.conversation_id for r in results}) == 20


def wait_as_long_as_a_busy_machine_needs(entry: MockConfigEntry) -> None:
    """Give the server engine's requests longer than the few seconds a user waits.

    Twenty requests at once on a test machine busy with other tests may take the server longer
    than that; this test is about each getting its own answer, not about speed.
    """
    selector = entry.runtime_data.engine.selector
    if isinstance(selector, ServerModel):  # one client serves both models
        selector.client.settings = ServerSettings(selector.client.settings.url, BUSY_MACHINE_TIMEOUT)


def speech_of(response: dict[str, Any]) -> str:
    return str(response["speech"]["plain"]["speech"])
