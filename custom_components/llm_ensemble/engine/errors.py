"""Typed errors: each says what is wrong with which file, so the UI can put it on the right field."""

from __future__ import annotations

from pathlib import Path


class EngineError(Exception):
    """Base class of everything the engine raises on purpose."""


class ModelError(EngineError):
    """A model file cannot be used; `reason` is a stable key for translations."""

    reason = "model_error"

    def __init__(self, path: Path | str, detail: str) -> None:
        super().__init__(f"{path}: {detail}")
        self.path = Path(path)
        self.detail = detail


class ModelFileMissing(ModelError):
    reason = "model_missing"


class NotGgufFile(ModelError):
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
