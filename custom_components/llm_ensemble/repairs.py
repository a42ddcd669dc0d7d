"""The order, then a repair: "enciende el flexo... digo, la lámpara de Lucía".

People take back what they have just said and say what they meant: "apaga la luz del baño, ay
no, la del espejo", "quita el riego, uy no, quería decir la fuente", "apaga el purificador, digo,
no, enciéndelo". Cut as two orders, both would be carried out. The order meant is the first
order's verb with the thing said after the words that take it back (its noun said again where
only "la de…" is said, with the same article), or the new order, with the first order's thing
where a pronoun says it.

Only a plain order is repaired: one on/off verb, no negation, no condition or time, and nothing
asked after it. A request that takes an order back in any other way is not cut into orders, and
the checks pass it on (`takes_back`).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from .home_check import words
from .morphology import DETERMINERS, articles_agree, tag
from .readings import Request, is_for_later
from .said_words import OBJECT_PRONOUNS, OF, SaidWord, paused, said_words
from .taking_back import APOLOGIES, SAID_AGAIN, TAKE_BACK, WITH_THEM, called_off_at_the_end


@dataclass(frozen=True)
class _Repair:
    verb: int  # the first order's verb
    taken_at: int  # the first of the words that take it back
    meant_at: int  # the first word after them: what was meant


def order_repaired(text: str) -> str | None:
    """The order meant after a repair, said alone; None where the request repairs nothing.

    - "enciende el flexo... digo, la lámpara de Lucía" -> "enciende la lámpara de Lucía";
    - "apaga la mesilla de papá, perdón, la de mamá" -> "apaga la mesilla de mamá";
    - "apaga el purificador de Mateo, digo, no, enciéndelo" -> "enciende el purificador de Mateo".
    """
    said = said_words(text)
    repair = _repair(text, said)
    if repair is None or not _plain_order(text, said, repair):
        return None
    meant = said[repair.meant_at]
    if tag(meant.plain).order_verb:
        return _new_order(text, said, repair)
    if meant.plain not in DETERMINERS or repair.meant_at + 1 >= len(said):
        return None
    return f"{said[repair.verb].said(text)} {_thing_meant(text, said, repair)}"


def takes_back(text: str) -> bool:
    """Whether words after an order take it back ("…, digo, la radio", "…, mejor no"), repaired or not."""
    return says_a_repair(text) or called_off_at_the_end(text)


def says_a_repair(text: str) -> bool:
    """Whether words after an order take it back and say what was meant: "…, digo, la radio".

    An order called off at the end ("…, mejor no") is not one; `readings` reads that.
    """
    return _repair(text, said_words(text)) is not None


def _repair(text: str, said: list[SaidWord]) -> _Repair | None:
    """Where the words that take the first order back are, and what follows them."""
    plain = [w.plain for w in said]
    verb = next((i for i, w in enumerate(plain) if tag(w).order_verb), None)
    if verb is None:
        return None
    for i in range(verb + 2, len(said)):
        if not paused(text, said[i - 1], said[i]):
            continue
        j = i
        while j < len(plain) and plain[j] in TAKE_BACK | WITH_THEM:
            j += 1
        if j == len(plain):
            return None
        taken = plain[i:j]
        forgives = len(taken) == 1 and taken[0] in APOLOGIES and not paused(text, said[i], said[j])
        takes = (set(taken) & TAKE_BACK and not forgives) or set(pairwise(taken)) & SAID_AGAIN
        if takes:
            return _Repair(verb, i, j)
    return None


def _plain_order(text: str, said: list[SaidWord], repair: _Repair) -> bool:
    """One on/off verb before the repair, no negation either side, no time, nothing asked after."""
    before = [w.plain for w in said[: repair.taken_at]]
    after = [w.plain for w in said[repair.meant_at :]]
    # "…, perdona, no enciendas la estufa": the last "no" of the repair governs the verb after it.
    last, meant = said[repair.meant_at - 1], said[repair.meant_at]
    governs = last.plain == "no" and not paused(text, last, meant)
    return (
        not governs
        and sum(tag(w).order_verb for w in before) == 1
        and not any(tag(w).negation for w in [*before, *after])
        and not any(mark in text[said[repair.taken_at].start :] for mark in "¿?")
        and not is_for_later(Request(words(text), text))
    )


def _new_order(text: str, said: list[SaidWord], repair: _Repair) -> str:
    """The new order said after the repair; its pronoun ("enciéndelo") says the first order's thing."""
    verb = said[repair.meant_at]
    if repair.meant_at + 1 < len(said) or not verb.plain.endswith(OBJECT_PRONOUNS):
        return text[verb.start :].strip()
    thing = text[said[repair.verb + 1].start : said[repair.taken_at - 1].end]
    return f"{_without_pronoun(verb.plain)} {thing}"


def _thing_meant(text: str, said: list[SaidWord], repair: _Repair) -> str:
    """The thing said after the repair, with the first thing's noun where only "la de…" is said."""
    article, following = said[repair.meant_at], said[repair.meant_at + 1]
    meant = text[article.start :].strip()
    first = repair.verb + 1  # the first thing's article, then its noun
    if (
        following.plain in OF
        and first + 1 < repair.taken_at
        and said[first].plain in DETERMINERS
        and articles_agree(article.plain, said[first].plain)
    ):
        return f"{article.said(text)} {said[first + 1].said(text)} {text[following.start :].strip()}"
    return meant


def _without_pronoun(verb: str) -> str:
    """The order without the pronoun its object was said by: "enciendelo" -> "enciende"."""
    for pronoun in sorted(OBJECT_PRONOUNS, key=len, reverse=True):
        if verb.endswith(pronoun):
            return verb[: -len(pronoun)]
    return verb
