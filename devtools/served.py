"""A blocking Ensemble on llama-server, for scripts (evaluate, bench) and the engine tests.

The orchestration is the one every backend uses (`Ensemble`); only the server backend's HTTP
session needs an event loop, which this runs in a thread of its own. Without a URL it starts its
own llama-server on the files.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, TypeVar

import aiohttp

from custom_components.llm_ensemble.engine import Ensemble
from custom_components.llm_ensemble.engine.server import DEFAULT_TIMEOUT, ServerSettings, async_connect, model_name

from .local_server import LocalServer

T = TypeVar("T")


class ServedEnsemble(Ensemble):
    """The Ensemble on a llama.cpp server, called from any thread; close() stops what it started."""

    def __init__(
        self, selector: Path, domotics: Path, url: str | None = None, timeout: float = DEFAULT_TIMEOUT
    ) -> None:
        """Connect to the server at `url` (or start one on the files) from a private event loop."""
        self.server: LocalServer | None = None
        if url is None:
            self.server = LocalServer({model_name(selector): selector, model_name(domotics): domotics}).start()
            url = self.server.url
        self.url = url
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="server-backend", daemon=True)
        self._thread.start()
        try:
            self._session: aiohttp.ClientSession = self.run(self._open_session())
            connected = self.run(async_connect(self._session, ServerSettings(url, timeout), selector, domotics))
        except BaseException:
            self.close()
            raise
        super().__init__(connected.selector, connected.domotics, connected.kind)

    async def _open_session(self) -> aiohttp.ClientSession:
        # Enough connections for a burst of concurrent requests (aiohttp's default is 100).
        return aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=256))

    def run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        """Run a coroutine on the session's loop and wait for it (a burst of concurrent calls, say)."""
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result()

    def close(self) -> None:
        """Close the session and stop the private loop (and the server it started)."""
        if self._loop.is_running():
            if hasattr(self, "_session"):
                self.run(self._session.close())
            self.run(self._loop.shutdown_default_executor())
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=10)
            self._loop.close()
        if self.server is not None:
            self.server.close()
            self.server = None
