"""The written-down houses: every one reads, every row is the format, and bad lines are refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchlib.cases import case_of
from benchlib.house_file import HouseFile

HOUSES = sorted((Path(__file__).resolve().parents[2] / "models" / "eval" / "houses").glob("*.json"))


def test_the_project_has_its_houses() -> None:
    assert {p.stem for p in HOUSES} >= {"casa_alameda", "piso_malaga", "casa_coyoacan"}


@pytest.mark.parametrize("path", HOUSES, ids=lambda p: p.stem)
def test_each_house_reads_and_every_row_is_a_case(path: Path) -> None:
    house = HouseFile.read(path)
    rows = house.rows()
    assert len(rows) >= 150 and len(house.devices) >= 25
    entity_ids = [device.entity_id for device in house.devices]
    assert len(set(entity_ids)) == len(entity_ids)
    routes = {row.route for row in rows}
    assert routes <= {"home", "state", "weather", "none"} and {"home", "state"} <= routes
    for index, row in enumerate(rows):
        case = case_of(row, index, entity_ids, {})
        assert set(case.start) == set(entity_ids)
        if row.route == "state":
            assert case.asked == row.command


def _house(tmp_path: Path, rows: str) -> HouseFile:
    data = {
        "name": "Prueba",
        "areas": [{"id": "sala", "name": "Sala", "aliases": ["salón"]}],
        "devices": [
            {"entity_id": "light.foco", "name": "Foco", "domain": "light", "area": "sala"},
            {"entity_id": "fan.abanico", "name": "Abanico", "domain": "fan", "area": "sala"},
        ],
    }
    path = tmp_path / "prueba.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    path.with_suffix(".tsv").write_text(rows, encoding="utf-8")
    return HouseFile.read(path)


def test_rows_become_the_bench_routes(tmp_path: Path) -> None:
    house = _house(
        tmp_path, "light.foco=off\tapaga el foco\tcommand\nstate light.foco\t¿y el foco?\tstate\n-\thola\tother\n"
    )
    assert [(r.route, r.command) for r in house.rows()] == [
        ("home", "light.foco=off"),
        ("state", "light.foco"),
        ("none", None),
    ]
    assert house.area_aliases == {"Sala": ("salón",)}


def test_a_change_may_ask_another_devices_state(tmp_path: Path) -> None:
    house = _house(tmp_path, "light.foco=on state fan.abanico\tprende el foco y dime si el abanico está prendido\tx\n")
    (row,) = house.rows()
    assert (row.route, row.effects, row.also_asked) == ("home", {"light.foco": "on"}, "fan.abanico")
    for index, starts_on in ((0, True), (1, False)):
        case = case_of(row, index, ["light.foco", "fan.abanico"], {})
        assert case.start == {"light.foco": False, "fan.abanico": starts_on}
        assert (case.effects, case.asked, case.asked_is_on) == ({"light.foco": "on"}, "fan.abanico", starts_on)


@pytest.mark.parametrize(
    "line",
    [
        "light.otro=off\tapaga\tcommand",
        "light.foco=dim\tbaja\tattribute",
        "state light.otro\t¿y?\tstate",
        "sin tabuladores",
        "light.foco=on state\tenciende el foco y dime\tthen_state",
        "light.foco=on state light.otro\tenciende el foco y dime cómo está el otro\tthen_state",
        "light.foco=on state light.foco\tenciende el foco y dime si está encendido\tthen_state",
        "state light.foco light.foco=on\tdime si está encendido y enciéndelo\tthen_state",
    ],
)
def test_a_bad_line_is_refused_with_its_place(tmp_path: Path, line: str) -> None:
    with pytest.raises(ValueError, match=r"prueba\.tsv:1"):
        _house(tmp_path, line + "\n").rows()
