"""What decoding needs to know on either engine (in-process or server), without llama.cpp.

Kept apart from sampling.py and llama_model.py, which import llama-cpp-python: the server engine
and the Home Assistant side must load where that binding cannot be installed.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_SEQUENCES = 7  # the most sequences (votes) one request decodes together


@dataclass(frozen=True)
class Sampling:
    """How one sequence picks its tokens: greedy (temperature 0) or sampled with its own seed."""

    temperature: float = 0.0
    top_k: int = 40
    seed: int = 0


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
