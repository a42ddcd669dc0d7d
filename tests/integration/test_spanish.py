"""Device names in replies get the right article: "la luz del salón", "el riego"."""

from __future__ import annotations

import pytest

from custom_components.llm_ensemble.engine import CatalogEntry
from custom_components.llm_ensemble.spanish import device_phrase, is_feminine


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
