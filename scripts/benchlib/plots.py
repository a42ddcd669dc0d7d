"""The PNG figures of a run (matplotlib, Agg backend: no display needed)."""

from __future__ import annotations

from pathlib import Path

import matplotlib as mpl

mpl.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from evaluate import ROUTES

from .agents import AGENTS
from .measure import Measurement
from .report import ACCURACY_PNG, LATENCY_PNG, VOTES_PNG

COLORS = {"ours": "#2a7ab9", "builtin": "#e08a2c"}
LABELS = {"ours": "LLM Ensemble", "builtin": "built-in agent"}


def accuracy(m: Measurement, path: Path) -> None:
    """Grouped bars: accuracy overall and per route, and the wrong-action rate, per agent."""
    groups = ["all", *ROUTES, "wrong actions"]
    fig, ax = plt.subplots(figsize=(9, 4.2))
    x = np.arange(len(groups))
    width = 0.38
    for i, agent in enumerate(AGENTS):
        f = m.agents[agent]
        by = f["accuracy_by_route"]
        values = [f["accuracy"], *(by[route] for route in ROUTES), f["wrong_action_rate"]]
        values = [v or 0.0 for v in values]
        bars = ax.bar(x + (i - 0.5) * width, values, width, label=LABELS[agent], color=COLORS[agent])
        bars[-1].set_hatch("//")
        for bar, value in zip(bars, values, strict=True):
            ax.annotate(
                f"{value:.0%}",
                (bar.get_x() + bar.get_width() / 2, value),
                ha="center",
                va="bottom",
                fontsize=8,
                xytext=(0, 2),
                textcoords="offset points",
            )
    ax.set_xticks(x, groups)
    ax.set_ylim(0, 1.12)
    ax.set_ylabel("share of requests")
    ax.set_title(f"Right, judged by effects in the home ({len(m.results)} requests)")
    ax.legend(loc="upper right", fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def latency(m: Measurement, path: Path) -> None:
    """Histograms (log scale) of the conversation.process time of each agent, p50 and p95 marked."""
    fig, ax = plt.subplots(figsize=(8, 4.2))
    all_ms = [a.ms for r in m.results for a in r.attempts.values()]
    low, high = max(0.1, min(all_ms) * 0.9), max(all_ms) * 1.1
    bins = [float(edge) for edge in np.geomspace(low, high, 50)]
    for agent in AGENTS:
        ms = [r.attempts[agent].ms for r in m.results]
        ax.hist(ms, bins=bins, alpha=0.6, color=COLORS[agent], label=LABELS[agent])
    for agent in AGENTS:
        for key, style in (("p50_ms", "-"), ("p95_ms", "--")):
            value = m.agents[agent][key]
            ax.axvline(value, color=COLORS[agent], linestyle=style, linewidth=1)
            ax.annotate(
                f"{key[:3]} {value:.1f}",
                (value, ax.get_ylim()[1] * 0.95),
                rotation=90,
                fontsize=7,
                ha="right",
                va="top",
                color=COLORS[agent],
            )
    ax.set_xscale("log")
    ax.set_xlabel("conversation.process, ms (log scale)")
    ax.set_ylabel("requests")
    ax.set_title("Latency of the whole call, per agent")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def votes(m: Measurement, path: Path) -> None:
    """Accuracy and p50 latency of the domotics model against N, batched and one after another."""
    v = m.engine["variants"]
    batched = ["sampled1", "vote3", "vote5", "vote7"]
    ns = [v[name]["n_votes"] for name in batched]
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.8))
    names = ("greedy1", *batched)
    series: list[tuple[str, str, float, dict[str, float]]] = [
        ("all domotics rows", "o-", 2.0, {name: v[name]["accuracy"] for name in names})
    ]
    sources = [f for f in m.files if f in v["greedy1"]["accuracy_by_file"]]  # files with domotics rows
    if len(sources) > 1:  # per file too: the vote may help on one file and not on another
        for source, style in zip(sources, ("s--", "^:", "d-.", "v-"), strict=False):
            by_file = {name: v[name]["accuracy_by_file"][source] for name in names}
            series.append((Path(source).name, style, 1.0, by_file))
    lowest = 1.0
    for label, style, width, accuracy in series:
        sampled = [accuracy[name] for name in batched]
        left.plot(ns, sampled, style, color=COLORS["ours"], linewidth=width, label=f"{label}: sampled, vote of N")
        left.plot([1], [accuracy["greedy1"]], style[0], color="black", markersize=5)
        lowest = min(lowest, *sampled, accuracy["greedy1"])
    left.plot([], [], "o", color="black", markersize=5, label="black: one greedy sequence")
    left.set_ylim(max(0.0, lowest - 0.04), 1.005)
    left.set_xticks([1, 3, 5, 7])
    left.set_xlim(0.5, 7.5)
    left.set_xlabel("N (sequences)")
    left.set_ylabel("command accuracy (domotics rows)")
    left.set_title("What the vote buys")
    left.legend(fontsize=7, loc="lower right")
    latencies = [v[name]["p50_ms"] for name in batched]
    right.plot(ns, latencies, "o-", color=COLORS["ours"], label="batched: one decode for N sequences")
    right.plot([1], [v["greedy1"]["p50_ms"]], "s", color="black", label="greedy, one sequence")
    right.plot([3], [v["sequential3"]["p50_ms"]], "^", color="#b03030", markersize=9, label="3 one after another")
    right.set_xticks([1, 3, 5, 7])
    right.set_xlabel("N (sequences)")
    right.set_ylabel("p50, ms")
    right.set_ylim(0, 1.3 * max([*latencies, v["sequential3"]["p50_ms"]]))
    right.set_title("What it costs")
    right.legend(fontsize=7, loc="upper left")
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def write(out: Path, m: Measurement) -> list[Path]:
    """Every figure of the run into `out`; their paths."""
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for draw, name in ((accuracy, ACCURACY_PNG), (latency, LATENCY_PNG), (votes, VOTES_PNG)):
        path = out / name
        draw(m, path)
        paths.append(path)
    return paths
