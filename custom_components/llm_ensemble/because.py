"""A reason said with the order: "ponme la tele, que empieza el telediario".

The models may take a noun of the reason for the device ("ON telediario"), or read a reason said
first as no order at all ("ha llovido toda la mañana, quita el riego"). Where the whole request
leaves them unsure, the order is read again without its reason; the checks still read all of it
(a condition said first: "si hace frío, …"; a time in a reason said after the order is the
reason's: readings.py).
"""

from __future__ import annotations

import re
from itertools import pairwise

from .engine.text import normalize_lower_ascii
from .home_check import words
from .morphology import STOPWORDS, tag
from .readings import (
    REASON_OR_PURPOSE,
    Request,
    asks_without_an_order,
    gives_order_at,
    orders_without_asking,
    reason_gives_its_own_order,
)
from .said_words import SENTENCE_END, paused, said_words
from .taking_back import CALLED_OFF

# After the order, a remark that the reason's words do not catch: ", ya subimos todos", "? Muchas
# gracias", ". ¿A que suena bonita?", "q ya cargué la ropa" (not ", ya mismo", which says when).
REMARK = r",\s*ya\s+(?!mismo\b|ya\b)\w|[.?!]+\s+(?=[¿¡]?\w)|\s+q\s+\w"
REASON_OR_REMARK = re.compile(rf"{REASON_OR_PURPOSE.pattern}|{REMARK}", re.IGNORECASE)
# "enciéndeme la luz, hijo": one word set apart at the end calls someone ("…, no," takes it back).
CALLED = re.compile(r",\s*(\w+)\W*$")
NOT_CALLED = frozenset({"espera", "mejor", "nah", "tampoco", "digo", "perdona", "perdon"})
TAKEN_BACK = CALLED_OFF | {"o"}  # a remark that begins so: "¿O mejor no?", "Nada, déjalo"
# "…, así que enciende la camilla", "…, por eso apaga el termo": an order drawn from what was told.
SO = (("asi", "que"), ("por", "eso"), ("o", "sea", "que"), ("entonces",))


def order_alone(text: str, home_words: frozenset[str]) -> str | None:
    """The order of a request that gives a reason with it, said alone; None where there is none.

    `home_words`: the words of the home's names. A short reason said first that has one of them may
    say where ("no veo nada en el pasillo, enciende la luz"): the order is not read without it. A
    long telling's one order is (`order_drawn_from_a_story`): the checks of the whole request, which
    the caller makes, pass it on where the telling names another room or device.
    """
    return order_drawn_from_a_story(text) or order_before_reason(text) or order_after_reason(text, home_words)


def order_before_reason(text: str) -> str | None:
    """The order said before a reason, a purpose or a remark ("ponme la tele"), or None where there is none.

    Only where an order comes first, and the reason gives none of its own.
    """
    reason = REASON_OR_REMARK.search(text)
    if reason is None:
        return None
    order = text[: reason.start()].strip()
    after = text[reason.end() - 1 :]
    if not _asks_for_it(order) or reason_gives_its_own_order(after):
        return None
    if SENTENCE_END.search(reason.group()) and _takes_it_back(after):
        return None  # "apaga la luz. ¡No, espera!"
    if called := CALLED.search(order):
        word = tag(normalize_lower_ascii(called.group(1)))
        if word.negation or word.word in NOT_CALLED:
            return None  # "enciende la estufa, no, que hace calor": taken back
        order = order[: called.start()]
    return order if _asks_for_it(order) and not _negated(order) else None


def order_after_reason(text: str, home_words: frozenset[str]) -> str | None:
    """The order said after a reason ("quita el riego del césped"), or None.

    The order's verb begins a clause after a pause; what comes before orders nothing and names
    nothing of the home.
    """
    for before, word in pairwise(said_words(text)):
        if not paused(text, before, word) or not tag(word.plain).gives_order:
            continue
        reason, order = text[: before.end], text[word.start :]
        if _gives_an_order(reason) or _negated(reason):
            continue
        named = set(words(reason)) - STOPWORDS
        return None if named & home_words else order.strip()
    return None


def order_drawn_from_a_story(text: str) -> str | None:
    """The one order a long telling leads to, from its verb; None where there is not just one.

    "Lucía se ha dejado el patinete sin cargar y mañana tiene clase, así que enchufa el cargador del
    patinete, porfa, que si no son todo dramas" -> "enchufa el cargador del patinete, porfa". The order
    begins a clause (after a pause, "así que", "por eso", "entonces") and is read before its reason.
    """
    said = said_words(text)
    plain = [w.plain for w in said]
    verbs = [i for i in range(len(plain)) if gives_order_at(plain, i)]
    if len(verbs) != 1 or not verbs[0]:
        return None
    verb = verbs[0]
    drawn = any(tuple(plain[verb - len(so) : verb]) == so for so in SO)
    if not drawn and not paused(text, said[verb - 1], said[verb]):
        return None
    if tag(plain[verb - 1]).negation:
        return None
    order = text[said[verb].start :].strip()
    return order_before_reason(order) or order


def _gives_an_order(text: str) -> bool:
    return orders_without_asking(words(text), text)


def _asks_for_it(text: str) -> bool:
    """An order, or a question that asks for a switch: "¿me hace el favor de apagar la luz?"."""
    said = words(text)
    return _gives_an_order(text) or (Request(said, text).asked and not asks_without_an_order(said, text))


def _takes_it_back(remark: str) -> bool:
    """A remark that begins by taking the order back: "¡No, espera!", "¿O mejor no?", "Mentira"."""
    first = next(iter(words(remark)), "")
    return tag(first).negation or first in NOT_CALLED or first in TAKEN_BACK


def _negated(text: str) -> bool:
    return any(tag(w).negation for w in words(text))
