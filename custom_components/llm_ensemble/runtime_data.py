"""What a loaded entry holds (`entry.runtime_data`): the engine and the recent decisions."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant

from .const import LOGGER, MAX_DECISIONS
from .engine import Decision, DecisionEngine, ServerError, VoteSettings


@dataclass
class LLMEnsembleData:
    """The engine (in-process or server) and the recent decisions (for diagnostics)."""

    engine: DecisionEngine
    decisions: deque[dict[str, Any]] = field(default_factory=lambda: deque(maxlen=MAX_DECISIONS))
    server_down: bool = False  # the last request found the llama.cpp server down or too slow

    async def async_decide(
        self,
        hass: HomeAssistant,
        text: str,
        settings: VoteSettings,
        device_order: bool = False,
        device_asked: bool = False,
    ) -> Decision:
        """Decide without blocking the event loop.

        The engine decodes in the executor, tracked so that unloading waits before
        freeing the models. A server outage is logged once when it starts and once when it ends:
        each request tries the server again.
        """
        try:
            decision = await self.engine.async_decide(text, settings, device_order, device_asked)
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
        await self.engine.async_close()


LLMEnsembleConfigEntry = ConfigEntry[LLMEnsembleData]
