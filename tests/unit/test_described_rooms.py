"""A room told by what is done there is the one area of the home named for that use."""

from __future__ import annotations

import pytest

from custom_components.llm_ensemble.described_rooms import as_named
from custom_components.llm_ensemble.home_check import Home, HomeArea, words


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
