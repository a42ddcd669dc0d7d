"""Errors as Home Assistant expects them: known engine errors translated, the rest surfacing."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from homeassistant.components import conversation
from homeassistant.core import Context, HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers import intent
from homeassistant.helpers.icon import async_get_icons
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.llm_ensemble import engine_setup
from custom_components.llm_ensemble.const import DOMAIN
from custom_components.llm_ensemble.engine import DecodeFailed, EngineError, VoteSettings

from .conftest import AGENT_ID, ask, speech

INTEGRATION = Path(engine_setup.__file__).parent
TRANSLATIONS = {
    name: json.loads((INTEGRATION / path).read_text())
    for name, path in (("strings", "strings.json"), ("en", "translations/en.json"), ("es", "translations/es.json"))
}


def decisions_raise(monkeypatch: pytest.MonkeyPatch, agent: MockConfigEntry, error: Exception) -> None:
    """Every decision of the loaded engine raises `error` (the rest of the agent stays real)."""

    async def decide(
        text: str, settings: VoteSettings | None = None, device_order: bool = False, device_asked: bool = False
    ) -> Any:
        raise error

    monkeypatch.setattr(agent.runtime_data.engine, "async_decide", decide)


async def test_engine_error_is_a_translated_home_assistant_error(
    hass: HomeAssistant, agent: MockConfigEntry, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A decode the engine reports as failed is not turned into a spoken apology."""
    decisions_raise(monkeypatch, agent, DecodeFailed("llama_decode returned -1"))
    entity = hass.data["conversation"].get_entity(AGENT_ID)
    request: dict[str, Any] = {
        "text": "apaga la luz del salón",
        "context": Context(),
        "conversation_id": None,
        "device_id": None,
        "language": "es",
        "agent_id": AGENT_ID,
    }
    if "satellite_id" in {f.name for f in dataclasses.fields(conversation.ConversationInput)}:
        request["satellite_id"] = None  # Home Assistant 2025.10+
    with pytest.raises(HomeAssistantError) as raised:
        await entity.internal_async_process(conversation.ConversationInput(**request))
    assert raised.value.translation_domain == DOMAIN
    assert raised.value.translation_key == "decide_failed"
    assert raised.value.translation_placeholders == {"detail": "llama_decode returned -1"}
    assert isinstance(raised.value.__cause__, DecodeFailed)
    # Through Home Assistant's conversation API, the user reads the translated message.
    result = await ask(hass, "apaga la luz del salón")
    assert result.response.error_code is intent.IntentResponseErrorCode.UNKNOWN
    assert speech(result) == "The models could not answer this request: llama_decode returned -1"
    assert hass.states.get("light.luz_salon").state == "on"


async def test_unexpected_error_surfaces(
    hass: HomeAssistant, agent: MockConfigEntry, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug is not hidden behind "lo siento": it reaches Home Assistant, which logs it."""
    decisions_raise(monkeypatch, agent, RuntimeError("a bug in the agent"))
    with pytest.raises(RuntimeError, match="a bug in the agent"):
        await ask(hass, "apaga la luz del salón")


def _engine_errors() -> set[type[EngineError]]:
    found: set[type[EngineError]] = set()
    todo: list[type[EngineError]] = [EngineError]
    while todo:
        cls = todo.pop()
        found.add(cls)
        todo.extend(cls.__subclasses__())
    return found


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_every_error_key_is_translated(language: str) -> None:
    """Each reason the engine raises, and each key the integration raises, has its text."""
    strings = TRANSLATIONS[language]
    reasons = {cls.reason for cls in _engine_errors()} | {engine_setup.LlamaCppUnavailable.reason}
    assert reasons - set(strings["exceptions"]) == set()
    assert reasons - set(strings["config"]["error"]) == set()  # the flows put them on a field
    assert "decide_failed" in strings["exceptions"]
    assert {"unknown", "invalid_url", "invalid_votes"} <= set(strings["config"]["error"])
    issue = strings["issues"]["model_unusable"]
    for placeholder in ("{title}", "{path}", "{detail}"):
        assert placeholder in issue["description"]


async def test_agent_icon_is_translated(hass: HomeAssistant, agent: MockConfigEntry) -> None:
    """The agent's icon comes from icons.json, through the entity's translation key."""
    icons = await async_get_icons(hass, "entity", integrations=[DOMAIN])
    assert icons[DOMAIN]["conversation"]["agent"]["default"].startswith("mdi:")
    entities = er.async_entries_for_config_entry(er.async_get(hass), agent.entry_id)
    assert [(e.domain, e.translation_key) for e in entities] == [("conversation", "agent")]
