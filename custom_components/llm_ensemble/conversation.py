"""The conversation agent: the selector routes, the domotics model votes, Home Assistant acts.

The decision becomes an outcome (outcomes.py): a service call, a state or weather answer, or a
request passed on to Home Assistant's built-in agent, whose answer is returned unchanged.
"""

from __future__ import annotations

from typing import Any, Literal

from homeassistant.components import conversation
from homeassistant.components.conversation import (
    AssistantContent,
    ChatLog,
    ConversationEntity,
    ConversationEntityFeature,
    ConversationInput,
    ConversationResult,
)
from homeassistant.core import HomeAssistant
from homeassistant.helpers import intent
from homeassistant.helpers.device_registry import DeviceEntryType, DeviceInfo
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.util import dt as dt_util

from .const import DOMAIN, HOME_ASSISTANT_AGENT, LOGGER
from .data import LLMEnsembleConfigEntry, Outcome, Settings
from .engine import Decision, EngineError, ServerError, ServerTimedOut
from .outcomes import async_outcome

MAX_RECORDED_TEXT = 500  # characters of a request kept in diagnostics
# The built-in agent's sentence matching takes tens of seconds on thousands of characters;
# nobody says that much to a voice assistant, so longer text is not passed on.
MAX_FALLBACK_CHARS = 500
SERVER_DOWN = "No puedo contactar con el servidor de modelos (llama.cpp) ahora mismo. Inténtalo de nuevo en un momento."
SERVER_SLOW = "El servidor de modelos (llama.cpp) tarda demasiado en responder. Inténtalo de nuevo en un momento."


