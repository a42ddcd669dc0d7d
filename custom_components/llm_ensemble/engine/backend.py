"""The engine as the agent sees it: the one orchestration behind an async face, with a decision cache.

`AsyncEngine` runs `Ensemble.decide` in an executor, whatever the backend (NumPy, llama.cpp,
llama-server), so the event loop never blocks; closing waits for decisions under way. A decision is
a pure function of the request's text, the vote's settings and the model files (each request's
seeds come from its own text), so repeating one is exact: the last `DECISION_CACHE_SIZE` are kept.
Only the engine's decision is cached; what the agent does with it (the check against the home and
the service call) depends on the home now and is never cached.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol, TypeVar

from .ensemble import (
    ENGINE_IN_PROCESS,
    ENGINE_NUMPY,
    ENGINE_SERVER,
    Decision,
    Ensemble,
    Executor,
    Timings,
    VoteSettings,
    default_executor,
    elapsed_ms,
)
from .metadata import CatalogEntry, ModelInfo

T = TypeVar("T")
DECISION_CACHE_SIZE = 128  # as many as Home Assistant's built-in agent keeps recognitions

__all__ = [
    "DECISION_CACHE_SIZE",
    "ENGINE_IN_PROCESS",
    "ENGINE_NUMPY",
    "ENGINE_SERVER",
    "AsyncEngine",
    "DecisionEngine",
    "Executor",
    "ModelView",
    "default_executor",
]


class ModelView(Protocol):
    """What every backend tells of one model."""

    @property
    def path(self) -> Path:
        """The GGUF file."""

    @property
    def info(self) -> ModelInfo:
        """What the file says about itself."""


class DecisionEngine(Protocol):
    """The models as the agent sees them, on any backend."""

    @property
    def kind(self) -> str:
        """The backend: ENGINE_NUMPY, ENGINE_IN_PROCESS or ENGINE_SERVER."""

    @property
    def selector(self) -> ModelView:
        """The model that routes a request."""

    @property
    def domotics(self) -> ModelView:
        """The model that turns a device request into a command."""

    @property
    def catalog(self) -> tuple[CatalogEntry, ...]:
        """The domotics model's house: its command codes."""

    async def async_decide(
        self, text: str, settings: VoteSettings | None = None, device_order: bool = False, device_asked: bool = False
    ) -> Decision:
        """Route the text and, for a device (or a known on/off order or state question), vote on a command."""

    async def async_single(self, text: str) -> str | None:
        """One greedy answer of the domotics model (the evaluation's single-model baseline)."""

    def clear_cache(self) -> None:
        """Forget the decisions kept for repeated requests."""

    async def async_close(self) -> None:
        """Wait for requests under way, then free what the engine holds."""


class AsyncEngine:
    """An Ensemble behind the async interface: decisions in the executor, repeats from the cache."""

    def __init__(
        self, ensemble: Ensemble, executor: Executor | None = None, cache_size: int = DECISION_CACHE_SIZE
    ) -> None:
        """Wrap a loaded Ensemble; blocking calls go through `executor`."""
        self.ensemble = ensemble
        self._executor: Executor = executor or default_executor
        self._running: set[asyncio.Future[Any]] = set()
        self._cache: OrderedDict[tuple[str, VoteSettings, bool, bool], Decision] = OrderedDict()
        self._cache_size = cache_size

    @classmethod
    async def async_load(
        cls,
        selector_path: Path | str,
        domotics_path: Path | str,
        kind: str = ENGINE_NUMPY,
        executor: Executor | None = None,
    ) -> AsyncEngine:
        """Load both files on an in-process backend, in the executor."""
        run = executor or default_executor
        ensemble = await run(Ensemble.load, selector_path, domotics_path, kind)
        return cls(ensemble, run)

    @property
    def kind(self) -> str:
        """The backend the ensemble runs on."""
        return self.ensemble.kind

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

    async def async_decide(
        self, text: str, settings: VoteSettings | None = None, device_order: bool = False, device_asked: bool = False
    ) -> Decision:
        """The cached decision for this text and settings, else one decided in the executor."""
        settings = settings or VoteSettings()
        start = time.perf_counter()
        key = (text, settings, device_order, device_asked)
        if (cached := self._cache.get(key)) is not None:
            self._cache.move_to_end(key)
            return replace(cached, cached=True, timings=Timings(total_ms=round(elapsed_ms(start), 3)))
        decision = await self._run(self.ensemble.decide, text, settings, device_order, device_asked)
        self._cache[key] = decision
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return decision

    def clear_cache(self) -> None:
        """Forget the decisions kept for repeated requests (a measurement times first hearings)."""
        self._cache.clear()

    async def async_single(self, text: str) -> str | None:
        """One greedy answer in the executor, tracked so closing waits for it."""
        return await self._run(self.ensemble.single, text)

    async def async_close(self) -> None:
        """Wait for decodes still running, then free the models (in the executor)."""
        if self._running:
            await asyncio.wait(set(self._running))
        self._cache.clear()
        await self._executor(self.ensemble.close)
