"""What a GGUF of this project says about itself (the `llm_ensemble.*` keys), as typed objects."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .answers import AnswerSpace, ListedAnswers, NamingAnswers
from .errors import NotEnsembleModel
from .text import NORMALIZERS

PREFIX = "llm_ensemble."
SUPPORTED_FORMAT = "1"
ANSWERS_LISTED = "listed"  # `CODE ACTION` of the catalog (and the selector's labels)
ANSWERS_NAMING = "naming"  # `ACTION words @ words`: the device and place as the request names them
ROLES = ("selector", "domotics")


@dataclass(frozen=True)
class CatalogEntry:
    """One device code of the domotics model's house, with its Spanish names."""

    code: str
    domain: str
    device: str
    room: str
    device_words: tuple[str, ...] = ()
    room_words: tuple[str, ...] = ()
    only_one: bool = False
    device_feminine: bool = False  # "la luz": the catalog's gender mark of the device's name
    room_feminine: bool = False  # "de la cocina"

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> CatalogEntry:
        """One entry of the `llm_ensemble.catalog` JSON."""
        return cls(
            code=str(raw["code"]),
            domain=str(raw["domain"]),
            device=str(raw["device"]),
            room=str(raw["room"]),
            device_words=tuple(str(w) for w in raw.get("device_words", ())),
            room_words=tuple(str(w) for w in raw.get("room_words", ())),
            only_one=bool(raw.get("only_one", False)),
            device_feminine=_is_feminine_mark(raw["device_gender"]),
            room_feminine=_is_feminine_mark(raw["room_gender"]),
        )


def _is_feminine_mark(mark: Any) -> bool:
    """A gender mark of the exported catalog: "f" or "m"; anything else is not this format."""
    if mark not in ("f", "m"):
        raise ValueError(f"gender mark {mark!r} is not 'f' or 'm'")
    return bool(mark == "f")


