"""The words of a request as said: each word's plain form (as the models read it) and its place.

The modules that cut a request apart (several orders, corrections, repairs) read the plain words
and cut the text as said, accents and capitals kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .engine.text import normalize_lower_ascii

WORD = re.compile(r"\w+")
PAUSE = re.compile(r"[,;:.!?…—]")  # a comma, a colon, the end of a sentence, a dash
SENTENCE_END = re.compile(r"[.?!]")
OBJECT_PRONOUNS = ("la", "lo", "las", "los")  # "apágala", "los leds enciéndelos": the object said first
OF = frozenset({"de", "del"})  # "la de la escalera": a thing whose noun is left out


@dataclass(frozen=True)
class SaidWord:
    """One word: lower case without accents, and where it stands in the text."""

    plain: str
    start: int
    end: int

    def said(self, text: str) -> str:
        """The word as said in the text it was read from (accents and capitals kept)."""
        return text[self.start : self.end]


def said_words(text: str) -> list[SaidWord]:
    """Each word of the text, in order."""
    return [SaidWord(normalize_lower_ascii(m.group()), m.start(), m.end()) for m in WORD.finditer(text)]


def paused(text: str, before: SaidWord, word: SaidWord) -> bool:
    """Whether a pause (a comma, the end of a sentence…) stands between two words."""
    return PAUSE.search(text[before.end : word.start]) is not None
