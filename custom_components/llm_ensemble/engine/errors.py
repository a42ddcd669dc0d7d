"""Typed errors: each says what is wrong with which file, so the UI can put it on the right field."""

from __future__ import annotations

from pathlib import Path


class EngineError(Exception):
    """Base class of everything the engine raises on purpose."""

    reason = "engine_error"


class ModelError(EngineError):
    """A model file cannot be used; `reason` is a stable key for translations."""

    reason = "model_error"

    def __init__(self, path: Path | str, detail: str) -> None:
        """Name the file and what is wrong with it."""
        super().__init__(f"{path}: {detail}")
        self.path = Path(path)
        self.detail = detail


class ModelFileMissing(ModelError):
    """The model file does not exist."""

    reason = "model_missing"


class NotGgufFile(ModelError):
    """The file is not a GGUF file (wrong magic bytes)."""

    reason = "not_gguf"


class ModelLoadFailed(ModelError):
    """llama.cpp refused the file (truncated, corrupt, unsupported architecture...)."""

    reason = "load_failed"


class NotEnsembleModel(ModelError):
    """A valid GGUF, but without this project's `llm_ensemble.*` metadata."""

    reason = "not_ensemble_model"


class WrongModelRole(ModelError):
    """An LLM Ensemble model, but a selector where a domotics model is expected (or the reverse)."""

    reason = "wrong_role"


class DecodeFailed(EngineError):
    """llama_decode returned an error (should not happen with the sizes the engine chooses)."""


class ServerError(EngineError):
    """A llama.cpp server cannot serve this request; `reason` is a stable key for translations.

    The message names the server (its URL) and what went wrong, never the request's text.
    """

    reason = "server_error"

    def __init__(self, url: str, detail: str) -> None:
        """Name the server and what went wrong."""
        super().__init__(f"{url}: {detail}")
        self.url = url
        self.detail = detail


class ServerUnreachable(ServerError):
    """No connection: nothing listens at the URL, the host is unknown, or the server went away."""

    reason = "server_unreachable"


class ServerTimedOut(ServerError):
    """The server took longer than the engine's timeout to answer."""

    reason = "server_timeout"


class ServerWrongModel(ServerError):
    """The server answers, but not with the model file this engine expects."""

    reason = "server_wrong_model"


class ServerBadResponse(ServerError):
    """The server answered with an error status or something that is not a completion."""

    reason = "server_bad_response"