@dataclass(frozen=True)
class ModelInfo:
    """The self-description of one model file."""

    path: Path
    role: str
    language: str
    normalizer: str
    prompt_prefix: str
    prompt_suffix: str
    max_text_tokens: int | None = None  # the longest request (in tokens) the model was trained on
    labels: Mapping[str, str] = field(default_factory=dict)  # selector: answer -> route
    actions: tuple[str, ...] = ()  # domotics: ON, OFF
    catalog: tuple[CatalogEntry, ...] = ()  # domotics: the codes
    no_command: str | None = None  # domotics: its answer for "this is not a device command"
    state_action: str | None = None  # domotics: the action that asks a device's state (ESTADO)
    known_words: frozenset[str] = frozenset()  # domotics: every word of the device requests it trained on
    training: Mapping[str, Any] = field(default_factory=dict)
    answer_format: str = ANSWERS_LISTED  # domotics: catalog codes, or naming words (answers.py)

    @property
    def names_devices(self) -> bool:
        """Whether the domotics answers name devices and places in words, not by catalog codes."""
        return self.answer_format == ANSWERS_NAMING

    @property
    def answers(self) -> tuple[str, ...]:
        """Every answer the model may give, where they can be listed (none for naming answers)."""
        if self.role == "selector":
            return tuple(self.labels)
        if self.names_devices:
            return ()
        commands = tuple(f"{e.code} {a}" for e in self.catalog for a in self.actions)
        return (*commands, self.no_command) if self.no_command else commands

    @property
    def answer_space(self) -> AnswerSpace:
        """What decoding holds the model to."""
        if self.names_devices:
            return NamingAnswers(self.actions, self.no_command or "")
        return ListedAnswers(frozenset(self.answers))

    @property
    def commands(self) -> tuple[str, ...]:
        """The answers that name a device (domotics): every answer but `no_command`.

        That is each code's switching commands and its state question.
        """
        if self.role != "domotics":
            return ()
        return tuple(a for a in self.answers if a != self.no_command)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-friendly summary (diagnostics)."""
        return {
            "path": str(self.path),
            "role": self.role,
            "language": self.language,
            "normalizer": self.normalizer,
            "prompt": f"{self.prompt_prefix} <text> {self.prompt_suffix}",
            "labels": dict(self.labels),
            "actions": list(self.actions),
            "no_command": self.no_command,
            "state_action": self.state_action,
            "codes": [e.code for e in self.catalog],
            "known_words": len(self.known_words),
            "answer_format": self.answer_format,
            "training": dict(self.training),
        }


def parse_model_info(path: Path, meta: Mapping[str, str]) -> ModelInfo:
    """Build a ModelInfo from raw GGUF string metadata; NotEnsembleModel if anything is missing."""

    def get(key: str) -> str:
        try:
            return meta[PREFIX + key]
        except KeyError:
            raise NotEnsembleModel(path, f"no '{PREFIX}{key}' metadata: not an LLM Ensemble model") from None

    def get_json(key: str) -> Any:
        try:
            return json.loads(get(key))
        except json.JSONDecodeError as err:
            raise NotEnsembleModel(path, f"'{PREFIX}{key}' is not valid JSON: {err}") from None

    fmt = get("format")
    if fmt != SUPPORTED_FORMAT:
        raise NotEnsembleModel(path, f"metadata format {fmt!r} is not supported (expected {SUPPORTED_FORMAT})")
    role = get("role")
    if role not in ROLES:
        raise NotEnsembleModel(path, f"unknown role {role!r}")
    normalizer = get("normalizer")
    if normalizer not in NORMALIZERS:
        raise NotEnsembleModel(path, f"unknown normalizer {normalizer!r}")
    common = {
        "path": path,
        "role": role,
        "language": meta.get(PREFIX + "language", "es"),
        "normalizer": normalizer,
        "prompt_prefix": get("prompt_prefix"),
        "prompt_suffix": get("prompt_suffix"),
        "max_text_tokens": int(meta[PREFIX + "max_text_tokens"]) if PREFIX + "max_text_tokens" in meta else None,
        "training": json.loads(meta.get(PREFIX + "training", "{}")),
    }
    try:
        if role == "selector":
            labels = {str(k): str(v) for k, v in get_json("labels").items()}
            if not labels:
                raise NotEnsembleModel(path, "the selector's labels are empty: it has nothing to answer")
            return ModelInfo(**common, labels=labels)
        actions = tuple(str(a) for a in get_json("actions"))
        catalog = tuple(CatalogEntry.from_json(e) for e in get_json("catalog"))
        known_words = frozenset(str(w) for w in get_json("known_words"))
    except (AttributeError, KeyError, TypeError, ValueError) as err:
        raise NotEnsembleModel(path, f"malformed {role} metadata: {err!r}") from None
    answer_format = meta.get(PREFIX + "answer_format", ANSWERS_LISTED)
    if answer_format not in (ANSWERS_LISTED, ANSWERS_NAMING):
        raise NotEnsembleModel(path, f"unknown answer format {answer_format!r}")
    if not catalog or not actions:
        raise NotEnsembleModel(path, "the domotics catalog is empty")
    if not known_words and answer_format == ANSWERS_LISTED:
        raise NotEnsembleModel(path, "the domotics model lists no known words")
    if answer_format == ANSWERS_NAMING and not meta.get(PREFIX + "no_command"):
        raise NotEnsembleModel(path, "a naming model needs its answer for 'not a device command'")
    state_action = meta.get(PREFIX + "state_action")
    if state_action is not None and state_action not in actions:
        raise NotEnsembleModel(path, f"the state action {state_action!r} is not one of the actions {list(actions)}")
    return ModelInfo(
        **common,
        actions=actions,
        catalog=catalog,
        no_command=meta.get(PREFIX + "no_command"),
        state_action=state_action,
        known_words=known_words,
        answer_format=answer_format,
    )
