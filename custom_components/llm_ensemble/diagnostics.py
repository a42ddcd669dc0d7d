"""Diagnostics: the settings, the engine, what each model says about itself, and the last decisions.

People paste diagnostics into public issues, so they leave out what is theirs alone: absolute paths
(a file is named by its file name), the server's address, and the text of recent requests and the
replies, unless the `record_texts` option (off by default) keeps them.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from homeassistant.components.diagnostics import async_redact_data
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant

from .const import CONF_DOMOTICS_MODEL, CONF_ENGINE, CONF_SELECTOR_MODEL, CONF_SERVER_URL, DEFAULT_ENGINE
from .engine import ModelInfo
from .runtime_data import LLMEnsembleConfigEntry

TO_REDACT = {CONF_SERVER_URL}


def _entry_data(data: Mapping[str, Any]) -> dict[str, Any]:
    """entry.data with model files as bare file names and the server's URL redacted."""
    out = dict(async_redact_data(data, TO_REDACT))
    for key in (CONF_SELECTOR_MODEL, CONF_DOMOTICS_MODEL):
        if isinstance(out.get(key), str):
            out[key] = Path(out[key]).name
    out.setdefault(CONF_ENGINE, DEFAULT_ENGINE)
    return out


def _model(info: ModelInfo) -> dict[str, Any]:
    return info.as_dict() | {"path": info.path.name}


async def async_get_config_entry_diagnostics(hass: HomeAssistant, entry: LLMEnsembleConfigEntry) -> dict[str, Any]:
    """Enough to explain any answer the agent gave: engine, models, options and recent decisions.

    An entry that is not loaded (say, retrying a bad model file) has no models to describe.
    """
    if entry.state is not ConfigEntryState.LOADED:
        return {
            "data": _entry_data(entry.data),
            "options": dict(entry.options),
            "state": entry.state.value,
            "models": None,
            "catalog": [],
            "decisions": [],
        }
    data = entry.runtime_data
    return {
        "data": _entry_data(entry.data),
        "options": dict(entry.options),
        "engine": {"kind": data.engine.kind, "server_down": data.server_down},
        "models": {
            "selector": _model(data.engine.selector.info),
            "domotics": _model(data.engine.domotics.info),
        },
        "catalog": [
            {"code": e.code, "domain": e.domain, "device": e.device, "room": e.room, "only_one": e.only_one}
            for e in data.engine.catalog
        ],
        "decisions": list(data.decisions),
    }
