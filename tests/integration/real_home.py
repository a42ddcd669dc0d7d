"""The demo home in a running Home Assistant: every device of devtools/demo_home.py, in its area.

Lights dim and take colours, fans have speeds, switches only switch: what a request may change
("pon la luz del salón en azul", "baja el ventilador") is a real change of a real entity, done by
Home Assistant's own services, so a judge can tell it from a plain on/off. Everything is exposed
to Assist the way Home Assistant exposes its domains by default, and aliases are set where the
table gives them, as a user sets them in the entity's settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from homeassistant.components.fan import ATTR_PERCENTAGE, FanEntity, FanEntityFeature
from homeassistant.components.light import ATTR_BRIGHTNESS, ATTR_HS_COLOR, ColorMode, LightEntity
from homeassistant.const import STATE_OFF, STATE_ON
from homeassistant.core import HomeAssistant
from homeassistant.helpers import area_registry as ar
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers import floor_registry as fr
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import setup_test_component_platform

from devtools.demo_home import AREA_ALIASES, DEVICES, Device

from .house import HouseSwitch

WHITE = (0.0, 0.0)
# Between the steps a request may ask for, so raising, lowering, the highest and a percentage all show.
START_BRIGHTNESS = 180


class RealLight(LightEntity):
    """A dimmable colour light that keeps its state in memory."""

    _attr_should_poll = False
    _attr_color_mode = ColorMode.HS
    _attr_supported_color_modes: ClassVar[set[ColorMode]] = {ColorMode.HS}

    def __init__(self, name: str, unique_id: str) -> None:
        self._attr_name = name
        self._attr_unique_id = unique_id
        self._attr_is_on = False
        self._attr_brightness = START_BRIGHTNESS
        self._attr_hs_color = WHITE

    async def async_turn_on(self, **kwargs: Any) -> None:
        self._attr_is_on = True
        self._attr_brightness = kwargs.get(ATTR_BRIGHTNESS, self._attr_brightness)
        self._attr_hs_color = kwargs.get(ATTR_HS_COLOR, self._attr_hs_color)
        self.async_write_ha_state()

    async def async_turn_off(self, **kwargs: Any) -> None:
        self._attr_is_on = False
        self.async_write_ha_state()

    def reset(self, is_on: bool) -> None:
        self._attr_is_on, self._attr_brightness, self._attr_hs_color = is_on, START_BRIGHTNESS, WHITE
        self.async_write_ha_state()


class RealFan(FanEntity):
    """A fan with speeds (percentage) that keeps its state in memory."""

    _attr_should_poll = False
    _attr_supported_features = FanEntityFeature.TURN_ON | FanEntityFeature.TURN_OFF | FanEntityFeature.SET_SPEED
    _attr_speed_count = 4

    def __init__(self, name: str, unique_id: str) -> None:
        self._attr_name = name
        self._attr_unique_id = unique_id
        self._attr_percentage = 0
        self._last = 50

    async def async_turn_on(self, percentage: int | None = None, preset_mode: str | None = None, **kwargs: Any) -> None:
        self._attr_percentage = percentage or self._last
        self.async_write_ha_state()

    async def async_turn_off(self, **kwargs: Any) -> None:
        self._attr_percentage = 0
        self.async_write_ha_state()

    async def async_set_percentage(self, percentage: int) -> None:
        self._attr_percentage = percentage
        if percentage:
            self._last = percentage
        self.async_write_ha_state()

    def reset(self, is_on: bool) -> None:
        self._last = 50
        self._attr_percentage = 50 if is_on else 0
        self.async_write_ha_state()


class RealSwitch(HouseSwitch):
    def __init__(self, name: str, unique_id: str) -> None:
        super().__init__(name, unique_id, False)

    def reset(self, is_on: bool) -> None:
        self._attr_is_on = is_on
        self.async_write_ha_state()


RealEntity = RealLight | RealFan | RealSwitch
CLASSES: dict[str, type[RealEntity]] = {"light": RealLight, "fan": RealFan, "switch": RealSwitch}


def on_off(is_on: bool) -> str:
    return STATE_ON if is_on else STATE_OFF


@dataclass
class RealHome:
    """The home's entities by entity id, with what a judge needs to read and reset them."""

    hass: HomeAssistant
    entities: dict[str, RealEntity]  # entity_id -> entity
    devices: tuple[Device, ...] = DEVICES

    @property
    def by_code(self) -> dict[str, str]:
        """catalog code -> entity_id: the mapping a user gives the agent in this home."""
        return {device.code: device.entity_id for device in self.devices if device.code}

    def snapshot(self) -> dict[str, str]:
        """entity_id -> its state, with the attributes a request may change ("on 128 240,100")."""
        found = {}
        for entity_id in self.entities:
            state = self.hass.states.get(entity_id)
            if state is None:
                found[entity_id] = "-"
                continue
            extra = [
                str(value if not isinstance(value, tuple | list) else ",".join(f"{v:g}" for v in value))
                for key in (ATTR_BRIGHTNESS, ATTR_HS_COLOR, ATTR_PERCENTAGE)
                if state.state == STATE_ON and (value := state.attributes.get(key)) is not None
            ]
            found[entity_id] = " ".join([state.state, *extra])
        return found

    def reset(self, states: dict[str, bool]) -> None:
        """Put each entity in the given state (entity_id -> on), white at 70 % brightness, half speed."""
        for entity_id, is_on in states.items():
            self.entities[entity_id].reset(is_on)


async def async_setup_real_home(
    hass: HomeAssistant,
    devices: tuple[Device, ...] = DEVICES,
    area_aliases: dict[str, tuple[str, ...]] = AREA_ALIASES,
    area_floors: dict[str, str] | None = None,
    floor_aliases: dict[str, tuple[str, ...]] | None = None,
) -> RealHome:
    """Create the floors and areas (with their aliases) and every device in its area, in a Spanish home.

    A device keeps the entity id its table gives, whatever Home Assistant would make of its name
    (two devices may share a name).
    """
    hass.config.language = "es"
    assert await async_setup_component(hass, "homeassistant", {})
    entities: dict[str, RealEntity] = {}
    by_domain: dict[str, list[RealEntity]] = {domain: [] for domain in CLASSES}
    made = []
    for device in devices:
        entity = CLASSES[device.domain](device.name, device.unique_id)
        by_domain[device.domain].append(entity)
        made.append((device, entity))
    for domain, group in by_domain.items():
        setup_test_component_platform(hass, domain, group)
        assert await async_setup_component(hass, domain, {domain: {"platform": "test"}})
    await hass.async_block_till_done()
    areas = ar.async_get(hass)
    floors = fr.async_get(hass)
    for name, aliases in (floor_aliases or {}).items():
        floors.async_create(name, aliases=set(aliases))
    registry = er.async_get(hass)
    for device, entity in made:
        if entity.entity_id != device.entity_id:
            assert entity.entity_id is not None
            registry.async_update_entity(entity.entity_id, new_entity_id=device.entity_id)
            await hass.async_block_till_done()
        area = areas.async_get_area_by_name(device.area)
        if area is None:
            floor = floors.async_get_floor_by_name((area_floors or {}).get(device.area, ""))
            aliases = set(area_aliases.get(device.area, ()))
            area = areas.async_create(device.area, aliases=aliases, floor_id=floor.floor_id if floor else None)
        registry.async_update_entity(device.entity_id, area_id=area.id, aliases=set(device.aliases))
        entities[device.entity_id] = entity
    await hass.async_block_till_done()
    return RealHome(hass, entities, devices)
