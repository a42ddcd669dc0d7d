"""Build the engine an entry asks for: in this Home Assistant, or on a llama.cpp server.

The in-process engine needs llama-cpp-python, which is not a manifest requirement (it has no binary
wheel and Home Assistant OS has no compiler): it is installed through Home Assistant's own
requirements mechanism when, and only when, that engine is chosen. The server engine needs nothing
but Home Assistant's shared HTTP session, so the integration loads where llama_cpp cannot.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.helpers.aiohttp_client import async_get_clientsession
from homeassistant.requirements import RequirementsNotFound, async_process_requirements

from .const import (
    CONF_DOMOTICS_MODEL,
    CONF_ENGINE,
    CONF_SELECTOR_MODEL,
    CONF_SERVER_URL,
    DEFAULT_ENGINE,
    DOMAIN,
    ENGINE_SERVER,
    LLAMA_CPP_REQUIREMENT,
    LOGGER,
    MODELS_DIR,
    SERVER_TIMEOUT,
)
from .engine import DecisionEngine, EngineError, InProcessEngine, ServerEnsemble, ServerSettings
from .engine.ensemble import check_roles
from .engine.gguf import read_gguf_header
from .engine.metadata import PREFIX, parse_model_info


class LlamaCppUnavailable(EngineError):
    """llama-cpp-python could not be installed or imported here: use a llama.cpp server."""

    reason = "llama_cpp_unavailable"


async def async_ensure_llama_cpp(hass: HomeAssistant) -> None:
    """Install llama-cpp-python if needed and import it once, in the executor.

    The install is Home Assistant's pip, with its own cache and backoff; LlamaCppUnavailable when
    either step fails. Like Home
    Assistant's own integrations, nothing is installed when it runs with --skip-pip.
    """
    if not hass.config.skip_pip:
        try:
            await async_process_requirements(hass, DOMAIN, [LLAMA_CPP_REQUIREMENT])
        except RequirementsNotFound as err:
            raise LlamaCppUnavailable(f"{LLAMA_CPP_REQUIREMENT} could not be installed: {err}") from err
    try:
        await hass.async_add_executor_job(importlib.import_module, "llama_cpp")
    except (ImportError, OSError) as err:  # OSError: the shared library is there but cannot load
        raise LlamaCppUnavailable(f"llama_cpp cannot be imported: {err}") from err


def model_path(value: str) -> Path:
    """A relative path names a file in the integration's models folder (survives moves and updates)."""
    path = Path(value).expanduser()
    return path if path.is_absolute() else MODELS_DIR / path


def check_model_files(selector: Path, domotics: Path) -> None:
    """Read what the two files say about themselves, without llama.cpp (blocking: executor).

    A missing, broken or swapped file is known before llama-cpp-python is installed, and where it
    cannot be: the user learns what is wrong with the file, not that a library is absent.
    """
    infos = [parse_model_info(path, read_gguf_header(path).string_metadata(PREFIX)) for path in (selector, domotics)]
    check_roles([(infos[0], "selector"), (infos[1], "domotics")])


def server_settings(url: str) -> ServerSettings:
    """How the server engine talks to the server at `url`: a voice request cannot wait long."""
    return ServerSettings(url=url.strip(), timeout=SERVER_TIMEOUT)


async def async_create_engine(hass: HomeAssistant, data: Mapping[str, Any]) -> DecisionEngine:
    """The engine of an entry's data, loaded and checked; typed engine errors otherwise."""
    selector = model_path(data[CONF_SELECTOR_MODEL])
    domotics = model_path(data[CONF_DOMOTICS_MODEL])
    if data.get(CONF_ENGINE, DEFAULT_ENGINE) == ENGINE_SERVER:
        session = async_get_clientsession(hass)
        engine: DecisionEngine = await ServerEnsemble.async_connect(
            session, server_settings(data[CONF_SERVER_URL]), selector, domotics, executor=hass.async_add_executor_job
        )
        LOGGER.debug("Using %s and %s on the server at %s", selector.name, domotics.name, data[CONF_SERVER_URL])
        return engine
    await hass.async_add_executor_job(check_model_files, selector, domotics)
    await async_ensure_llama_cpp(hass)
    engine = await InProcessEngine.async_load(selector, domotics, hass.async_add_executor_job)
    LOGGER.debug("Loaded %s and %s in-process", selector.name, domotics.name)
    return engine
