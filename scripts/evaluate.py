"""Run the shipped models through the engine on an evaluation TSV and report the figures.

    scripts/evaluate models/eval/handwritten.tsv [--json] [--votes 3] [--temperature T]
    scripts/evaluate FILE --engine in_process                  # on llama.cpp in process (default: NumPy)
    scripts/evaluate FILE --engine server [--server-url URL]   # on llama-server (without a URL:
                                                                # a local one on the same files)

TSV rows: route<TAB>command<TAB>text (docs/catalog.md). The engine runs exactly as the integration
runs it. With --json the last line printed is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from custom_components.llm_ensemble.engine import (
    ENGINE_IN_PROCESS,
    ENGINE_NUMPY,
    ENGINE_SERVER,
    Ensemble,
    ModelBackend,
    Sampling,
    VoteSettings,
    request_seed,
    vote_command,
)
from custom_components.llm_ensemble.engine.ensemble import load_model
from custom_components.llm_ensemble.engine.model_file import ModelFile

ROOT = Path(__file__).resolve().parent.parent

SHIPPED = ROOT / "custom_components" / "llm_ensemble" / "models"
ROUTES = ("domotics", "weather", "none", "home", "state")
EFFECTS = ("on", "off", "set")
WEATHER_TOO = "weather"  # in a `home` row's effects: the reply must also give the weather
STATE_TOO = "state"  # in a `home` row's effects, before an entity id: the reply must also tell its state


@dataclass(frozen=True)
class Row:
    """One request of an evaluation file (docs/development.md, "Evaluation files" gives the format).

    route `home`: the right answer is a change the built-in agent makes (a device outside the
    catalog, every light of an area, a colour), listed in `command` as `entity_id=on|off|set`.
    `weather` among them: the reply gives the weather too; `state entity_id` among them: the reply
    tells that device's state too ("enciende la tele y dime si la Xbox está prendida").
    route `state`: a question about the state of the entity in `command` (any device of a house).
    For the models both are `none`: the selector says NINGUNO, the domotics model NADA.
    """

    route: str
    command: str | None
    text: str
    kind: str = ""
    speaker: str | None = None  # the area of the voice satellite that heard it (None: typed)

    @property
    def model_route(self) -> str:
        """The route the selector should give: `home` rows are not the models' to act on."""
        return "none" if self.route in ("home", "state") else self.route

    @property
    def effects(self) -> dict[str, str]:
        """`home` rows: entity_id -> on, off or set (stays on, an attribute changes)."""
        if self.route != "home" or not self.command:
            return {}
        return dict(item.split("=", 1) for item in change_items(self.command))

    @property
    def wants_weather(self) -> bool:
        """A `home` row that also asks about the weather ("apaga la tele y dime qué tiempo hace")."""
        return self.route == "home" and WEATHER_TOO in (self.command or "").split()

    @property
    def also_asked(self) -> str | None:
        """A `home` row that also asks about a device's state: that device's entity id."""
        items = (self.command or "").split() if self.route == "home" else []
        return next((items[i + 1] for i, item in enumerate(items[:-1]) if item == STATE_TOO), None)


def change_items(command: str) -> list[str]:
    """The `entity_id=effect` items of a `home` row's command, without `weather` and `state entity_id`."""
    items = command.split()
    asked = {i + 1 for i, item in enumerate(items) if item == STATE_TOO}
    return [item for i, item in enumerate(items) if item not in (WEATHER_TOO, STATE_TOO) and i not in asked]


