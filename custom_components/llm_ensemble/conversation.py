"""The conversation platform: one agent per entry, the selector routes, the domotics model votes.

The decision becomes an outcome (outcomes.py): a service call, a state or weather answer, or a
request passed on to Home Assistant's built-in agent (fallback.py), whose answer is returned
unchanged; a weather question the models missed is the weather handler's (weather_questions.py).
A request with several orders is decided part by part (several_orders.py). A request heard by a
voice satellite in an area means that area where it names no place; one that gives a reason with
its order is read again without it where the models were unsure. Model errors the engine knows
become a translated HomeAssistantError; anything else surfaces as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Literal

from homeassistant.components.conversation import (
    ChatLog,
    ConversationEntity,
    ConversationEntityFeature,
    ConversationInput,
    ConversationResult,
)
from homeassistant.core import Context, HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers.device_registry import DeviceEntryType, DeviceInfo
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from . import (
    adjustments,
    because,
    corrections,
    described_rooms,
    for_whom,
    home_check,
    named_outcome,
    one_taken_back,
    owner_questions,
    readings,
    repairs,
    several_orders,
    spoken_forms,
    weather_questions,
)
from .adjustments import Adjustment
from .calls import without_calls
from .const import DOMAIN, LOGGER
from .decision_log import decision_record
from .engine import Decision, EngineError, ServerError
from .fallback import async_pass_on, async_server_failed, may_pass_on
from .outcomes import async_outcome
from .reasons import Reason
from .reply import Outcome, async_reply
from .runtime_data import LLMEnsembleConfigEntry
from .settings import Settings

# No limit from Home Assistant: the in-process backends serialise decodes per model themselves, and
# the server queues them.
PARALLEL_UPDATES = 0
# Why the models may have read a word of a reason as the device, or not read the order at all (a
# long telling before it): the order alone is read again.
UNSURE_OF_THE_WORDS = frozenset(
    {Reason.NO_AGREEMENT, Reason.NO_DEVICE, Reason.NO_PLACE, Reason.ONLY_PLACE, Reason.UNKNOWN_WORD,
     Reason.OTHER_DEVICE, Reason.SELECTOR, Reason.AMBIGUOUS, Reason.ORDER_NOT_QUESTION, Reason.TOO_LONG}
)  # fmt: skip


async def async_setup_entry(
    hass: HomeAssistant,
    entry: LLMEnsembleConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the entry's agent."""
    async_add_entities([LLMEnsembleAgent(entry)])


