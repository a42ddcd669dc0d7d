"""What a loaded entry holds (runtime_data) and the settings read from its options."""

from __future__ import annotations

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
    CONF_RECORD_TEXTS,
    CONF_TEMPERATURE,
    CONF_VOTES,
    CONF_WEATHER_ENTITY,
    DEFAULT_FALLBACK,
    DEFAULT_TEMPERATURE,
    DEFAULT_VOTES,
    LOGGER,
    MAX_DECISIONS,
    MODELS_DIR,
)
from .engine import Decision, DecisionEngine, ServerError, VoteSettings


@dataclass
class LLMEnsembleData:
    """The engine (in-process or server) and the recent decisions (for diagnostics)."""

    ensemble: DecisionEngine
    decisions: deque[dict[str, Any]] = field(default_factory=lambda: deque(maxlen=MAX_DECISIONS))
    server_down: bool = False  # the last request found the llama.cpp server down or too slow

    async def async_decide(self, hass: HomeAssistant, text: str, settings: VoteSettings) -> Decision:
        """Decide without blocking the event loop (the in-process engine decodes in the executor,
        tracked so that unloading waits before freeing the models). A server outage is logged
        once when it starts and once when it ends: each request tries the server again."""
        try:
            decision = await self.ensemble.async_decide(text, settings)
        except ServerError as err:
            if not self.server_down:
                LOGGER.warning("The llama.cpp server cannot answer (%s); requests fail until it is back", err)
            self.server_down = True
            raise
        if self.server_down:
            LOGGER.info("The llama.cpp server answers again")
            self.server_down = False
        return decision

    async def async_close(self, hass: HomeAssistant) -> None:
        """Wait for decodes still running, then free the models."""
        await self.ensemble.async_close()


LLMEnsembleConfigEntry = ConfigEntry[LLMEnsembleData]


@dataclass(frozen=True)
class Settings:
    """The agent's behaviour, from the entry's options with defaults for what is unset."""

    votes: int = DEFAULT_VOTES
    temperature: float = DEFAULT_TEMPERATURE
    weather_entity: str | None = None
    fallback: bool = DEFAULT_FALLBACK
    entity_map: Mapping[str, str | None] = field(default_factory=dict)
    record_texts: bool = False

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> Settings:
        return cls(
            votes=int(options.get(CONF_VOTES, DEFAULT_VOTES)),
            temperature=float(options.get(CONF_TEMPERATURE, DEFAULT_TEMPERATURE)),
            weather_entity=options.get(CONF_WEATHER_ENTITY) or None,
            fallback=bool(options.get(CONF_FALLBACK, DEFAULT_FALLBACK)),
            entity_map=dict(options.get(CONF_ENTITY_MAP, {})),
            record_texts=bool(options.get(CONF_RECORD_TEXTS, False)),
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
