"""One in-process Home Assistant with the benchmark home and both agents ready.

Home Assistant's own test harness runs a real core (state machine, services, registries,
conversation, intents) with storage in memory; nothing listens on the network. Our agent is
added the way a user adds it: config entry on the shipped models, then the options form with
its suggested mapping, corrected where the suggestion differs from the home's intended devices.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from ask import async_add_agent
from homeassistant.components.conversation import HOME_ASSISTANT_AGENT
from homeassistant.components.conversation.agent_manager import async_get_agent
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_test_home_assistant, mock_storage

from custom_components.llm_ensemble.const import DEFAULT_VOTE_RULE, DOMAIN

from .house import House, async_setup_bench_house
from .house_file import HouseFile
from .memory import rss_mb

TIME_ZONE = "Europe/Madrid"


@dataclass
class Home:
    """Everything a measurement needs: the core, the devices, our entry, and memory readings."""

    hass: HomeAssistant
    house: House
    entry: MockConfigEntry
    suggested: dict[str, Any]  # what the options form suggested, code -> entity_id
    memory: dict[str, float | None] = field(default_factory=dict)

    @property
    def suggestions_right(self) -> int:
        """How many codes the options form suggested the intended entity for."""
        return sum(self.suggested.get(code) == entity_id for code, entity_id in self.house.by_code.items())


def clear_intent_cache(hass: HomeAssistant) -> bool:
    """Empty both agents' caches; False if this release's built-in agent has none.

    Both agents meet the same sentence (ours passes "anything else" on to the built-in agent), so
    without this the second to ask would get the first one's recognition for free, and ours keeps
    its recent decisions too. Every request is timed as a sentence heard for the first time.
    """
    for entry in hass.config_entries.async_loaded_entries(DOMAIN):
        entry.runtime_data.engine.clear_cache()
    agent = async_get_agent(hass, HOME_ASSISTANT_AGENT)
    cache = getattr(agent, "_intent_cache", None)
    if cache is None or not hasattr(cache, "clear"):
        return False
    cache.clear()
    return True


@asynccontextmanager
async def async_home(
    votes: int,
    temperature: float,
    models: tuple[str, str] = ("selector.gguf", "domotics.gguf"),
    written: HouseFile | None = None,
    vote_rule: str = DEFAULT_VOTE_RULE,
) -> AsyncIterator[Home]:
    """Start the core, build the home, measure memory before and after our models load.

    In the real home our agent's mapping is the one a user corrects the form to; in a written-down
    house it is what the form suggests, as a new user who accepts it would have.
    """
    memory: dict[str, float | None] = {"rss_start_mb": rss_mb()}
    with mock_storage():
        async with async_test_home_assistant() as hass:
            await hass.config.async_set_time_zone(TIME_ZONE)
            house = await async_setup_bench_house(hass, written)
            assert await async_setup_component(hass, "conversation", {})  # the built-in agent
            await hass.async_block_till_done()
            memory["rss_before_models_mb"] = rss_mb()
            entry, suggested = await async_add_agent(
                hass,
                votes,
                temperature,
                house.weather_entity_id,
                entity_map=None if written else house.by_code,
                models=models,
                vote_rule=vote_rule,
            )
            memory["rss_models_loaded_mb"] = rss_mb()
            try:
                yield Home(hass, house, entry, suggested, memory)
            finally:
                await hass.config_entries.async_unload(entry.entry_id)
                await hass.async_stop(force=True)
