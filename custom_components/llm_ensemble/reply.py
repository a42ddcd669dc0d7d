"""What the agent says back: the outcome of a request, as an intent response in the chat log."""

from __future__ import annotations

from dataclasses import dataclass

from homeassistant.components.conversation import AssistantContent, ChatLog, ConversationInput, ConversationResult
from homeassistant.core import HomeAssistant
from homeassistant.helpers import intent

from .reasons import PassOn


@dataclass(frozen=True)
class Outcome:
    """What the agent says back, and how the response is classified.

    error: an IntentResponseErrorCode value, None on success. target: the entity acted upon.
    service_call: "light.turn_off light.salon" when a service was called (for diagnostics).
    pass_on: why this request is not the agent's to act on; with the fallback option on, it goes
    to Home Assistant's built-in agent instead of getting `speech`.
    """

    speech: str
    error: str | None = None
    target: str | None = None
    service_call: str | None = None
    pass_on: PassOn | None = None


def async_reply(
    hass: HomeAssistant, user_input: ConversationInput, chat_log: ChatLog, outcome: Outcome
) -> ConversationResult:
    """Say the outcome: the speech goes to the chat log and back as the intent response."""
    chat_log.async_add_assistant_content_without_tools(
        AssistantContent(agent_id=user_input.agent_id, content=outcome.speech)
    )
    return ConversationResult(
        response=intent_response(hass, user_input.language, outcome), conversation_id=chat_log.conversation_id
    )


def intent_response(hass: HomeAssistant, language: str, outcome: Outcome) -> intent.IntentResponse:
    """An error, an answer, or an action on one entity (with its state, for the voice satellites)."""
    response = intent.IntentResponse(language=language)
    if outcome.error:
        response.async_set_error(intent.IntentResponseErrorCode(outcome.error), outcome.speech)
        return response
    response.async_set_speech(outcome.speech)
    if outcome.target is None:
        response.response_type = intent.IntentResponseType.QUERY_ANSWER
        return response
    state = hass.states.get(outcome.target)
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
