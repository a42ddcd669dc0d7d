"""Bad input never breaks the agent: every request gets an answer, on any model pair."""

from __future__ import annotations

import pytest
from homeassistant.const import EVENT_CALL_SERVICE
from homeassistant.core import HomeAssistant
from homeassistant.helpers import intent
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_capture_events

from custom_components.llm_ensemble.const import CONF_RECORD_TEXTS, SUPPORTED_DOMAINS

from .conftest import ask, speech


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t ",
        "apaga la luz del salón " * 435,  # 10,000 characters
        "x" * 10_000,
        "💡🔥🙂👍",
        "включи свет в гостиной",
        "打开客厅的灯",
        "أطفئ الضوء",
        "apaga\x00 la\x07 luz\x1b[31m del salón\u202e",
    ],
)
async def test_bad_input_gets_an_answer(hass: HomeAssistant, agent: MockConfigEntry, text: str) -> None:
    hass.config_entries.async_update_entry(agent, options=agent.options | {CONF_RECORD_TEXTS: True})
    await hass.async_block_till_done()
    calls = async_capture_events(hass, EVENT_CALL_SERVICE)
    result = await ask(hass, text)
    assert speech(result).strip()  # a real sentence, whatever came in
    is_error = result.response.response_type == intent.IntentResponseType.ERROR
    assert is_error == (result.response.error_code is not None)  # an error says which
    if "apaga" not in text:  # nothing here asks for a device: nothing may be switched
        assert [c for c in calls if c.data["domain"] in SUPPORTED_DOMAINS] == []
    assert agent.runtime_data.decisions[-1]["text"] == text[:500]
