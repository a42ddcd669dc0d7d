"""The benchmark home: one entity per catalog code, named and placed as a user would.

The names and rooms are those of the demo home `scripts/develop` starts (config/configuration.yaml
and develop_provision.AREAS; a test keeps them equal), so the figures describe the home a newcomer
sees. The entity classes are the integration suite's (tests/integration/house.py): real light,
switch and fan entities whose turn_on/turn_off run Home Assistant's own service code.

Nothing here favours either agent: both are asked about the same entities, with no aliases, and
each entity is exposed to Assist the way Home Assistant exposes its domain by default (the
weather entity, whose domain is not exposed by default, is exposed by hand, as anyone who wants
Assist to answer about the weather must do).
"""

from __future__ import annotations

from dataclasses import dataclass

from homeassistant.components.homeassistant.exposed_entities import async_expose_entity
from homeassistant.const import STATE_OFF, STATE_ON
from homeassistant.core import HomeAssistant
from homeassistant.helpers import area_registry as ar
from homeassistant.helpers import entity_registry as er
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import setup_test_component_platform

from tests.integration.house import HouseFan, HouseLight, HouseSwitch, HouseWeather


@dataclass(frozen=True)
class Device:
    """One device of the home: the catalog code it answers to, and how the user set it up."""

    code: str
    domain: str
    name: str
    unique_id: str
    area: str


# code, domain, name, unique_id, room: as in config/configuration.yaml and develop_provision.AREAS.
DEVICES: tuple[Device, ...] = tuple(
    Device(*fields)
    for fields in (
        ("LUZ_SL", "light", "Luz del salón", "luz_salon", "Salón"),
        ("LUZ_CO", "light", "Luz de la cocina", "luz_cocina", "Cocina"),
        ("LUZ_DO", "light", "Luz del dormitorio", "luz_dormitorio", "Dormitorio"),
        ("LUZ_BA", "light", "Luz del baño", "luz_bano", "Baño"),
        ("LUZ_PA", "light", "Luz del pasillo", "luz_pasillo", "Pasillo"),
        ("LUZ_DE", "light", "Luz del despacho", "luz_despacho", "Despacho"),
        ("LUZ_TE", "light", "Luz de la terraza", "luz_terraza", "Terraza"),
        ("LUZ_JA", "light", "Luz del jardín", "luz_jardin", "Jardín"),
        ("LUZ_GA", "light", "Luz del garaje", "luz_garaje", "Garaje"),
        ("LUZ_EN", "light", "Luz de la entrada", "luz_entrada", "Entrada"),
        ("LED_SL", "light", "Tira LED del salón", "tira_led_salon", "Salón"),
        ("LED_DO", "light", "Tira LED del dormitorio", "tira_led_dormitorio", "Dormitorio"),
        ("VENT_SL", "fan", "Ventilador del salón", "ventilador_salon", "Salón"),
        ("VENT_DO", "fan", "Ventilador del dormitorio", "ventilador_dormitorio", "Dormitorio"),
        ("TV_SL", "switch", "Televisión", "television", "Salón"),
        ("CAFE_CO", "switch", "Cafetera", "cafetera", "Cocina"),
        ("CALEF_BA", "switch", "Calefactor", "calefactor", "Baño"),
        ("RIEGO_JA", "switch", "Riego", "riego", "Jardín"),
    )
)
WEATHER_NAME = "Tiempo en casa"
WEATHER_CONDITION = "sunny"
WEATHER_TEMPERATURE = 21.5
# A week of daily forecast, as a real weather service gives: (condition, high, low, rain chance %).
# Rain chances are chosen apart from the temperatures, so a reply's numbers say which they are.
WEEK: tuple[tuple[str, float, float, int], ...] = (
    ("sunny", 24, 14, 0),
    ("rainy", 19, 12, 80),
    ("cloudy", 21, 13, 30),
    ("partlycloudy", 23, 15, 10),
    ("sunny", 25, 16, 5),
    ("rainy", 18, 11, 60),
    ("windy", 22, 13, 0),
)


class WeekWeather(HouseWeather):
    """The suite's fixed weather entity, with a week of daily forecast instead of three days."""

    days = WEEK


def weather_temperatures() -> frozenset[float]:
    """Every temperature the weather entity reports: now, and each day's high and low."""
    return frozenset({WEATHER_TEMPERATURE, *(t for _, high, low, _ in WEEK for t in (high, low))})


Toggle = HouseLight | HouseSwitch | HouseFan


@dataclass
class BenchHouse:
    """The home's entities by catalog code, and the weather entity's id."""

    hass: HomeAssistant
    toggles: dict[str, Toggle]
    entity_ids: dict[str, str]  # code -> entity_id
    weather_entity_id: str

    def snapshot(self) -> dict[str, str]:
        """entity_id -> state, as Home Assistant's state machine holds it now ("-" if it has none)."""
        states = {}
        for entity_id in self.entity_ids.values():
            state = self.hass.states.get(entity_id)
            states[entity_id] = state.state if state else "-"
        return states

    def set_states(self, states: dict[str, bool]) -> None:
        """Put each device in the given state (code -> on) directly, without any service call."""
        for code, is_on in states.items():
            entity = self.toggles[code]
            entity._attr_is_on = is_on
            entity.async_write_ha_state()


def on_off(is_on: bool) -> str:
    return STATE_ON if is_on else STATE_OFF


async def async_setup_bench_house(hass: HomeAssistant) -> BenchHouse:
    """Create the rooms, the 18 devices and the weather entity, in a Spanish-speaking home."""
    hass.config.language = "es"
    assert await async_setup_component(hass, "homeassistant", {})
    toggles: dict[str, Toggle] = {}
    by_domain: dict[str, list[Toggle]] = {"light": [], "switch": [], "fan": []}
    classes: dict[str, type[Toggle]] = {"light": HouseLight, "switch": HouseSwitch, "fan": HouseFan}
    for device in DEVICES:
        entity: Toggle = classes[device.domain](device.name, device.unique_id, False)
        toggles[device.code] = entity
        by_domain[device.domain].append(entity)
    weather = WeekWeather(WEATHER_NAME, "tiempo_casa", WEATHER_CONDITION, WEATHER_TEMPERATURE, "daily")
    for domain, entities in (*by_domain.items(), ("weather", [weather])):
        setup_test_component_platform(hass, domain, entities)
        assert await async_setup_component(hass, domain, {domain: {"platform": "test"}})
    await hass.async_block_till_done()
    areas = ar.async_get(hass)
    registry = er.async_get(hass)
    for device in DEVICES:
        area = areas.async_get_area_by_name(device.area) or areas.async_create(device.area)
        registry.async_update_entity(toggles[device.code].entity_id, area_id=area.id)
    assert weather.entity_id is not None
    async_expose_entity(hass, "conversation", weather.entity_id, True)
    await hass.async_block_till_done()
    entity_ids = {code: str(entity.entity_id) for code, entity in toggles.items()}
    return BenchHouse(hass, toggles, entity_ids, weather.entity_id)