def read_tsv(path: Path) -> list[Row]:
    """Rows of an evaluation file; '#' lines and blank lines are skipped, bad lines are errors."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) not in (3, 4) or parts[0] not in ROUTES:
            raise SystemExit(f"{path}:{number}: expected route<TAB>command<TAB>text[<TAB>kind], got {line!r}")
        route, command, text = parts[:3]
        kept = command if route in ("domotics", "home", "state") else None
        row = Row(route, kept, text, parts[3] if len(parts) == 4 else "")
        changes = change_items(row.command) if row.command else []
        if route == "home" and (not changes or not all("=" in i and i.split("=", 1)[1] in EFFECTS for i in changes)):
            raise SystemExit(f"{path}:{number}: a home row lists entity_id=on|off|set effects, got {command!r}")
        rows.append(row)
    return rows


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timed(fn, *args):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn(*args)
    return result, (time.perf_counter() - start) * 1000


def evaluate(ensemble: Any, rows: list[Row], settings: VoteSettings) -> tuple[dict, list[str]]:
    """Figures over all rows, and one line per mistake."""
    for row in rows[:5]:  # warm caches and allocators before timing anything
        ensemble.decide(row.text, settings)
    route_ok = command_ok = single_ok = abstained = wrong_actions = passed_on = 0
    state_action = ensemble.domotics.info.state_action
    latency, vote_ms, single_ms = [], [], []
    per_route = {r: [0, 0] for r in ROUTES if r != "home"}
    mistakes = []
    domotics_rows = [r for r in rows if r.route == "domotics"]
    for row in rows:
        decision, ms = timed(ensemble.decide, row.text, settings)
        latency.append(ms)
        per_route[row.model_route][1] += 1
        if decision.route == row.model_route:
            route_ok += 1
            per_route[row.model_route][0] += 1
        else:
            mistakes.append(f"route  {row.model_route:>8} -> {decision.route:<8} {row.text!r} ({decision.label})")
        executed = decision.command if decision.route == "domotics" else None
        if row.model_route == "none":
            passed_on += decision.route == "none" or (decision.route == "domotics" and decision.command is None)
        if executed is not None and executed.endswith(f" {state_action}"):
            executed = None  # a state question switches nothing
        if executed is not None and executed != row.command:
            wrong_actions += 1
            mistakes.append(
                f"ACTION {executed!r} instead of {row.command or 'nothing'}: {row.text!r} votes={decision.votes}"
            )
        if row.route != "domotics":
            continue
        # The vote and one greedy sequence, timed side by side on the same text.
        (votes, voted), v_ms = timed(ensemble.vote, row.text, settings)
        single, s_ms = timed(ensemble.single, row.text)
        vote_ms.append(v_ms)
        single_ms.append(s_ms)
        routed = decision.route == "domotics"
        command_ok += routed and voted == row.command
        single_ok += routed and single == row.command
        abstained += voted is None
        if voted != row.command:
            mistakes.append(f"vote   {row.command} -> {voted} {row.text!r} votes={votes}")
    n_dom = max(1, len(domotics_rows))
    figures = {
        "n": len(rows),
        "route_accuracy": route_ok / len(rows),
        "command_accuracy": command_ok / n_dom,
        "command_accuracy_single": single_ok / n_dom,
        "abstain_rate": abstained / n_dom,
        "wrong_action_rate": wrong_actions / len(rows),
        "pass_on_rate": passed_on / n_pass if (n_pass := sum(r.model_route == "none" for r in rows)) else None,
        "latency_ms_p50": percentile(latency, 0.5),
        "latency_ms_p95": percentile(latency, 0.95),
        "vote_ms_p50": percentile(vote_ms, 0.5),
        "single_ms_p50": percentile(single_ms, 0.5),
        "n_votes": settings.n_votes,
        "temperature": settings.temperature,
        "sampler_seed": settings.seed,
        "route_accuracy_by_route": {r: (ok / n if n else None) for r, (ok, n) in per_route.items()},
    }
    figures["vote_vs_single"] = figures["vote_ms_p50"] / figures["single_ms_p50"] if single_ms else None
    return figures, mistakes


def instance_vote(
    ensemble: Ensemble, instances: list[ModelBackend], rows: list[Row], unanimous: bool, temperature: float
) -> dict:
    """The vote across independently trained domotics models (one answer each: greedy, or sampled
    at `temperature`), on the rows the selector sends to the devices: "varias instancias del mismo
    modelo", against the samples of one model. Their mistakes may be less alike; the price is one
    decode per model, one after another. The same rule as the samples' vote (a majority, or all
    agreeing).
    """
    state_action = ensemble.domotics.info.state_action
    right = wrong = passed_on = 0
    ms = []
    for row in rows:
        if ensemble.route(row.text)[0] != "domotics":
            passed_on += row.model_route == "none"
            continue
        start = time.perf_counter()
        seed = request_seed(ensemble.domotics.normalize(row.text))
        normalized = ensemble.domotics.normalize(row.text)
        answers = [
            m.generate(m.prompt(normalized)[0], [Sampling(temperature, seed=seed + i)], m.answers_for(normalized))[0]
            for i, m in enumerate(instances)
        ]
        ms.append((time.perf_counter() - start) * 1000)
        command = vote_command(ensemble.domotics.info, answers, VoteSettings(unanimous=unanimous))
        right += row.route == "domotics" and command == row.command
        wrong += command is not None and command != row.command and not command.endswith(f" {state_action}")
        passed_on += row.model_route == "none" and command is None
    n_dom = sum(r.route == "domotics" for r in rows)
    n_pass = sum(r.model_route == "none" for r in rows)
    return {
        "instances": len(instances),
        "temperature": temperature,
        "command_accuracy": right / max(1, n_dom),
        "wrong_action_rate": wrong / len(rows),
        "pass_on_rate": passed_on / n_pass if n_pass else None,
        "ms_p50": percentile(ms, 0.5),
    }


def report(path: Path, figures: dict, mistakes: list[str]) -> str:
    lines = [f"# {path} — {figures['n']} requests, N={figures['n_votes']}, T={figures['temperature']}", ""]
    for key, value in figures.items():
        if isinstance(value, float):
            lines.append(f"  {key:<26} {value:.4f}" if value < 10 else f"  {key:<26} {value:.2f}")
        elif key == "route_accuracy_by_route":
            lines.append(f"  {key:<26} " + ", ".join(f"{r} {v:.3f}" for r, v in value.items() if v is not None))
    if mistakes:
        lines += ["", f"Mistakes ({len(mistakes)}):", *(f"  {m}" for m in mistakes)]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--json", action="store_true", help="end with one JSON line of figures")
    parser.add_argument("--votes", type=int, default=VoteSettings().n_votes)
    parser.add_argument("--temperature", type=float, default=VoteSettings().temperature)
    parser.add_argument("--majority", action="store_true", help="act on a strict majority, not only when all agree")
    parser.add_argument(
        "--sampler-seed",
        type=int,
        default=VoteSettings().seed,
        help="moves every request's sampling seeds (the agent's offset is 0): another draw of the same vote",
    )
    parser.add_argument("--selector", type=Path, default=SHIPPED / "selector.gguf")
    parser.add_argument("--domotics", type=Path, default=SHIPPED / "domotics.gguf")
    parser.add_argument(
        "--instances", type=Path, nargs="+", help="also vote across these domotics models, one answer each"
    )
    parser.add_argument(
        "--instance-temperature", type=float, default=0.0, help="the instances' answers: greedy (0) or sampled"
    )
    parser.add_argument(
        "--engine", choices=(ENGINE_NUMPY, ENGINE_IN_PROCESS, ENGINE_SERVER), default=ENGINE_NUMPY, help="the backend"
    )
    parser.add_argument("--server-url", help="a running llama-server (router mode); default: start one")
    args = parser.parse_args()
    if ModelFile.read(args.domotics).info.names_devices:
        sys.exit(
            f"{args.domotics} names devices in words, not by catalog codes: judge it in a house, by what "
            "changes there (scripts/bench, scripts/bench --house FILE.json)"
        )
    settings = VoteSettings(
        n_votes=args.votes, temperature=args.temperature, seed=args.sampler_seed, unanimous=not args.majority
    )
    if args.engine == ENGINE_SERVER:
        from devtools.served import ServedEnsemble

        ensemble: Ensemble = ServedEnsemble(args.selector, args.domotics, args.server_url)
    else:
        ensemble = Ensemble.load(args.selector, args.domotics, args.engine)
    local = ENGINE_NUMPY if args.engine == ENGINE_SERVER else args.engine
    instances = [load_model(path, local) for path in args.instances or ()]
    results = {}
    for path in args.files:
        rows = read_tsv(path)
        figures, mistakes = evaluate(ensemble, rows, settings)
        if instances:
            figures["instance_vote"] = instance_vote(
                ensemble, instances, rows, settings.unanimous, args.instance_temperature
            )
        print(report(path, figures, mistakes), flush=True)
        results[str(path)] = figures
    for model in instances:
        model.close()
    ensemble.close()
    if args.json:
        print(json.dumps(next(iter(results.values())) if len(results) == 1 else results))


if __name__ == "__main__":
    main()
