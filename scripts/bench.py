"""Benchmark both conversation agents in one in-process Home Assistant, judged by their effects.

    scripts/bench [FILE.tsv ...] [--json] [--out DIR]
    scripts/bench --house models/eval/houses/NAME.json [ROWS.tsv ...] [--json] [--out DIR]
    scripts/bench ... --models DIR     # another selector.gguf and domotics.gguf than the shipped ones

FILE: evaluation TSV (route<TAB>command<TAB>text[<TAB>kind], docs/development.md, "Evaluation files"); by
default the project's own files in models/eval/ (handwritten, validation, realhome, realhome_fresh, boundary; those
missing are skipped). Both agents run in one Home Assistant holding the real home (the catalog's
devices and many others), or with --house a written-down house, on its own rows or on other files
of rows about it (its `NAME.household.tsv`: several orders, the speaker's room).

Measures, in one run: accuracy of our agent and of Home Assistant's built-in agent, judged by what
changed in the home (the right change, and nothing else?), per file and per kind of request, and
the rows only one of them got right; the latency of conversation.process for both; the vote's
price and what it buys on the engine; 20 and 100 concurrent requests; memory; and the three
backends side by side (NumPy, llama.cpp in process and llama-server: p50/p95, the vote of 3 ÷ one
sequence, a repeat from the decision cache, memory, 100 concurrent decisions). Writes report.md,
figures.json, rows.tsv, engines.json and PNG plots into DIR (default bench-report/; the report
elsewhere with --report, e.g. docs/benchmarks.md). With --json
the last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from pathlib import Path

from benchlib import report
from benchlib.house_file import HouseFile
from benchlib.measure import async_measure

from custom_components.llm_ensemble.const import DEFAULT_VOTE_RULE, VOTE_RULES
from custom_components.llm_ensemble.engine import VoteSettings

ROOT = Path(__file__).resolve().parent.parent

EVAL = ROOT / "models" / "eval"
DEFAULT_FILES = [
    EVAL / "handwritten.tsv",
    EVAL / "validation.tsv",
    EVAL / "realhome.tsv",
    EVAL / "realhome_fresh.tsv",
    EVAL / "boundary.tsv",
]


def default_files() -> list[Path]:
    """The project's evaluation files that exist; a note for each one that does not."""
    found = []
    for path in DEFAULT_FILES:
        if path.is_file():
            found.append(path)
        else:
            print(f"note: {path.relative_to(ROOT)} does not exist; skipped", file=sys.stderr)
    return found


def engines_section(files: list[Path], args: argparse.Namespace, text_path: Path) -> dict[str, object]:
    """The three backends on the same requests; appended to report.md and saved as engines.json."""
    from benchlib.backends import compare
    from evaluate import read_tsv

    rows = [row for path in files for row in read_tsv(path)]
    settings = VoteSettings(n_votes=args.votes, temperature=args.temperature)
    texts = [row.text for row in rows]
    commands = [row.text for row in rows if row.route == "domotics"]
    selector, domotics = args.models
    figures = compare(selector, domotics, texts, commands, settings, args.server_url)
    (args.out / "engines.json").write_text(json.dumps(figures, indent=2) + "\n")
    with text_path.open("a", encoding="utf-8") as report_file:
        section = json.dumps(figures, indent=2)
        report_file.write(f"\n## Backends: NumPy, llama.cpp in process, llama-server\n\n```\n{section}\n```\n")
    print("engines:", json.dumps(figures))
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path, help="evaluation TSV files (default: the project's own)")
    parser.add_argument("--json", action="store_true", help="end with one JSON line of the headline figures")
    parser.add_argument("--out", type=Path, default=Path("bench-report"), help="folder for the report and plots")
    parser.add_argument("--votes", type=int, default=VoteSettings().n_votes, help="our agent's N (odd, 1-7)")
    parser.add_argument("--temperature", type=float, default=VoteSettings().temperature)
    parser.add_argument(
        "--vote-rule", choices=VOTE_RULES, default=DEFAULT_VOTE_RULE, help="when our agent's votes switch something"
    )
    parser.add_argument("--server-url", help="a running llama-server for the engines' comparison (default: start one)")
    parser.add_argument(
        "--house", type=Path, help="a written-down house (models/eval/houses/NAME.json): its home and its requests"
    )
    parser.add_argument(
        "--models", type=Path, help="a folder with selector.gguf and domotics.gguf to bench (default: the shipped ones)"
    )
    parser.add_argument("--report", type=Path, help="where the report goes (default: OUT/report.md)")
    parser.add_argument("-v", "--verbose", action="store_true", help="show Home Assistant's log")
    args = parser.parse_args()
    folder = (args.models or ROOT / "custom_components" / "llm_ensemble" / "models").resolve()  # served by path
    args.models = (folder / "selector.gguf", folder / "domotics.gguf")
    if missing := [str(p) for p in args.models if not p.is_file()]:
        parser.error("no model file " + ", ".join(missing))
    logging.basicConfig(level=logging.INFO if args.verbose else logging.CRITICAL)
    written = HouseFile.read(args.house) if args.house else None
    files = (args.files or [written.rows_path]) if written else args.files or default_files()
    if not files:
        parser.error("no evaluation file to run")
    measurement = asyncio.run(async_measure(files, args.votes, args.temperature, written, args.vote_rule, args.models))
    report_path = args.report or args.out / "report.md"
    text, figures = report.write(args.out, measurement, report_path)
    from benchlib import plots

    images = plots.write(args.out, measurement)
    if written is None:  # the backends are compared on the project's own rows
        figures["engines"] = engines_section(files, args, text_path=report_path)
    print(text)
    print(f"Written: {report_path}; into {args.out}/: figures.json, rows.tsv, " + ", ".join(p.name for p in images))
    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
