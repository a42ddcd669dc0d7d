"""What each safeguard buys: our agent in the real home with one mechanism turned off at a time.

    scripts/ablate [FILE.tsv ...] [--models SELECTOR DOMOTICS] [--old-models SELECTOR DOMOTICS]
                   [--temperatures T ...] [--sampler-seeds S ...] [--only VARIANT ...] [--list] [--json]

Variants, each on every row, judged by effects exactly as scripts/bench judges them (same home,
same starting states): `full` (as shipped); `no_home_check` (the check of the home before acting
skipped); `no_known_words` (the home check without its part that reads the domotics model's known
words: "la freidora", "la sala de cine"); `no_language_check` (negations and reports of what was
done not read by the body);
`no_fallback` (what the agent passes on gets its own "no te he entendido" instead of the
built-in agent); `greedy1` (one greedy sequence instead of the vote); `all_agree` (act only when all 3
votes agree, not 2 of 3); `cool` (the vote sampled at T = 0.5); and, with
--old-models, `old_models`
(the models trained without the boundary data). `--temperatures 0.5 0.7` adds `t0.5`, `t0.7`: the
vote of the shipped size and rule, sampled at that temperature (`--votes 5`:
`n5_t0.5`…). `--sampler-seeds 3 6` adds `draw3`, `draw6`: `full` with other sampling seeds, the
same vote drawn again (the agent's offset is 0), so a figure is not one draw's luck; and
`t0.7_draw3`… for the votes of `--temperatures`.
`--models` runs every variant on other GGUF files (a candidate build). The built-in agent runs
once, for the rows it gets right and ours does not.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from unittest import mock

from bench import default_files
from benchlib.agents import async_attempt, async_warm_up, cases
from benchlib.harness import async_home
from benchlib.measure import load_rows
from evaluate import percentile

from custom_components.llm_ensemble import home_check, spanish
from custom_components.llm_ensemble import settings as agent_settings
from custom_components.llm_ensemble.const import CONF_FALLBACK
from custom_components.llm_ensemble.engine import VoteSettings

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Variant:
    """One way of running our agent: its vote, its models, and what is patched off."""

    name: str
    votes: int = VoteSettings().n_votes
    temperature: float = VoteSettings().temperature
    unanimous: bool = VoteSettings().unanimous
    seed: int = VoteSettings().seed  # moves every request's sampling seeds: another draw of the vote
    home_check: bool = True
    known_words_check: bool = True  # the home check's part that reads the model's known_words
    language_check: bool = True
    fallback: bool = True
    models: tuple[str, str] = ("selector.gguf", "domotics.gguf")


VARIANTS = (
    Variant("full"),
    Variant("no_home_check", home_check=False),
    Variant("no_known_words", known_words_check=False),
    Variant("no_language_check", language_check=False),
    Variant("no_fallback", fallback=False),
    Variant("greedy1", votes=1, temperature=0.0),
    Variant("all_agree", unanimous=True),
    Variant("cool", temperature=0.5),
)


@contextmanager
def patched(variant: Variant) -> Iterator[None]:
    """Turn off what the variant turns off, for the agent only (the judge is untouched)."""
    vote: Callable[[agent_settings.Settings], VoteSettings] = lambda settings: VoteSettings(  # noqa: E731
        n_votes=settings.votes, temperature=settings.temperature, seed=variant.seed, unanimous=variant.unanimous
    )
    with ExitStack() as stack:
        stack.enter_context(mock.patch.object(agent_settings.Settings, "vote", property(vote)))
        if not variant.home_check:
            stack.enter_context(mock.patch.object(home_check, "reason_not_for", return_value=None))
        if not variant.known_words_check:
            checks = tuple(c for c in home_check.CHECKS if c is not home_check.unknown_thing)
            stack.enter_context(mock.patch.object(home_check, "CHECKS", checks))
        if not variant.language_check:
            stack.enter_context(mock.patch.object(spanish, "not_an_order", return_value=None))
        yield


async def async_run(variant: Variant, rows: list[Any], with_builtin: bool) -> dict[str, list[Any]]:
    """Every row through our agent (and the built-in agent, once), judged by effects."""
    found: dict[str, list[Any]] = {"ours": [], "builtin": []}
    with patched(variant):
        async with async_home(variant.votes, variant.temperature, variant.models) as home:
            if not variant.fallback:
                options = {**home.entry.options, CONF_FALLBACK: False}
                home.hass.config_entries.async_update_entry(home.entry, options=options)
                await home.hass.async_block_till_done()
            await async_warm_up(home)
            for (_, row), case in zip(rows, cases(home, rows), strict=True):
                found["ours"].append(await async_attempt(home, "ours", row, case))
                if with_builtin:
                    found["builtin"].append(await async_attempt(home, "builtin", row, case))
    return found


def figures(ours: list[Any], builtin: list[Any]) -> dict[str, Any]:
    n = len(ours)
    return {
        "accuracy": sum(a.right for a in ours) / n,
        "wrong_action_rate": sum(a.wrong_action for a in ours) / n,
        "builtin_right_ours_wrong": sum(b.right and not a.right for a, b in zip(ours, builtin, strict=True)),
        "ours_right_builtin_wrong": sum(a.right and not b.right for a, b in zip(ours, builtin, strict=True)),
        "p50_ms": percentile([a.ms for a in ours], 0.5),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--old-models", nargs=2, metavar=("SELECTOR", "DOMOTICS"), help="models without the new data")
    parser.add_argument("--models", nargs=2, metavar=("SELECTOR", "DOMOTICS"), help="run every variant on these")
    parser.add_argument("--temperatures", nargs="+", type=float, default=[], help="the vote at these T")
    parser.add_argument("--votes", nargs="+", type=int, default=[VoteSettings().n_votes], help="... of these sizes")
    parser.add_argument(
        "--sampler-seeds", nargs="+", type=int, default=[], help="`full` again with other draws of its vote"
    )
    parser.add_argument("--only", nargs="+", help="run just these variants")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--list", action="store_true", help="list each variant's wrong actions and lost rows")
    args = parser.parse_args()
    logging.basicConfig(level=logging.CRITICAL)
    rows = load_rows(args.files or default_files())
    votes = [
        Variant(f"t{t:g}" if n == VoteSettings().n_votes else f"n{n}_t{t:g}", votes=n, temperature=t)
        for n in args.votes
        for t in args.temperatures
    ]
    variants = list(VARIANTS) + votes
    variants += [replace(VARIANTS[0], name=f"draw{seed}", seed=seed) for seed in args.sampler_seeds]
    variants += [replace(v, name=f"{v.name}_draw{seed}", seed=seed) for v in votes for seed in args.sampler_seeds]
    if args.models:
        models = (str(Path(args.models[0]).resolve()), str(Path(args.models[1]).resolve()))
        variants = [replace(v, models=models) for v in variants]
    if args.old_models:
        old = tuple(str(Path(p).resolve()) for p in args.old_models)
        variants.append(replace(VARIANTS[0], name="old_models", models=(old[0], old[1])))
    if args.only:
        variants = [v for v in variants if v.name in args.only]
    builtin: list[Any] = []
    results: dict[str, dict[str, Any]] = {}
    print(f"{len(rows)} rows: " + ", ".join(sorted({source for source, _ in rows})))
    print("| variant | right | wrong actions | built-in right, ours wrong | ours right, built-in wrong | p50 ms |")
    print("| --- | --- | --- | --- | --- | --- |")
    for variant in variants:
        found = asyncio.run(async_run(variant, rows, with_builtin=not builtin))
        builtin = builtin or found["builtin"]
        f = results[variant.name] = figures(found["ours"], builtin)
        print(
            f"| {variant.name} | {f['accuracy']:.1%} | {f['wrong_action_rate']:.2%} | {f['builtin_right_ours_wrong']} "
            f"| {f['ours_right_builtin_wrong']} | {f['p50_ms']:.1f} |",
            flush=True,
        )
        if args.list:
            for (_, row), a, b_ in zip(rows, found["ours"], builtin, strict=True):
                if a.wrong_action or (b_.right and not a.right):
                    what = "wrong action" if a.wrong_action else "built-in right, ours wrong"
                    expected = f"{row.route} {row.command or '-'}"
                    print(f"    {what}: {expected} {row.text!r} -> {a.changed} {a.reply.speech!r}")
    b = sum(a.right for a in builtin) / len(builtin)
    print(
        f"| built-in agent | {b:.1%} | {sum(a.wrong_action for a in builtin) / len(builtin):.2%} | – | – | "
        f"{percentile([a.ms for a in builtin], 0.5):.1f} |"
    )
    if args.json:
        print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