class LLMEnsembleAgent(ConversationEntity):
    """A Spanish agent that controls the mapped devices and answers about the weather."""

    _attr_has_entity_name = True
    _attr_name = None
    _attr_translation_key = "agent"
    _attr_supported_features = ConversationEntityFeature.CONTROL

    def __init__(self, entry: LLMEnsembleConfigEntry) -> None:
        """Describe the agent as a service device of its entry."""
        self.entry = entry
        self._attr_unique_id = entry.entry_id
        self._attr_device_info = DeviceInfo(
            identifiers={(DOMAIN, entry.entry_id)},
            name=entry.title,
            manufacturer="LLM Ensemble",
            model="Selector + domotics vote",
            entry_type=DeviceEntryType.SERVICE,
        )

    @property
    def supported_languages(self) -> list[str] | Literal["*"]:
        """The shipped models were trained on Spanish only."""
        return ["es"]

    async def _async_handle_message(self, user_input: ConversationInput, chat_log: ChatLog) -> ConversationResult:
        """Decide (in the executor), act or answer, record the reply in the chat log."""
        settings = Settings.from_options(self.entry.options)
        data = self.entry.runtime_data
        domotics = data.engine.domotics.info
        here = speaker_area(self.hass, user_input.device_id)
        # "la cafetera no, apaga la freidora": the order meant, after the refusal; "enciende el flexo…
        # digo, la lámpara": after the repair; "encendío", "está on": as written; "¿tiene Lucía la
        # lámpara encendida?": the question as the models know it, "¿está encendida la lámpara de Lucía?".
        text = user_input.text
        asked_again: tuple[str, ...] = ()
        if domotics.names_devices:
            home = home_check.async_read_home(self.hass)
            home_words = home.words
            text = without_calls(text, home_words)  # "oye, …", "quillo, …"
            text = described_rooms.as_named(text, home) or text  # "la luz de donde comemos": "del comedor"
            if left := one_taken_back.what_is_left(text):  # "…, huy, la cafetera no": the rest
                # "enciende la luz y el ventilador del salón, el ventilador no": the place said may have
                # been the light's too, so the satellite's room is not assumed for what is left.
                text, here = left, None
            text = corrections.order_meant(text) or text
            text = repairs.order_repaired(text) or text
            text = spoken_forms.as_written(text)  # "¿está encendío?": "¿está encendido?"
            text = for_whom.as_whose(text, home_words)  # "préndeles los focos a Diego": "… de Diego"
            # Who has the device may not name it: asked again without them, then as said, where the
            # models are unsure; who left it so may name it where the device alone names several.
            plainly = spoken_forms.asked_plainly(text)  # "¿está calentando…?": "¿está encendido…?"
            # "¿mis papás dejaron el abanico dando vueltas?": who left it so, asked plainly
            asked, of_someone = next(
                ((found, q) for q in (text, plainly) if q and (found := owner_questions.as_state_question(q))),
                (None, ""),
            )
            if asked:
                without_owner = owner_questions.as_state_question(of_someone, with_owner=False)
                theirs = owner_questions.as_state_question(of_someone, left_as_theirs=True)
                asked_again = tuple(q for q in dict.fromkeys((without_owner, theirs, text)) if q and q != asked)
                text = asked
                plainly = spoken_forms.asked_plainly(text)
            if plainly:
                asked_again = (*asked_again, plainly)
            # "¿no estará puesto el termo desde anoche?", "¿el abanico no se quedó dando vueltas?"
            if of_its_thing := spoken_forms.asked_of_its_thing(text) or spoken_forms.asked_of_its_thing(plainly or ""):
                asked_again = tuple(dict.fromkeys((*asked_again, of_its_thing)))
        # An order taken back and not repaired is read whole, and its checks pass it on.
        cut = domotics.names_devices and not repairs.takes_back(text)
        parts = several_orders.split_orders(text) if cut else []
        adjusted = adjustments.read(text) if cut and len(parts) < 2 else None  # "baja un poco la luz"
        try:
            if adjusted:
                decision, outcome = await self._async_one_request(
                    adjusted.order, settings, user_input.context, here, change=adjusted.adjustment
                )
            elif len(parts) > 1:
                decision, outcome = await several_orders.async_outcome(
                    self.hass,
                    text,
                    parts,
                    lambda part, ordered: self._async_decide(part, settings, ordered),
                    settings,
                    domotics,
                    user_input.context,
                    here,
                )
            else:
                decision, outcome = await self._async_one_request(text, settings, user_input.context, here, asked_again)
        except ServerError as err:  # logged by data.async_decide, once per outage
            return await async_server_failed(self.hass, user_input, chat_log, settings, err)
        except EngineError as err:
            LOGGER.warning("The models could not decide on %r: %s", user_input.text[:80], err)
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="decide_failed",
                translation_placeholders={"detail": str(err)},
            ) from err
        decision = replace(decision, text=user_input.text)  # the record keeps what was said
        if outcome.pass_on and may_pass_on(settings, user_input.text):
            result, passed = await async_pass_on(self.hass, user_input, chat_log, outcome.pass_on)
            self._record(decision, passed, settings)
            return result
        self._record(decision, outcome, settings)
        return async_reply(self.hass, user_input, chat_log, outcome)

    async def _async_one_request(
        self,
        text: str,
        settings: Settings,
        context: Context,
        here: str | None,
        questions: Sequence[str] = (),
        change: Adjustment | None = None,
    ) -> tuple[Decision, Outcome]:
        """Decide a request of one order (or question) and act on it.

        An order begun with an on/off verb or asking for a state ("el brasero encendido, porfa"), or a
        question whether something is on, is the domotics model's to vote on, whatever the selector reads;
        its answer is checked as any other. To a voice satellite, the room makes it ours ("apaga todas las
        luces" is this room's, not the whole home's). Where the models are unsure of a request that gives a
        reason with its order ("ponme la tele, que empieza el telediario", "ha llovido, quita el riego"), or
        of a long telling that leads to an order ("…, así que enchufa el cargador"),
        the order alone is read again, and checked as the whole request. `questions`: the state question
        asked without who has the device ("¿está puesta la tele grande?" for "¿tiene Javi la tele grande
        puesta?"), then as said, each read in turn where the models are unsure of it with its owner.
        `change`: the brightness or speed asked of the devices `text` (the order to turn them on) names.
        """
        data = self.entry.runtime_data
        domotics = data.engine.domotics.info
        said = home_check.words(text)
        asks_state = readings.asks_whether_switched(said, text)
        ordered = readings.begins_with_an_order(text) or asks_state or readings.wishes_a_state(said, text)
        decision = await self._async_decide(text, settings, ordered, asks_state)
        outcome = await self._async_outcome(decision, settings, context, here, change)
        unsure = outcome.pass_on is not None and outcome.pass_on.reason in UNSURE_OF_THE_WORDS
        if unsure and questions:
            for question in questions:
                asked = await data.async_decide(self.hass, question, settings.vote, True)
                answered = await async_outcome(self.hass, asked, settings, domotics, context, here)
                if not answered.pass_on:
                    return asked, answered
            return decision, outcome
        home_words = home_check.async_read_home(self.hass).words if unsure and domotics.names_devices else None
        order = because.order_alone(text, home_words) if home_words is not None else None
        if order:
            again = await data.async_decide(self.hass, order, settings.vote, True)
            # Read again, checked whole; where the selector doubted the first reading, all votes must agree.
            again = replace(again, text=text, overruled=decision.overruled or again.overruled)
            retried = await self._async_outcome(again, settings, context, here, change)
            if not retried.pass_on:
                return again, retried
        return decision, outcome

    async def _async_decide(self, text: str, settings: Settings, ordered: bool, asked: bool = False) -> Decision:
        """The models' decision; a weather question they missed is the weather handler's, where there is one.

        `ordered`: an on/off order or a state question, the domotics model's whatever the selector
        reads but the weather; `asked`: a state question, the domotics model's even where the
        selector hears the weather ("¿está calentando el boiler?").
        """
        decision = await self.entry.runtime_data.async_decide(self.hass, text, settings.vote, ordered, asked)
        if not settings.weather_entity:  # no weather to answer from: the built-in agent's, as before
            return decision
        return weather_questions.as_weather(decision, lambda: home_check.async_read_home(self.hass))

    async def _async_outcome(
        self, decision: Decision, settings: Settings, context: Context, here: str | None, change: Adjustment | None
    ) -> Outcome:
        """What is done for a decision: its switch or answer, or the change asked of what it switches on."""
        domotics = self.entry.runtime_data.engine.domotics.info
        if change is None:
            return await async_outcome(self.hass, decision, settings, domotics, context, here)
        found = await several_orders.async_plan(self.hass, decision, settings, domotics, here)
        found = named_outcome.adjusting(self.hass, found, change)
        return found if isinstance(found, Outcome) else await named_outcome.async_switch(self.hass, found, context)

    def _record(self, decision: Decision, outcome: Outcome, settings: Settings) -> None:
        """Keep the last decisions for diagnostics (the texts only if the options say so)."""
        self.entry.runtime_data.decisions.append(decision_record(decision, outcome, settings.record_texts))


def speaker_area(hass: HomeAssistant, device_id: str | None) -> str | None:
    """The area of the device that heard the request (a voice satellite), if it has one."""
    device = dr.async_get(hass).async_get(device_id) if device_id else None
    return device.area_id if device else None
