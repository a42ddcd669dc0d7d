"""LLM Ensemble: a Spanish conversation agent built from small local models.

The models load once per entry into `entry.runtime_data`: in-process (in the executor) or on a
llama.cpp server (checked over HTTP); the conversation platform holds the agent. Changing the
options reloads the entry so the agent sees them.
"""

from __future__ import annotations

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ConfigEntryError, ConfigEntryNotReady
from homeassistant.helpers import issue_registry as ir

from .const import DOMAIN
from .engine import EngineError, ModelError, ModelFileMissing, ServerError
from .engine_setup import async_create_engine
from .runtime_data import LLMEnsembleConfigEntry, LLMEnsembleData
from .vocabulary import read_vocabulary

PLATFORMS: list[Platform] = [Platform.CONVERSATION]


def model_issue_id(entry: LLMEnsembleConfigEntry) -> str:
    """The repair issue of an entry whose model file cannot be used."""
    return f"model_unusable_{entry.entry_id}"


async def async_setup_entry(hass: HomeAssistant, entry: LLMEnsembleConfigEntry) -> bool:
    """Load both models, or check that the server serves them.

    What may come back by itself (a file not there yet, a server that is down or misconfigured,
    llama-cpp-python not installable right now) keeps the entry retrying. A file that is there but
    cannot serve (corrupt, not GGUF, not ours, the other role) will not mend: the entry fails and a
    repair issue tells the user what to do.
    """
    try:
        engine = await async_create_engine(hass, entry.data)
    except ModelFileMissing as err:
        raise ConfigEntryNotReady(
            translation_domain=DOMAIN,
            translation_key=err.reason,
            translation_placeholders={"path": err.path.name, "detail": err.detail},
        ) from err
    except ModelError as err:
        ir.async_create_issue(
            hass,
            DOMAIN,
            model_issue_id(entry),
            is_fixable=False,
            severity=ir.IssueSeverity.ERROR,
            translation_key="model_unusable",
            translation_placeholders={"title": entry.title, "path": err.path.name, "detail": err.detail},
        )
        raise ConfigEntryError(
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
    ir.async_delete_issue(hass, DOMAIN, model_issue_id(entry))
    await hass.async_add_executor_job(read_vocabulary)  # Home Assistant's Spanish lists, off the event loop
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


async def async_remove_entry(hass: HomeAssistant, entry: LLMEnsembleConfigEntry) -> None:
    """A removed entry leaves no repair issue behind."""
    ir.async_delete_issue(hass, DOMAIN, model_issue_id(entry))


async def _async_options_updated(hass: HomeAssistant, entry: LLMEnsembleConfigEntry) -> None:
    """Options changed: reload so the agent and its settings start fresh."""
    await hass.config_entries.async_reload(entry.entry_id)
