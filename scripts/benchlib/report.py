"""The run written down: the JSON figures, a Markdown report, and every row's outcome as TSV."""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from evaluate import ROUTES

from .agents import AGENTS, Attempt, RowResult
from .cases import __doc__ as CASE_RULES
from .figures import builtin_only
from .judge import __doc__ as JUDGE_RULES
from .load import ROUNDS
from .markdown import Column, column_table, markdown_table
from .measure import Measurement

AGENT_NAMES = {"ours": "LLM Ensemble", "builtin": "built-in (conversation.home_assistant)"}
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
    """The one-line JSON: the headline figures, flat where it can be, rounded."""
    overall, files = m.figures["overall"], m.figures["files"]
    ours, builtin, variants = overall["ours"], overall["builtin"], m.engine["variants"]
    versus, decisions = overall["versus"], overall["ours_decisions"]
    figures: dict[str, Any] = {
        "n": len(m.results),
        "ours_accuracy": ours["accuracy"],
        "builtin_accuracy": builtin["accuracy"],
        "ours_wrong_action_rate": ours["wrong_action_rate"],
        "builtin_wrong_action_rate": builtin["wrong_action_rate"],
        "ours_wrong_call_rate": ours["wrong_call_rate"],
        "builtin_wrong_call_rate": builtin["wrong_call_rate"],
        "builtin_right_ours_wrong": versus["builtin_only"],
        "builtin_right_ours_wrong_share": versus["builtin_only_share"],
        "ours_right_builtin_wrong": versus["ours_only"],
        "ours_right_builtin_wrong_share": versus["ours_only_share"],
        "ours_passed_on": decisions["passed_on"],
        "ours_acted": decisions["acted"],
        "ours_acted_p50_ms": decisions["acted_p50_ms"],
        "ours_p50_ms": ours["p50_ms"],
        "ours_p95_ms": ours["p95_ms"],
        "builtin_p50_ms": builtin["p50_ms"],
        "builtin_p95_ms": builtin["p95_ms"],
        "ours_accuracy_by_route": ours["accuracy_by_route"],
        "builtin_accuracy_by_route": builtin["accuracy_by_route"],
        "by_file": {
            source: {
                "n": block["n"],
                "ours_accuracy": block["ours"]["accuracy"],
                "builtin_accuracy": block["builtin"]["accuracy"],
                "ours_wrong_action_rate": block["ours"]["wrong_action_rate"],
                "builtin_wrong_action_rate": block["builtin"]["wrong_action_rate"],
                "builtin_right_ours_wrong": block["versus"]["builtin_only"],
                "ours_right_builtin_wrong": block["versus"]["ours_only"],
                "ours_passed_on": block["ours_decisions"]["passed_on"],
            }
            for source, block in files.items()
        },
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


def _count(count: int, n: int) -> str:
    return f"{count} ({_pct(count / n if n else None)})"


def _changes(attempt: Attempt) -> str:
    return ", ".join(f"{entity} {old}→{new}" for entity, (old, new) in attempt.changed.items()) or "nothing changed"


def _effects(attempt: Attempt) -> str:
    """What changed, and the switching calls too when one of them was wrong."""
    text = _changes(attempt)
    if attempt.wrong_call:
        text += " (called " + ", ".join(f"{service} {entity}" for service, entity in attempt.calls) + ")"
    return text


def _said(attempt: Attempt) -> str:
    return attempt.reply.speech.replace("\n", " ").replace("|", "/").strip()[:90]


def _decided(attempt: Attempt) -> str:
    """Our agent's decision, briefly: route, votes, and whether it passed the request on."""
    d = attempt.decision
    if d is None:
        return ""
    text = f" — decided route {d['route']}" + (f", votes {d['votes']}" if d["votes"] else "")
    return text + (f", passed on ({d['passed_on']})" if d["passed_on"] else "")


def _expected(result: RowResult) -> str:
    row = result.row
    expected = row.command or row.route
    if result.case.asked is not None:
        expected += f" (it was {'on' if result.case.asked_is_on else 'off'})"
    return expected


def _what_happened(attempt: Attempt) -> str:
    """What an agent did on a row: its effects, what it said, and (ours) what it decided."""
    return f"{_effects(attempt)}; said “{_said(attempt)}”{_decided(attempt)}"


def _failure_kinds(results: list[RowResult], agent: str) -> list[tuple[str, int]]:
    """Failures grouped by the start of what the agent said (its kind of refusal), most common first."""
    kinds: Counter[str] = Counter()
    for result in results:
        attempt = result.attempts[agent]
        if not attempt.right:
            if attempt.wrong_action:
                kinds["(changed what it should not)"] += 1
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


def _docstring(text: str | None) -> list[str]:
    return [line[4:] if line.startswith("    ") else line for line in (text or "").strip().splitlines()]


def _heading(m: Measurement) -> list[str]:
    info = m.machine
    return [
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
    ]


def _accuracy(m: Measurement) -> list[str]:
    f = m.agents
    columns: list[Column[str]] = [
        ("agent", lambda agent: AGENT_NAMES[agent]),
        ("all", lambda agent: f"**{_pct(f[agent]['accuracy'])}**"),
        *((route, lambda agent, route=route: _pct(f[agent]["accuracy_by_route"][route])) for route in ROUTES),
        ("wrong actions", lambda agent: _pct(f[agent]["wrong_action_rate"])),
        ("wrong calls", lambda agent: _pct(f[agent]["wrong_call_rate"])),
    ]
    counts = Counter(r.row.route for r in m.results)
    return [
        "## Accuracy, judged by what happened in the home",
        "",
        column_table(columns, AGENTS),
        "",
        "Rows: " + ", ".join(f"{route} {counts[route]}" for route in ROUTES) + ". Wrong actions: rows where "
        "something changed that should not have (another device, or anything on a question, weather or none "
        "row). Wrong calls: rows with any turn_on/turn_off/toggle call other than the expected ones, even one "
        "that changed nothing.",
        "",
        f"![Accuracy per agent and route]({ACCURACY_PNG})",
    ]


def _side_by_side(m: Measurement) -> list[str]:
    """Per file and overall: both agents' accuracy and wrong actions, and the rows only one got right."""

    def both(key: str) -> Callable[[dict[str, Any]], str]:
        return lambda b: f"{_pct(b['ours'][key])} / {_pct(b['builtin'][key])}"

    columns: list[Column[dict[str, Any]]] = [
        ("file", lambda b: b["file"]),
        ("rows", lambda b: str(b["n"])),
        ("right: ours / built-in", both("accuracy")),
        ("wrong actions: ours / built-in", both("wrong_action_rate")),
        ("built-in right, ours wrong", lambda b: _count(b["versus"]["builtin_only"], b["n"])),
        ("ours right, built-in wrong", lambda b: _count(b["versus"]["ours_only"], b["n"])),
        ("ours passed on to the built-in agent", lambda b: _count(b["ours_decisions"]["passed_on"], b["n"])),
    ]
    # figures.summarize's blocks, each named as its row shows it: every file, then all of them
    blocks = [{"file": f"`{Path(source).name}`", **b} for source, b in m.figures["files"].items()]
    blocks.append({"file": "**all**", **m.figures["overall"]})
    lines = ["## Per file, and the two agents row by row", "", column_table(columns, blocks)]
    reasons = m.figures["overall"]["ours_decisions"]["passed_on_reasons"]
    if reasons:
        lines += ["", "Why ours passed requests on: " + "; ".join(f"{r} {c}" for r, c in reasons.items()) + "."]
    return lines


def _kinds(m: Measurement) -> list[str]:
    ours, builtin = m.agents["ours"]["by_kind"], m.agents["builtin"]["by_kind"]
    columns: list[Column[str]] = [
        ("kind", lambda kind: kind),
        ("rows", lambda kind: str(ours[kind]["rows"])),
        ("right: ours", lambda kind: _count(ours[kind]["right"], ours[kind]["rows"])),
        ("right: built-in", lambda kind: _count(builtin[kind]["right"], builtin[kind]["rows"])),
        ("wrong actions: ours", lambda kind: str(ours[kind]["wrong_actions"])),
        ("wrong actions: built-in", lambda kind: str(builtin[kind]["wrong_actions"])),
    ]
    return ["## Per kind of request", "", column_table(columns, ours)]


def _latency(m: Measurement) -> list[str]:
    f = m.agents
    columns: list[Column[str]] = [
        ("agent", lambda agent: AGENT_NAMES[agent]),
        ("p50", lambda agent: f"**{_ms(f[agent]['p50_ms'])}**"),
        ("p95", lambda agent: _ms(f[agent]["p95_ms"])),
        *(
            (f"{route} p50", lambda agent, route=route: _ms(f[agent]["latency_by_route"][route]["p50_ms"]))
            for route in ROUTES
        ),
    ]
    d = m.figures["overall"]["ours_decisions"]
    return [
        "## Latency of the whole `conversation.process` call",
        "",
        column_table(columns, AGENTS),
        "",
        "Rows where our agent carried out a device command itself (its own service call, nothing passed on): "
        f"{d['acted']}, {d['acted_right']} of them right; p50 **{_ms(d['acted_p50_ms'])}** "
        f"(the built-in agent on the same rows: {_ms(d['acted_builtin_p50_ms'])}). "
        f"Rows it passed on to the built-in agent: {d['passed_on']} ({_pct(d['passed_on_share'])}); "
        "their time includes the built-in agent's answer.",
        "",
        f"![Latency distribution]({LATENCY_PNG})",
    ]


def _engine(m: Measurement) -> list[str]:
    e = m.engine
    columns: list[Column[dict[str, Any]]] = [
        ("decoding", lambda v: VARIANT_NAMES[v["name"]]),
        ("p50", lambda v: _ms(v["p50_ms"])),
        ("p95", lambda v: _ms(v["p95_ms"])),
        ("command accuracy", lambda v: _pct(v["accuracy"])),
        ("abstains", lambda v: _pct(v["abstain_rate"])),
        ("wrong command", lambda v: _pct(v["wrong_command_rate"])),
        *((f"accuracy, `{Path(f).name}`", lambda v, f=f: _pct(v["accuracy_by_file"].get(f))) for f in m.files),
    ]
    variants = [{"name": name, **v} for name, v in e["variants"].items()]
    return [
        f"## The vote's price and what it buys (engine, {e['n']} domotics rows, T = {e['temperature']})",
        "",
        column_table(columns, variants),
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
    ]


def _load(m: Measurement) -> list[str]:
    columns: list[Column[dict[str, Any]]] = [
        ("traffic", lambda burst: burst["traffic"]),
        ("concurrent", lambda burst: str(burst["concurrency"])),
        ("requests/s", lambda burst: f"{burst['rps']:.0f}"),
        ("one at a time, requests/s", lambda burst: f"{burst['one_at_a_time_rps']:.0f}"),
        ("p50", lambda burst: _ms(burst["p50_ms"])),
        ("p95", lambda burst: _ms(burst["p95_ms"])),
        ("answered", lambda burst: f"{burst['answered']}/{burst['requests']}"),
    ]
    return [
        "## Load: concurrent requests through `conversation.process` on our agent",
        "",
        f"A burst of K requests sent at once, {ROUNDS} rounds of different requests each, then the same requests one "
        "at a time for comparison. `mixed`: the evaluation rows, every route "
        "(anything else goes on to the built-in agent, whose sentence matching runs in Python in the "
        "executor and dominates); `commands`: the device requests alone.",
        "",
        column_table(columns, m.load.values()),
    ]


def _memory(m: Measurement) -> list[str]:
    mem = m.memory
    digests = m.machine.get("model_sha256", {})
    sizes = ", ".join(
        f"`{name}` {size:.2f} MB (sha256 {digests.get(name, '?')}…)" for name, size in mem["model_files_mb"].items()
    )
    delta = (mem["rss_models_loaded_mb"] or 0) - (mem["rss_before_models_mb"] or 0)
    rows = [
        ["interpreter and imports, before Home Assistant started", f"{mem['rss_start_mb']} MiB"],
        [
            "Home Assistant, the home and the conversation component, before our models",
            f"{mem['rss_before_models_mb']} MiB",
        ],
        ["our integration loaded (both models)", f"{mem['rss_models_loaded_mb']} MiB (+{delta:.1f} MiB)"],
        ["at the end of the run, models loaded", f"**{mem['rss_mb']} MiB** (peak {mem['peak_rss_mb']} MiB)"],
    ]
    return [
        "## Memory (resident set of the whole process: Python, Home Assistant, both agents)",
        "",
        markdown_table(["when", "RSS"], rows),
        "",
        f"Model files: {sizes}.",
    ]


def _builtin_only(m: Measurement) -> list[str]:
    """Every row the built-in agent got right and ours got wrong: where ours is not yet an addition."""
    rows = builtin_only(m.results)
    lines = [f"## Rows the built-in agent got right and ours got wrong: {len(rows)} of {len(m.results)}", ""]
    if not rows:
        return [*lines, "None."]
    columns: list[Column[RowResult]] = [
        ("file", lambda r: f"`{Path(r.source).name}`"),
        ("route", lambda r: r.row.route),
        ("expected", _expected),
        ("request", lambda r: r.row.text),
        ("what ours did", lambda r: _what_happened(r.attempts["ours"])),
        ("the built-in agent said", lambda r: f"“{_said(r.attempts['builtin'])}”"),
    ]
    return [*lines, column_table(columns, rows)]


def _failure_table(failures: list[RowResult], agent: str) -> str:
    """An agent's first MAX_LISTED failures, and how many more rows.tsv holds."""
    columns: list[Column[RowResult]] = [
        ("route", lambda r: r.row.route),
        ("expected", _expected),
        ("request", lambda r: r.row.text),
        ("what happened", lambda r: _what_happened(r.attempts[agent])),
    ]
    more = len(failures) - MAX_LISTED
    unlisted = [["…", "", f"{more} more in `rows.tsv` (written next to this report)", ""]] if more > 0 else []
    return column_table(columns, failures[:MAX_LISTED], unlisted)


def _failures(m: Measurement) -> list[str]:
    lines = ["## Where each agent fails", ""]
    for agent in AGENTS:
        failures = [r for r in m.results if not r.attempts[agent].right]
        kinds = "; ".join(f"“{kind}…” {count}" for kind, count in _failure_kinds(m.results, agent))
        lines += [f"### {AGENT_NAMES[agent]}: {len(failures)} of {len(m.results)} rows wrong", ""]
        if kinds:
            lines += [f"Most common replies on those rows: {kinds}.", ""]
        if failures:
            lines += [_failure_table(failures, agent), ""]
    return lines


def _method(m: Measurement) -> list[str]:
    return [
        "## How it was measured",
        "",
        "One in-process Home Assistant (its own test harness: a real core, storage in memory) holds the real home "
        "of `devtools/demo_home.py`, as in the demo home of `scripts/develop`: the catalog's 18 "
        "devices and 23 others (other rooms, second lights, appliances), each named in Spanish and placed in its "
        "area, some with aliases; lights dim and take colours, fans have speeds; and a weather entity with a week "
        "of daily forecast, exposed to Assist. Both agents get every request through `conversation.process` "
        "(language `es`), from the same starting states. The built-in agent's sentence cache is emptied before "
        f"each request ({'done' if m.machine.get('intent_cache_cleared') else 'not available in this release'}), "
        "and who goes first alternates. A few warm-up requests are not counted. Our agent uses N = 3 votes at "
        f"T = {m.engine['temperature']}, mapped to the catalog devices of the home (the options form suggested "
        f"the intended entity for {m.machine.get('suggested_mapping_right')} codes).",
        "",
        *_docstring(CASE_RULES),
        "",
        *_docstring(JUDGE_RULES),
    ]


def markdown(m: Measurement, images: str = "") -> str:
    """The report: what was measured, how, the figures, and each agent's failures.

    `images`: the folder of the plots, relative to the report ("" when they are side by side).
    """
    sections = (
        _heading,
        _accuracy,
        _side_by_side,
        _kinds,
        _latency,
        _engine,
        _load,
        _memory,
        _builtin_only,
        _failures,
        _method,
    )
    text = "\n\n".join("\n".join(section(m)).strip("\n") for section in sections) + "\n"
    for image in (ACCURACY_PNG, LATENCY_PNG, VOTES_PNG):
        text = text.replace(f"]({image})", f"]({images}{image})")
    return text


def rows_tsv(results: list[RowResult]) -> str:
    """Every row and both agents' outcome, for reading failures one by one."""
    header = ["file", "route", "command", "text", "kind", "asked_was"]
    for agent in AGENTS:
        header += [f"{agent}_{column}" for column in ("right", "wrong_action", "wrong_call", "ms", "changes", "calls")]
        header.append(f"{agent}_reply")
    header.append("ours_decision")
    lines = ["\t".join(header)]
    for result in results:
        row = result.row
        asked = "-" if result.case.asked is None else "on" if result.case.asked_is_on else "off"
        cells = [Path(result.source).name, row.route, row.command or "-", row.text, row.kind or "-", asked]
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


def write(out: Path, m: Measurement, report: Path | None = None) -> tuple[str, dict[str, Any]]:
    """The report (`report`, default out/report.md), and figures.json (everything but the raw
    timings) and rows.tsv into `out`; the report and summary."""
    out.mkdir(parents=True, exist_ok=True)
    report = report or out / "report.md"
    images = os.path.relpath(out, report.parent)
    text = markdown(m, "" if images == "." else f"{images}/")
    figures = summary(m)
    engine = {k: v for k, v in m.engine.items() if k != "latencies_ms"}
    full = {
        "summary": figures,
        "overall": m.figures["overall"],
        "files": m.figures["files"],
        "engine": engine,
        "load": m.load,
        "memory": m.memory,
        "machine": m.machine,
        "seconds": m.seconds,
    }
    report.write_text(text, encoding="utf-8")
    (out / "figures.json").write_text(json.dumps(_rounded(full), indent=2, ensure_ascii=False) + "\n", "utf-8")
    (out / "rows.tsv").write_text(rows_tsv(m.results), encoding="utf-8")
    return text, figures
