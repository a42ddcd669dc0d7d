"""Build the engine an entry asks for: NumPy or llama.cpp in this Home Assistant, or a llama.cpp server.

NumPy, the default, needs nothing that Home Assistant does not already have. llama.cpp in process
needs llama-cpp-python, which is never installed from here: it has only a source release, and
Home Assistant OS and the container image cannot compile it; it is used where it is already
importable. The server needs nothing but Home Assistant's shared HTTP session.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.helpers.aiohttp_client import async_get_clientsession

from .const import (
    CONF_DOMOTICS_MODEL,
    CONF_ENGINE,
    CONF_SELECTOR_MODEL,
    CONF_SERVER_URL,
    DEFAULT_ENGINE,
    ENGINE_IN_PROCESS,
    ENGINE_NUMPY,
    ENGINE_SERVER,
    LOGGER,
    MODELS_DIR,
    SERVER_TIMEOUT,
)
from .engine import AsyncEngine, DecisionEngine, EngineError, ServerSettings, async_connect
from .engine.ensemble import check_roles
from .engine.model_file import ModelFile


class LlamaCppUnavailable(EngineError):
    """llama-cpp-python cannot be imported here: use NumPy or a llama.cpp server."""

    reason = "llama_cpp_unavailable"


async def async_check_llama_cpp(hass: HomeAssistant) -> None:
    """LlamaCppUnavailable unless llama-cpp-python imports here (in the executor: it loads a library)."""
    try:
        await hass.async_add_executor_job(importlib.import_module, "llama_cpp")
    except (ImportError, OSError) as err:  # OSError: the shared library is there but cannot load
        raise LlamaCppUnavailable(f"llama_cpp cannot be imported: {err}") from err


def model_path(value: str) -> Path:
    """A relative path names a file in the integration's models folder (survives moves and updates)."""
    path = Path(value).expanduser()
    return path if path.is_absolute() else MODELS_DIR / path


def check_model_files(selector: Path, domotics: Path) -> None:
    """Read what the two files say about themselves, without any backend (blocking: executor).

    A missing, broken or swapped file is known before anything is loaded.
    """
    files = [ModelFile.read(path) for path in (selector, domotics)]
    check_roles([(files[0].info, "selector"), (files[1].info, "domotics")])


def server_settings(url: str) -> ServerSettings:
    """How the server engine talks to the server at `url`: a voice request cannot wait long."""
    return ServerSettings(url=url.strip(), timeout=SERVER_TIMEOUT)


async def async_create_engine(hass: HomeAssistant, data: Mapping[str, Any]) -> DecisionEngine:
    """The engine of an entry's data, loaded and checked; typed engine errors otherwise."""
    selector = model_path(data[CONF_SELECTOR_MODEL])
    domotics = model_path(data[CONF_DOMOTICS_MODEL])
    kind = data.get(CONF_ENGINE, DEFAULT_ENGINE)
    executor = hass.async_add_executor_job
    if kind == ENGINE_SERVER:
        session = async_get_clientsession(hass)
        ensemble = await async_connect(
            session, server_settings(data[CONF_SERVER_URL]), selector, domotics, executor=executor
        )
        LOGGER.debug("Using %s and %s on the server at %s", selector.name, domotics.name, data[CONF_SERVER_URL])
        return AsyncEngine(ensemble, executor)
    await executor(check_model_files, selector, domotics)
    if kind == ENGINE_IN_PROCESS:
        try:
            await async_check_llama_cpp(hass)
        except LlamaCppUnavailable as err:
            LOGGER.warning("%s: running the models on NumPy instead", err)
            kind = ENGINE_NUMPY
    engine = await AsyncEngine.async_load(selector, domotics, kind, executor)
    LOGGER.debug("Loaded %s and %s in this Home Assistant (%s)", selector.name, domotics.name, kind)
    return engine
