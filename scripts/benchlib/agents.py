"""Every request through conversation.process, for both agents, from the same starting states.

Before each request the home is put back in the row's starting states (cases.py: white,
70 % brightness, half speed), the built-in agent's sentence cache is emptied, and the whole service call is timed:
what an automation or a voice pipeline waits for.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from typing import Any

from evaluate import Row
from homeassistant.components.conversation import async_converse
from homeassistant.const import ATTR_ENTITY_ID, EVENT_CALL_SERVICE
from homeassistant.core import Context, Event, HomeAssistant, callback

from .cases import Case, case_of
from .harness import Home, clear_intent_cache
from .house import weather_temperatures
from .judge import SWITCHING, Reply, judge

OURS = "conversation.llm_ensemble"
BUILTIN = "conversation.home_assistant"
AGENTS = {"ours": OURS, "builtin": BUILTIN}
LANGUAGE = "es"
WARM_UP = ("enciende la luz del salón", "qué tiempo hace", "qué hora es", "apaga la cafetera")
HOUSE_ROUTES = ("home", "state")  # a written-down house's rows, whose devices have names
DECISION_KEYS = ("route", "label", "votes", "command", "service_call", "passed_on")


@dataclass(frozen=True)
class Attempt:
    """One agent on one row: the verdict, the time it took, the reply, what changed."""

    right: bool
    wrong_action: bool
    ms: float
    reply: Reply
    changed: dict[str, tuple[str, str]]
    wrong_call: bool = False
    calls: tuple[tuple[str, str], ...] = ()  # (service, entity_id) of each switching call
    decision: dict[str, Any] | None = None  # ours only: DECISION_KEYS of its decision record


@dataclass(frozen=True)
class RowResult:
    source: str  # the file the row came from
    row: Row
    case: Case  # the starting states and what is expected
    attempts: dict[str, Attempt]  # "ours", "builtin"


async def async_process(
    hass: HomeAssistant, agent_id: str, text: str, device_id: str | None = None
) -> tuple[Reply, float]:
    """One request, as an automation makes it (conversation.process), or as a voice satellite in
    an area passes it on (with its device); its reply and milliseconds."""
    start = time.perf_counter()
    if device_id is None:
        result = await hass.services.async_call(
            "conversation",
            "process",
            {"text": text, "language": LANGUAGE, "agent_id": agent_id},
            blocking=True,
            return_response=True,
        )
    else:
        converse = await async_converse(
            hass, text, None, Context(), language=LANGUAGE, agent_id=agent_id, device_id=device_id
        )
        result = converse.as_dict()
    ms = (time.perf_counter() - start) * 1000
    return Reply.of(result or {}), ms


async def async_attempt(home: Home, agent: str, row: Row, case: Case) -> Attempt:
    """Reset the home, ask one agent, judge the effects."""
    hass, house = home.hass, home.house.home
    house.reset(case.start)
    await hass.async_block_till_done()
    clear_intent_cache(hass)
    before = house.snapshot()
    calls: list[tuple[str, str]] = []

    @callback
    def record(event: Event[dict[str, Any]]) -> None:
        if event.data["service"] in SWITCHING:
            entity_ids = (event.data.get("service_data") or {}).get(ATTR_ENTITY_ID) or []
            for entity_id in [entity_ids] if isinstance(entity_ids, str) else entity_ids:
                calls.append((event.data["service"], str(entity_id)))

    stop_listening = hass.bus.async_listen(EVENT_CALL_SERVICE, record)
    try:
        satellite = home.house.satellites[row.speaker] if row.speaker else None
        reply, ms = await async_process(hass, AGENTS[agent], row.text, satellite)
        await hass.async_block_till_done()
    finally:
        stop_listening()
    after = house.snapshot()
    # A house's row asks about one of its devices by name: the answer must be about that one.
    devices = home.house.home.devices if row.route in HOUSE_ROUTES else ()
    asked = [(d.name, *d.aliases) for d in devices if d.entity_id == case.asked]
    others = [n for d in devices if d.entity_id != case.asked for n in (d.name, *d.aliases)]
    verdict = judge(row, case, before, after, reply, weather_temperatures(), calls, asked[0] if asked else (), others)
    decision = None
    if agent == "ours" and (decisions := home.entry.runtime_data.decisions) and decisions[-1]["text"] == row.text:
        decision = {key: decisions[-1].get(key) for key in DECISION_KEYS}
    return Attempt(
        verdict.right, verdict.wrong_action, ms, reply, verdict.changed, verdict.wrong_call, tuple(calls), decision
    )


async def async_warm_up(home: Home) -> None:
    """The first request of each agent loads things (sentence files, samplers): not timed."""
    for text in WARM_UP:
        for agent_id in AGENTS.values():
            await async_process(home.hass, agent_id, text)
    await home.hass.async_block_till_done()


def cases(home: Home, rows: list[tuple[str, Row]]) -> list[Case]:
    """Each row's case, before anything runs: a row naming what this home lacks stops the run."""
    seen: Counter[str] = Counter()
    found = []
    for source, row in rows:
        try:
            found.append(case_of(row, seen[source], home.house.entity_ids, home.house.by_code))
        except ValueError as err:
            raise SystemExit(f"{source}: row {seen[source] + 1} ({row.text!r}): {err}") from err
        seen[source] += 1
    return found


async def async_accuracy_pass(home: Home, rows: list[tuple[str, Row]]) -> list[RowResult]:
    """Both agents on every row; who goes first alternates, so neither is always second."""
    results = []
    for index, ((source, row), case) in enumerate(zip(rows, cases(home, rows), strict=True)):
        order = ("ours", "builtin") if index % 2 == 0 else ("builtin", "ours")
        attempts = {agent: await async_attempt(home, agent, row, case) for agent in order}
        results.append(RowResult(source, row, case, {agent: attempts[agent] for agent in AGENTS}))
    return results
