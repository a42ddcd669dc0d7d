"""The run written down: the JSON figures, a Markdown report, and every row's outcome as TSV."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from .agents import AGENTS, Attempt, RowResult
from .judge import __doc__ as JUDGE_RULES
from .load import ROUNDS
from .measure import Measurement

AGENT_NAMES = {"ours": "LLM Ensemble", "builtin": "built-in (conversation.home_assistant)"}
ROUTES = ("domotics", "weather", "none")
VARIANT_NAMES = {
    "greedy1": "N = 1, greedy",
    "sampled1": "N = 1, sampled",
    "vote3": "N = 3, batched",
    "vote5": "N = 5, batched",
    "vote7": "N = 7, batched",
    "sequential3": "N = 3, one after another",
}
# The figures plots.py draws; named here so the report can show them without importing matplotlib.
ACCURACY_PNG = "accuracy.png"
LATENCY_PNG = "latency.png"
VOTES_PNG = "votes.png"
MAX_LISTED = 40  # failures listed per agent in the report (all of them are in rows.tsv)


def summary(m: Measurement) -> dict[str, Any]:
    """The one-line JSON: the headline figures, flat, rounded."""
    ours, builtin, variants = m.agents["ours"], m.agents["builtin"], m.engine["variants"]
    figures: dict[str, Any] = {
        "n": len(m.results),
        "ours_accuracy": ours["accuracy"],
        "builtin_accuracy": builtin["accuracy"],
        "ours_wrong_action_rate": ours["wrong_action_rate"],
        "builtin_wrong_action_rate": builtin["wrong_action_rate"],
        "ours_wrong_call_rate": ours["wrong_call_rate"],
        "builtin_wrong_call_rate": builtin["wrong_call_rate"],
        "ours_p50_ms": ours["p50_ms"],
        "ours_p95_ms": ours["p95_ms"],
        "builtin_p50_ms": builtin["p50_ms"],
        "builtin_p95_ms": builtin["p95_ms"],
        "ours_accuracy_by_route": ours["accuracy_by_route"],
        "builtin_accuracy_by_route": builtin["accuracy_by_route"],
        "vote3_vs_single": m.engine["vote3_vs_single"],
        "sequential3_vs_vote3": m.engine["sequential3_vs_vote3"],
        "p50_ms_by_variant": {name: v["p50_ms"] for name, v in variants.items()},
        "command_accuracy_by_variant": {name: v["accuracy"] for name, v in variants.items()},
        "concurrent20_rps": m.load["mixed20"]["rps"],
        "concurrent100_rps": m.load["mixed100"]["rps"],
        "concurrent100_p95_ms": m.load["mixed100"]["p95_ms"],
        "concurrent100_commands_rps": m.load.get("commands100", {}).get("rps"),
        "concurrent100_commands_p95_ms": m.load.get("commands100", {}).get("p95_ms"),
        "concurrent_all_answered": all(burst["all_answered"] for burst in m.load.values()),
        "rss_mb": m.memory["rss_mb"],
        "rss_before_models_mb": m.memory["rss_before_models_mb"],
        "rss_models_loaded_mb": m.memory["rss_models_loaded_mb"],
        "model_files_mb": m.memory["model_files_mb"],
        "seconds": sum(m.seconds.values()),
    }
    rounded: dict[str, Any] = _rounded(figures)
    return rounded


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 4) if abs(value) < 10 else round(value, 1)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return value


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f} %"


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f} ms" if value >= 10 else f"{value:.2f} ms"


def _ratio(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _changes(attempt: Attempt) -> str:
    return ", ".join(f"{entity} {old}→{new}" for entity, (old, new) in attempt.changed.items()) or "nothing changed"


def _effects(attempt: Attempt) -> str:
    """What changed, and the switching calls too when one of them was wrong."""
    text = _changes(attempt)
    if attempt.wrong_call:
        text += " (called " + ", ".join(f"{service} {entity}" for service, entity in attempt.calls) + ")"
    return text



def _failure(result: RowResult, attempt: Attempt) -> str:
    row = result.row
    expected = row.command or row.route
    said = attempt.reply.speech.replace("\n", " ").strip()[:90]
    decided = ""
    if attempt.decision is not None:
        d = attempt.decision
        decided = f" — decided route {d['route']}" + (f", votes {d['votes']}" if d["votes"] else "")
    return f"| {row.route} | {expected} | {row.text} | {_effects(attempt)}; said “{said}”{decided} |"


def _failure_kinds(results: list[RowResult], agent: str) -> list[tuple[str, int]]:
    """Failures grouped by the start of what the agent said (its kind of refusal), most common first."""
    kinds: Counter[str] = Counter()
    for result in results:
        attempt = result.attempts[agent]
        if not attempt.right:
            if attempt.wrong_action:
                kinds["(switched another device)"] += 1
            else:
                kinds[" ".join(attempt.reply.speech.split()[:5]) or "(no speech)"] += 1
    return kinds.most_common(8)


def _busy_note(info: dict[str, Any]) -> str:
    """Say so when other work shared the machine: its latency figures are then noisy."""
    busy = max(info.get("load_average_start", 0), info.get("load_average_end", 0))
    if busy < 0.5:
        return ""
    return (
        f" The machine was shared with other work during the run (load average up to {busy} on "
        f"{info['cores']} cores): latencies and throughput are noisier and slower than on an idle machine; "
        "accuracies do not depend on it."
    )


def markdown(m: Measurement) -> str:
    """The report: what was measured, how, the figures, and each agent's failures."""
    info = m.machine
    lines = [
        "# LLM Ensemble benchmark",
        "",
        f"Measured on {info['date']} on {info['cpu']} ({info['cores']} cores, no GPU); load average "
        f"{info['load_average_start']} at the start and {info['load_average_end']} at the end of the run. "
        f"Home Assistant {info['home_assistant']}, llama-cpp-python {info['llama_cpp_python']}, "
        f"Python {info['python']}. Files: {', '.join(f'`{f}`' for f in m.files)} "
        f"({len(m.results)} requests). "
        f"Run time {sum(m.seconds.values()):.0f} s ("
        + ", ".join(f"{k} {v:.0f} s" for k, v in m.seconds.items())
        + ")."
        + _busy_note(info),
        "",
        "## Accuracy, judged by what happened in the home",
        "",
        "| agent | all | domotics | weather | none | wrong actions | wrong calls |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for agent in AGENTS:
        f = m.agents[agent]
        by = f["accuracy_by_route"]
        lines.append(
            f"| {AGENT_NAMES[agent]} | **{_pct(f['accuracy'])}** | {_pct(by['domotics'])} | {_pct(by['weather'])} "
            f"| {_pct(by['none'])} | {_pct(f['wrong_action_rate'])} | {_pct(f['wrong_call_rate'])} |"
        )
    lines += [
        "",
        "Wrong actions: rows where a device other than the asked one changed (any device, on weather and "
        "none rows). Wrong calls: rows with any turn_on/turn_off/toggle call other than the expected one, "
        "even one that changed nothing (the asked device switched the opposite way while already so).",
    ]
    lines += ["", f"![Accuracy per agent and route]({ACCURACY_PNG})"]
    counts = Counter(r.row.route for r in m.results)
    lines += ["", "Rows: " + ", ".join(f"{route} {counts[route]}" for route in ROUTES) + ". Per file:", ""]
    lines += ["| agent | " + " | ".join(f"`{Path(f).name}`" for f in m.files) + " |"]
    lines += ["| --- |" + " --- |" * len(m.files)]
    for agent in AGENTS:
        by_file = m.agents[agent]["accuracy_by_file"]
        lines.append(f"| {AGENT_NAMES[agent]} | " + " | ".join(_pct(by_file.get(f)) for f in m.files) + " |")
    lines += [
        "",
        "## Latency of the whole `conversation.process` call",
        "",
        "| agent | p50 | p95 | domotics p50 | weather p50 | none p50 |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for agent in AGENTS:
        f = m.agents[agent]
        by = f["latency_by_route"]
        lines.append(
            f"| {AGENT_NAMES[agent]} | **{_ms(f['p50_ms'])}** | {_ms(f['p95_ms'])} | {_ms(by['domotics']['p50_ms'])} "
            f"| {_ms(by['weather']['p50_ms'])} | {_ms(by['none']['p50_ms'])} |"
        )
    lines += [
        "",
        "Our agent's `none` rows include the built-in agent's answer: it passes anything else on to it.",
        "",
        f"![Latency distribution]({LATENCY_PNG})",
        "",
        f"## The vote's price and what it buys (engine, {m.engine['n']} domotics rows, "
        f"T = {m.engine['temperature']})",
        "",
        "| decoding | p50 | p95 | command accuracy | abstains | wrong command | "
        + " | ".join(f"accuracy, `{Path(f).name}`" for f in m.files)
        + " |",
        "| --- | --- | --- | --- | --- | --- |" + " --- |" * len(m.files),
    ]
    for name, v in m.engine["variants"].items():
        by_file = v["accuracy_by_file"]
        lines.append(
            f"| {VARIANT_NAMES[name]} | {_ms(v['p50_ms'])} | {_ms(v['p95_ms'])} | {_pct(v['accuracy'])} "
            f"| {_pct(v['abstain_rate'])} | {_pct(v['wrong_command_rate'])} | "
            + " | ".join(_pct(by_file.get(f)) for f in m.files)
            + " |"
        )
    e = m.engine
    lines += [
        "",
        f"- **vote of 3 ÷ one greedy sequence: {_ratio(e['vote3_vs_single'])}** (÷ one sampled: "
        f"{_ratio(e['vote3_vs_sampled1'])}); N = 5: {_ratio(e['vote5_vs_single'])}; "
        f"N = 7: {_ratio(e['vote7_vs_single'])}.",
        f"- **3 sequences one after another ÷ batched vote of 3: {_ratio(e['sequential3_vs_vote3'])}** "
        f"(÷ one greedy: {_ratio(e['sequential3_vs_single'])}).",
        f"- The batched and the one-after-another decodes gave the same three votes on "
        f"{_pct(e['batched_equals_sequential_share'])} of the rows (same seeds).",
        "",
        f"![Accuracy and latency against N]({VOTES_PNG})",
        "",
        "## Load: concurrent requests through `conversation.process` on our agent",
        "",
        f"A burst of K requests sent at once, {ROUNDS} rounds of different requests each, then the same requests one "
        "at a time for comparison. `mixed`: the evaluation rows, every route "
        "(anything else goes on to the built-in agent, whose sentence matching runs in Python in the "
        "executor and dominates); `commands`: the device requests alone.",
        "",
        "| traffic | concurrent | requests/s | one at a time, requests/s | p50 | p95 | answered |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for burst in m.load.values():
        lines.append(
            f"| {burst['traffic']} | {burst['concurrency']} | {burst['rps']:.0f} | {burst['one_at_a_time_rps']:.0f} "
            f"| {_ms(burst['p50_ms'])} "
            f"| {_ms(burst['p95_ms'])} | {burst['answered']}/{burst['requests']} |"
        )
    mem = m.memory
    digests = m.machine.get("model_sha256", {})
    sizes = ", ".join(
        f"`{name}` {size:.2f} MB (sha256 {digests.get(name, '?')}…)" for name, size in mem["model_files_mb"].items()
    )
    delta = (mem["rss_models_loaded_mb"] or 0) - (mem["rss_before_models_mb"] or 0)
    lines += [
        "",
        "## Memory (resident set of the whole process: Python, Home Assistant, both agents)",
        "",
        "| when | RSS |",
        "| --- | --- |",
        f"| interpreter and imports, before Home Assistant started | {mem['rss_start_mb']} MiB |",
        f"| Home Assistant, the home and the conversation component, before our models | "
        f"{mem['rss_before_models_mb']} MiB |",
        f"| our integration loaded (both models) | {mem['rss_models_loaded_mb']} MiB (+{delta:.1f} MiB) |",
        f"| at the end of the run, models loaded | **{mem['rss_mb']} MiB** (peak {mem['peak_rss_mb']} MiB) |",
        "",
        f"Model files: {sizes}.",
        "",
        "## Where each agent fails",
        "",
    ]
    for agent in AGENTS:
        failures = [r for r in m.results if not r.attempts[agent].right]
        kinds = "; ".join(f"“{kind}…” {count}" for kind, count in _failure_kinds(m.results, agent))
        lines += [f"### {AGENT_NAMES[agent]}: {len(failures)} of {len(m.results)} rows wrong", ""]
        if kinds:
            lines += [f"Most common replies on those rows: {kinds}.", ""]
        if failures:
            lines += ["| route | expected | request | what happened |", "| --- | --- | --- | --- |"]
            lines += [_failure(r, r.attempts[agent]) for r in failures[:MAX_LISTED]]
            if len(failures) > MAX_LISTED:
                more = len(failures) - MAX_LISTED
                lines.append(f"| … | | {more} more in `rows.tsv` (written next to this report) | |")
            lines.append("")
    lines += [
        "## How it was measured",
        "",
        "One in-process Home Assistant (its own test harness: a real core, storage in memory) holds one "
        "entity per catalog code, named in Spanish and placed in its room as in the demo home of "
        "`scripts/develop`, and a weather entity with a week of daily forecast, exposed to Assist. Both "
        "agents get every request through `conversation.process` (language `es`), from the same starting "
        "states: on a command row every device starts opposite to the command; on other rows half the "
        "devices are on. The built-in agent's sentence cache is emptied before each request "
        f"({'done' if m.machine.get('intent_cache_cleared') else 'not available in this release'}), and "
        "who goes first alternates. A few warm-up requests are not counted. Our agent uses N = 3 votes at "
        f"T = {m.engine['temperature']}; the options form suggested the intended entity for "
        f"{m.machine.get('suggested_mapping_right')} codes.",
        "",
        *(line[4:] if line.startswith("    ") else line for line in (JUDGE_RULES or "").strip().splitlines()),
        "",
    ]
    return "\n".join(lines)


def rows_tsv(results: list[RowResult]) -> str:
    """Every row and both agents' outcome, for reading failures one by one."""
    header = ["file", "route", "command", "text"]
    for agent in AGENTS:
        header += [f"{agent}_{column}" for column in ("right", "wrong_action", "wrong_call", "ms", "changes", "calls")]
        header.append(f"{agent}_reply")
    header.append("ours_decision")
    lines = ["\t".join(header)]
    for result in results:
        row = result.row
        cells = [Path(result.source).name, row.route, row.command or "-", row.text]
        for agent in AGENTS:
            a = result.attempts[agent]
            reply = f"{a.reply.response_type}{f' ({a.reply.error_code})' if a.reply.error_code else ''}: "
            reply += " ".join(a.reply.speech.split())
            calls = ", ".join(f"{service} {entity}" for service, entity in a.calls) or "-"
            cells += [str(int(a.right)), str(int(a.wrong_action)), str(int(a.wrong_call)), f"{a.ms:.2f}", _changes(a)]
            cells += [calls, reply]
        cells.append(json.dumps(result.attempts["ours"].decision, ensure_ascii=False))
        lines.append("\t".join(cell.replace("\t", " ") for cell in cells))
    return "\n".join(lines) + "\n"


def write(out: Path, m: Measurement) -> tuple[str, dict[str, Any]]:
    """report.md, figures.json (everything but the raw timings) and rows.tsv; the report and summary."""
    out.mkdir(parents=True, exist_ok=True)
    text = markdown(m)
    figures = summary(m)
    engine = {k: v for k, v in m.engine.items() if k != "latencies_ms"}
    full = {
        "summary": figures,
        "agents": m.agents,
        "engine": engine,
        "load": m.load,
        "memory": m.memory,
        "machine": m.machine,
        "seconds": m.seconds,
    }
    (out / "report.md").write_text(text, encoding="utf-8")
    (out / "figures.json").write_text(json.dumps(_rounded(full), indent=2, ensure_ascii=False) + "\n", "utf-8")
    (out / "rows.tsv").write_text(rows_tsv(m.results), encoding="utf-8")
    return text, figures
