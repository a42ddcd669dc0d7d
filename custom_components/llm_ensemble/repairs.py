"""The order, then a repair: "enciende el flexo... digo, la lámpara de Lucía".

People take back what they have just said and say what they meant: "apaga la luz del baño, ay
no, la del espejo", "quita el riego, uy no, quería decir la fuente", "apaga el purificador, digo,
no, enciéndelo". Cut as two orders, both would be carried out. The order meant is the first
order's verb with the thing said after the words that take it back (its noun said again where
only "la de…" is said), or the new order, with the first order's thing where it says it by a
pronoun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from .morphology import DETERMINERS, agree_in_gender, tag
from .said_words import SaidWord, said_words

PAUSE = re.compile(r"[,;:.!?…—]")
# Words that take back what was said: "digo", "perdona", "quería decir", "mejor", "espera".
TAKE_BACK = frozenset({"digo", "perdona", "perdon", "perdone", "mejor", "espera", "decir"})
# Words said with them: "ay no", "bueno no", "no, perdona", "o sea", "quiero decir".
WITH_THEM = frozenset({"no", "ay", "uy", "bueno", "ah", "o", "sea", "quiero", "queria", "es"})
SAID_AGAIN = frozenset({("ay", "no"), ("uy", "no"), ("bueno", "no"), ("ah", "no"), ("o", "sea"), ("es", "decir")})
OBJECT_PRONOUNS = ("la", "lo", "las", "los")
OF = frozenset({"de", "del"})


@dataclass(frozen=True)
class _Repair:
    verb: int  # the first order's verb
    thing: tuple[int, int]  # the first order's thing: its words, from .. to (exclusive)
    meant: int  # the first word after the words that take it back


def order_repaired(text: str) -> str | None:
    """The order meant after a repair, said alone; None where the request repairs nothing.

    - "enciende el flexo... digo, la lámpara de Lucía" -> "enciende la lámpara de Lucía";
    - "apaga la mesilla de papá, perdón, la de mamá" -> "apaga la mesilla de mamá";
    - "apaga el purificador de Mateo, digo, no, enciéndelo" -> "enciende el purificador de Mateo".
    """
    said = said_words(text)
    repair = _repair(text, said)
    if repair is None:
        return None
    plain = [w.plain for w in said]
    verb_said, first = _said(text, said[repair.verb]), repair.meant
    if tag(plain[first]).order_verb:  # a new order
        if first + 1 < len(plain) or not plain[first].endswith(OBJECT_PRONOUNS):
            return text[said[first].start :].strip()
        start, end = repair.thing
        return f"{_without_pronoun(plain[first])} {text[said[start].start : said[end - 1].end]}"
    if plain[first] not in DETERMINERS or first + 1 >= len(plain):
        return None
    meant = text[said[first].start :].strip()
    start, end = repair.thing
    if plain[first + 1] in OF and plain[start] in DETERMINERS and start + 1 < end:
        if not agree_in_gender(plain[first], plain[start]):
            return f"{verb_said} {meant}"
        rest = text[said[first + 1].start :].strip()
        meant = f"{_said(text, said[first])} {_said(text, said[start + 1])} {rest}"
    return f"{verb_said} {meant}"


def _repair(text: str, said: list[SaidWord]) -> _Repair | None:
    """Where the words that take the first order back are, and what follows them."""
    plain = [w.plain for w in said]
    verb = next((i for i, w in enumerate(plain) if tag(w).order_verb), None)
    if verb is None:
        return None
    for i in range(verb + 2, len(said)):
        if not PAUSE.search(text[said[i - 1].end : said[i].start]):
            continue
        j = i
        while j < len(plain) and plain[j] in TAKE_BACK | WITH_THEM:
            j += 1
        taken = plain[i:j]
        pairs = set(pairwise(taken))
        if j < len(plain) and (set(taken) & TAKE_BACK or pairs & SAID_AGAIN):
            return _Repair(verb, (verb + 1, i), j)
    return None


def _without_pronoun(verb: str) -> str:
    """The order without the pronoun its object was said by: "enciendelo" -> "enciende"."""
    for pronoun in sorted(OBJECT_PRONOUNS, key=len, reverse=True):
        if verb.endswith(pronoun):
            return verb[: -len(pronoun)]
    return verb


def _said(text: str, word: SaidWord) -> str:
    """The word as said."""
    return text[word.start : word.end]
