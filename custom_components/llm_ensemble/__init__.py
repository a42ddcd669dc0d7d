"""LLM Ensemble: a Spanish conversation agent built from small local models.

The models load once per entry into `entry.runtime_data`: in-process (in the executor) or on a
llama.cpp server (checked over HTTP); the conversation platform holds the agent. Changing the
options reloads the entry so the agent sees them.
"""

from __future__ import annotations

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ConfigEntryNotReady

from .const import DOMAIN
from .data import LLMEnsembleConfigEntry, LLMEnsembleData
from .engine import EngineError, ModelError, ServerError
from .engines import async_create_engine

PLATFORMS: list[Platform] = [Platform.CONVERSATION]


async def async_setup_entry(hass: HomeAssistant, entry: LLMEnsembleConfigEntry) -> bool:
    """Load both models, or check the server serves them; a bad file, an unreachable server or
    a missing llama-cpp-python keeps the entry retrying, with the reason in its own words."""
    try:
        engine = await async_create_engine(hass, entry.data)
    except ModelError as err:
        raise ConfigEntryNotReady(
            translation_domain=DOMAIN,
            translation_key=err.reason,
            translation_placeholders={"path": err.path.name, "detail": err.detail},
        ) from err
    except ServerError as err:
        raise ConfigEntryNotReady(
            translation_domain=DOMAIN,
            translation_key=err.reason,
            translation_placeholders={"url": err.url, "detail": err.detail},
        ) from err
    except EngineError as err:  # llama-cpp-python unavailable
        raise ConfigEntryNotReady(
            translation_domain=DOMAIN, translation_key=err.reason, translation_placeholders={"detail": str(err)}
        ) from err
    entry.runtime_data = LLMEnsembleData(engine)
    entry.async_on_unload(entry.add_update_listener(_async_options_updated))
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    return True


async def async_unload_entry(hass: HomeAssistant, entry: LLMEnsembleConfigEntry) -> bool:
    """Unload the agent, then free the models' memory."""
    unloaded = await hass.config_entries.async_unload_platforms(entry, PLATFORMS)
    if unloaded:
        await entry.runtime_data.async_close(hass)
    return unloaded


async def _async_options_updated(hass: HomeAssistant, entry: LLMEnsembleConfigEntry) -> None:
    """Options changed: reload so the agent and its settings start fresh."""
    await hass.config_entries.async_reload(entry.entry_id)
