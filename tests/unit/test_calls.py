"""The words that call the assistant, left out: pure functions."""

from __future__ import annotations

import pytest

from custom_components.llm_ensemble.calls import without_calls


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("oye, enciende el baño de abajo", "enciende el baño de abajo"),
        ("Oye enciende la cocina", "enciende la cocina"),  # no comma: speech-to-text writes none
        ("hola casa enciende la luz", "enciende la luz"),
        ("Mira, apaga la luz", "apaga la luz"),  # a verb too, set apart by a comma
        ("mira si la luz está encendida", "mira si la luz está encendida"),  # the verb
        ("escucha apaga el baño de arriba", "apaga el baño de arriba"),  # an on/off verb follows
        ("a ver enciende el jardín", "enciende el jardín"),
        ("bueno pues enciende el cuarto de Lucía", "enciende el cuarto de Lucía"),
        ("enciende la luz", "enciende la luz"),
        ("buenas noches, apaga la tele", "apaga la tele"),  # a greeting
        ("Buenos días pon la cafetera", "pon la cafetera"),
        ("buenas noches", "buenas noches"),  # the greeting alone is what was said
        ("a ver si enciendes la luz", "a ver si enciendes la luz"),  # asked: no condition
        ("oye", "oye"),  # nothing after the call: asked as it is
        ("oye,", "oye,"),
        ("", ""),
    ],
)
def test_the_calls_are_left_out(text: str, asked: str) -> None:
    assert without_calls(text) == asked
