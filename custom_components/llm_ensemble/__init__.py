"""LLM Ensemble: a Spanish conversation agent built from small local models.

The models load once per entry, in the executor, into `entry.runtime_data`; the conversation
platform holds the agent. Changing the options reloads the entry so the agent sees them.
"""

from __future__ import annotations

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ConfigEntryNotReady

from .const import CONF_DOMOTICS_MODEL, CONF_SELECTOR_MODEL, DOMAIN, LOGGER
from .data import LLMEnsembleConfigEntry, LLMEnsembleData, model_path
from .engine import Ensemble, ModelError

PLATFORMS: list[Platform] = [Platform.CONVERSATION]


async def async_setup_entry(hass: HomeAssistant, entry: LLMEnsembleConfigEntry) -> bool:
    """Load both models (slow, so in the executor); a bad file keeps the entry retrying."""
    selector = model_path(entry.data[CONF_SELECTOR_MODEL])
    domotics = model_path(entry.data[CONF_DOMOTICS_MODEL])
    try:
        ensemble = await hass.async_add_executor_job(Ensemble.load, selector, domotics)
    except ModelError as err:
        raise ConfigEntryNotReady(
            translation_domain=DOMAIN,
            translation_key=err.reason,
            translation_placeholders={"path": str(err.path), "detail": err.detail},
        ) from err
    LOGGER.debug("Loaded %s and %s", selector, domotics)
    entry.runtime_data = LLMEnsembleData(ensemble)
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
