"""Bad input never breaks the agent: every request gets an answer, on any model pair."""

from __future__ import annotations

import pytest
from homeassistant.core import HomeAssistant
from homeassistant.helpers import intent
from pytest_homeassistant_custom_component.common import MockConfigEntry

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
    result = await ask(hass, text)
    assert isinstance(speech(result), str)
    assert result.response.response_type in set(intent.IntentResponseType)
    assert agent.runtime_data.decisions[-1]["text"] == text[:500]
