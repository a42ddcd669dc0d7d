"""The brain of LLM Ensemble: plain Python over NumPy or llama.cpp, no Home Assistant.

One orchestration (`Ensemble`), three backends, the same Decision:

ensemble = Ensemble.load("selector.gguf", "domotics.gguf")                  # NumPy, in process
ensemble = Ensemble.load("selector.gguf", "domotics.gguf", ENGINE_IN_PROCESS)  # llama-cpp-python
ensemble = await async_connect(session, ServerSettings("http://127.0.0.1:8080"),
                               "selector.gguf", "domotics.gguf")            # llama-server
decision = ensemble.decide("apaga la luz del salón", VoteSettings(n_votes=3))
decision.route, decision.votes, decision.command   # "domotics", (...), "LUZ_SL OFF"

engine = AsyncEngine(ensemble, executor)   # what the agent holds: async, cached
decision = await engine.async_decide("apaga la luz del salón")

Importing this package imports neither llama-cpp-python nor aiohttp: `LlamaModel` and the server
backend are loaded on first use, so the engine works where that binding cannot be installed
(Home Assistant OS), and the workshop imports the engine without aiohttp.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .backend import DECISION_CACHE_SIZE, AsyncEngine, DecisionEngine
from .decoding import MAX_SEQUENCES, Sampling, request_seed
from .ensemble import (
    ENGINE_IN_PROCESS,
    ENGINE_NUMPY,
    ENGINE_SERVER,
    ROUTE_DOMOTICS,
    ROUTE_NONE,
    ROUTE_WEATHER,
    Decision,
    Ensemble,
    Timings,
    VoteSettings,
    vote_command,
)
from .errors import (
    DecodeFailed,
    EngineError,
    ModelError,
    ModelFileMissing,
    ModelLoadFailed,
    NotEnsembleModel,
    NotGgufFile,
    ServerBadResponse,
    ServerError,
    ServerTimedOut,
    ServerUnreachable,
    ServerWrongModel,
    WrongModelRole,
)
from .metadata import CatalogEntry, ModelInfo
from .model_file import ModelBackend, ModelFile
from .vote import majority

if TYPE_CHECKING:
    from .llama_model import LlamaModel
    from .numpy_model import NumpyModel
    from .server import ServerSettings, async_connect


def __getattr__(name: str) -> Any:
    """Import `LlamaModel` (llama-cpp-python), `NumpyModel` and the server backend (aiohttp) only when asked for.

    The workshop imports this package where neither is installed.
    """
    if name == "LlamaModel":
        from .llama_model import LlamaModel

        return LlamaModel
    if name == "NumpyModel":
        from .numpy_model import NumpyModel

        return NumpyModel
    if name in ("async_connect", "ServerSettings"):
        from . import server

        return getattr(server, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DECISION_CACHE_SIZE",
    "ENGINE_IN_PROCESS",
    "ENGINE_NUMPY",
    "ENGINE_SERVER",
    "MAX_SEQUENCES",
    "ROUTE_DOMOTICS",
    "ROUTE_NONE",
    "ROUTE_WEATHER",
    "AsyncEngine",
    "CatalogEntry",
    "Decision",
    "DecisionEngine",
    "DecodeFailed",
    "EngineError",
    "Ensemble",
    "LlamaModel",
    "ModelBackend",
    "ModelError",
    "ModelFile",
    "ModelFileMissing",
    "ModelInfo",
    "ModelLoadFailed",
    "NotEnsembleModel",
    "NotGgufFile",
    "NumpyModel",
    "Sampling",
    "ServerBadResponse",
    "ServerError",
    "ServerSettings",
    "ServerTimedOut",
    "ServerUnreachable",
    "ServerWrongModel",
    "Timings",
    "VoteSettings",
    "WrongModelRole",
    "async_connect",
    "majority",
    "request_seed",
    "vote_command",
]
