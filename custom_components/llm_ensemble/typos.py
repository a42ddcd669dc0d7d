"""Typo-tolerant word matching: "bomilla" is "bombilla", "ebita" is "evita".

People type in a hurry and speech recognisers mishear; one slip (a letter dropped, added, changed,
or two swapped) still names the word. Short words are matched exactly: one slip turns "sal" into
"sol" or "mal".
"""

from __future__ import annotations

from functools import lru_cache

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
        first, second = diff[0], diff[-1]
        return len(diff) == 2 and second == first + 1 and said[first] + said[second] == known[second] + known[first]
    shorter, longer = sorted((said, known), key=len)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


@lru_cache(maxsize=32)
def _by_deletion(words: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """Each word under itself and under every form with one letter dropped.

    Two words one slip apart share one of these forms, so a look-up finds the few to compare.
    """
    index: dict[str, list[str]] = {}
    for word in words:
        for form in _deletions(word):
            index.setdefault(form, []).append(word)
    return {form: tuple(found) for form, found in index.items()}


def _deletions(word: str) -> set[str]:
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


def slips(word: str, words: frozenset[str]) -> set[str]:
    """The words of `words` that `word` is, or is one slip from."""
    index = _by_deletion(words)
    return {other for form in _deletions(word) for other in index.get(form, ()) if one_slip_apart(word, other)}


def near_any(word: str, words: frozenset[str]) -> bool:
    """Whether the word is one of `words`, or one slip from one of them."""
    return word in words or bool(slips(word, words))
