"""scripts/bench: the whole pipeline on a handful of rows whose outcome is known, and its judge.

The run is a subprocess, as a user runs it: a real Home Assistant, the real shipped models.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from benchlib.house import DEVICES, weather_temperatures
from benchlib.judge import Reply, is_weather_answer, judge, numbers
from develop_provision import AREAS

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "bench.py"
ROWS = (
    "# route, command, text\n"
    "domotics\tLUZ_SL OFF\tapaga la luz del salón\n"
    "domotics\tCAFE_CO ON\tenciende la cafetera\n"
    "domotics\tLUZ_CO OFF\tapaga la luz del salón\n"  # wrong on purpose: the salón light is another device
    "weather\t-\tqué tiempo hace\n"
    "weather\t-\t¿va a llover mañana?\n"
    "none\t-\tcuéntame un chiste\n"
)
KEYS = (
    "ours_accuracy",
    "builtin_accuracy",
    "ours_wrong_action_rate",
    "builtin_wrong_action_rate",
    "ours_wrong_call_rate",
    "builtin_wrong_call_rate",
    "ours_p50_ms",
    "builtin_p50_ms",
    "vote3_vs_single",
    "sequential3_vs_vote3",
    "concurrent100_rps",
    "rss_mb",
)


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], Path]:
    folder = tmp_path_factory.mktemp("bench")
    tsv = folder / "rows.tsv"
    tsv.write_text(ROWS, encoding="utf-8")
    out = folder / "report"
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(tsv), "--json", "--out", str(out)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(done.stdout.strip().splitlines()[-1]), out


def outcomes(out: Path) -> dict[tuple[str, str], dict[str, str]]:
    """(expected command or route, text) -> that row's outcomes for both agents."""
    with (out / "rows.tsv").open(encoding="utf-8") as file:
        rows = csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE)
        return {(row["command"] if row["command"] != "-" else row["route"], row["text"]): row for row in rows}


def test_json_figures(run: tuple[dict[str, Any], Path]) -> None:
    figures, _ = run
    for key in KEYS:
        assert key in figures, key
    assert figures["n"] == 6
    for key in ("ours_accuracy", "builtin_accuracy", "ours_wrong_action_rate", "builtin_wrong_action_rate"):
        assert 0 <= figures[key] <= 1
    # The deliberately wrong row switches the salón light for both agents: a wrong action each.
    assert figures["ours_wrong_action_rate"] == pytest.approx(1 / 6, abs=1e-3)
    assert figures["builtin_wrong_action_rate"] == pytest.approx(1 / 6, abs=1e-3)
    assert figures["ours_wrong_call_rate"] == pytest.approx(1 / 6, abs=1e-3)
    assert figures["ours_accuracy"] == pytest.approx(5 / 6, abs=1e-3)
    assert figures["ours_p50_ms"] > 0 and figures["builtin_p50_ms"] > 0
    assert figures["sequential3_vs_vote3"] > 1  # three prompt evaluations cost more than one
    assert figures["concurrent100_rps"] > 0 and figures["concurrent_all_answered"]
    assert figures["rss_models_loaded_mb"] > figures["rss_before_models_mb"] > 0
    assert set(figures["model_files_mb"]) == {"selector.gguf", "domotics.gguf"}


def test_rows_judged_by_effects(run: tuple[dict[str, Any], Path]) -> None:
    _, out = run
    rows = outcomes(out)
    off = rows["LUZ_SL OFF", "apaga la luz del salón"]
    assert off["ours_right"] == off["builtin_right"] == "1"  # the built-in agent: its name, said as it is
    assert off["ours_changes"] == off["builtin_changes"] == "light.luz_del_salon on→off"
    assert rows["CAFE_CO ON", "enciende la cafetera"]["ours_right"] == "1"
    wrong = rows["LUZ_CO OFF", "apaga la luz del salón"]
    assert wrong["ours_right"] == "0" and wrong["ours_wrong_action"] == "1"
    assert "light.luz_de_la_cocina" not in wrong["ours_changes"]
    assert wrong["ours_wrong_call"] == "1" and wrong["ours_calls"] == "turn_off light.luz_del_salon"
    # The built-in agent answers this one sentence about the weather, with the entity's figures.
    assert rows["weather", "qué tiempo hace"]["builtin_right"] == "1"
    assert rows["weather", "qué tiempo hace"]["ours_right"] == "1"
    assert rows["weather", "¿va a llover mañana?"]["ours_right"] == "1"
    assert rows["weather", "¿va a llover mañana?"]["builtin_right"] == "0"
    joke = rows["none", "cuéntame un chiste"]
    assert joke["ours_right"] == joke["builtin_right"] == "1"


