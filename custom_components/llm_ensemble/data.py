"""What a loaded entry holds (runtime_data) and the settings read from its options."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant

from .const import (
    CONF_ENTITY_MAP,
    CONF_FALLBACK,
    CONF_TEMPERATURE,
    CONF_VOTES,
    CONF_WEATHER_ENTITY,
    DEFAULT_FALLBACK,
    DEFAULT_TEMPERATURE,
    DEFAULT_VOTES,
    MAX_DECISIONS,
    MODELS_DIR,
)
from .engine import Decision, Ensemble, VoteSettings


@dataclass
class LLMEnsembleData:
    """The loaded models and the recent decisions (for diagnostics)."""

    ensemble: Ensemble
    decisions: deque[dict[str, Any]] = field(default_factory=lambda: deque(maxlen=MAX_DECISIONS))
    _running: set[asyncio.Future[Decision]] = field(default_factory=set)

    async def async_decide(self, hass: HomeAssistant, text: str, settings: VoteSettings) -> Decision:
        """Decode in the executor, tracked so that unloading waits before freeing the models."""
        future = hass.async_add_executor_job(self.ensemble.decide, text, settings)
        self._running.add(future)
        try:
            return await future
        finally:
            self._running.discard(future)

    async def async_close(self, hass: HomeAssistant) -> None:
        """Wait for decodes still running, then free the models (in the executor)."""
        if self._running:
            await asyncio.wait(set(self._running))
        await hass.async_add_executor_job(self.ensemble.close)


LLMEnsembleConfigEntry = ConfigEntry[LLMEnsembleData]


@dataclass(frozen=True)
class Settings:
    """The agent's behaviour, from the entry's options with defaults for what is unset."""

    votes: int = DEFAULT_VOTES
    temperature: float = DEFAULT_TEMPERATURE
    weather_entity: str | None = None
    fallback: bool = DEFAULT_FALLBACK
    entity_map: Mapping[str, str | None] = field(default_factory=dict)

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> Settings:
        return cls(
            votes=int(options.get(CONF_VOTES, DEFAULT_VOTES)),
            temperature=float(options.get(CONF_TEMPERATURE, DEFAULT_TEMPERATURE)),
            weather_entity=options.get(CONF_WEATHER_ENTITY) or None,
            fallback=bool(options.get(CONF_FALLBACK, DEFAULT_FALLBACK)),
            entity_map=dict(options.get(CONF_ENTITY_MAP, {})),
        )

    @property
    def vote(self) -> VoteSettings:
        return VoteSettings(n_votes=self.votes, temperature=self.temperature)


def model_path(value: str) -> Path:
    """A relative path names a file in the integration's models folder (survives moves and updates)."""
    path = Path(value).expanduser()
    return path if path.is_absolute() else MODELS_DIR / path


@dataclass(frozen=True)
class Outcome:
    """What the agent says back, and how the response is classified.

    error: an IntentResponseErrorCode value, None on success. target: the entity acted upon.
    service_call: "light.turn_off light.salon" when a service was called (for diagnostics).
    pass_on: why this request is not the agent's to act on; with the fallback option on, it goes
    to Home Assistant's built-in agent instead of getting `speech`.
    """

    speech: str
    error: str | None = None
    target: str | None = None
    service_call: str | None = None
    pass_on: str | None = None
