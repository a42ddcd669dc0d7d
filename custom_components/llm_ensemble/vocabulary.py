"""Spanish words Home Assistant already knows, read from the installed `home-assistant-intents`.

Every Home Assistant installs that package for its built-in agent; its Spanish lists are written
in hassil's template syntax ("(naranja|anaranjado)", "encendid(o|a)[s]"). The agent reads them as
installed, never a copy, so it learns what the built-in agent learns.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

from .engine.text import normalize_lower_ascii

_LOGGER = logging.getLogger(__name__)
LANGUAGE = "es"


@lru_cache(maxsize=1)
def _spanish() -> dict[str, Any]:
    """The package's Spanish data, or nothing where it cannot be read (the agent's own words remain)."""
    try:
        from home_assistant_intents import get_intents
    except ImportError:
        _LOGGER.debug("home-assistant-intents is not installed; only the agent's own words are used")
        return {}
    return get_intents(LANGUAGE) or {}


def expand(template: str) -> set[str]:
    """Every text a template says: "(a|b)" one of them, "[x]" x or nothing; nested as written."""
    texts, rest = _sequence(template, 0)
    if rest != len(template):
        raise ValueError(f"unbalanced template: {template!r}")
    return texts


def _sequence(template: str, i: int) -> tuple[set[str], int]:
    """The texts from position i up to the end of the group it is in (a "|", ")" or "]")."""
    texts = {""}
    while i < len(template) and template[i] not in "|)]":
        if template[i] in "([":
            closing = ")" if template[i] == "(" else "]"
            options, i = _alternatives(template, i + 1, closing)
            if closing == "]":
                options.add("")
        else:
            j = i
            while j < len(template) and template[j] not in "()[]|":
                j += 1
            options, i = {template[i:j]}, j
        texts = {a + b for a in texts for b in options}
    return texts, i


def _alternatives(template: str, i: int, closing: str) -> tuple[set[str], int]:
    options: set[str] = set()
    while True:
        texts, i = _sequence(template, i)
        options |= texts
        if i >= len(template):
            raise ValueError(f"unbalanced template: {template!r}")
        if template[i] == "|":
            i += 1
            continue
        if template[i] != closing:
            raise ValueError(f"unbalanced template: {template!r}")
        return options, i + 1


@lru_cache(maxsize=8)
def list_words(name: str, out: str | None = None) -> frozenset[str]:
    """The words of one of the package's Spanish lists, as the models read them ("marron").

    `out`: only the values that stand for it ("light" in `on_off_domains`: "luz", "luces").
    """
    values = _spanish().get("lists", {}).get(name, {}).get("values", [])
    words: set[str] = set()
    for value in values:
        said = value.get("in") if isinstance(value, dict) else value
        if isinstance(said, str) and (out is None or (isinstance(value, dict) and value.get("out") == out)):
            words |= {normalize_lower_ascii(text) for text in expand(said)}
    return frozenset(w for w in words if w and " " not in w)


def intents_colours() -> frozenset[str]:
    """The colours Home Assistant's Spanish sentences know ("rojo", "anaranjado", "marrón")."""
    return list_words("color")


def domain_words() -> frozenset[str]:
    """The words Home Assistant's Spanish sentences read as a whole domain: "luz", "ventiladores"."""
    return list_words("on_off_domains")


def light_words() -> frozenset[str]:
    """Home Assistant's Spanish word for the light domain itself: "luz", "luces"."""
    return list_words("on_off_domains", "light")


@lru_cache(maxsize=8)
def rule_words(name: str) -> frozenset[str]:
    """The one-word texts of one of the package's Spanish expansion rules ("sube": "sube", "aumenta")."""
    rule = _spanish().get("expansion_rules", {}).get(name)
    texts = expand(rule) if isinstance(rule, str) and "<" not in rule else set()
    return frozenset(w for w in map(normalize_lower_ascii, texts) if w and " " not in w)


@lru_cache(maxsize=4)
def list_values(name: str) -> dict[str, int]:
    """The texts of one of the package's Spanish lists and the number each stands for ("tope": 100)."""
    values = _spanish().get("lists", {}).get(name, {}).get("values", [])
    said: dict[str, int] = {}
    for value in values:
        if isinstance(value, dict) and isinstance(value.get("in"), str) and isinstance(value.get("out"), int):
            said |= {normalize_lower_ascii(text): value["out"] for text in expand(value["in"]) if text}
    return said


@lru_cache(maxsize=1)
def number_words() -> dict[str, int]:
    """Spanish numbers from 0 to 100 in words ("cuarenta y cinco": 45), as Home Assistant spells them.

    Read with `unicode_rbnf`, which Home Assistant's sentence matcher installs; none where it is missing.
    """
    try:
        from unicode_rbnf import RbnfEngine
    except ImportError:
        _LOGGER.debug("unicode_rbnf is not installed; numbers are read in digits only")
        return {}
    engine = RbnfEngine.for_language(LANGUAGE)
    words: dict[str, int] = {}
    for number in range(101):
        spelled = engine.format_number(number)
        words |= {normalize_lower_ascii(text): number for text in (spelled.text, *spelled.text_by_ruleset.values())}
    return words


def read_vocabulary() -> None:
    """Read and expand every list the agent uses, once (blocking I/O: call it in the executor)."""
    intents_colours()
    domain_words()
    light_words()
    number_words()
