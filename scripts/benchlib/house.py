"""The benchmark home: the real home of the integration suite, and a weather entity.

The devices are those of devtools/demo_home.py: the catalog's 18 and 23 others
(other rooms, second lights, appliances, a second TV), with their areas and the aliases a user
gave some of them; lights dim and take colours, fans have speeds (tests/integration/real_home.py).
The demo home of `scripts/develop` holds the same devices (a test keeps them equal), so the figures
describe the home a newcomer sees.

Nothing here favours either agent: both are asked about the same entities, with the same aliases,
and each entity is exposed to Assist the way Home Assistant exposes its domain by default (the
weather entity, whose domain is not exposed by default, is exposed by hand, as anyone who wants
Assist to answer about the weather must do).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from homeassistant.components.homeassistant.exposed_entities import async_expose_entity
from homeassistant.core import HomeAssistant
from homeassistant.helpers import area_registry as ar
from homeassistant.helpers import device_registry as dr
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import MockConfigEntry, setup_test_component_platform

from tests.integration.house import HouseWeather
from tests.integration.real_home import RealHome, async_setup_real_home

from .house_file import HouseFile

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


@dataclass(frozen=True)
class House:
    """The real home (its entities by entity id, snapshot and reset) and the weather entity's id."""

    home: RealHome
    weather_entity_id: str
    written: HouseFile | None = None  # a house of models/eval/houses/, or the real home
    satellites: dict[str, str] = field(default_factory=dict)  # area id of the house file -> device id

    @property
    def by_code(self) -> dict[str, str]:
        """catalog code -> entity_id: our agent's mapping in this home."""
        return self.home.by_code

    @property
    def entity_ids(self) -> list[str]:
        """Every device of the home (not the weather), in the device table's order."""
        return list(self.home.entities)


async def async_setup_bench_house(hass: HomeAssistant, written: HouseFile | None = None) -> House:
    """Every device of the home in its area, and the weather entity, in a Spanish-speaking home.

    The real home of the integration suite, or a written-down house (its floors, areas, aliases).
    """
    if written is None:
        home = await async_setup_real_home(hass)
    else:
        home = await async_setup_real_home(
            hass, written.devices, written.area_aliases, written.area_floors, written.floor_aliases
        )
    name = written.weather_name if written else WEATHER_NAME
    weather = WeekWeather(name, "tiempo_casa", WEATHER_CONDITION, WEATHER_TEMPERATURE, "daily")
    setup_test_component_platform(hass, "weather", [weather])
    assert await async_setup_component(hass, "weather", {"weather": {"platform": "test"}})
    await hass.async_block_till_done()
    assert weather.entity_id is not None
    async_expose_entity(hass, "conversation", weather.entity_id, True)
    await hass.async_block_till_done()
    satellites = _add_satellites(hass, written) if written else {}
    return House(home, weather.entity_id, written, satellites)


def _add_satellites(hass: HomeAssistant, written: HouseFile) -> dict[str, str]:
    """A voice satellite's device in every area: the speaker's room of a request said to it."""
    entry = MockConfigEntry(domain="bench_satellite", title="Satélites")
    entry.add_to_hass(hass)
    devices, areas = dr.async_get(hass), ar.async_get(hass)
    found = {}
    for area_id, name in written.area_names.items():
        area = areas.async_get_area_by_name(name)
        assert area is not None, name
        device = devices.async_get_or_create(
            config_entry_id=entry.entry_id, identifiers={("bench_satellite", area_id)}, name=f"Satélite {name}"
        )
        devices.async_update_device(device.id, area_id=area.id)
        found[area_id] = device.id
    return found
