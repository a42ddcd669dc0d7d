"""A small test house: real Home Assistant entities in rooms that match the catalog.

Lights, switches and fans are minimal entities of their real domains (set up through the
`test` platform, so `light.turn_off` runs Home Assistant's own service code), plus
input_booleans; a weather entity with daily forecasts and one with hourly forecasts only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, ClassVar

from homeassistant.components.fan import FanEntity, FanEntityFeature
from homeassistant.components.homeassistant.exposed_entities import async_expose_entity
from homeassistant.components.light import ColorMode, LightEntity
from homeassistant.components.switch import SwitchEntity
from homeassistant.components.weather import Forecast, WeatherEntity, WeatherEntityFeature
from homeassistant.const import UnitOfPrecipitationDepth, UnitOfTemperature
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import area_registry as ar
from homeassistant.helpers import entity_registry as er
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import setup_test_component_platform


class _Toggle:
    """On/off state kept in memory; `available` can be switched off to test refusals."""

    _attr_should_poll = False

    def __init__(self, name: str, unique_id: str, is_on: bool) -> None:
        self._attr_name = name
        self._attr_unique_id = unique_id
        self._attr_is_on = is_on

    async def async_turn_on(self, *args: Any, **kwargs: Any) -> None:  # fans pass percentage, preset
        self._attr_is_on = True
        self.async_write_ha_state()  # type: ignore[attr-defined]

    async def async_turn_off(self, **kwargs: Any) -> None:
        self._attr_is_on = False
        self.async_write_ha_state()  # type: ignore[attr-defined]


class HouseLight(_Toggle, LightEntity):
    _attr_color_mode = ColorMode.ONOFF
    _attr_supported_color_modes: ClassVar[set[ColorMode]] = {ColorMode.ONOFF}


class HouseSwitch(_Toggle, SwitchEntity):
    pass


class BrokenSwitch(HouseSwitch):
    """A device that stopped answering: its service call fails."""

    async def async_turn_on(self, *args: Any, **kwargs: Any) -> None:
        raise HomeAssistantError("el enchufe no responde")


class HouseFan(_Toggle, FanEntity):
    _attr_supported_features = FanEntityFeature.TURN_ON | FanEntityFeature.TURN_OFF

    @property
    def is_on(self) -> bool | None:
        """A fan without speeds: on or off (FanEntity would derive it from the percentage)."""
        return self._attr_is_on


class HouseWeather(WeatherEntity):
    """Fixed conditions and forecasts, so answers can be checked word for word."""

    _attr_should_poll = False
    _attr_native_temperature_unit = UnitOfTemperature.CELSIUS
    _attr_native_precipitation_unit = UnitOfPrecipitationDepth.MILLIMETERS
    # The daily forecast from today on: (condition, high, low, rain chance %).
    days: ClassVar[tuple[tuple[str, float, float, int], ...]] = (
        ("sunny", 24, 14, 0),
        ("rainy", 19, 12, 80),
        ("cloudy", 21, 13, 20),
    )

    def __init__(self, name: str, unique_id: str, condition: str, temperature: float, kind: str | None) -> None:
        self._attr_name = name
        self._attr_unique_id = unique_id
        self._attr_condition = condition
        self._attr_native_temperature = temperature
        self._attr_humidity = 60
        self.kind = kind
        self._attr_supported_features = {
            "daily": WeatherEntityFeature.FORECAST_DAILY,
            "hourly": WeatherEntityFeature.FORECAST_HOURLY,
            None: WeatherEntityFeature(0),
        }[kind]

    async def async_forecast_daily(self) -> list[Forecast]:
        today = dt_util.start_of_local_day()
        return [
            Forecast(
                datetime=(today + timedelta(days=i, hours=12)).isoformat(),
                condition=condition,
                native_temperature=high,
                native_templow=low,
                precipitation_probability=chance,
            )
            for i, (condition, high, low, chance) in enumerate(self.days)
        ]

    async def async_forecast_hourly(self) -> list[Forecast]:
        start = dt_util.start_of_local_day()
        hours: list[Forecast] = []
        for hour in range(48):
            when: datetime = start + timedelta(hours=hour)
            tomorrow = hour >= 24
            rainy = tomorrow and 14 <= hour - 24 <= 17
            hours.append(
                Forecast(
                    datetime=when.isoformat(),
                    condition="rainy" if rainy else "partlycloudy",
                    native_temperature=(15 if tomorrow else 20) + (hour % 24) / 6,
                    precipitation_probability=70 if rainy else 5,
                    native_precipitation=1.5 if rainy else 0,
                )
            )
        return hours


@dataclass
class House:
    """The entity ids of the test house, by what they are."""

    lights: dict[str, HouseLight]
    switches: dict[str, HouseSwitch]
    fans: dict[str, HouseFan]


async def async_setup_house(hass: HomeAssistant) -> House:
    """Rooms, devices and weather; lights/switches/fans are exposed to Assist by default."""
    hass.config.language = "es"
    assert await async_setup_component(hass, "homeassistant", {})
    lights = {
        "salon": HouseLight("Luz salón", "luz_salon", True),
        "cocina": HouseLight("Luz cocina", "luz_cocina", False),
        "led_salon": HouseLight("Tira LED salón", "led_salon", False),
        "dormitorio": HouseLight("Lámpara dormitorio", "luz_dormitorio", False),
    }
    switches = {
        "tv": HouseSwitch("Televisión", "tv_salon", True),
        "cafetera": HouseSwitch("Cafetera", "cafetera", False),
        "roto": BrokenSwitch("Enchufe roto", "enchufe_roto", False),
    }
    fans = {"salon": HouseFan("Ventilador salón", "vent_salon", False)}
    weathers = [
        HouseWeather("Tiempo casa", "tiempo_casa", "sunny", 21.5, "daily"),
        HouseWeather("Tiempo horario", "tiempo_horario", "rainy", 16, "hourly"),
        HouseWeather("Tiempo sin previsión", "tiempo_simple", "cloudy", 18, None),
    ]
    for domain, entities in (
        ("light", list(lights.values())),
        ("switch", list(switches.values())),
        ("fan", list(fans.values())),
        ("weather", weathers),
    ):
        setup_test_component_platform(hass, domain, entities)
        assert await async_setup_component(hass, domain, {domain: {"platform": "test"}})
    assert await async_setup_component(
        hass,
        "input_boolean",
        {"input_boolean": {"riego_jardin": {"name": "Riego jardín"}, "calefactor_bano": {"name": "Calefactor baño"}}},
    )
    # input_boolean is not exposed to Assist by default: expose the irrigation, keep the heater hidden.
    async_expose_entity(hass, "conversation", "input_boolean.riego_jardin", True)
    async_expose_entity(hass, "conversation", "input_boolean.calefactor_bano", False)
    areas = ar.async_get(hass)
    entities = er.async_get(hass)
    for entity_id, area in (
        ("light.luz_salon", "Salón"),
        ("light.tira_led_salon", "Salón"),
        ("fan.ventilador_salon", "Salón"),
        ("switch.television", "Salón"),
        ("light.luz_cocina", "Cocina"),
        ("switch.cafetera", "Cocina"),
        ("light.lampara_dormitorio", "Dormitorio"),
    ):
        area_entry = areas.async_get_area_by_name(area) or areas.async_create(area)
        entities.async_update_entity(entity_id, area_id=area_entry.id)
    await hass.async_block_till_done()
    return House(lights, switches, fans)
