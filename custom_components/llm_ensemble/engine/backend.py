"""One interface for both engines: what the agent, the evaluation and the bench ask of the models.

`InProcessEngine` runs `Ensemble` (llama-cpp-python in this process) in an executor; `ServerEnsemble`
(server.py) asks a llama.cpp server over HTTP. Both give the same `Decision`, expose each model's
`info` (read from the GGUF files this side holds) and the domotics catalog, and never block the
event loop. Nothing here imports llama-cpp-python until the in-process engine is loaded.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from .ensemble import Decision, VoteSettings
from .metadata import CatalogEntry, ModelInfo

if TYPE_CHECKING:
    from .ensemble import Ensemble

T = TypeVar("T")
# How blocking work is handed to a thread: Home Assistant's hass.async_add_executor_job, or the
# event loop's default executor elsewhere.
Executor = Callable[..., Awaitable[Any]]

ENGINE_IN_PROCESS = "in_process"
ENGINE_SERVER = "server"


class ModelView(Protocol):
    """What both engines tell of one model."""

    path: Path
    info: ModelInfo


class DecisionEngine(Protocol):
    """The models as the agent sees them, on either engine."""

    kind: str

    @property
    def selector(self) -> ModelView:
        """The model that routes a request."""

    @property
    def domotics(self) -> ModelView:
        """The model that turns a device request into a command."""

    @property
    def catalog(self) -> tuple[CatalogEntry, ...]:
        """The domotics model's house: its command codes."""

    async def async_decide(self, text: str, settings: VoteSettings | None = None) -> Decision:
        """Route the text and, for a device, vote on a command."""

    async def async_single(self, text: str) -> str | None:
        """One greedy answer of the domotics model (the evaluation's single-model baseline)."""

    async def async_close(self) -> None:
        """Wait for requests under way, then free what the engine holds."""


async def default_executor(func: Callable[..., T], *args: Any) -> T:
    """Run `func` in the event loop's default executor (outside Home Assistant)."""
    return await asyncio.get_running_loop().run_in_executor(None, func, *args)


class InProcessEngine:
    """The in-process Ensemble behind the async interface; closing waits for decodes under way."""

    kind = ENGINE_IN_PROCESS

    def __init__(self, ensemble: Ensemble, executor: Executor | None = None) -> None:
        """Wrap a loaded Ensemble; blocking calls go through `executor`."""
        self.ensemble = ensemble
        self._executor: Executor = executor or default_executor
        self._running: set[asyncio.Future[Any]] = set()

    @classmethod
    async def async_load(
        cls, selector_path: Path | str, domotics_path: Path | str, executor: Executor | None = None
    ) -> InProcessEngine:
        """Load both files in the executor (imports llama-cpp-python: ImportError without it)."""
        from .ensemble import Ensemble

        run = executor or default_executor
        ensemble = await run(Ensemble.load, selector_path, domotics_path)
        return cls(ensemble, run)

    @property
    def selector(self) -> ModelView:
        """The model that routes a request."""
        return self.ensemble.selector

    @property
    def domotics(self) -> ModelView:
        """The model that turns a device request into a command."""
        return self.ensemble.domotics

    @property
    def catalog(self) -> tuple[CatalogEntry, ...]:
        """The domotics model's house: its command codes."""
        return self.ensemble.catalog

    async def _run(self, func: Callable[..., T], *args: Any) -> T:
        future = asyncio.ensure_future(self._executor(func, *args))
        self._running.add(future)
        try:
            result: T = await future
            return result
        finally:
            self._running.discard(future)

    async def async_decide(self, text: str, settings: VoteSettings | None = None) -> Decision:
        """Decide in the executor, tracked so closing waits for it."""
        return await self._run(self.ensemble.decide, text, settings)

    async def async_single(self, text: str) -> str | None:
        """One greedy answer in the executor, tracked so closing waits for it."""
        return await self._run(self.ensemble.single, text)

    async def async_close(self) -> None:
        """Wait for decodes still running, then free the models (in the executor)."""
        if self._running:
            await asyncio.wait(set(self._running))
        await self._executor(self.ensemble.close)
