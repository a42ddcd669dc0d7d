"""The agent's behaviour, read from the entry's options."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .const import (
    CONF_ENTITY_MAP,
    CONF_FALLBACK,
    CONF_RECORD_TEXTS,
    CONF_TEMPERATURE,
    CONF_VOTE_RULE,
    CONF_VOTES,
    CONF_WEATHER_ENTITY,
    DEFAULT_FALLBACK,
    DEFAULT_TEMPERATURE,
    DEFAULT_VOTE_RULE,
    DEFAULT_VOTES,
    VOTE_RULE_UNANIMOUS,
)
from .engine import VoteSettings


@dataclass(frozen=True)
class Settings:
    """The agent's behaviour, from the entry's options with defaults for what is unset."""

    votes: int = DEFAULT_VOTES
    vote_rule: str = DEFAULT_VOTE_RULE
    temperature: float = DEFAULT_TEMPERATURE
    weather_entity: str | None = None
    fallback: bool = DEFAULT_FALLBACK
    entity_map: Mapping[str, str | None] = field(default_factory=dict)
    record_texts: bool = False

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> Settings:
        """Read the options flow's values; an option never saved keeps its default."""
        return cls(
            votes=int(options.get(CONF_VOTES, DEFAULT_VOTES)),
            vote_rule=str(options.get(CONF_VOTE_RULE, DEFAULT_VOTE_RULE)),
            temperature=float(options.get(CONF_TEMPERATURE, DEFAULT_TEMPERATURE)),
            weather_entity=options.get(CONF_WEATHER_ENTITY) or None,
            fallback=bool(options.get(CONF_FALLBACK, DEFAULT_FALLBACK)),
            entity_map=dict(options.get(CONF_ENTITY_MAP, {})),
            record_texts=bool(options.get(CONF_RECORD_TEXTS, False)),
        )

    @property
    def vote(self) -> VoteSettings:
        """The engine's view of these settings: how many votes, how hot, and how many must agree."""
        return VoteSettings(
            n_votes=self.votes, temperature=self.temperature, unanimous=self.vote_rule == VOTE_RULE_UNANIMOUS
        )