def test_report_and_plots_written(run: tuple[dict[str, Any], Path]) -> None:
    _, out = run
    report = (out / "report.md").read_text(encoding="utf-8")
    for heading in ("## Accuracy", "## Latency", "## The vote's price", "## Load", "## Memory", "## Where each"):
        assert heading in report
    full = json.loads((out / "figures.json").read_text(encoding="utf-8"))
    assert set(full["engine"]["variants"]) == {"greedy1", "sampled1", "vote3", "vote5", "vote7", "sequential3"}
    for name in ("accuracy.png", "latency.png", "votes.png"):
        data = (out / name).read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) > 10_000, name
        assert f"]({name})" in report


def test_house_is_the_demo_home() -> None:
    """The bench's devices are named and placed like scripts/develop's demo home."""
    config = yaml.safe_load((ROOT / "config" / "configuration.yaml").read_text(encoding="utf-8"))
    names = {item["name"] for block in config["template"] for kind in ("light", "switch") for item in block[kind]}
    names |= {fan["friendly_name"] for entry in config["fan"] for fan in entry["fans"].values()}
    assert {device.name for device in DEVICES} == names
    assert {device.unique_id: device.area for device in DEVICES} == AREAS
    assert len({device.code for device in DEVICES}) == 18


def test_weather_rule() -> None:
    temperatures = weather_temperatures()
    assert numbers("Sol, con una temperatura de 21.5 °C") == [21.5]
    assert numbers("entre 12 y 19 °C, con un 80 % de probabilidad") == [12, 19, 80]
    assert is_weather_answer(Reply("query_answer", None, "Sol, con una temperatura de 21.5 °C"), temperatures)
    assert is_weather_answer(Reply("action_done", None, "Ahora mismo hace sol, con 21,5 °C."), temperatures)
    assert not is_weather_answer(Reply("error", "no_intent_match", "Lo siento, 21,5"), temperatures)
    assert not is_weather_answer(Reply("query_answer", None, "Son las 10:30"), temperatures)
    assert not is_weather_answer(Reply("action_done", None, "No tengo previsión para el martes."), temperatures)


def test_judge() -> None:
    before = {"light.a": "off", "light.b": "off"}
    reply = Reply("action_done", None, "Hecho")
    right = judge("domotics", "light.a", "LUZ_SL ON", before, {"light.a": "on", "light.b": "off"}, reply, frozenset())
    assert right.right and not right.wrong_action
    both = judge("domotics", "light.a", "LUZ_SL ON", before, {"light.a": "on", "light.b": "on"}, reply, frozenset())
    assert not both.right and both.wrong_action and set(both.changed) == {"light.a", "light.b"}
    nothing = judge("domotics", "light.a", "LUZ_SL ON", before, before, reply, frozenset())
    assert not nothing.right and not nothing.wrong_action
    stray = judge("none", None, None, before, {"light.a": "off", "light.b": "on"}, reply, frozenset())
    assert not stray.right and stray.wrong_action
    # Switching the asked light off while it is already off changes nothing, yet it is a wrong call.
    opposite = judge("domotics", "light.a", "LUZ_SL ON", before, before, reply, frozenset(), [("turn_off", "light.a")])
    assert not opposite.right and not opposite.wrong_action and opposite.wrong_call
    asked = judge("domotics", "light.a", "LUZ_SL ON", before, {"light.a": "on", "light.b": "off"}, reply,
                  frozenset(), [("turn_on", "light.a"), ("turn_on", "light.a")])  # homeassistant.turn_on, then light
    assert asked.right and not asked.wrong_call
