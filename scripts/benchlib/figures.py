"""The figures of the accuracy pass: each agent's, overall and per file, and the two side by side.

Side by side means row by row: the rows the built-in agent got right and ours got wrong (where
ours is not yet an addition to it), the rows ours got right and the built-in agent got wrong (what
ours adds). From our agent's decision records: the rows where it carried out a device command itself (a
service call of its own, nothing passed on) and the rows it passed on to the built-in agent.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from evaluate import ROUTES, percentile
from homeassistant.components.conversation import HOME_ASSISTANT_AGENT

from .agents import AGENTS, Attempt, RowResult

KINDS = (
    "command",
    "state",
    "other_room",
    "second_device",
    "appliance",
    "question",
    "negation",
    "statement",
    "attribute",
    "scheduled",
    "area_wide",
    "absent",
    "weather",
    "other",
)
NO_KIND = "-"


def _share(flags: list[bool]) -> float | None:
    return sum(flags) / len(flags) if flags else None


def kind_of(result: RowResult) -> str:
    return result.row.kind or NO_KIND


def kinds_in(results: list[RowResult]) -> list[str]:
    """The kinds the rows hold: the file format's order first, then any other, then no kind."""
    present = {kind_of(r) for r in results}
    extra = sorted(present - {*KINDS, NO_KIND})
    return [kind for kind in (*KINDS, *extra, NO_KIND) if kind in present]


def acted(attempt: Attempt) -> bool:
    """Our agent carried a device command out itself: its own service call, nothing passed on."""
    d = attempt.decision
    if not d or d["route"] != "domotics" or d["passed_on"] or not d["service_call"]:
        return False
    return not str(d["service_call"]).startswith(HOME_ASSISTANT_AGENT)


def passed_on(attempt: Attempt) -> bool:
    """Our agent handed the request to the built-in agent."""
    return bool(attempt.decision and attempt.decision["passed_on"])


def reason(attempt: Attempt) -> str:
    """Why ours passed a request on, its code without the particulars: "other_area (comedor)" and
    "no_agreement (NADA, LUZ_JA ON, NADA)" lose their parenthesis."""
    return str((attempt.decision or {}).get("passed_on")).split(" (", 1)[0]


def agent_figures(results: list[RowResult], agent: str) -> dict[str, Any]:
    """Accuracy, wrong actions and calls, overall, per route and per kind; latency p50/p95."""
    attempts = [(r, r.attempts[agent]) for r in results]
    ms = [a.ms for _, a in attempts]

    def by_route(flag: str) -> dict[str, float | None]:
        return {route: _share([getattr(a, flag) for r, a in attempts if r.row.route == route]) for route in ROUTES}

    return {
        "n": len(attempts),
        "right": sum(a.right for _, a in attempts),
        "accuracy": _share([a.right for _, a in attempts]),
        "wrong_actions": sum(a.wrong_action for _, a in attempts),
        "wrong_action_rate": _share([a.wrong_action for _, a in attempts]),
        "wrong_call_rate": _share([a.wrong_call for _, a in attempts]),
        "accuracy_by_route": by_route("right"),
        "wrong_action_rate_by_route": by_route("wrong_action"),
        "wrong_call_rate_by_route": by_route("wrong_call"),
        "by_kind": {
            kind: {
                "rows": sum(1 for r, _ in attempts if kind_of(r) == kind),
                "right": sum(a.right for r, a in attempts if kind_of(r) == kind),
                "wrong_actions": sum(a.wrong_action for r, a in attempts if kind_of(r) == kind),
            }
            for kind in kinds_in(results)
        },
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


def builtin_only(results: list[RowResult]) -> list[RowResult]:
    """Rows the built-in agent got right and ours got wrong."""
    return [r for r in results if r.attempts["builtin"].right and not r.attempts["ours"].right]


def ours_only(results: list[RowResult]) -> list[RowResult]:
    """Rows ours got right and the built-in agent got wrong."""
    return [r for r in results if r.attempts["ours"].right and not r.attempts["builtin"].right]


def versus(results: list[RowResult]) -> dict[str, Any]:
    """The two agents row by row."""
    n = len(results)
    return {
        "builtin_only": len(builtin_only(results)),
        "builtin_only_share": len(builtin_only(results)) / n if n else None,
        "ours_only": len(ours_only(results)),
        "ours_only_share": len(ours_only(results)) / n if n else None,
        "both_right": sum(all(a.right for a in r.attempts.values()) for r in results),
        "both_wrong": sum(not any(a.right for a in r.attempts.values()) for r in results),
    }


def ours_decisions(results: list[RowResult]) -> dict[str, Any]:
    """What our agent did with the rows: carried out itself (and how fast), or passed on (and why)."""
    own = [r for r in results if acted(r.attempts["ours"])]
    handed = [r for r in results if passed_on(r.attempts["ours"])]
    reasons: Counter[str] = Counter(reason(r.attempts["ours"]) for r in handed)
    return {
        "acted": len(own),
        "acted_p50_ms": percentile([r.attempts["ours"].ms for r in own], 0.5) if own else None,
        "acted_builtin_p50_ms": percentile([r.attempts["builtin"].ms for r in own], 0.5) if own else None,
        "acted_right": sum(r.attempts["ours"].right for r in own),
        "passed_on": len(handed),
        "passed_on_share": len(handed) / len(results) if results else None,
        "passed_on_reasons": dict(reasons.most_common()),
    }


def block(results: list[RowResult]) -> dict[str, Any]:
    """Every figure of one set of rows."""
    return {
        "n": len(results),
        **{agent: agent_figures(results, agent) for agent in AGENTS},
        "versus": versus(results),
        "ours_decisions": ours_decisions(results),
    }


def summarize(results: list[RowResult]) -> dict[str, Any]:
    """{"overall": block, "files": {file: block}}, files in the order they were given."""
    files = list(dict.fromkeys(r.source for r in results))
    return {
        "overall": block(results),
        "files": {source: block([r for r in results if r.source == source]) for source in files},
    }
