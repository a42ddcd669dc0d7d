"""A GBNF grammar that only admits the model's own answers, built from its metadata."""

from __future__ import annotations

import json
from collections.abc import Iterable


def answers_grammar(answers: Iterable[str]) -> str:
    """root ::= " LUZ_SL ON" | " LUZ_SL OFF" | ... (answers follow the prompt after one space).

    json.dumps gives a double-quoted literal with the escapes GBNF understands.
    """
    alternatives = " | ".join(json.dumps(" " + a, ensure_ascii=False) for a in sorted(set(answers)))
    if not alternatives:
        raise ValueError("a grammar needs at least one answer")
    return f"root ::= {alternatives}\n"
