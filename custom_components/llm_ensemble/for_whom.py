"""Whom an order switches devices for: "préndeles los focos a Diego y a Lupita".

With a verb that carries "le" or "les", the devices said first and "a" someone after them are that
person's: Diego's foco and Lupita's. The models know an owner after "de" ("los focos de Diego"), so
the request is read so, and each owner then names their own device (several_orders.py cuts "… de
Diego y de Lupita" in two). Only someone the home's names know is read so ("Cuarto de Diego"):
"préndele la tele a las dieciocho" and "ponle el ventilador a tope" are left as said, and so is
"préndele a la tele", where "a" follows the verb at once and names the device itself.
"""

from __future__ import annotations

from .morphology import DETERMINERS, tag
from .said_words import SaidWord, paused, said_words
from .several_orders import LE

FOR = frozenset({"a", "al"})
AS_OF = {"a": "de", "al": "del"}  # "a Diego": "de Diego"; "al cuarto de Diego": "del cuarto de Diego"
JOINED = frozenset({"y", "e"})


def as_whose(text: str, home_words: frozenset[str]) -> str:
    """The request with "a" after the devices of a "le" verb said as "de": "… los focos de Diego y de Lupita".

    `home_words`: the words of the home's names; the one after each "a" (its article aside) must be one.
    """
    said = said_words(text)
    for i, verb in enumerate(said[:-2]):
        if not (verb.plain.endswith(LE) and tag(verb.plain).switch) or said[i + 1].plain not in DETERMINERS:
            continue
        cut = _first_for(text, said, i + 2)
        if cut is None or not _someone_known(said[cut:], home_words):
            return text
        pieces, last = [], 0
        for k in range(cut, len(said)):
            if k > cut and paused(text, said[k - 1], said[k]):
                break  # the order ends: "…, que a Lupita le da miedo"
            if k > cut and said[k - 1].plain not in JOINED:
                continue  # only "a Diego" and each "y a …" joined to it
            if said[k].plain in FOR and _someone_known(said[k:], home_words):
                pieces += [text[last : said[k].start], AS_OF[said[k].plain]]
                last = said[k].end
        return "".join([*pieces, text[last:]])
    return text


def _first_for(text: str, said: list[SaidWord], start: int) -> int | None:
    """The first "a" after the devices, before any pause or other verb; None where there is none."""
    for k in range(start, len(said)):
        if paused(text, said[k - 1], said[k]) or tag(said[k].plain).switch:
            return None
        if said[k].plain in FOR:
            return k
    return None


def _someone_known(said: list[SaidWord], home_words: frozenset[str]) -> bool:
    """Whether the word after "a" (first of `said`), its article aside, is a word of the home's names."""
    following = next((w.plain for w in said[1:3] if w.plain not in DETERMINERS), "")
    return following in home_words
