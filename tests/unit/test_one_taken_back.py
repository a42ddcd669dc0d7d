"""One of several things taken back at the end: the rest is done, or the request is read whole."""

from __future__ import annotations

import pytest

from custom_components.llm_ensemble.one_taken_back import what_is_left


@pytest.mark.parametrize(
    ("text", "left"),
    [
        (
            "enciende la luz del lavadero y el termo, bueno, el termo no, que ya está caliente",
            "enciende la luz del lavadero",
        ),
        ("apaga la tele, la luz y el ventilador, ah no, el ventilador no", "apaga la tele y apaga la luz"),
        ("pon la cafetera y la freidora... no, la cafetera no, que ya me he tomado uno", "pon la freidora"),
        # Left as it is ("déjalo"), or "mejor no", after words that take back.
        (
            "apaga la tele grande, la lámpara de pie y el ventilador, aunque el ventilador déjalo, que hace calor",
            "apaga la tele grande y apaga la lámpara de pie",
        ),
        (
            "enciende el farol, la guirnalda y la fuente; la fuente mejor no",
            "enciende el farol y enciende la guirnalda",
        ),
        # By its first words, or with its noun left out ("el de mamá").
        ("apaga el flexo y los leds de Lucía, uy, los leds no, que se duerme con ellos", "apaga el flexo"),
        (
            "apagá el velador de mamá, el de papá y la luz de la pieza grande; pará, el de mamá no, que está leyendo",
            "apagá el velador de papá y apagá la luz de la pieza grande",
        ),
        (
            "apaga la luz de nuestro cuarto y la lamparita de Javi y enciende la de Marta; bueno, la de Javi déjala",
            "apaga la luz de nuestro cuarto y enciende la lamparita de Marta",
        ),
        # "No lo quites": the verb after the pronoun.
        (
            "quita el cargador del patinete y apaga el fluorescente... no, espera, el cargador no lo quites",
            "apaga el fluorescente",
        ),
        ("apagá la planchita de Sofi y sus lucecitas, ah no, las lucecitas no", "apagá la planchita de Sofi"),
        # Kept as it is, or in the state it is in where that is not what was asked.
        ("enciende el foco y la radio; la radio como está, que es tarde", "enciende el foco"),
        ("apaga la luz y el ventilador; el ventilador tal como está", "apaga la luz"),
        ("prende la tele y el riego; el riego que siga así", "prende la tele"),
        ("apaga la luz del salón y la tele; bueno, la tele que se quede encendida", "apaga la luz del salón"),
        ("apaga la tele y la radio, la radio me la dejas tal cual", "apaga la tele"),
        ("enciende el foco y la radio; el foco no lo toques, que es de día", "enciende la radio"),
        ("apaga la tele y el flexo, el flexo déjalo como está", "apaga la tele"),
        # A device named like a verb is a thing after its article.
        ("apaga el toallero y el quitamiedos, el quitamiedos no", "apaga el toallero"),
    ],
)
def test_the_thing_taken_back_is_left_out(text: str, left: str) -> None:
    assert what_is_left(text) == left


@pytest.mark.parametrize(
    "text",
    [
        "enciende la luz y la tele, la tele no, bueno, ninguna",  # more than a reason after "no"
        "enciende la luz y la tele, la tele no, pero solo si llego tarde",
        "apaga la tele y la luz, la tele no, la del salón",  # what was meant, said after it
        "apaga la luz del pasillo y la de la cocina, la luz no",  # names both
        "enciende la tele y la luz, la luz no se enciende sola",  # "no" of another verb
        "apaga la tele y la luz, no la apagues",  # no thing said
        "apaga la tele, la tele no",  # nothing left
        "enciende la luz y la tele, la radio no",  # names none
        "enciende la luz y la tele",
        "",
        "apaga la lámpara de Tomás y el abanico, el de Tomás no",  # "el de" is no lámpara
        "apaga la mesa camilla y el deshumidificador, el deshumidificador mejor no, que la camilla tampoco",
        "apaga la tele y la luz, la tele no, que la estoy viendo. Enciende la luz del pasillo",  # an order after
        "apaga la lámpara de pie y la mesa camilla, la lámpara de pie no, la mesa camilla no",
        "apaga la tele y la radio; la radio que se quede apagada",  # the state asked: taken back or not?
        "prende el flexo y apaga la radio; la radio que se quede apagada",  # its own order's verb
        "apaga la tele y la radio, la radio como está la tele",  # more after it
        "apaga la tele y la radio, la radio me la dejas",  # left how?
    ],
)
def test_nothing_is_taken_back_but_one_thing_said_plainly_last(text: str) -> None:
    assert what_is_left(text) is None


def test_a_long_text_is_read_in_time() -> None:
    """Every pause is looked at once, from the first order on: no pause before it is read again."""
    left = what_is_left("hola, " * 4000 + "apaga la luz y la tele, la tele no")
    assert left is not None
    assert left.endswith("hola, apaga la luz")
