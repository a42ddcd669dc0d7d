"""What a row asks of the home: the states it starts from and the changes that make it right.

The starting states make every expected change visible and every stray one too:

- domotics `CODE ON|OFF`: every device of the home starts opposite to the command, so the asked
  one can change and any other device switched the same way shows as a wrong action.
- domotics `CODE ESTADO`, or `state entity_id` (a question about that device's state): the asked
  device starts on in one row and off in the next (by the row's place in its file), the others
  half on, half off.
- home (`entity_id=on|off|set ...`, the built-in agent's job): each listed entity starts opposite
  to its effect (`set`: on, white, at 70 % brightness and half speed, so a colour, a brightness up or
  down, or a speed can change); a device asked about too (`state entity_id`) starts as an asked
  device does; the others half on, half off.
- weather and none: half on, half off (nothing may change).

"Half on, half off" alternates along the device table, so a stray "on" or "off" shows either way.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from evaluate import Row

ROOT = Path(__file__).resolve().parents[2]

# `CODE ESTADO`: a question about the device's state; the catalog the models were trained on names it.
STATE_ACTION: str = json.loads((ROOT / "models" / "catalog.json").read_text(encoding="utf-8"))["state_action"]
SWITCH_ACTIONS = {"ON": "on", "OFF": "off"}
STARTS_ON = {"on": False, "off": True, "set": True}  # effect -> the listed entity starts on


@dataclass(frozen=True)
class Case:
    """One row in this home: starting states, expected effects, and the entity a question is about."""

    start: dict[str, bool]  # entity_id -> on, for every device of the home
    effects: dict[str, str] = field(default_factory=dict)  # entity_id -> on | off | set
    asked: str | None = None  # ESTADO rows, and home rows with `state entity_id`: the entity asked about

    @property
    def asked_is_on(self) -> bool | None:
        """The asked entity's true state during the request."""
        return self.start[self.asked] if self.asked else None


def half_on(entity_ids: Sequence[str]) -> dict[str, bool]:
    """Every other device on, along the device table."""
    return {entity_id: index % 2 == 0 for index, entity_id in enumerate(entity_ids)}


def case_of(row: Row, index: int, entity_ids: Sequence[str], by_code: Mapping[str, str]) -> Case:
    """The case of a row; `index` is the row's place in its file (ESTADO rows alternate on it).

    Raises ValueError when the row names a code or entity this home does not have."""
    if row.route == "domotics" and row.command:
        code, _, action = row.command.partition(" ")
        if code not in by_code:
            raise ValueError(f"unknown code {code!r} in {row.command!r}")
        target = by_code[code]
        if action == STATE_ACTION:
            return Case(half_on(entity_ids) | {target: index % 2 == 0}, asked=target)
        if action not in SWITCH_ACTIONS:
            raise ValueError(f"unknown action {action!r} in {row.command!r}")
        effect = SWITCH_ACTIONS[action]
        return Case(dict.fromkeys(entity_ids, STARTS_ON[effect]), {target: effect})
    if row.route == "state" and row.command:
        if row.command not in entity_ids:
            raise ValueError(f"entity not in the home: {row.command}")
        return Case(half_on(entity_ids) | {row.command: index % 2 == 0}, asked=row.command)
    if row.route == "home":
        unknown = sorted(set(row.effects) - set(entity_ids))
        if unknown:
            raise ValueError(f"entities not in the home: {', '.join(unknown)}")
        asked = row.also_asked
        if asked is not None and asked not in entity_ids:
            raise ValueError(f"entity not in the home: {asked}")
        listed = {entity_id: STARTS_ON[effect] for entity_id, effect in row.effects.items()}
        start = half_on(entity_ids) | ({asked: index % 2 == 0} if asked else {}) | listed
        return Case(start, dict(row.effects), asked=asked)
    return Case(half_on(entity_ids))
