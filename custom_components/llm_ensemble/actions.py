"""A voted command ("LUZ_SL OFF") becomes one service call on the entity the user mapped.

The agent acts only on a mapped entity that exists, is exposed to Assist and is available;
otherwise it says why, with the error code Assist uses for that case, and calls nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from homeassistant.components.homeassistant.exposed_entities import async_should_expose
from homeassistant.const import ATTR_ENTITY_ID, SERVICE_TURN_OFF, SERVICE_TURN_ON, STATE_UNAVAILABLE
from homeassistant.core import Context, HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers.intent import IntentResponseErrorCode

from .const import SUPPORTED_DOMAINS
from .data import Outcome
from .engine import CatalogEntry
from .spanish import capitalize, device_phrase

CONVERSATION = "conversation"  # the assistant id exposure settings are kept under
SERVICES = {"ON": SERVICE_TURN_ON, "OFF": SERVICE_TURN_OFF}
DONE = {"ON": "He encendido {device}.", "OFF": "He apagado {device}."}
VERB = {"ON": "encender", "OFF": "apagar"}


def abstained() -> Outcome:
    """The votes did not agree: better to ask again than to switch the wrong thing."""
    return Outcome(
        "No te he entendido bien. Dímelo de otra forma, por favor.",
        IntentResponseErrorCode.NO_INTENT_MATCH.value,
    )


async def async_run_command(
    hass: HomeAssistant,
    command: str,
    catalog: Sequence[CatalogEntry],
    entity_map: Mapping[str, str | None],
    context: Context,
) -> Outcome:
    """Check the mapped entity, call turn_on/turn_off on it, and say what happened."""
    code, _, action = command.partition(" ")
    entry = next((e for e in catalog if e.code == code), None)
    if entry is None or action not in SERVICES:
        return Outcome(f"No conozco la orden {command}.", IntentResponseErrorCode.NO_VALID_TARGETS.value)
    device = device_phrase(entry)
    entity_id = entity_map.get(code)
    if refusal := _refusal(hass, entity_id, device, action):
        return refusal
    assert entity_id is not None  # _refusal checked it
    domain = entity_id.split(".", 1)[0]
    service = SERVICES[action]
    call = f"{domain}.{service} {entity_id}"
    try:
        await hass.services.async_call(domain, service, {ATTR_ENTITY_ID: entity_id}, blocking=True, context=context)
    except HomeAssistantError as err:
        return Outcome(
            f"No he podido {VERB[action]} {device}: {err}",
            IntentResponseErrorCode.FAILED_TO_HANDLE.value,
            service_call=call,
        )
    return Outcome(DONE[action].format(device=device), target=entity_id, service_call=call)


def _refusal(hass: HomeAssistant, entity_id: str | None, device: str, action: str) -> Outcome | None:
    """Why the agent must not touch this entity, or None when it may."""
    if not entity_id:
        return Outcome(
            f"No sé qué aparato es {device}: asígnale una entidad en las opciones de LLM Ensemble.",
            IntentResponseErrorCode.NO_VALID_TARGETS.value,
        )
    state = hass.states.get(entity_id)
    if state is None:
        return Outcome(
            f"No encuentro la entidad {entity_id} que corresponde a {device}.",
            IntentResponseErrorCode.NO_VALID_TARGETS.value,
        )
    if not async_should_expose(hass, CONVERSATION, entity_id):
        return Outcome(
            f"No puedo controlar {device}: su entidad no está expuesta a Assist.",
            IntentResponseErrorCode.NO_VALID_TARGETS.value,
        )
    if state.state == STATE_UNAVAILABLE:
        return Outcome(
            f"{capitalize(device)} no está disponible ahora mismo.",
            IntentResponseErrorCode.FAILED_TO_HANDLE.value,
        )
    if state.domain not in SUPPORTED_DOMAINS:
        return Outcome(
            f"No sé {VERB[action]} {device}: su entidad es de tipo {state.domain}.",
            IntentResponseErrorCode.FAILED_TO_HANDLE.value,
        )
    return None
