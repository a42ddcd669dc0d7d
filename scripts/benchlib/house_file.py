"""A house written down (models/eval/houses/NAME.json and NAME.tsv): any home, benched like the real one.

The JSON holds the floors, the areas (with aliases and floor), the devices (entity id, name, domain,
area, aliases) and the weather entity's name. The TSV holds what the family says, one request a
line: `expected<TAB>text<TAB>kind[<TAB>speaker]`, the expected outcome judged by what changes in
the home, and the area id of the voice satellite that heard it (none: typed in the chat panel).
Other files of rows about the same house (`NAME.household.tsv`) have the same format.

- `light.x=off switch.y=on …`: exactly these changes (`set`: stays on while an attribute changes);
  with `weather` among them, the reply must give the weather too; with `state switch.z` among
  them, it must tell that device's state too;
- `state light.x`: a question about that device's state, answered right, nothing changed;
- `weather`: a weather answer, nothing changed;
- `-`: nothing may change.

Each line becomes an evaluation `Row` (`home`, `state`, `weather` or `none`), judged by the same
rules as every other row.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from evaluate import EFFECTS, STATE_TOO, Row, change_items

from devtools.demo_home import Device

DOMAINS = ("light", "switch", "fan")


@dataclass(frozen=True)
class HouseFile:
    """One written-down house: its devices, areas and floors, and where its requests are."""

    path: Path
    name: str
    variant: str
    purpose: str  # dev or test
    devices: tuple[Device, ...]
    area_aliases: dict[str, tuple[str, ...]]
    area_floors: dict[str, str]  # area name -> floor name
    floor_aliases: dict[str, tuple[str, ...]]
    weather_name: str
    area_names: dict[str, str]  # area id -> name

    @classmethod
    def read(cls, path: Path) -> HouseFile:
        """Read and check a house's JSON (ValueError names what is wrong)."""
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        floors = {f["id"]: f for f in data.get("floors", [])}
        areas = {a["id"]: a for a in data["areas"]}
        devices = []
        for raw in data["devices"]:
            domain, _, object_id = str(raw["entity_id"]).partition(".")
            if domain not in DOMAINS or domain != raw["domain"]:
                raise ValueError(f"{path.name}: {raw['entity_id']}: domain must be one of {DOMAINS}")
            if raw["area"] not in areas:
                raise ValueError(f"{path.name}: {raw['entity_id']}: unknown area {raw['area']!r}")
            area = areas[raw["area"]]["name"]
            devices.append(Device(None, domain, raw["name"], object_id, area, tuple(raw.get("aliases", ()))))
        return cls(
            path=path,
            name=data["name"],
            variant=data.get("variant", "es"),
            purpose=data.get("purpose", "test"),
            devices=tuple(devices),
            area_aliases={a["name"]: tuple(a.get("aliases", ())) for a in areas.values()},
            area_floors={a["name"]: floors[a["floor"]]["name"] for a in areas.values() if a.get("floor") in floors},
            floor_aliases={f["name"]: tuple(f.get("aliases", ())) for f in floors.values()},
            weather_name=data.get("weather", {}).get("name", "Tiempo en casa"),
            area_names={area_id: a["name"] for area_id, a in areas.items()},
        )

    @property
    def rows_path(self) -> Path:
        """The house's requests: the TSV beside its JSON."""
        return self.path.with_suffix(".tsv")

    def rows(self, path: Path | None = None) -> list[Row]:
        """The requests of `path` (default: the house's own) as evaluation rows.

        ValueError on a line that is not the format, or names what the house lacks.
        """
        path = path or self.rows_path
        entity_ids = {device.entity_id for device in self.devices}
        rows = []
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            where = f"{path.name}:{number}"
            if len(parts) not in (3, 4):
                raise ValueError(f"{where}: expected<TAB>text<TAB>kind[<TAB>speaker], got {line!r}")
            speaker = parts[3].strip() if len(parts) == 4 else None
            if speaker is not None and speaker not in self.area_names:
                raise ValueError(f"{where}: the speaker's area {speaker!r} is not an area of the house")
            row = _row(parts[0].strip(), parts[1], parts[2].strip(), entity_ids, where)
            rows.append(replace(row, speaker=speaker))
        return rows


def _row(expected: str, text: str, kind: str, entity_ids: set[str], where: str) -> Row:
    if expected == "weather":
        return Row("weather", None, text, kind)
    if expected == "-":
        return Row("none", None, text, kind)
    if expected.startswith("state "):
        target = expected.removeprefix("state ").strip()
        if target not in entity_ids:
            raise ValueError(f"{where}: {target!r} is not a device of the house")
        return Row("state", target, text, kind)
    changes = change_items(expected)
    for item in changes:
        entity_id, _, effect = item.partition("=")
        if entity_id not in entity_ids or effect not in EFFECTS:
            raise ValueError(f"{where}: {item!r} is not entity_id=on|off|set of a device of the house")
    if not changes:
        raise ValueError(f"{where}: {expected!r} lists no change")
    row = Row("home", expected, text, kind)
    asked = row.also_asked
    if expected.split()[-1] == STATE_TOO or (asked is not None and (asked not in entity_ids or asked in row.effects)):
        raise ValueError(f"{where}: 'state' is followed by a device of the house the row does not change")
    return row
