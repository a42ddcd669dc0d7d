"""The answers grammar as a token filter: which tokens may come next, for the NumPy engine.

llama.cpp holds a sequence to the model's answers with a GBNF grammar (grammar.py). Here the same
rule is a lookup: a token may follow the text generated so far when the two together still begin
one of the answers (each after the one space that follows the prompt); the end-of-generation token
only when the text is a whole answer. The few hundred prefixes of the answers each get their mask
once, when the constraint is built.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import numpy.typing as npt


class AnswerConstraint:
    """The tokens each prefix of the answers allows next."""

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
