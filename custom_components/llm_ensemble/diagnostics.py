"""Diagnostics: the settings, what each model says about itself, and the last decisions."""

from __future__ import annotations

from typing import Any

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant

from .data import LLMEnsembleConfigEntry


async def async_get_config_entry_diagnostics(hass: HomeAssistant, entry: LLMEnsembleConfigEntry) -> dict[str, Any]:
    """Enough to explain any answer the agent gave: models, options and recent decisions.

    An entry that is not loaded (say, retrying a bad model file) has no models to describe.
    """
    if entry.state is not ConfigEntryState.LOADED:
        return {"data": dict(entry.data), "options": dict(entry.options), "state": entry.state.value,
                "models": None, "catalog": [], "decisions": []}
    data = entry.runtime_data
    return {
        "data": dict(entry.data),
        "options": dict(entry.options),
        "models": {
            "selector": data.ensemble.selector.info.as_dict(),
            "domotics": data.ensemble.domotics.info.as_dict(),
        },
        "catalog": [
            {"code": e.code, "domain": e.domain, "device": e.device, "room": e.room, "only_one": e.only_one}
            for e in data.ensemble.catalog
        ],
        "decisions": list(data.decisions),
    }
