"""Spanish the agent says: a catalog device with its article and its room ("la luz del salón")."""

from __future__ import annotations

from pathlib import Path

from custom_components.llm_ensemble.engine import CatalogEntry
from custom_components.llm_ensemble.engine.gguf import read_gguf_header
from custom_components.llm_ensemble.engine.metadata import PREFIX, parse_model_info
from custom_components.llm_ensemble.spanish import device_phrase

SHIPPED_DOMOTICS = (
    Path(__file__).resolve().parents[2] / "custom_components" / "llm_ensemble" / "models" / "domotics.gguf"
)


def test_device_phrase_follows_the_catalogs_gender_marks() -> None:
    luz_co = CatalogEntry("LUZ_CO", "light", "luz", "cocina", device_feminine=True, room_feminine=True)
    vent_sl = CatalogEntry("VENT_SL", "fan", "ventilador", "salón")
    cafe_co = CatalogEntry("CAFE_CO", "switch", "cafetera", "cocina", only_one=True, device_feminine=True)
    assert device_phrase(luz_co) == "la luz de la cocina"
    assert device_phrase(vent_sl) == "el ventilador del salón"
    assert device_phrase(cafe_co) == "la cafetera"
    # The marks decide, not the word's ending: a catalog may name "la radio" or "el sistema".
    radio = CatalogEntry("RADIO_SL", "switch", "radio", "sistema", device_feminine=True, room_feminine=False)
    assert device_phrase(radio) == "la radio del sistema"


def test_shipped_catalog_names_each_device_with_its_article() -> None:
    """The shipped domotics model carries the catalog's gender marks: every reply names its device right."""
    info = parse_model_info(SHIPPED_DOMOTICS, read_gguf_header(SHIPPED_DOMOTICS).string_metadata(PREFIX))
    phrases = {e.code: device_phrase(e) for e in info.catalog}
    assert phrases["LUZ_SL"] == "la luz del salón"
    assert phrases["LUZ_CO"] == "la luz de la cocina"
    assert phrases["VENT_SL"] == "el ventilador del salón"
    assert phrases["TV_SL"] == "la televisión"  # the only one: no room
    assert len(phrases) == 18
    assert all(p.startswith(("la ", "el ")) for p in phrases.values())
