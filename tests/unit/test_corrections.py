"""A refusal, then the order meant: pure functions, no Home Assistant."""

from __future__ import annotations

import pytest

from custom_components.llm_ensemble.corrections import order_meant


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("la cafetera no, apaga la freidora", "apaga la freidora"),
        ("No, apaga la luz del salón", "apaga la luz del salón"),  # an answer, then the order
        ("no sé, apaga la luz", "apaga la luz"),
        # A negated order, then "solo" and another thing: the same verb.
        ("no enciendas la lámpara grande, solo la lámpara de pie", "enciendas la lámpara de pie"),
        ("ni se te ocurra apagar la tele, solamente la radio", "apagar la radio"),
        ("la cafetera no, el horno no, apaga la freidora", "apaga la freidora"),
        ("el termo no, que ya me he duchado; quita el toallero", "quita el toallero"),
        # No pause: from the verb, or from its object where the verb carries its pronoun.
        ("el brasero no que ya hace bueno pon el ventilador", "pon el ventilador"),
        ("el flexo no los leds enciéndelos", "los leds enciéndelos"),
        # A negated order, then another verb after a pause.
        ("no, que me da frío, apaga el ventilador", "apaga el ventilador"),  # the reason's "da" is no order
        ("no le encienda la estufa, mejor ponga la luz", "ponga la luz"),  # from its verb
        ("no prendas el abanico de techo, mejor prende el clima", "prende el clima"),
    ],
)
def test_the_order_after_a_refusal(text: str, meant: str) -> None:
    assert order_meant(text) == meant


@pytest.mark.parametrize(
    "text",
    [
        "no apagues la luz, que estoy leyendo",  # a negated order and its reason
        "no apagues la luz, que me da miedo",  # "da" in the reason orders nothing
        "no me prendas el minisplit, que con el aire me da gripa",
        "no me prendas el minisplit, el aire me da gripa",  # "el aire" is the verb's subject
        "no, no apagues la luz",  # the order after the pause is negated too
        "no quiero que apagues la luz",
        "si no hay nadie en casa apaga la luz del pasillo",  # a condition, not a refusal
        "no veo nada en el pasillo, enciende la luz",  # a reason, read whole: it says the place
        "no apagues la luz ni la tele",
        "apaga el ventilador de Lucía, no perdona, el de nuestro cuarto",  # a repair: repairs.py's
        "la luz no la apagues",
        "apaga la luz, no la tele",  # no refusal first
        "no enciendas la tele, solo quiero saber si funciona",  # "solo" and no thing
        "no,",
        "",
    ],
)
def test_no_correction(text: str) -> None:
    assert order_meant(text) is None
