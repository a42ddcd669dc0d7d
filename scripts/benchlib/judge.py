"""What counts as right, judged by what happened in the home; one rule for both agents.

- domotics row: right when the expected entity reached the expected state and no other entity
  changed. It starts in the opposite state, so doing nothing is never right.
- weather row: right when a weather answer came back and nothing changed. A weather answer is
  a response of type `query_answer` or `action_done` (no error code) whose speech states a
  temperature the weather entity reports (now, or a day's forecast high or low), written either
  way ("21,5" or "21.5"). Both agents' weather replies state one; an apology, "no te he
  entendido", or a reply about something else does not.
- none row: right when nothing changed (whatever was said).

A wrong action is any change other than the expected one: another device switched, or anything
switched on a weather or none row. A wrong call is stricter and does not depend on the starting
states: any turn_on, turn_off or toggle service call other than the expected one, whether or not it
changed anything (switching off a light that is already off changes nothing, yet it is the opposite
of what was asked).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from homeassistant.const import STATE_OFF, STATE_ON

ANSWER_TYPES = frozenset({"query_answer", "action_done"})
NUMBER = re.compile(r"(?<![\d])-?\d+(?:[.,]\d+)?")
ACTIONS = {"ON": STATE_ON, "OFF": STATE_OFF}
SERVICES = {"ON": "turn_on", "OFF": "turn_off"}
SWITCHING = frozenset({"turn_on", "turn_off", "toggle"})


@dataclass(frozen=True)
class Reply:
    """What came back from conversation.process, reduced to what the judge and report need."""

    response_type: str
    error_code: str | None
    speech: str

    @classmethod
    def of(cls, result: Mapping[str, object]) -> Reply:
        """From the service response: {"response": IntentResponse.as_dict(), ...}."""
        response = result.get("response")
        response = response if isinstance(response, Mapping) else {}
        data = response.get("data")
        speech = response.get("speech")
        plain = speech.get("plain", {}) if isinstance(speech, Mapping) else {}
        code = data.get("code") if isinstance(data, Mapping) else None
        return cls(
            response_type=str(response.get("response_type", "")),
            error_code=str(code) if code and response.get("response_type") == "error" else None,
            speech=str(plain.get("speech", "")) if isinstance(plain, Mapping) else "",
        )


@dataclass(frozen=True)
class Verdict:
    """Whether a row was handled right, whether something wrong changed, and what changed."""

    right: bool
    wrong_action: bool
    changed: dict[str, tuple[str, str]]  # entity_id -> (before, after)
    wrong_call: bool = False


def numbers(text: str) -> list[float]:
    """Every number written in a reply, with a decimal comma or point."""
    return [float(match.replace(",", ".")) for match in NUMBER.findall(text)]


def is_weather_answer(reply: Reply, temperatures: frozenset[float]) -> bool:
    """A non-error answer that states one of the weather entity's temperatures."""
    if reply.error_code is not None or reply.response_type not in ANSWER_TYPES:
        return False
    return any(value in temperatures for value in numbers(reply.speech))


def expected_state(command: str) -> str:
    """'LUZ_SL OFF' -> 'off'."""
    return ACTIONS[command.split(" ", 1)[1]]


def judge(
    route: str,
    target: str | None,
    command: str | None,
    before: Mapping[str, str],
    after: Mapping[str, str],
    reply: Reply,
    temperatures: frozenset[float],
    calls: Sequence[tuple[str, str]] = (),
) -> Verdict:
    """The verdict on one row: `target` is the expected entity (domotics rows), else None;
    `calls` the (service, entity_id) pairs of the switching service calls made meanwhile."""
    changed = {entity: (before[entity], after[entity]) for entity in before if before[entity] != after.get(entity)}
    others = {entity for entity in changed if entity != target}
    expected_call = (SERVICES[command.split(" ", 1)[1]], target) if route == "domotics" and command else None
    wrong_call = any(call != expected_call for call in calls if call[0] in SWITCHING)
    if route == "domotics":
        assert target is not None and command is not None
        reached = after.get(target) == expected_state(command)
        return Verdict(reached and not others, bool(others), changed, wrong_call)
    if route == "weather":
        answered = is_weather_answer(reply, temperatures)
        return Verdict(answered and not changed, bool(changed), changed, wrong_call)
    return Verdict(not changed, bool(changed), changed, wrong_call)
