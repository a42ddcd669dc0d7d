"""A refusal, then the order meant: "la cafetera no, apaga la freidora".

People correct themselves, or answer a question, before they give the order: "no, apaga la luz",
"la cafetera no, apaga la freidora", "no enciendas la lámpara grande, solo la de pie". Read whole,
the negation seems to govern the verb and the request is refused. The order meant is the one after
the pause; the part before it asks for nothing to be switched, so nothing is done with it.
"""

from __future__ import annotations

import re

from .engine.text import normalize_lower_ascii
from .morphology import DETERMINERS, tag

PAUSE = re.compile(r"\s*[,;.:]\s*")
WORD = re.compile(r"\w+")
# "no enciendas la grande, solo la de pie": the same verb, another thing.
ONLY = ("solo", "solamente", "unicamente", "nada mas")


def order_meant(text: str) -> str | None:
    """The order after a refusal, said alone; None where the request is no such correction.

    - "la cafetera no, apaga la freidora" -> "apaga la freidora" (a refusal without a verb, then an
      order begun by its on/off verb);
    - "no enciendas la lámpara grande, solo la lámpara de pie" -> "enciendas la lámpara de pie"
      (a negated order, then "solo" and another thing: the same verb).
    """
    pauses = list(PAUSE.finditer(text))
    if len(pauses) != 1 or pauses[0].end() >= len(text):
        return None
    before, after = text[: pauses[0].start()], text[pauses[0].end() :]
    said_before = [normalize_lower_ascii(w) for w in WORD.findall(before)]
    words_after = list(WORD.finditer(after))
    said_after = [normalize_lower_ascii(w.group()) for w in words_after]
    if not said_before or not said_after or not any(tag(w).negation for w in said_before):
        return None
    verbs = [w for w in WORD.findall(before) if tag(normalize_lower_ascii(w)).order_verb]
    if not verbs and tag(said_after[0]).order_verb:
        return after.strip()
    only = next((len(o.split()) for o in ONLY if said_after[: len(o.split())] == o.split()), 0)
    if len(verbs) == 1 and only and len(said_after) > only + 1 and said_after[only] in DETERMINERS:
        return f"{verbs[0]} {after[words_after[only].start() :].strip()}"
    return None
