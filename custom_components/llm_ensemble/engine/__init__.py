"""The brain of LLM Ensemble: plain Python over llama.cpp, no Home Assistant.

ensemble = Ensemble.load("selector.gguf", "domotics.gguf")
decision = ensemble.decide("apaga la luz del salón", VoteSettings(n_votes=3))
decision.route, decision.votes, decision.command   # "domotics", (...), "LUZ_SL OFF"
"""

from .ensemble import ROUTE_DOMOTICS, ROUTE_NONE, ROUTE_WEATHER, Decision, Ensemble, Timings, VoteSettings
from .errors import (
    DecodeFailed,
    EngineError,
    ModelError,
    ModelFileMissing,
    ModelLoadFailed,
    NotEnsembleModel,
    NotGgufFile,
    WrongModelRole,
)
from .llama_model import MAX_SEQUENCES, LlamaModel
from .metadata import CatalogEntry, ModelInfo
from .sampling import Sampling
from .vote import majority

__all__ = [
    "MAX_SEQUENCES",
    "ROUTE_DOMOTICS",
    "ROUTE_NONE",
    "ROUTE_WEATHER",
    "CatalogEntry",
    "Decision",
    "DecodeFailed",
    "EngineError",
    "Ensemble",
    "LlamaModel",
    "ModelError",
    "ModelFileMissing",
    "ModelInfo",
    "ModelLoadFailed",
    "NotEnsembleModel",
    "NotGgufFile",
    "Sampling",
    "Timings",
    "VoteSettings",
    "WrongModelRole",
    "majority",
]
