"""The words of a request as said: each word's plain form (as the models read it) and its place.

The modules that cut a request apart (several orders, corrections, repairs) read the plain words
and cut the text as said, accents and capitals kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .engine.text import normalize_lower_ascii

WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class SaidWord:
    """One word: lower case without accents, and where it stands in the text."""

    plain: str
    start: int
    end: int


def said_words(text: str) -> list[SaidWord]:
    """Each word of the text, in order."""
    return [SaidWord(normalize_lower_ascii(m.group()), m.start(), m.end()) for m in WORD.finditer(text)]
