"""The demo home, defined once: the catalog's 18 devices and the many others a Spanish home holds.

Every place that builds this home reads this table: the integration suite
(`tests/integration/real_home.py`), the bench (`scripts/benchlib/house.py`) and the demo of
`scripts/develop`, whose devices `python -m devtools.demo_home config/demo_home.yaml` writes as a
package of template entities (config/configuration.yaml includes it) and whose areas and aliases
`scripts/develop_provision.py` sets from here. Devices outside the catalog are the hard part: other
rooms, a second light in a catalog room, appliances, a second TV.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Device:
    """One device of the home: the catalog code it answers to (None: outside the catalog)."""

    code: str | None
    domain: str
    name: str
    unique_id: str
    area: str
    aliases: tuple[str, ...] = ()

    @property
    def entity_id(self) -> str:
        """The entity id Home Assistant gives a device of this name (unique_id is the slug here)."""
        return f"{self.domain}.{self.unique_id}"


DeviceRow = tuple[str | None, str, str, str, str] | tuple[str | None, str, str, str, str, tuple[str, ...]]


def _devices(*rows: DeviceRow) -> tuple[Device, ...]:
    return tuple(Device(*row) for row in rows)


# code, domain, name, unique_id (= the entity id's object id), area
CATALOG_DEVICES = _devices(
    ("LUZ_SL", "light", "Luz del salón", "luz_del_salon", "Salón"),
    ("LUZ_CO", "light", "Luz de la cocina", "luz_de_la_cocina", "Cocina"),
    ("LUZ_DO", "light", "Luz del dormitorio", "luz_del_dormitorio", "Dormitorio"),
    ("LUZ_BA", "light", "Luz del baño", "luz_del_bano", "Baño"),
    ("LUZ_PA", "light", "Luz del pasillo", "luz_del_pasillo", "Pasillo"),
    ("LUZ_DE", "light", "Luz del despacho", "luz_del_despacho", "Despacho"),
    ("LUZ_TE", "light", "Luz de la terraza", "luz_de_la_terraza", "Terraza"),
    ("LUZ_JA", "light", "Luz del jardín", "luz_del_jardin", "Jardín"),
    ("LUZ_GA", "light", "Luz del garaje", "luz_del_garaje", "Garaje"),
    ("LUZ_EN", "light", "Luz de la entrada", "luz_de_la_entrada", "Entrada"),
    ("LED_SL", "light", "Tira LED del salón", "tira_led_del_salon", "Salón"),
    ("LED_DO", "light", "Tira LED del dormitorio", "tira_led_del_dormitorio", "Dormitorio"),
    ("VENT_SL", "fan", "Ventilador del salón", "ventilador_del_salon", "Salón"),
    ("VENT_DO", "fan", "Ventilador del dormitorio", "ventilador_del_dormitorio", "Dormitorio"),
    ("TV_SL", "switch", "Televisión", "television", "Salón"),
    ("CAFE_CO", "switch", "Cafetera", "cafetera", "Cocina"),
    ("CALEF_BA", "switch", "Calefactor", "calefactor", "Baño"),
    ("RIEGO_JA", "switch", "Riego", "riego", "Jardín"),
)

# Outside the catalog: what the built-in agent (or nobody) must handle.
OTHER_DEVICES = _devices(
    (None, "light", "Luz del comedor", "luz_del_comedor", "Comedor"),
    (
        None,
        "light",
        "Luz de la habitación de los niños",
        "luz_de_la_habitacion_de_los_ninos",
        "Habitación de los niños",
    ),
    (None, "light", "Luz del sótano", "luz_del_sotano", "Sótano"),
    (None, "light", "Luz de la escalera", "luz_de_la_escalera", "Escalera"),
    (None, "light", "Luz de la buhardilla", "luz_de_la_buhardilla", "Buhardilla"),
    (None, "light", "Luz del cuarto de la plancha", "luz_del_cuarto_de_la_plancha", "Cuarto de la plancha"),
    (None, "light", "Luz del cuarto de invitados", "luz_del_cuarto_de_invitados", "Cuarto de invitados"),
    (None, "light", "Luz del porche", "luz_del_porche", "Porche"),
    (None, "light", "Lámpara de pie", "lampara_de_pie", "Salón"),
    (None, "light", "Flexo", "flexo", "Despacho"),
    (None, "light", "Lámpara de la mesilla", "lampara_de_la_mesilla", "Dormitorio"),
    (None, "light", "Tira LED de la cocina", "tira_led_de_la_cocina", "Cocina"),
    (None, "fan", "Ventilador del despacho", "ventilador_del_despacho", "Despacho"),
    (None, "fan", "Ventilador de la cocina", "ventilador_de_la_cocina", "Cocina"),
    (None, "fan", "Purificador de aire", "purificador_de_aire", "Dormitorio"),
    (None, "switch", "Televisión del dormitorio", "television_del_dormitorio", "Dormitorio"),
    (None, "switch", "Lavadora", "lavadora", "Cuarto de la plancha"),
    (None, "switch", "Lavavajillas", "lavavajillas", "Cocina"),
    (None, "switch", "Termo", "termo", "Baño", ("calentador",)),
    (None, "switch", "Cargador del coche", "cargador_del_coche", "Garaje", ("cargador",)),
    (None, "switch", "Impresora", "impresora", "Despacho"),
    (None, "switch", "Deshumidificador", "deshumidificador", "Sótano"),
    (None, "switch", "Microondas", "microondas", "Cocina"),
)

DEVICES: tuple[Device, ...] = CATALOG_DEVICES + OTHER_DEVICES
AREA_ALIASES: dict[str, tuple[str, ...]] = {"Habitación de los niños": ("cuarto de los niños",)}
BY_CODE: dict[str, Device] = {device.code: device for device in CATALOG_DEVICES if device.code}


def package_yaml(devices: tuple[Device, ...] = DEVICES) -> str:
    """The devices as a Home Assistant package of template entities that keep their own state.

    Lights and switches are template entities; fans use the template platform's syntax, the one
    Home Assistant 2025.4 reads. They only switch on and off (no hardware needed).
    """

    def noop() -> dict[str, list[dict[str, int]]]:  # a fresh one each: no YAML anchors in the file
        return {"turn_on": [{"delay": 0}], "turn_off": [{"delay": 0}]}

    package = {
        "template": [
            {domain: [{"name": d.name, "unique_id": d.unique_id, **noop()} for d in devices if d.domain == domain]}
            for domain in ("light", "switch")
        ],
        "fan": [
            {
                "platform": "template",
                "fans": {
                    d.unique_id: {"friendly_name": d.name, "unique_id": d.unique_id, **noop()}
                    for d in devices
                    if d.domain == "fan"
                },
            }
        ],
    }
    header = "# Written by `python -m devtools.demo_home` from devtools/demo_home.py: do not edit.\n"
    return header + yaml.safe_dump(package, allow_unicode=True, sort_keys=False)


if __name__ == "__main__":
    Path(sys.argv[1]).write_text(package_yaml(), encoding="utf-8")
