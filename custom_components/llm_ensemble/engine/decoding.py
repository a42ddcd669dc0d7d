"""What decoding needs to know on every backend (NumPy, llama.cpp, llama-server), without llama.cpp.

Kept apart from sampling.py and llama_model.py, which import llama-cpp-python: the other backends
and the Home Assistant side must load where that binding cannot be installed.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

MAX_SEQUENCES = 7  # the most sequences (votes) one request decodes together
SEED_SPACE = 2**30  # llama.cpp reads the seed 0xFFFFFFFF as "pick one at random": stay far below it


@dataclass(frozen=True)
class Sampling:
    """How one sequence picks its tokens: greedy (temperature 0) or sampled with its own seed."""

    temperature: float = 0.0
    top_k: int = 40
    seed: int = 0


def request_seed(normalized: str) -> int:
    """The seed a request's votes start from: its own, drawn from its text.

    A seeded draw starts its random numbers again with each request, so with the same seeds for
    every request, vote i drew the same numbers every time and fell at about the same place of
    every answer's distribution: three fixed thresholds, not three samples (measured: of the
    validation file's split votes, 148 of 169 had the odd one out in the second vote). A seed of
    its own makes each request's votes a fresh draw, and the same request still draws the same
    votes, on every backend.
    """
    return zlib.crc32(normalized.encode("utf-8")) % SEED_SPACE


def final_answers(answers: frozenset[str]) -> frozenset[str]:
    """Answers after which decoding can stop: complete, and no longer answer continues them."""
    return frozenset(a for a in answers if not any(b != a and b.startswith(a) for b in answers))


def finished_answer(text: str, answers: frozenset[str], ended: bool) -> str | None:
    """The answer a sequence gave, or None.

    When it ended by itself (end of generation) any complete answer counts; when it was cut by the
    token limit, only an answer that nothing extends.
    """
    answer = text.strip()
    if answer in (answers if ended else final_answers(answers)):
        return answer
    return None
