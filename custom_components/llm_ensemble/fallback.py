"""Where the answer to a request comes from: the agent's outcome, or Home Assistant's built-in agent.

A request that is not the agent's (`Outcome.pass_on`) goes to the built-in agent when the fallback
option is on, in the same conversation, and its answer is returned unchanged. When the llama.cpp
server is down or too slow, the built-in agent answers if it can; otherwise the user hears why
nothing happened, in Spanish.
"""

from __future__ import annotations

from homeassistant.components import conversation
from homeassistant.components.conversation import (
    HOME_ASSISTANT_AGENT,
    AssistantContent,
    ChatLog,
    ConversationInput,
    ConversationResult,
)
from homeassistant.core import HomeAssistant
from homeassistant.helpers import intent

from .calls import without_calls
from .engine import ServerError, ServerTimedOut
from .home_check import async_read_home
from .reasons import PassOn
from .reply import Outcome, async_reply
from .settings import Settings

# The built-in agent's sentence matching takes tens of seconds on thousands of characters;
# nobody says that much to a voice assistant, so longer text is not passed on.
MAX_FALLBACK_CHARS = 500
SERVER_DOWN = "No puedo contactar con el servidor de modelos (llama.cpp) ahora mismo. Inténtalo de nuevo en un momento."
SERVER_SLOW = "El servidor de modelos (llama.cpp) tarda demasiado en responder. Inténtalo de nuevo en un momento."


def may_pass_on(settings: Settings, text: str) -> bool:
    """The fallback option is on and the text is short enough for the built-in agent."""
    return settings.fallback and len(text) <= MAX_FALLBACK_CHARS


async def async_built_in_answer(
    hass: HomeAssistant, user_input: ConversationInput, chat_log: ChatLog
) -> ConversationResult:
    """Ask the built-in agent in the same conversation; its answer comes back as it gave it."""
    result = await conversation.async_converse(
        hass,
        text=without_calls(user_input.text, async_read_home(hass).words),
        conversation_id=chat_log.conversation_id,
        context=user_input.context,
        language=user_input.language,
        agent_id=HOME_ASSISTANT_AGENT,
        device_id=user_input.device_id,
    )
    return ConversationResult(
        response=result.response,
        conversation_id=chat_log.conversation_id,
        continue_conversation=result.continue_conversation,
    )


async def async_pass_on(
    hass: HomeAssistant, user_input: ConversationInput, chat_log: ChatLog, reason: PassOn
) -> tuple[ConversationResult, Outcome]:
    """Not the agent's: the built-in agent's answer, and the outcome diagnostics record for it."""
    before = len(chat_log.content)
    result = await async_built_in_answer(hass, user_input, chat_log)
    speech = str(result.response.speech.get("plain", {}).get("speech", ""))
    if len(chat_log.content) == before:  # the built-in agent did not log its answer here
        chat_log.async_add_assistant_content_without_tools(
            AssistantContent(agent_id=user_input.agent_id, content=speech)
        )
    error = result.response.error_code.value if result.response.error_code else None
    passed = Outcome(speech, error, service_call=f"{HOME_ASSISTANT_AGENT} (built-in agent)", pass_on=reason)
    return result, passed


async def async_server_failed(
    hass: HomeAssistant, user_input: ConversationInput, chat_log: ChatLog, settings: Settings, err: ServerError
) -> ConversationResult:
    """The server is down or slow: the built-in agent's answer if it has one, else our reason.

    The next request tries the server again.
    """
    speech = SERVER_SLOW if isinstance(err, ServerTimedOut) else SERVER_DOWN
    if may_pass_on(settings, user_input.text):
        result = await async_built_in_answer(hass, user_input, chat_log)
        if result.response.error_code is None:
            return result
    failed = Outcome(speech, intent.IntentResponseErrorCode.FAILED_TO_HANDLE.value)
    return async_reply(hass, user_input, chat_log, failed)
