"""Whom an order switches devices for: "préndeles los focos a Diego y a Lupita".

With a verb that carries "le" or "les", the devices said first and "a" someone after them are that
person's: Diego's foco and Lupita's. The models know an owner after "de" ("los focos de Diego"), so
the request is read so, and each owner then names their own device (several_orders.py cuts "… de
Diego y de Lupita" in two). Only someone the home's names know is read so ("Cuarto de Diego"):
"préndele la tele a las dieciocho" and "ponle el ventilador a tope" are left as said, and so is
"préndele a la tele", where "a" follows the verb at once and names the device itself.

A last order that says "su" device, and nothing after it, is for the same one: "apágale la tele a
mi abuelita y luego su lámpara" -> "… y luego la lámpara de mi abuelita". A "le" alone ("…, además
préndele el velador") says no one: in Mexico it is often only emphatic.
"""

from __future__ import annotations

from .morphology import DETERMINERS, is_plural, singular_of, sounds_feminine, tag
from .readings import REASON_WORDS
from .said_words import SaidWord, paused, said_words
from .several_orders import LE

FOR = frozenset({"a", "al"})
AS_OF = {"a": "de", "al": "del"}  # "a Diego": "de Diego"; "al cuarto de Diego": "del cuarto de Diego"
JOINED = frozenset({"y", "e"})
OF_OR_FOR = frozenset({"de", "del", "a", "al", "en"})  # another owner or place said in the last order
THEIR = {"su": ("el", "la"), "sus": ("los", "las")}  # "su lámpara": "la lámpara de …"
# Where the one it is for ends: "a mi abuelita y luego …", "al abuelo, además …", "a Dani que …".
OWNER_ENDS = frozenset({"y", "e", "que", "luego", "despues", "ademas", "tambien", "pero", "porque"})


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
        pieces, last, owners = [], 0, []
        for k in range(cut, len(said)):
            if k > cut and paused(text, said[k - 1], said[k]):
                break  # the order ends: "…, que a Lupita le da miedo"
            if k > cut and said[k - 1].plain not in JOINED:
                continue  # only "a Diego" and each "y a …" joined to it
            if said[k].plain in FOR and _someone_known(said[k:], home_words):
                pieces += [text[last : said[k].start], AS_OF[said[k].plain]]
                last = said[k].end
                owners.append(k)
        if len(owners) == 1 and (end := _owner_end(text, said, owners[0])) is not None:
            owner = f"{AS_OF[said[owners[0]].plain]}{text[said[owners[0]].end : said[end - 1].end]}"
            return "".join([*pieces, text[last : said[end - 1].end], _for_them_too(text[said[end - 1].end :], owner)])
        return "".join([*pieces, text[last:]])
    return text


def _owner_end(text: str, said: list[SaidWord], at: int) -> int | None:
    """The word after the one "a" at `at` names, where another order follows; None where none does."""
    for k in range(at + 2, len(said)):
        if paused(text, said[k - 1], said[k]) or said[k].plain in OWNER_ENDS:
            return k
    return None


def _for_them_too(rest: str, owner: str) -> str:
    """The last order, with "su" device said as the owner's.

    `owner`: "de mi abuelita", "del abuelo". Only where that device's one word ends the request and
    the order names no one and nowhere else: anything after it may name someone or something else
    ("… y su luz, que Lupita tiene calor", "… y su luz a Irene", "… y enciende la lámpara de Lupita y
    su ventilador").
    """
    said = said_words(rest)
    if len(said) < 2 or said[0].plain in REASON_WORDS or rest[said[-1].end :].strip(" .!¡?¿,;"):
        return rest
    if any(w.plain in OF_OR_FOR for w in said):
        return rest  # "… y enciende la lámpara de Lupita y su ventilador": Lupita's, maybe
    noun, their = said[-1], said[-2]
    if their.plain not in THEIR or not noun.plain.isalpha():
        return rest
    article = THEIR[their.plain][sounds_feminine(singular_of(noun.plain) if is_plural(noun.plain) else noun.plain)]
    return f"{rest[: their.start]}{article} {rest[noun.start : noun.end]} {owner}{rest[noun.end :]}"


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
