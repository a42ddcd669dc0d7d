"""The vote's price and what it buys, measured straight on the engine the agent has loaded.

For every domotics row, in turn (so a busy moment of the machine touches every variant alike):
one greedy sequence, one sampled sequence, N = 3, 5, 7 sampled sequences in one batched decode,
and 3 sampled sequences decoded one after another (the prompt evaluated three times), which is
what the vote would cost without batching. Accuracy is the domotics model's: the command that
would run equals the expected one (no majority, or NADA, counts as wrong).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from evaluate import Row, percentile

from custom_components.llm_ensemble.engine import Ensemble, VoteSettings, vote_command

WARM_UP_ROWS = 5


@dataclass(frozen=True)
class Variant:
    """One way of getting a command: its name, N, and how it decides (text -> votes, command)."""

    name: str
    n: int
    decide: Callable[[str], tuple[tuple[str | None, ...], str | None]]


def sequential_vote(ensemble: Ensemble, text: str, settings: VoteSettings) -> tuple[tuple[str | None, ...], str | None]:
    """The same N samplings as the batched vote, each decoded on its own, one after another, and the
    same rule (all agreeing, by default)."""
    model = ensemble.domotics
    normalized = model.normalize(text)
    prompt, _ = model.prompt(normalized)
    answers = model.answers_for(normalized)
    votes = tuple(model.generate(prompt, [sampling], answers)[0] for sampling in settings.samplings_for(normalized))
    return votes, vote_command(model.info, votes, settings)


def variants(ensemble: Ensemble, temperature: float) -> list[Variant]:
    def batched(n: int) -> Callable[[str], tuple[tuple[str | None, ...], str | None]]:
        settings = VoteSettings(n_votes=n, temperature=temperature)
        return lambda text: ensemble.vote(text, settings)

    def greedy(text: str) -> tuple[tuple[str | None, ...], str | None]:
        command = ensemble.single(text)
        return (command,), command

    three = VoteSettings(n_votes=3, temperature=temperature)
    return [
        Variant("greedy1", 1, greedy),
        Variant("sampled1", 1, batched(1)),
        Variant("vote3", 3, batched(3)),
        Variant("vote5", 5, batched(5)),
        Variant("vote7", 7, batched(7)),
        Variant("sequential3", 3, lambda text: sequential_vote(ensemble, text, three)),
    ]


def sweep(ensemble: Ensemble, sourced: list[tuple[str, Row]], temperature: float) -> dict[str, object]:
    """p50/p95 latency, accuracy (overall and per file), abstentions and wrong commands of each
    variant on the (file, row) pairs."""
    chosen = variants(ensemble, temperature)
    rows = [row for _, row in sourced]
    sources = sorted({source for source, _ in sourced})
    right_in = {v.name: dict.fromkeys(sources, 0) for v in chosen}
    for row in rows[:WARM_UP_ROWS]:
        for variant in chosen:
            variant.decide(row.text)
    ms: dict[str, list[float]] = {v.name: [] for v in chosen}
    right = dict.fromkeys(ms, 0)
    abstained = dict.fromkeys(ms, 0)
    wrong = dict.fromkeys(ms, 0)
    same_votes = 0  # rows where batched and sequential decoding gave the very same 3 votes
    for source, row in sourced:
        votes_of: dict[str, tuple[str | None, ...]] = {}
        for variant in chosen:
            start = time.perf_counter()
            votes, command = variant.decide(row.text)
            ms[variant.name].append((time.perf_counter() - start) * 1000)
            votes_of[variant.name] = votes
            right[variant.name] += command == row.command
            right_in[variant.name][source] += command == row.command
            abstained[variant.name] += command is None
            wrong[variant.name] += command is not None and command != row.command
        same_votes += votes_of["vote3"] == votes_of["sequential3"]
    n = max(1, len(rows))
    per_file = {src: sum(source == src for source, _ in sourced) for src in sources}
    table: dict[str, dict[str, Any]] = {
        v.name: {
            "n_votes": v.n,
            "p50_ms": percentile(ms[v.name], 0.5),
            "p95_ms": percentile(ms[v.name], 0.95),
            "accuracy": right[v.name] / n,
            "accuracy_by_file": {src: right_in[v.name][src] / per_file[src] for src in sources},
            "abstain_rate": abstained[v.name] / n,
            "wrong_command_rate": wrong[v.name] / n,
        }
        for v in chosen
    }
    p50 = {name: figures["p50_ms"] for name, figures in table.items()}
    return {
        "n": len(rows),
        "temperature": temperature,
        "variants": table,
        "vote3_vs_single": p50["vote3"] / p50["greedy1"] if p50["greedy1"] else None,
        "vote3_vs_sampled1": p50["vote3"] / p50["sampled1"] if p50["sampled1"] else None,
        "sequential3_vs_vote3": p50["sequential3"] / p50["vote3"] if p50["vote3"] else None,
        "sequential3_vs_single": p50["sequential3"] / p50["greedy1"] if p50["greedy1"] else None,
        "vote5_vs_single": p50["vote5"] / p50["greedy1"] if p50["greedy1"] else None,
        "vote7_vs_single": p50["vote7"] / p50["greedy1"] if p50["greedy1"] else None,
        "batched_equals_sequential_share": same_votes / n,
        "latencies_ms": ms,
    }
