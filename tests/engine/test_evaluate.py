"""scripts/evaluate: the measure itself, on a few rows whose answers are known, on catalog models.

It judges a domotics model's codes against the rows' codes; the shipped model names devices in
words instead, judged in a house by scripts/bench.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from custom_components.llm_ensemble.engine import Ensemble, VoteSettings
from tests.script_env import script_env

from ..conftest import CATALOG

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "evaluate.py"
CATALOG_ARGS = ("--selector", str(CATALOG["selector"]), "--domotics", str(CATALOG["domotics"]))
ROWS = (
    "# a comment\n"
    "domotics\tLUZ_SL OFF\tapaga la luz del salón\n"
    "domotics\tCAFE_CO ON\tenciende la cafetera\n"
    "weather\t-\t¿va a llover mañana?\n"
    "none\t-\tcuéntame un chiste\n"
    "\n"
    "domotics\tLUZ_CO ON\tapaga la luz del salón\n"  # deliberately wrong expectation
)


@pytest.fixture(scope="module")
def evaluate_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("evaluate_script", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_figures(evaluate_module: ModuleType, catalog_ensemble: Ensemble, tmp_path: Path) -> None:
    path = tmp_path / "rows.tsv"
    path.write_text(ROWS, encoding="utf-8")
    rows = evaluate_module.read_tsv(path)
    assert len(rows) == 5
    figures, mistakes = evaluate_module.evaluate(catalog_ensemble, rows, VoteSettings(n_votes=3))
    assert figures["n"] == 5
    assert figures["route_accuracy"] == 1.0
    assert figures["command_accuracy"] == pytest.approx(2 / 3)  # the wrong expectation counts
    assert figures["wrong_action_rate"] == pytest.approx(1 / 5)  # LUZ_SL OFF would run instead of LUZ_CO ON
    assert figures["abstain_rate"] == 0.0
    assert figures["vote_ms_p50"] > 0 and figures["single_ms_p50"] > 0
    assert any("LUZ_SL OFF" in m for m in mistakes)


def test_a_naming_model_is_sent_to_the_bench(tmp_path: Path) -> None:
    """The shipped model names devices, not codes: this measure says so instead of scoring it."""
    path = tmp_path / "rows.tsv"
    path.write_text(ROWS, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(SCRIPT), str(path)], env=script_env(), capture_output=True, text=True, check=False
    )
    assert out.returncode != 0
    assert "scripts/bench" in out.stderr


def test_malformed_rows_are_rejected(evaluate_module: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("domotics LUZ_SL OFF apaga la luz\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="bad.tsv:1"):
        evaluate_module.read_tsv(path)


def test_json_is_the_last_line(tmp_path: Path) -> None:
    path = tmp_path / "rows.tsv"
    path.write_text(ROWS, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(SCRIPT), str(path), *CATALOG_ARGS, "--json"],
        env=script_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    for key in (
        "n",
        "route_accuracy",
        "command_accuracy",
        "command_accuracy_single",
        "abstain_rate",
        "wrong_action_rate",
        "latency_ms_p50",
        "latency_ms_p95",
        "vote_ms_p50",
        "single_ms_p50",
    ):
        assert key in figures
    assert figures["sampler_seed"] == 0  # the agent's own draw


def test_another_draw_of_the_vote(evaluate_module: ModuleType, catalog_ensemble: Ensemble, tmp_path: Path) -> None:
    """--sampler-seed reaches the vote: the same rows drawn with other seeds, hot enough to differ."""
    path = tmp_path / "rows.tsv"
    path.write_text(ROWS, encoding="utf-8")
    rows = [r for r in evaluate_module.read_tsv(path) if r.route == "domotics"]
    draws = {
        tuple(evaluate_module.evaluate(catalog_ensemble, rows, VoteSettings(temperature=5.0, seed=seed))[1])
        for seed in (0, 3, 6, 9)
    }
    assert len(draws) > 1


def test_the_same_figures_on_the_server(
    evaluate_module: ModuleType, catalog_ensemble: Ensemble, llama_server: Any, tmp_path: Path, socket_enabled: None
) -> None:
    """--engine server --server-url: the same keys and, on these rows, the same figures."""
    from devtools.served import ServedEnsemble

    path = tmp_path / "rows.tsv"
    path.write_text(ROWS, encoding="utf-8")
    rows = evaluate_module.read_tsv(path)
    served = ServedEnsemble(CATALOG["selector"], CATALOG["domotics"], llama_server.url)
    try:
        on_server, _ = evaluate_module.evaluate(served, rows, VoteSettings(n_votes=3))
    finally:
        served.close()
    in_process, _ = evaluate_module.evaluate(catalog_ensemble, rows, VoteSettings(n_votes=3))
    assert on_server.keys() == in_process.keys()
    for key in ("route_accuracy", "command_accuracy", "command_accuracy_single", "wrong_action_rate"):
        assert on_server[key] == in_process[key]


def test_json_on_a_server_it_starts_itself(tmp_path: Path) -> None:
    path = tmp_path / "rows.tsv"
    path.write_text(ROWS, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(SCRIPT), str(path), *CATALOG_ARGS, "--engine", "server", "--json"],
        env=script_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    assert figures["route_accuracy"] == 1.0


@pytest.mark.parametrize("engine", ["numpy", "in_process"])
def test_json_on_each_in_process_engine(tmp_path: Path, engine: str) -> None:
    """--engine numpy (the default) and --engine in_process give the same figures on these rows."""
    if engine == "in_process":
        pytest.importorskip("llama_cpp")
    path = tmp_path / "rows.tsv"
    path.write_text(ROWS, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(SCRIPT), str(path), *CATALOG_ARGS, "--engine", engine, "--json"],
        env=script_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    assert figures["route_accuracy"] == 1.0
    assert figures["command_accuracy"] == pytest.approx(2 / 3)
