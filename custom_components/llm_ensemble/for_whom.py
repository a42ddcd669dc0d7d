"""Whom an order switches devices for: "préndeles los focos a Diego y a Lupita".

With a verb that carries "le" or "les", the devices said first and "a" someone after them are that
person's: Diego's foco and Lupita's. The models know an owner after "de" ("los focos de Diego"), so
the request is read so, and each owner then names their own device (several_orders.py cuts "… de
Diego y de Lupita" in two). Where "a" follows the verb at once, it names the device itself:
"préndele a la tele" is left as said; so is an "a" that says when or how much ("a las ocho", "a tope").
"""

from __future__ import annotations

from .morphology import DETERMINERS, tag
from .readings import LATER, LATER_PATTERN, LEVEL_PATTERN
from .said_words import SaidWord, paused, said_words

FOR = frozenset({"a", "al"})
WHOSE = {"a": "de", "al": "del"}
LE = ("le", "les")
JOINED = frozenset({"y", "e"})
HOW_MUCH = frozenset(
    {"tope", "maximo", "minimo", "mitad", "medias", "media", "medio", "fondo", "full", "todo", "cuarenta", "cincuenta",
     "sesenta", "setenta", "ochenta", "noventa", "cien", "ciento"}
)  # fmt: skip


def as_whose(text: str) -> str:
    """The request with "a" after the devices of a "le" verb said as "de": "… los focos de Diego y de Lupita"."""
    said = said_words(text)
    for i, verb in enumerate(said[:-2]):
        if not (verb.plain.endswith(LE) and tag(verb.plain).switch) or said[i + 1].plain not in DETERMINERS:
            continue
        cut = _first_for(text, said, i + 2)
        if cut is None:
            return text
        pieces, last = [], 0
        for k in range(cut, len(said)):
            if k > cut and paused(text, said[k - 1], said[k]):
                break  # the order ends: "…, que a Lupita le da miedo"
            if k > cut and said[k - 1].plain not in JOINED:
                continue  # only "a Diego" and each "y a …" joined to it
            if said[k].plain in FOR:
                pieces += [text[last : said[k].start], WHOSE[said[k].plain]]
                last = said[k].end
        return "".join([*pieces, text[last:]])
    return text


def _first_for(text: str, said: list[SaidWord], start: int) -> int | None:
    """The first "a" after the devices, before any pause or other verb; None where there is none."""
    for k in range(start, len(said)):
        if paused(text, said[k - 1], said[k]) or tag(said[k].plain).switch:
            return None
        if said[k].plain in FOR:
            return None if _when_or_how_much(said[k:]) else k
    return None


def _when_or_how_much(said: list[SaidWord]) -> bool:
    """Whether "a" (first of `said`) says a time or a level: "a las ocho", "a tope", "al cincuenta"."""
    plain = [w.plain for w in said[:3]]
    following = next((w for w in plain[1:] if w not in DETERMINERS), "")
    phrase = " ".join(plain)
    return (
        following.isdigit()
        or following in LATER
        or following in HOW_MUCH
        or LATER_PATTERN.search(phrase) is not None
        or LEVEL_PATTERN.search(phrase) is not None
    )
