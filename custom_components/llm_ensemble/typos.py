"""Typo-tolerant word matching: "bomilla" is "bombilla", "ebita" is "evita".

People type in a hurry and speech recognisers mishear; one slip (a letter dropped, added, changed,
or two swapped) still names the word. Short words are matched exactly: one slip turns "sal" into
"sol" or "mal".
"""

from __future__ import annotations

from collections.abc import Collection

MIN_LETTERS = 4  # words shorter than this must match exactly


def one_slip_apart(said: str, known: str) -> bool:
    """Whether `said` is `known` with at most one letter dropped, added, changed, or two swapped."""
    if said == known:
        return True
    if min(len(said), len(known)) < MIN_LETTERS or abs(len(said) - len(known)) > 1:
        return False
    if len(said) == len(known):
        diff = [i for i, (a, b) in enumerate(zip(said, known, strict=True)) if a != b]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and said[diff[0]] + said[diff[1]] == known[diff[1]] + known[diff[0]]
        )
    shorter, longer = sorted((said, known), key=len)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


def near_any(word: str, words: Collection[str]) -> bool:
    """Whether the word is one of `words`, or one slip from one of them."""
    return word in words or any(one_slip_apart(word, other) for other in words)
