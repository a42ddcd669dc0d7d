"""What a model may answer: a list of answers, or an action followed by naming words.

Every backend holds a sequence to its model's answers: llama.cpp with a GBNF grammar, the NumPy
decoder with a token filter, and all of them stop a sequence once its text is an answer nothing
extends. Two kinds of answers:

- **listed**: the selector's labels, a catalog model's `CODE ACTION`s: a fixed list;
- **naming**: `ON lampara de pie @ salon`: an action, then words as the request says them (the
  normalised request's lower-case letters and digits, and "@" before the place), or the model's
  answer for "not a device command" alone. Which home the words name is the body's business.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from .answer_constraint import AnswerConstraint, CopyingFilter, NamingFilter, TokenFilter
from .decoding import final_answers
from .grammar import answers_grammar
from .text import NAMING_MAX_WORDS, NAMING_WORD, PLACE_MARK


class AnswerSpace(ABC):
    """The answers of one model."""

    @abstractmethod
    def is_answer(self, text: str) -> bool:
        """Whether the (stripped) text is a whole answer."""

    @abstractmethod
    def is_final(self, text: str) -> bool:
        """Whether the text is an answer no longer answer extends: decoding stops there."""

    @abstractmethod
    def max_tokens(self, encode: Callable[[str], list[int]]) -> int:
        """How many tokens an answer may take, the end of generation included."""

    @abstractmethod
    def grammar(self) -> str:
        """The answers as a GBNF grammar (llama.cpp in process and llama-server)."""

    @abstractmethod
    def token_filter(self, pieces: Sequence[str], end_tokens: Iterable[int]) -> TokenFilter:
        """The answers as a token filter (the NumPy decoder)."""

    def for_request(self, normalized: str) -> AnswerSpace:
        """The answers to one request (its normalised text)."""
        return self

    def narrowed(self, base: TokenFilter) -> TokenFilter:
        """This space's filter, from the model's own `base` filter: the same unless narrowed to a request."""
        return base

    def finished(self, text: str, ended: bool) -> str | None:
        """The answer a sequence gave, or None.

        When it ended by itself (end of generation) any whole answer counts; when it was cut by
        the token limit, only an answer that nothing extends.
        """
        answer = text.strip()
        if self.is_answer(answer) and (ended or self.is_final(answer)):
            return answer
        return None


@dataclass(frozen=True)
class ListedAnswers(AnswerSpace):
    """A fixed list of answers."""

    answers: frozenset[str]

    def __post_init__(self) -> None:
        """A model with nothing to answer is no model of this project."""
        if not self.answers:
            raise ValueError("a model needs at least one answer")

    def is_answer(self, text: str) -> bool:
        """Whether the text is one of the answers."""
        return text in self.answers

    def is_final(self, text: str) -> bool:
        """Whether no longer answer extends it."""
        return text in self._finals

    @cached_property
    def _finals(self) -> frozenset[str]:
        """Worked out once: `is_final` is asked after every decoded token."""
        return final_answers(self.answers)

    def max_tokens(self, encode: Callable[[str], list[int]]) -> int:
        """The longest answer's tokens, plus the end of generation."""
        return 1 + max(len(encode(a)) for a in self.answers)

    def grammar(self) -> str:
        """The answers as a prefix tree."""
        return answers_grammar(self.answers)

    def token_filter(self, pieces: Sequence[str], end_tokens: Iterable[int]) -> TokenFilter:
        """The answers' prefixes, each with its mask."""
        return AnswerConstraint(self.answers, pieces, end_tokens)


@dataclass(frozen=True)
class NamingAnswers(AnswerSpace):
    """An action and the words that name a device and its place, or `nothing` alone."""

    actions: tuple[str, ...]
    nothing: str
    words: frozenset[str] = frozenset()  # the words an answer may copy (none: any word)
    max_words: int = NAMING_MAX_WORDS

    def for_request(self, normalized: str) -> NamingAnswers:
        """The answers to one request: its own words and the place mark, no more of them than it has."""
        said = normalized.split()
        return replace(self, words=frozenset(said) | {PLACE_MARK}, max_words=min(NAMING_MAX_WORDS, len(said) + 1))

    def is_answer(self, text: str) -> bool:
        """`nothing`, or an action and one to NAMING_MAX_WORDS naming words (the request's, if known)."""
        if text == self.nothing:
            return True
        action, *names = text.split(" ")
        if self.words and not set(names) <= self.words:
            return False
        return action in self.actions and 0 < len(names) <= self.max_words and all(map(NAMING_WORD.fullmatch, names))

    def is_final(self, text: str) -> bool:
        """Only `nothing` is final: naming words may always go on."""
        return text == self.nothing

    def max_tokens(self, encode: Callable[[str], list[int]]) -> int:
        """The action, the words (a few tokens each), and the end of generation."""
        return 2 + 2 * NAMING_MAX_WORDS

    def grammar(self) -> str:
        """Root ::= the nothing answer, or an action and words of letters, digits and "@"."""
        actions = " | ".join(json.dumps(" " + a) for a in self.actions)
        words = "(" + " | ".join(json.dumps(w) for w in sorted(self.words)) + ")" if self.words else "[a-z0-9@]+"
        nothing = json.dumps(" " + self.nothing)
        return f'root ::= {nothing} | ({actions}) word{{1,{self.max_words}}}\nword ::= " " {words}\n'

    def token_filter(self, pieces: Sequence[str], end_tokens: Iterable[int]) -> TokenFilter:
        """Masks for the start, after `nothing`, right after an action, and within the words."""
        return NamingFilter(self.actions, self.nothing, pieces, end_tokens, self.max_words)

    def narrowed(self, base: TokenFilter) -> TokenFilter:
        """The filter of this request's words, from the model's own filter (which it shares)."""
        if self.words and isinstance(base, NamingFilter):
            return CopyingFilter(base, self.words, self.max_words)
        return base