async def async_setup_entry(
    hass: HomeAssistant,
    entry: LLMEnsembleConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """One agent per entry."""
    async_add_entities([LLMEnsembleAgent(entry)])


class LLMEnsembleAgent(ConversationEntity):
    """A Spanish agent that controls the mapped devices and answers about the weather."""

    _attr_has_entity_name = True
    _attr_name = None
    _attr_supported_features = ConversationEntityFeature.CONTROL

    def __init__(self, entry: LLMEnsembleConfigEntry) -> None:
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
        try:
            decision = await data.async_decide(self.hass, user_input.text, settings.vote)
        except ServerError as err:  # logged by data.async_decide, once per outage
            return await self._async_server_failed(user_input, chat_log, settings, err)
        except Exception as err:  # noqa: BLE001 - whatever happens, the user gets an answer
            if not isinstance(err, EngineError):
                LOGGER.exception("Unexpected error deciding on %r", user_input.text[:80])
            LOGGER.warning("The models could not decide on %r: %s", user_input.text[:80], err)
            outcome = Outcome(
                "Lo siento, no he podido procesar la petición ahora mismo.",
                intent.IntentResponseErrorCode.FAILED_TO_HANDLE.value,
            )
            return self._reply(user_input, chat_log, outcome)
        outcome = await async_outcome(
            self.hass,
            decision,
            settings,
            data.ensemble.catalog,
            user_input.context,
            data.ensemble.domotics.info.state_action,
        )
        if outcome.pass_on and settings.fallback and len(user_input.text) <= MAX_FALLBACK_CHARS:
            return await self._async_fallback(user_input, chat_log, decision, outcome.pass_on)
        self._record(decision, outcome)
        return self._reply(user_input, chat_log, outcome)

    async def _async_server_failed(
        self, user_input: ConversationInput, chat_log: ChatLog, settings: Settings, err: ServerError
    ) -> ConversationResult:
        """The server is down or slow: the built-in agent answers if it can (fallback on), else
        the user hears why nothing happened. The next request tries the server again."""
        speech = SERVER_SLOW if isinstance(err, ServerTimedOut) else SERVER_DOWN
        failed = Outcome(speech, intent.IntentResponseErrorCode.FAILED_TO_HANDLE.value)
        if settings.fallback and len(user_input.text) <= MAX_FALLBACK_CHARS:
            result = await conversation.async_converse(
                self.hass,
                text=user_input.text,
                conversation_id=chat_log.conversation_id,
                context=user_input.context,
                language=user_input.language,
                agent_id=HOME_ASSISTANT_AGENT,
                device_id=user_input.device_id,
            )
            if result.response.error_code is None:
                return ConversationResult(
                    response=result.response,
                    conversation_id=chat_log.conversation_id,
                    continue_conversation=result.continue_conversation,
                )
        return self._reply(user_input, chat_log, failed)

    async def _async_fallback(
        self, user_input: ConversationInput, chat_log: ChatLog, decision: Decision, reason: str
    ) -> ConversationResult:
        """Not ours: ask the built-in agent in the same conversation and return its answer as is."""
        before = len(chat_log.content)
        result = await conversation.async_converse(
            self.hass,
            text=user_input.text,
            conversation_id=chat_log.conversation_id,
            context=user_input.context,
            language=user_input.language,
            agent_id=HOME_ASSISTANT_AGENT,
            device_id=user_input.device_id,
        )
        speech = _speech(result.response)
        if len(chat_log.content) == before:  # the built-in agent did not log its answer here
            chat_log.async_add_assistant_content_without_tools(
                AssistantContent(agent_id=user_input.agent_id, content=speech)
            )
        error = result.response.error_code.value if result.response.error_code else None
        passed = Outcome(speech, error, service_call=f"{HOME_ASSISTANT_AGENT} (built-in agent)", pass_on=reason)
        self._record(decision, passed)
        return ConversationResult(
            response=result.response,
            conversation_id=chat_log.conversation_id,
            continue_conversation=result.continue_conversation,
        )

    def _reply(self, user_input: ConversationInput, chat_log: ChatLog, outcome: Outcome) -> ConversationResult:
        chat_log.async_add_assistant_content_without_tools(
            AssistantContent(agent_id=user_input.agent_id, content=outcome.speech)
        )
        return ConversationResult(
            response=self._response(user_input.language, outcome), conversation_id=chat_log.conversation_id
        )

    def _response(self, language: str, outcome: Outcome) -> intent.IntentResponse:
        response = intent.IntentResponse(language=language)
        if outcome.error:
            response.async_set_error(intent.IntentResponseErrorCode(outcome.error), outcome.speech)
            return response
        response.async_set_speech(outcome.speech)
        if outcome.target is None:
            response.response_type = intent.IntentResponseType.QUERY_ANSWER
            return response
        state = self.hass.states.get(outcome.target)
        target = intent.IntentResponseTarget(
            name=state.name if state else outcome.target,
            type=intent.IntentResponseTargetType.ENTITY,
            id=outcome.target,
        )
        response.async_set_targets([target])
        response.async_set_results(success_results=[target])
        if state:
            response.async_set_states([state])
        return response

    def _record(self, decision: Decision, outcome: Outcome) -> None:
        """Keep the last decisions for diagnostics: what was heard, decided, done and said."""
        record: dict[str, Any] = {
            "time": dt_util.utcnow().isoformat(),
            "route": decision.route,
            "label": decision.label,
            "votes": list(decision.votes),
            "command": decision.command,
            "abstained": decision.abstained,
            "truncated": decision.truncated,
            "service_call": outcome.service_call,
            "passed_on": outcome.pass_on,
            "error": outcome.error,
            "timings_ms": {
                "selector": decision.timings.selector_ms,
                "vote": decision.timings.vote_ms,
                "total": decision.timings.total_ms,
            },
        }
        if Settings.from_options(self.entry.options).record_texts:  # off by default: people paste these
            record |= {"text": decision.text[:MAX_RECORDED_TEXT], "speech": outcome.speech}
        self.entry.runtime_data.decisions.append(record)


def _speech(response: intent.IntentResponse) -> str:
    return str(response.speech.get("plain", {}).get("speech", ""))
