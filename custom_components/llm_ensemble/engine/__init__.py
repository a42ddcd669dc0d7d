"""The brain of LLM Ensemble: plain Python over llama.cpp, no Home Assistant.

Two engines, one interface (backend.DecisionEngine), the same Decision:

ensemble = Ensemble.load("selector.gguf", "domotics.gguf")          # in-process (llama-cpp-python)
decision = ensemble.decide("apaga la luz del salón", VoteSettings(n_votes=3))
decision.route, decision.votes, decision.command   # "domotics", (...), "LUZ_SL OFF"

engine = await ServerEnsemble.async_connect(session, ServerSettings("http://127.0.0.1:8080"),
                                            "selector.gguf", "domotics.gguf")   # llama-server
decision = await engine.async_decide("apaga la luz del salón")

Importing this package imports neither llama-cpp-python nor aiohttp: `LlamaModel` and the server
engine are loaded on first use, so the server engine works where that binding cannot be installed
(Home Assistant OS), and the workshop imports the engine without aiohttp.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .backend import ENGINE_IN_PROCESS, ENGINE_SERVER, DecisionEngine, InProcessEngine
from .decoding import MAX_SEQUENCES, Sampling, request_seed
from .ensemble import (
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
from .vote import majority

if TYPE_CHECKING:
    from .llama_model import LlamaModel
    from .server import ServerEnsemble, ServerSettings


def __getattr__(name: str) -> Any:
    """Import `LlamaModel` (llama-cpp-python) and the server engine (aiohttp) only when asked for.

    The workshop imports this package where neither is installed.
    """
    if name == "LlamaModel":
        from .llama_model import LlamaModel

        return LlamaModel
    if name in ("ServerEnsemble", "ServerSettings"):
        from . import server

        return getattr(server, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "ENGINE_IN_PROCESS",
    "ENGINE_SERVER",
    "MAX_SEQUENCES",
    "ROUTE_DOMOTICS",
    "ROUTE_NONE",
    "ROUTE_WEATHER",
    "CatalogEntry",
    "Decision",
    "DecisionEngine",
    "DecodeFailed",
    "EngineError",
    "Ensemble",
    "InProcessEngine",
    "LlamaModel",
    "ModelError",
    "ModelFileMissing",
    "ModelInfo",
    "ModelLoadFailed",
    "NotEnsembleModel",
    "NotGgufFile",
    "Sampling",
    "ServerBadResponse",
    "ServerEnsemble",
    "ServerError",
    "ServerSettings",
    "ServerTimedOut",
    "ServerUnreachable",
    "ServerWrongModel",
    "Timings",
    "VoteSettings",
    "WrongModelRole",
    "majority",
    "request_seed",
    "vote_command",
]
