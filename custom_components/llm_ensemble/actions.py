"""A voted command ("LUZ_SL OFF") becomes one service call on the entity the user mapped.

The agent acts only on a mapped entity that exists, is exposed to Assist and is available;
otherwise it says why, with the error code Assist uses for that case, and calls nothing. A state
question ("LUZ_PA ESTADO") is answered from the entity's state, switching nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from homeassistant.components.homeassistant.exposed_entities import async_should_expose
from homeassistant.const import ATTR_ENTITY_ID, SERVICE_TURN_OFF, SERVICE_TURN_ON, STATE_ON, STATE_UNAVAILABLE
from homeassistant.core import Context, HomeAssistant, split_entity_id
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers.intent import IntentResponseErrorCode

from .const import SUPPORTED_DOMAINS
from .engine import CatalogEntry
from .reasons import PassOn, Reason
from .reply import Outcome
from .spanish import capitalize, device_phrase

CONVERSATION = "conversation"  # the assistant id exposure settings are kept under
SERVICES = {"ON": SERVICE_TURN_ON, "OFF": SERVICE_TURN_OFF}
DONE = {"ON": "He encendido {device}.", "OFF": "He apagado {device}."}
VERB = {"ON": "encender", "OFF": "apagar"}


def abstained(votes: Sequence[str | None]) -> Outcome:
    """The votes did not agree, or agreed it is not a device command: not ours to act on."""
    return Outcome(
        "No te he entendido bien. Dímelo de otra forma, por favor.",
        IntentResponseErrorCode.NO_INTENT_MATCH.value,
        pass_on=PassOn(Reason.NO_AGREEMENT, ", ".join(v or "-" for v in votes)),
    )


@dataclass(frozen=True)
class Target:
    """A voted command resolved to the entity the user mapped to its code."""

    entry: CatalogEntry
    action: str
    entity_id: str
    device: str  # how the reply names it: "la luz del salón"

    @property
    def service(self) -> str:
        """The service that performs the action (turn_on / turn_off)."""
        return SERVICES[self.action]


def resolve(
    hass: HomeAssistant,
    command: str,
    catalog: Sequence[CatalogEntry],
    entity_map: Mapping[str, str | None],
    actions: Sequence[str] = tuple(SERVICES),
) -> Target | Outcome:
    """The entity a command may act on, or why it may not (an Outcome that switches nothing)."""
    code, _, action = command.partition(" ")
    entry = next((e for e in catalog if e.code == code), None)
    if entry is None or action not in actions:
        return Outcome(f"No conozco la orden {command}.", IntentResponseErrorCode.NO_VALID_TARGETS.value)
    device = device_phrase(entry)
    entity_id = entity_map.get(code)
    if refusal := _refusal(hass, entity_id, device, VERB.get(action, "consultar")):
        return refusal
    assert entity_id is not None  # _refusal checked it
    return Target(entry, action, entity_id, device)


async def async_switch(hass: HomeAssistant, target: Target, context: Context) -> Outcome:
    """Call turn_on/turn_off on the target and say what happened."""
    domain = split_entity_id(target.entity_id)[0]
    call = f"{domain}.{target.service} {target.entity_id}"
    try:
        await hass.services.async_call(
            domain, target.service, {ATTR_ENTITY_ID: target.entity_id}, blocking=True, context=context
        )
    except HomeAssistantError as err:
        return Outcome(
            f"No he podido {VERB[target.action]} {target.device}: {err}",
            IntentResponseErrorCode.FAILED_TO_HANDLE.value,
            service_call=call,
        )
    return Outcome(DONE[target.action].format(device=target.device), target=target.entity_id, service_call=call)


def state_answer(hass: HomeAssistant, target: Target) -> Outcome:
    """Answer "¿Está encendida la luz del pasillo?" with the mapped entity's state; nothing is switched."""
    state = hass.states.get(target.entity_id)
    is_on = state is not None and state.state == STATE_ON
    participle = ("encendid" if is_on else "apagad") + ("a" if target.entry.device_feminine else "o")
    return Outcome(f"{capitalize(target.device)} está {participle}.", target=target.entity_id)


def _refusal(hass: HomeAssistant, entity_id: str | None, device: str, verb: str) -> Outcome | None:
    """Why the agent must not touch this entity, or None when it may.

    A code with no entity, or one Home Assistant does not have or does not expose, is not a
    device the agent knows in this home: the request is passed on (pass_on). An unavailable
    device, or one of a domain it cannot switch, is known: the agent says why itself.
    """
    if not entity_id:
        return Outcome(
            f"No sé qué aparato es {device}: asígnale una entidad en las opciones de LLM Ensemble.",
            IntentResponseErrorCode.NO_VALID_TARGETS.value,
            pass_on=PassOn(Reason.CODE_UNMAPPED),
        )
    state = hass.states.get(entity_id)
    if state is None:
        return Outcome(
            f"No encuentro la entidad {entity_id} que corresponde a {device}.",
            IntentResponseErrorCode.NO_VALID_TARGETS.value,
            pass_on=PassOn(Reason.MAPPED_MISSING),
        )
    if not async_should_expose(hass, CONVERSATION, entity_id):
        return Outcome(
            f"No puedo controlar {device}: su entidad no está expuesta a Assist.",
            IntentResponseErrorCode.NO_VALID_TARGETS.value,
            pass_on=PassOn(Reason.MAPPED_NOT_EXPOSED),
        )
    if state.state == STATE_UNAVAILABLE:
        return Outcome(
            f"{capitalize(device)} no está disponible ahora mismo.",
            IntentResponseErrorCode.FAILED_TO_HANDLE.value,
        )
    if state.domain not in SUPPORTED_DOMAINS:
        return Outcome(
            f"No sé {verb} {device}: su entidad es de tipo {state.domain}.",
            IntentResponseErrorCode.FAILED_TO_HANDLE.value,
        )
    return None
