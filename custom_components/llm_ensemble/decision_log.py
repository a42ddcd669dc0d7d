"""The record of one decision that diagnostics keep: what was heard, decided, done and said."""

from __future__ import annotations

from typing import Any

from homeassistant.util import dt as dt_util

from .engine import Decision
from .reply import Outcome

MAX_RECORDED_TEXT = 500  # characters of a request kept in diagnostics


def decision_record(decision: Decision, outcome: Outcome, record_texts: bool) -> dict[str, Any]:
    """The decision and its outcome; the request's text and the reply only when `record_texts`.

    People paste diagnostics into public issues, so what was said stays out unless asked for.
    """
    record: dict[str, Any] = {
        "time": dt_util.utcnow().isoformat(),
        "route": decision.route,
        "label": decision.label,
        "votes": list(decision.votes),
        "command": decision.command,
        "abstained": decision.abstained,
        "truncated": decision.truncated,
        "cached": decision.cached,
        "service_call": outcome.service_call,
        "passed_on": str(outcome.pass_on) if outcome.pass_on else None,
        "error": outcome.error,
        "timings_ms": {
            "selector": decision.timings.selector_ms,
            "vote": decision.timings.vote_ms,
            "total": decision.timings.total_ms,
        },
    }
    if record_texts:
        record |= {"text": decision.text[:MAX_RECORDED_TEXT], "speech": outcome.speech}
    return record
