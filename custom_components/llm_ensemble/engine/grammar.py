"""A GBNF grammar that only admits the model's own answers, built from its metadata.

The answers are written as a prefix tree ("LUZ_SL ON" and "LUZ_SL OFF" share " LUZ_SL O"): llama.cpp
checks every vocabulary token against every live alternative at each step, so a flat list of 36
alternatives costs several times more than a tree, where most tokens fail on their first letter.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    terminal: bool = False


def _literal(text: str) -> str:
    """A GBNF string literal (json.dumps gives the escapes GBNF understands)."""
    return json.dumps(text, ensure_ascii=False)


def _expression(node: _Node) -> str:
    alternatives = []
    for char, first in sorted(node.children.items()):
        label, tail = char, first
        while len(tail.children) == 1 and not tail.terminal:  # compress single-child chains
            ((next_char, tail),) = tail.children.items()
            label += next_char
        rest = _expression(tail)
        alternatives.append(f"{_literal(label)} {rest}".rstrip())
    if not alternatives:
        return ""
    body = " | ".join(alternatives)
    if node.terminal:
        return f"({body})?"
    return f"({body})" if len(alternatives) > 1 else body


def answers_grammar(answers: Iterable[str]) -> str:
    """Root ::= the answers, each after the one space that follows the prompt, as a prefix tree."""
    root = _Node()
    for answer in set(answers):
        node = root
        for char in " " + answer:
            node = node.children.setdefault(char, _Node())
        node.terminal = True
    if not root.children:
        raise ValueError("a grammar needs at least one answer")
    return f"root ::= {_expression(root)}\n"
