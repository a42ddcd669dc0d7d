"""A blocking face of the server engine, for scripts (evaluate, bench) written against Ensemble.

It has Ensemble's methods (decide, vote, single, close, selector, domotics, catalog) and runs the
async ServerEnsemble on an event loop of its own, in a thread: a script times each call as the
agent would see it, HTTP included. Without a URL it starts its own llama-server on the files.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, TypeVar

import aiohttp

from .ensemble import Decision, VoteSettings
from .local_server import LocalServer
from .metadata import CatalogEntry
from .server import DEFAULT_TIMEOUT, ServerEnsemble, ServerModel, ServerSettings, model_name

T = TypeVar("T")


class BlockingServerEnsemble:
    """ServerEnsemble behind blocking calls (thread-safe: calls may come from many threads)."""

    def __init__(
        self, selector: Path, domotics: Path, url: str | None = None, timeout: float = DEFAULT_TIMEOUT
    ) -> None:
        """Connect to the server at `url` (or start one on the shipped models) in a private loop."""
        self.server: LocalServer | None = None
        if url is None:
            self.server = LocalServer({model_name(selector): selector, model_name(domotics): domotics}).start()
            url = self.server.url
        self.url = url
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="server-engine", daemon=True)
        self._thread.start()
        try:
            self._session: aiohttp.ClientSession = self._call(self._open_session())
            self.engine: ServerEnsemble = self._call(
                ServerEnsemble.async_connect(self._session, ServerSettings(url, timeout), selector, domotics)
            )
        except BaseException:
            self.close()
            raise

    async def _open_session(self) -> aiohttp.ClientSession:
        # Enough connections for a burst of concurrent requests (aiohttp's default is 100).
        return aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=256))

    def _call(self, coroutine: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result()

    @property
    def selector(self) -> ServerModel:
        """The model that routes a request."""
        return self.engine.selector

    @property
    def domotics(self) -> ServerModel:
        """The model that turns a device request into a command."""
        return self.engine.domotics

    @property
    def catalog(self) -> tuple[CatalogEntry, ...]:
        """The domotics model's house: its command codes."""
        return self.engine.catalog

    def decide(self, text: str, settings: VoteSettings | None = None) -> Decision:
        """Decide, blocking until the server answers."""
        return self._call(self.engine.async_decide(text, settings))

    def vote(self, text: str, settings: VoteSettings) -> tuple[tuple[str | None, ...], str | None]:
        """Vote, blocking until the server answers."""
        return self._call(self.engine.async_vote(text, settings))

    def single(self, text: str) -> str | None:
        """One greedy answer, blocking until the server answers."""
        return self._call(self.engine.async_single(text))

    def run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        """Run any coroutine on the engine's loop (e.g. a burst of concurrent decisions)."""
        return self._call(coroutine)

    def close(self) -> None:
        """Close the session and stop the private loop (and the server it started)."""
        if self._loop.is_running():
            if hasattr(self, "_session"):
                self._call(self._session.close())
            self._call(self._loop.shutdown_default_executor())  # its reader threads end too
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=10)
            self._loop.close()
        if self.server is not None:
            self.server.close()
            self.server = None
