"""Spanish in the body: articles in replies ("la luz del salón"), and orders that are not orders."""

from __future__ import annotations

import pytest

from custom_components.llm_ensemble.engine import CatalogEntry
from custom_components.llm_ensemble.engine.text import normalize_lower_ascii
from custom_components.llm_ensemble.spanish import device_phrase, is_feminine, not_an_order


@pytest.mark.parametrize(
    ("noun", "feminine"),
    [
        ("luz", True),
        ("tira LED", True),
        ("televisión", True),
        ("cafetera", True),
        ("ventilador", False),
        ("riego", False),
        ("sistema de riego", False),
        ("radio", True),
        ("garaje", False),
        ("", False),
    ],
)
def test_gender(noun: str, feminine: bool) -> None:
    assert is_feminine(noun) is feminine


def test_device_phrase() -> None:
    assert device_phrase(CatalogEntry("LUZ_CO", "light", "luz", "cocina")) == "la luz de la cocina"
    assert device_phrase(CatalogEntry("VENT_SL", "fan", "ventilador", "salón")) == "el ventilador del salón"
    assert device_phrase(CatalogEntry("CAFE_CO", "switch", "cafetera", "cocina", only_one=True)) == "la cafetera"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("no enciendas la tele", "negación"),
        ("ni se te ocurra apagar la luz del pasillo", "negación"),
        ("no hace falta que prendas la cafetera", "negación"),
        ("no me la apagues", "negación"),
        ("acabo de encender yo la luz del despacho", "hizo"),
        ("he apagado la luz del salón", "hizo"),
        ("no veo nada, enciende la luz del salón", None),  # the negation is the reason's
        ("apaga la luz que no hay nadie", None),
        ("enciende la luz del salón", None),
    ],
)
def test_orders_that_are_not(text: str, reason: str | None) -> None:
    found = not_an_order(normalize_lower_ascii(text).split())
    assert (found is None) if reason is None else (found is not None and reason in found)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("pon la luz del salón en azul", "otro cambio"),
        ("sube el brillo de la tira led", "otro cambio"),
        ("pon el ventilador al 50%", "otro cambio"),
        ("apaga la luz del salón en diez minutos", "más tarde"),
        ("enciende el riego cuando salga", "más tarde"),
        ("a las ocho enciende la cafetera", "más tarde"),
        ("apaga la luz cuando puedas", None),  # "when you can" is now
        ("tengo frío, enciende el calefactor", None),
        ("es tarde, apaga la tele", None),
    ],
)
def test_changes_other_than_on_off_and_orders_for_later(text: str, reason: str | None) -> None:
    found = not_an_order(normalize_lower_ascii(text).split())
    assert (found is None) if reason is None else (found is not None and reason in found)
