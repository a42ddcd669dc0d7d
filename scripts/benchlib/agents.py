"""Every request through conversation.process, for both agents, from the same starting states.

Before each request the home is put back in a known state (the expected device in the opposite
state of the command, so acting is visible), the built-in agent's sentence cache is emptied, and
the whole service call is timed: what an automation or a voice pipeline waits for.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from evaluate import ROUTES, Row, percentile
from homeassistant.const import ATTR_ENTITY_ID, EVENT_CALL_SERVICE
from homeassistant.core import Event, HomeAssistant, callback

from .harness import Home, clear_intent_cache
from .house import DEVICES, weather_temperatures
from .judge import SWITCHING, Reply, judge

OURS = "conversation.llm_ensemble"
BUILTIN = "conversation.home_assistant"
AGENTS = {"ours": OURS, "builtin": BUILTIN}
LANGUAGE = "es"
WARM_UP = ("enciende la luz del salón", "qué tiempo hace", "qué hora es", "apaga la cafetera")


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
    decision: dict[str, Any] | None = None  # ours only: route, votes, command (for the report)


@dataclass(frozen=True)
class RowResult:
    source: str  # the file the row came from
    row: Row
    attempts: dict[str, Attempt]  # "ours", "builtin"


async def async_process(hass: HomeAssistant, agent_id: str, text: str) -> tuple[Reply, float]:
    """One conversation.process call, as an automation makes it; its reply and milliseconds."""
    start = time.perf_counter()
    result = await hass.services.async_call(
        "conversation",
        "process",
        {"text": text, "language": LANGUAGE, "agent_id": agent_id},
        blocking=True,
        return_response=True,
    )
    ms = (time.perf_counter() - start) * 1000
    return Reply.of(result or {}), ms


def starting_states(row: Row) -> dict[str, bool]:
    """code -> on. A command row starts with every device opposite to the command, so the asked
    one can change and any other device switched the same way shows as a wrong action; other
    rows start half on, half off, so a stray "on" or "off" shows either way."""
    if row.route == "domotics" and row.command:
        start_on = row.command.endswith(" OFF")
        return {device.code: start_on for device in DEVICES}
    return {device.code: index % 2 == 0 for index, device in enumerate(DEVICES)}


async def async_attempt(home: Home, agent: str, row: Row) -> Attempt:
    """Reset the home, ask one agent, judge the effects."""
    hass, house = home.hass, home.house
    house.set_states(starting_states(row))
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
        reply, ms = await async_process(hass, AGENTS[agent], row.text)
        await hass.async_block_till_done()
    finally:
        stop_listening()
    after = house.snapshot()
    target = house.entity_ids[row.command.split(" ")[0]] if row.route == "domotics" and row.command else None
    verdict = judge(row.route, target, row.command, before, after, reply, weather_temperatures(), calls)
    decision = None
    if agent == "ours" and (decisions := home.entry.runtime_data.decisions) and decisions[-1]["text"] == row.text:
        decision = {key: decisions[-1][key] for key in ("route", "label", "votes", "command")}
    return Attempt(
        verdict.right, verdict.wrong_action, ms, reply, verdict.changed, verdict.wrong_call, tuple(calls), decision
    )


async def async_warm_up(home: Home) -> None:
    """The first request of each agent loads things (sentence files, samplers): not timed."""
    for text in WARM_UP:
        for agent_id in AGENTS.values():
            await async_process(home.hass, agent_id, text)
    await home.hass.async_block_till_done()


async def async_accuracy_pass(home: Home, rows: list[tuple[str, Row]]) -> list[RowResult]:
    """Both agents on every row; who goes first alternates, so neither is always second."""
    results = []
    for index, (source, row) in enumerate(rows):
        order = ("ours", "builtin") if index % 2 == 0 else ("builtin", "ours")
        attempts = {agent: await async_attempt(home, agent, row) for agent in order}
        results.append(RowResult(source, row, {agent: attempts[agent] for agent in AGENTS}))
    return results


def _share(flags: list[bool]) -> float | None:
    return sum(flags) / len(flags) if flags else None


def summarize(results: list[RowResult]) -> dict[str, dict[str, Any]]:
    """Per agent: accuracy overall, per route and per file; wrong actions; latency p50/p95."""
    figures: dict[str, dict[str, Any]] = {}
    sources = sorted({r.source for r in results})
    for agent in AGENTS:
        attempts = [(r, r.attempts[agent]) for r in results]
        ms = [a.ms for _, a in attempts]
        figures[agent] = {
            "n": len(attempts),
            "accuracy": _share([a.right for _, a in attempts]),
            "wrong_action_rate": _share([a.wrong_action for _, a in attempts]),
            "wrong_call_rate": _share([a.wrong_call for _, a in attempts]),
            "accuracy_by_route": {
                route: _share([a.right for r, a in attempts if r.row.route == route]) for route in ROUTES
            },
            "wrong_action_rate_by_route": {
                route: _share([a.wrong_action for r, a in attempts if r.row.route == route]) for route in ROUTES
            },
            "wrong_call_rate_by_route": {
                route: _share([a.wrong_call for r, a in attempts if r.row.route == route]) for route in ROUTES
            },
            "accuracy_by_file": {src: _share([a.right for r, a in attempts if r.source == src]) for src in sources},
            "p50_ms": percentile(ms, 0.5),
            "p95_ms": percentile(ms, 0.95),
            "latency_by_route": {
                route: {
                    "p50_ms": percentile([a.ms for r, a in attempts if r.row.route == route], 0.5),
                    "p95_ms": percentile([a.ms for r, a in attempts if r.row.route == route], 0.95),
                }
                for route in ROUTES
            },
        }
    return figures
