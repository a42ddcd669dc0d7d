"""Suggestions for the options form: catalog names against entity names and areas."""

from __future__ import annotations

from homeassistant.core import HomeAssistant
from homeassistant.helpers import area_registry as ar
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers import entity_registry as er
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.llm_ensemble.engine import CatalogEntry
from custom_components.llm_ensemble.entity_matching import Candidate, async_candidates, score, suggest_mapping

from .house import House

LUZ_SL = CatalogEntry("LUZ_SL", "light", "luz", "salón", ("luz", "luces", "lámpara"), ("salón", "sala de estar"))
LED_SL = CatalogEntry("LED_SL", "light", "tira LED", "salón", ("tira led", "luces led", "led"), ("salón",))
LUZ_CO = CatalogEntry("LUZ_CO", "light", "luz", "cocina", ("luz", "lámpara"), ("cocina",))
CAFE_CO = CatalogEntry("CAFE_CO", "switch", "cafetera", "cocina", ("cafetera",), ("cocina",), only_one=True)
LUZ_BA = CatalogEntry("LUZ_BA", "light", "luz", "baño", ("luz",), ("baño", "cuarto de baño"))
LUZ_DO = CatalogEntry("LUZ_DO", "light", "luz", "dormitorio", ("luz",), ("dormitorio", "cuarto"))
CATALOG = (LUZ_SL, LED_SL, LUZ_CO, CAFE_CO, LUZ_BA, LUZ_DO)


def test_names_and_areas() -> None:
    candidates = [
        Candidate("light.techo", ("Lámpara del techo",), ("Sala de estar",)),
        Candidate("light.tira", ("Luces LED",), ("Salón",)),
        Candidate("light.cocina", ("Luz Cocina",)),  # no area: the room is in the name
        Candidate("switch.enchufe_cafe", ("Cafetera",)),  # one of a kind: no room needed
        Candidate("light.bano", ("Luz",), ("Cuarto de baño",)),  # "cuarto de baño" beats "cuarto"
        Candidate("sensor.luz_salon", ("Luz salón",), ("Salón",)),  # the candidates decide domains
    ]
    assert suggest_mapping(CATALOG, candidates[:5]) == {
        "LUZ_SL": "light.techo",
        "LED_SL": "light.tira",
        "LUZ_CO": "light.cocina",
        "CAFE_CO": "switch.enchufe_cafe",
        "LUZ_BA": "light.bano",
    }


def test_each_entity_goes_to_one_code() -> None:
    salon = Candidate("light.salon", ("Salón",), ("Salón",))  # named after its room only
    assert score(LUZ_SL, salon) == score(LED_SL, salon) > 0
    assert suggest_mapping(CATALOG, [salon]) == {"LUZ_SL": "light.salon"}  # catalog order breaks the tie


def test_no_guess_without_device_or_room() -> None:
    assert score(LUZ_SL, Candidate("switch.tv", ("Televisión",), ("Salón",))) == 0
    assert score(LUZ_SL, Candidate("light.luz", ("Luz",))) == 0  # which room?
    assert suggest_mapping(CATALOG, []) == {}


async def test_candidates_from_the_house(hass: HomeAssistant, house: House) -> None:
    candidates = {c.entity_id: c for c in async_candidates(hass)}
    assert candidates["light.luz_salon"].areas == ("Salón",)
    assert "weather.tiempo_casa" not in candidates
    assert "input_boolean.riego_jardin" in candidates


async def test_candidates_use_aliases_and_the_device_area(hass: HomeAssistant, house: House) -> None:
    """An entity without its own area is where its device is; its aliases and device name count."""
    owner = MockConfigEntry(domain="test")
    owner.add_to_hass(hass)
    area = ar.async_get(hass).async_create("Sala de estar", aliases={"Living"})
    device = dr.async_get(hass).async_get_or_create(
        config_entry_id=owner.entry_id, identifiers={("test", "tv")}, name="Tele Samsung"
    )
    dr.async_get(hass).async_update_device(device.id, area_id=area.id)
    er.async_get(hass).async_update_entity("switch.television", area_id=None, device_id=device.id, aliases={"Tele"})
    candidate = next(c for c in async_candidates(hass) if c.entity_id == "switch.television")
    assert candidate.names == ("Televisión", "Tele", "Tele Samsung")
    assert candidate.areas == ("Sala de estar", "Living")
