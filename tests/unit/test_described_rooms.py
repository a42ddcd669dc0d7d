"""A room told by what is done there is the one area of the home named for that use."""

from __future__ import annotations

import pytest

from custom_components.llm_ensemble.described_rooms import as_named
from custom_components.llm_ensemble.home_check import Home, HomeArea, HomeEntity, words


def _home(*area_names: str) -> Home:
    return Home(areas=tuple(HomeArea(f"a{i}", (words(n),)) for i, n in enumerate(area_names)), entities=())


HOME = _home("Cochera", "Cuarto de lavado", "Comedor", "Cocina", "Living", "Despacho", "Parrillero")


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("apaga la luz de donde aparcamos el coche", "apaga la luz de la cochera"),
        ("prende el foco de donde se lava la ropa", "prende el foco del cuarto de lavado"),
        ("prendé la luz de donde comemos, que ya está la comida", "prendé la luz del comedor, que ya está la comida"),
        ("apaga la luz de donde se hace la comida", "apaga la luz de la cocina"),
        ("prendé el ventilador de donde miramos la tele", "prendé el ventilador del living"),
        ("apaga la luz del cuarto donde teletrabaja Javi", "apaga la luz del despacho"),
        ("prendé la luz de donde se hace el asado", "prendé la luz del parrillero"),
        ("apaga la luz de donde duerme la abuela", None),  # a use not known
        # What follows the use is kept: a time, a condition, a second order are still read.
        (
            "enciende el foco de donde aparcamos el coche en diez minutos",
            "enciende el foco de la cochera en diez minutos",
        ),
        ("apaga la luz de donde comemos y el ventilador", "apaga la luz del comedor y el ventilador"),
        # The use said whole, nothing else: not a use in another clause, not someone else's.
        ("enciende la luz de donde duerme Irene mientras aparcamos el coche", None),
        ("apaga la luz de donde comen los perros", None),
        ("apaga la luz de donde dejé las llaves del coche", None),
        ("apaga la luz de donde trabaja la muchacha", None),
        ("apaga la luz de la cochera", None),  # named as it is
        ("¿dónde está la cafetera?", None),
    ],
)
def test_a_room_told_by_its_use_is_named(text: str, named: str | None) -> None:
    assert as_named(text, HOME) == named


def test_a_use_of_no_room_or_of_several_leaves_the_request_as_said() -> None:
    assert as_named("apaga la luz de donde aparcamos el coche", _home("Cocina")) is None
    assert as_named("apaga la luz de donde vemos la tele", _home("Sala", "Sala de estar")) is None
    # A name wholly for the use: "Sala de máquinas" is no room to watch TV in.
    assert as_named("apaga la luz de donde vemos la tele", _home("Sala de máquinas")) is None


DEVICES_HOME = Home(
    areas=tuple(
        HomeArea(area_id, (words(name),))
        for area_id, name in (
            ("recamara_de_dani", "Recámara de Dani"),
            ("recamara_de_sofi", "Recámara de Sofi"),
            ("lavado", "Cuarto de lavado"),
            ("bano_arriba", "Baño de arriba"),
            ("bano_abajo", "Baño de abajo"),
            ("sala", "Sala"),
            ("cocina", "Cocina"),
        )
    ),
    entities=(
        HomeEntity("switch.consola", (words("Consola"), words("el Xbox")), "recamara_de_dani"),
        HomeEntity("switch.boiler", (words("Boiler"),), "lavado"),
        HomeEntity("switch.calefon", (words("Calefón"),), "bano_arriba"),
        HomeEntity("switch.tele", (words("Tele"),), "sala"),
        HomeEntity("light.lampara", (words("Lámpara"),), "recamara_de_dani"),
        HomeEntity("light.lampara_sofi", (words("Lámpara"),), "recamara_de_sofi"),
    ),
)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("apaga la luz del cuarto donde está el Xbox", "apaga la luz de la recamara de dani"),
        ("prende el foco de donde está el boiler, porfa", "prende el foco del cuarto de lavado, porfa"),
        ("prendé la luz del espejo del baño que tiene el calefón", "prendé la luz del espejo del bano de arriba"),
        ("apaga la luz de la habitación en donde está la consola", "apaga la luz de la recamara de dani"),
        # what is there is no device of the home, or devices of several rooms
        ("apaga la luz de donde está la mesa", None),
        ("apaga la luz del cuarto donde está la lámpara", None),
        # a room said by its own name, then a reason: not told by what is in it
        ("enciende la luz de la cocina que está la tele puesta", None),
        ("enciende la luz de la sala que está la tele puesta", None),
        # the device's name said further, or a room beside the one told
        ("apaga la luz del cuarto donde está la tele de los niños", None),
        ("apaga la luz del cuarto donde está el Xbox de Sofi", None),
        ("apaga la luz del cuarto de al lado de donde está el Xbox", None),
        ("prende la lámpara que está cerca de donde está el Xbox", None),
        ("prende el foco de donde guardamos el boiler", None),  # where it is kept, not its area
    ],
)
def test_a_room_told_by_a_device_in_it_is_that_devices_area(text: str, named: str | None) -> None:
    assert as_named(text, DEVICES_HOME) == named
