"""The vote: a command wins only with a strict majority of the sequences."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence


def majority(answers: Sequence[str | None], unanimous: bool = False) -> str | None:
    """The answer given by at least floor(N/2)+1 of N sequences (all N if unanimous), else None.

    None entries (a sequence that produced no valid answer) count towards N but never win.
    """
    if not answers:
        return None
    needed = len(answers) if unanimous else len(answers) // 2 + 1
    counts = Counter(a for a in answers if a is not None)
    for answer, votes in counts.most_common(1):
        if votes >= needed:
            return answer
    return None
