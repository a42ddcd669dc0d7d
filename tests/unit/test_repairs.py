"""The order, then a repair: the order meant, said alone."""

from __future__ import annotations

import pytest

from custom_components.llm_ensemble.repairs import order_repaired, takes_back


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("enciende el flexo... digo, la lámpara de Lucía", "enciende la lámpara de Lucía"),
        ("apaga la luz del baño, ay no, la del espejo", "apaga la luz del espejo"),  # the noun said again
        ("apaga el ventilador de Lucía, no perdona, el de nuestro cuarto", "apaga el ventilador de nuestro cuarto"),
        ("quita el riego, uy no, quería decir la fuente", "quita la fuente"),
        ("pon la cafetera, bueno no, el termo", "pon el termo"),
        ("enciende la luz del pasillo... espera, mejor la de la escalera", "enciende la luz de la escalera"),
        ("apaga el flexo, no, digo, la de la mesa", "apaga la de la mesa"),  # another kind of thing
        # A new order: its own thing, or the first order's where a pronoun says it.
        ("apaga el purificador de Mateo, digo, no, enciéndelo", "enciende el purificador de Mateo"),
        ("pon la tele, mejor apaga la radio", "apaga la radio"),
        ("apaga las luces del salón, perdona, la de la cocina", "apaga la de la cocina"),  # "las…" and "la…"
    ],
)
def test_the_order_meant_after_a_repair(text: str, meant: str) -> None:
    assert order_repaired(text) == meant


@pytest.mark.parametrize(
    "text",
    [
        "apaga la luz, no la tele",  # what not to switch: no words that take it back
        "enciende la luz, perdona",  # courtesy, nothing said after it
        "enciende la luz, perdona que te moleste",
        "apaga la tele y enciende la luz",
        "apaga la luz, perdona el ruido",  # "perdona" forgives: no pause after it
        "la tele está encendida, perdona",
        "",
    ],
)
def test_no_repair(text: str) -> None:
    assert order_repaired(text) is None
    assert not takes_back(text)


@pytest.mark.parametrize(
    "text",
    [
        "no enciendas la estufa, perdona, el radiador",  # a negation before the repair
        "no apagues la tele, digo, la radio",
        "enciende la estufa, perdona, no enciendas la estufa",  # the repair negates
        "enciende la luz, mejor la del pasillo no",
        "enciende la luz y apaga la tele, digo, la radio",  # two orders before it
        "si llueve quita el riego, digo, la fuente",  # a condition
        "enciende la tele a las nueve, perdona, la radio",  # a time
        "apaga la luz, perdona, ¿la tele está encendida?",  # a question after it
        "apaga la tele, espera que termine el partido",  # "wait": passed on
    ],
)
def test_taken_back_but_no_plain_order_is_not_repaired(text: str) -> None:
    """Not repaired, and known to take something back: the agent reads it whole and passes it on."""
    assert order_repaired(text) is None
    assert takes_back(text)
