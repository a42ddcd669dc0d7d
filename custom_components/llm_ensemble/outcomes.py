"""What the agent does with a decision: act, answer, or pass the request on.

It acts only when sure that the request is an on/off command for a device it knows in this home.
Everything else carries `pass_on` (the reason), and the agent hands it to Home Assistant's
built-in agent when the fallback option is on:

    text the models could not read whole           -> pass on
    selector: NINGUNO                              -> pass on
    selector: LLM2                                 -> the weather answer
    domotics: no majority, or NADA                 -> pass on
    domotics: a code with no usable entity         -> pass on (unavailable: said by us)
    domotics: CODE ON/OFF not an order for now     -> pass on (readings.not_an_order: "no enciendas…",
                                                   "he apagado…", "…en azul", "…en diez minutos",
                                                   "¿encendida o apagada?", "apaga… y enciende…")
    domotics: CODE ON/OFF asked about, not ordered -> the entity's state ("¿encendida o apagada?",
                                                   "¿apagué la cafetera?": readings.asks_about_state)
    domotics: CODE ESTADO said of a negated order  -> pass on ("nunca pongas la tele" is no question)
    domotics: CODE ... not about that entity       -> pass on (home_check: another area or device of
                                                   the home, several devices, a word the model
                                                   never learnt)
    domotics: CODE ESTADO                          -> the entity's state, nothing switched
    domotics: CODE ON/OFF                          -> the service call

A request that passes on because it asks that nothing be switched (a negated order, "déjala como
está") gets our own "Vale, no toco nada." instead. A naming model's decision goes through
named_outcome.py, which resolves the words it names in the home.
"""

from __future__ import annotations

from dataclasses import replace

from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers.intent import IntentResponseErrorCode

from . import actions, home_check, named_outcome, readings, weather_answers
from .engine import ROUTE_NONE, ROUTE_WEATHER, Decision, ModelInfo
from .reasons import PassOn, Reason
from .reply import Outcome
from .settings import Settings


async def async_outcome(
    hass: HomeAssistant,
    decision: Decision,
    settings: Settings,
    domotics: ModelInfo,
    context: Context,
    here: str | None = None,
) -> Outcome:
    """What the agent does and says for a decision; `pass_on` set when it is not the agent's.

    `domotics` is what the domotics model says of itself: its catalog, its state action, the
    words it knows. `here`: the area of the voice satellite that heard the request. A request not
    to switch ("no enciendas…", "déjala como está") is answered here, whoever it was for: the
    built-in agent could only fail on it.
    """
    outcome = await _async_outcome(hass, decision, settings, domotics, context, here)
    if (
        outcome.pass_on
        and not decision.truncated
        and readings.keeps_hands_off(home_check.words(decision.text), decision.text)
    ):
        return named_outcome.left_alone(hass)
    return outcome


async def _async_outcome(  # noqa: PLR0911 - one return per row of the module docstring's table
    hass: HomeAssistant, decision: Decision, settings: Settings, domotics: ModelInfo, context: Context, here: str | None
) -> Outcome:
    catalog, state_action = domotics.catalog, domotics.state_action
    if decision.truncated:
        return Outcome(
            "Es demasiado largo para mí: dímelo en una frase corta, por favor.",
            IntentResponseErrorCode.NO_INTENT_MATCH.value,
            pass_on=PassOn(Reason.TOO_LONG),
        )
    if decision.route == ROUTE_NONE:
        return Outcome(
            "No te he entendido.",
            IntentResponseErrorCode.NO_INTENT_MATCH.value,
            pass_on=PassOn(Reason.SELECTOR, decision.label or decision.route),
        )
    if decision.route == ROUTE_WEATHER:
        return await weather_answers.async_answer(hass, settings.weather_entity, decision.text)
    if domotics.names_devices:
        return await named_outcome.async_outcome(hass, decision, settings, domotics, context, here)
    if decision.command is None:
        return actions.abstained(decision.votes)
    known = (*actions.SERVICES, *((state_action,) if state_action else ()))
    target = actions.resolve(hass, decision.command, catalog, settings.entity_map, known)
    if isinstance(target, Outcome):
        return target
    said = home_check.words(decision.text)
    if state_action and target.action != state_action and readings.asks_about_state(said, decision.text):
        target = replace(target, action=state_action)  # asked whether, not told to: answer, switch nothing
    if reason := _not_what_it_asks(decision.text, target.action == state_action):
        speech = f"No voy a encender ni apagar nada: {reason.spoken}."
        return Outcome(speech, IntentResponseErrorCode.NO_INTENT_MATCH.value, pass_on=PassOn(reason))
    home = home_check.async_read_home(hass)
    if not_for := home_check.reason_not_for(
        decision.text, home, target.entity_id, target.entry, catalog, domotics.known_words
    ):
        return Outcome(
            f"No estoy seguro de a qué aparato te refieres: {not_for.spoken}.",
            IntentResponseErrorCode.NO_VALID_TARGETS.value,
            pass_on=not_for,
        )
    if target.action == state_action:
        return actions.state_answer(hass, target)
    return await actions.async_switch(hass, target, context)


def _not_what_it_asks(text: str, is_state_question: bool) -> Reason | None:
    """Why the request is not the switch (or the state question) the models read in it, or None.

    A state question may name both states ("¿encendida o apagada?") or the speaker's past
    ("¿apagué la cafetera?"): only a negated order ("evita prender la luz") is no question.
    """
    said = home_check.words(text)
    if is_state_question:
        return Reason.NEGATED if readings.negates_switching(said) else None
    return readings.not_an_order(said, text)
