"""The answers as a token filter: which tokens may come next, for the NumPy engine.

llama.cpp holds a sequence to the model's answers with a GBNF grammar (grammar.py). Here the same
rule is a lookup: a token may follow the text generated so far when the two together still begin
one of the answers (each after the one space that follows the prompt); the end-of-generation token
only when the text is a whole answer. The few hundred prefixes of the answers each get their mask
once, when the constraint is built.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence

import numpy as np
import numpy.typing as npt

from .text import NAMING_MAX_WORDS, NAMING_WORD


class TokenFilter(ABC):
    """Which tokens may follow an answer's text so far."""

    @abstractmethod
    def allows(self, text: str, token: int) -> bool:
        """Whether `token` may follow `text` (the answer generated so far)."""

    @abstractmethod
    def mask(self, text: str) -> npt.NDArray[np.bool_]:
        """Every token's `allows(text, token)`, as one boolean array over the vocabulary."""


class AnswerConstraint(TokenFilter):
    """The tokens each prefix of a list of answers allows next."""

    def __init__(self, answers: Iterable[str], pieces: Sequence[str], end_tokens: Iterable[int]) -> None:
        """Index the answers (as generated: after one space) and each token's text."""
        self.targets = frozenset(" " + a for a in answers)
        if not self.targets:
            raise ValueError("a constraint needs at least one answer")
        self.prefixes = frozenset(t[:i] for t in self.targets for i in range(len(t) + 1))
        self.pieces = list(pieces)
        self.end_tokens = frozenset(end_tokens)
        # Only tokens whose text occurs in some answer can ever be allowed.
        self._candidates = [t for t, p in enumerate(self.pieces) if p and any(p in a for a in self.targets)]
        self._masks = {prefix: self._build_mask(prefix) for prefix in self.prefixes}

    def allows(self, text: str, token: int) -> bool:
        """Whether `token` may follow `text` (the answer generated so far)."""
        if token in self.end_tokens:
            return text in self.targets
        piece = self.pieces[token]
        return bool(piece) and text + piece in self.prefixes

    def mask(self, text: str) -> npt.NDArray[np.bool_]:
        """Every token's `allows(text, token)`, as one boolean array over the vocabulary."""
        mask = self._masks.get(text)
        return mask if mask is not None else np.zeros(len(self.pieces), bool)

    def _build_mask(self, text: str) -> npt.NDArray[np.bool_]:
        mask = np.zeros(len(self.pieces), bool)
        for token in (*self._candidates, *self.end_tokens):
            mask[token] = self.allows(text, token)
        return mask


class NamingFilter(TokenFilter):
    """The naming answers' tokens: four masks, chosen by where the text is."""

    def __init__(self, actions: Sequence[str], nothing: str, pieces: Sequence[str], end_tokens: Iterable[int]) -> None:
        """Sort the vocabulary once: which pieces begin an answer, begin a word, go on with one."""
        self.actions = frozenset(actions)
        self.nothing = " " + nothing
        self.max_words = NAMING_MAX_WORDS
        self.end_tokens = frozenset(end_tokens)
        self.pieces = list(pieces)
        size = len(self.pieces)
        self.heads = {" " + a for a in (*actions, nothing)}
        self.start = np.zeros(size, bool)
        self.word_start = np.zeros(size, bool)
        self.word_any = np.zeros(size, bool)
        for token, piece in enumerate(self.pieces):
            self.start[token] = bool(piece) and any(h.startswith(piece) for h in self.heads)
            self.word_start[token] = piece.startswith(" ") and bool(NAMING_WORD.fullmatch(piece[1:]))
            self.word_any[token] = self.word_start[token] or bool(NAMING_WORD.fullmatch(piece))
        self.ends = np.zeros(size, bool)
        for token in self.end_tokens:
            self.ends[token] = True
        self.in_words: npt.NDArray[np.bool_] = self.word_any | self.ends
        self.last_word: npt.NDArray[np.bool_] = (self.word_any & ~self.word_start) | self.ends  # no new word

    def mask(self, text: str) -> npt.NDArray[np.bool_]:
        """The tokens allowed after `text`."""
        if not text:
            return self.start
        if text == self.nothing:
            return self.ends
        head, _, rest = text[1:].partition(" ")
        if head not in self.actions:  # within the first word: what goes on towards a head
            return self._towards_head(text)
        words = rest.split(" ") if rest else []
        if not words:
            return self.word_start
        return self.last_word if len(words) >= self.max_words else self.in_words

    def _towards_head(self, text: str) -> npt.NDArray[np.bool_]:
        return np.array([bool(p) and any(h.startswith(text + p) for h in self.heads) for p in self.pieces])

    def allows(self, text: str, token: int) -> bool:
        """Whether `token` may follow `text`."""
        return bool(self.mask(text)[token])
