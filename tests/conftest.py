"""Fixtures both suites share: a real llama-server on the shipped models, on 127.0.0.1.

Which engines the suites run on comes from LLM_ENSEMBLE_ENGINES (default: both, in_process and
server); the Home Assistant OS-like environment, which has no llama-cpp-python, sets `server`.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
import pytest_socket

from devtools.local_server import LocalServer

MODELS = Path(__file__).resolve().parents[1] / "custom_components" / "llm_ensemble" / "models"
SHIPPED = {"selector": MODELS / "selector.gguf", "domotics": MODELS / "domotics.gguf"}
# Models whose domotics answers are catalog codes mapped to entities (tests/fixtures/README.md).
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CATALOG = {"selector": FIXTURES / "catalog_selector.gguf", "domotics": FIXTURES / "catalog_domotics.gguf"}
SERVED = {**SHIPPED, **{f"catalog_{role}": path for role, path in CATALOG.items()}}  # each under its file's name
ENGINES = [e.strip() for e in os.environ.get("LLM_ENSEMBLE_ENGINES", "numpy,in_process,server").split(",") if e.strip()]
HAS_LLAMA_CPP = importlib.util.find_spec("llama_cpp") is not None
requires_llama_cpp = pytest.mark.skipif(
    not HAS_LLAMA_CPP or "in_process" not in ENGINES, reason="the in-process engine (llama-cpp-python) is not here"
)


@contextlib.contextmanager
def sockets() -> Iterator[None]:
    """Home Assistant's test harness forbids creating sockets (pytest-socket) before each test;
    starting a server needs a free port and a health check. Tests that talk to a server ask for
    the harness's `socket_enabled` fixture (connections stay limited to 127.0.0.1)."""
    blocked = socket.socket is not pytest_socket._true_socket  # as the test that asked found it
    pytest_socket.enable_socket()
    try:
        yield
    finally:
        if blocked:
            pytest_socket.disable_socket(allow_unix_socket=True)


@pytest.fixture(scope="session")
def llama_server() -> Iterator[LocalServer]:
    """One router for the whole run, serving the shipped models and the catalog ones."""
    with sockets():
        server = LocalServer(SERVED).start()
    yield server
    server.close()


@pytest.fixture
def own_server(socket_enabled: None) -> Iterator[LocalServer]:
    """A server of this test's own, for the faults (paused, killed, restarted on its port)."""
    server = LocalServer(SERVED).start()
    yield server
    server.close()
