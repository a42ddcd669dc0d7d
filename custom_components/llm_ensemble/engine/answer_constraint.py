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

    def __init__(
        self,
        actions: Sequence[str],
        nothing: str,
        pieces: Sequence[str],
        end_tokens: Iterable[int],
        max_words: int = NAMING_MAX_WORDS,
    ) -> None:
        """Sort the vocabulary once: which pieces begin an answer, begin a word, go on with one."""
        self.actions = frozenset(actions)
        self.nothing = " " + nothing
        self.max_words = max_words
        self.end_tokens = frozenset(end_tokens)
        self.pieces = list(pieces)
        size = len(self.pieces)
        self.heads = {" " + a for a in (*actions, nothing)}
        self.start = np.zeros(size, bool)
        self.word_start = np.zeros(size, bool)
        self.word_any = np.zeros(size, bool)
        for token, piece in enumerate(self.pieces):
            self.start[token] = bool(piece) and any(h.startswith(piece) for h in self.heads)
            # A word begins with its space: " luz", or the lone space piece before "il"+"uminacion".
            self.word_start[token] = piece == " " or (piece.startswith(" ") and bool(NAMING_WORD.fullmatch(piece[1:])))
            self.word_any[token] = self.word_start[token] or bool(NAMING_WORD.fullmatch(piece))
        self.word_cont: npt.NDArray[np.bool_] = self.word_any & ~self.word_start  # what goes on with a word begun
        self.ends = np.zeros(size, bool)
        for token in self.end_tokens:
            self.ends[token] = True
        self.in_words: npt.NDArray[np.bool_] = self.word_any | self.ends
        self.last_word: npt.NDArray[np.bool_] = self.word_cont | self.ends  # no new word
        self.index = {piece: token for token, piece in enumerate(self.pieces) if piece}

    def mask(self, text: str) -> npt.NDArray[np.bool_]:
        """The tokens allowed after `text`."""
        if not text:
            return self.start
        if text == self.nothing:
            return self.ends
        head = text[1:].split(" ", 1)[0]
        if head not in self.actions:  # within the first word: what goes on towards a head
            return self._towards_head(text)
        tail = text[1 + len(head) :]  # "", or " lampara de pi": each word after its space
        if not tail:
            return self.word_start
        return self._within(tail[1:].split(" "))

    def _within(self, words: list[str]) -> npt.NDArray[np.bool_]:
        """After some naming words, the last maybe unfinished (empty right after its space)."""
        if not words[-1]:
            return self.word_cont
        return self.last_word if len(words) >= self.max_words else self.in_words

    def _towards_head(self, text: str) -> npt.NDArray[np.bool_]:
        return np.array([bool(p) and any(h.startswith(text + p) for h in self.heads) for p in self.pieces])

    def allows(self, text: str, token: int) -> bool:
        """Whether `token` may follow `text`."""
        return bool(self.mask(text)[token])


class CopyingFilter(NamingFilter):
    """Naming answers whose words are words of the request: a name is copied, never made up.

    Built for each request from the filter of its model (whose vocabulary scan it shares): the
    pieces that begin each word, and those that go on with one, are looked up, not searched for.
    """

    def __init__(self, base: NamingFilter, words: Iterable[str], max_words: int) -> None:
        """Share the base filter's masks; allow only the pieces that spell the request's words."""
        self.__dict__.update(base.__dict__)
        self.words = frozenset(words)
        self.max_words = max_words
        self.word_start = np.zeros(len(self.pieces), bool)
        if (space := self.index.get(" ")) is not None:
            self.word_start[space] = True
        for word in self.words:
            for size in range(1, len(word) + 1):
                if (token := self.index.get(" " + word[:size])) is not None:
                    self.word_start[token] = True
        self._masks: dict[tuple[str, bool], npt.NDArray[np.bool_]] = {}

    def _within(self, words: list[str]) -> npt.NDArray[np.bool_]:
        partial, room = words[-1], len(words) < self.max_words
        mask = self._masks.get((partial, room))
        if mask is None:
            mask = np.zeros(len(self.pieces), bool)
            for word in self.words:
                if word.startswith(partial):
                    for end in range(len(partial) + 1, len(word) + 1):
                        if (token := self.index.get(word[len(partial) : end])) is not None:
                            mask[token] = True
            if partial in self.words:
                mask |= self.ends
                if room:
                    mask |= self.word_start
            self._masks[(partial, room)] = mask
        return mask
