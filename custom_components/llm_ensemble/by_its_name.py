"""An order that says nothing but an on/off verb and one device's whole name: "pon la radio".

The domotics model learnt a few words for things that are often no device as such ("la radio",
"la play": media, a game) and abstains on them. Where the home has a device of that very name or
alias, an order that says only its verb and that name, with the device's own area or not ("quita la
radio de la cocina"), leaves no choice: it is read as the models' vote would be, and checked like
one. A word more, and the models' abstention stands (named_outcome.py reads the order before a
reason with this too: "ponme la radio, que empieza el programa"). Said to a voice satellite, the
first words of a name leave no choice where one device of the satellite's room is called so ("apaga
el radio" heard in the room of the "Radio del tío Beto").
"""

from __future__ import annotations

from collections.abc import Sequence

from .home_check import Home, Words
from .morphology import DETERMINERS, tag
from .naming import PLACE_MARK
from .readings import ASKING_WORDS, AT_WORK_WORDS, says_switch_state

PUT = "pon"  # "pon", "ponme", "poné", "ponga": to put a device on is to turn it on
TO = frozenset({"a", "al"})  # "dale a la radio", "dale al termo"
OF_PLACE = (("de",), ("del",), ("de", "la"), ("en",), ("en", "el"), ("en", "la"))
COURTESY = ASKING_WORDS | {"anda", "ya", "venga", "mismo"}  # "quita la play ya mismo", "pon la radio, anda"
ASKED_HOW = frozenset({"esta", "estan", "sigue", "siguen"})  # "¿está sonando la radio?", "¿la play sigue puesta?"


def vote(words: Words, home: Home, here: str | None = None, state_action: str | None = None) -> str | None:
    """The vote the words leave no choice for ("ON radio @ cocina"), or None.

    `words`: the request as the models read it (home_check.words); `here`: the area of the voice
    satellite that heard it; `state_action`: the models' word for a state question, where "¿está
    sonando la radio?" may be asked of a device by its name alone.
    """
    if not words:
        return None
    said = list(words)
    while (said and said[-1] in COURTESY) or said[-2:] == ["por", "favor"]:
        said = said[:-2] if said[-2:] == ["por", "favor"] else said[:-1]
    asked = _asked_of(said) if state_action else None
    action = state_action if asked is not None else _action(said[0]) if said else None
    rest = asked if asked is not None else said[1:]
    if rest and rest[0] in TO:
        rest = rest[1:]
    if rest and rest[0] in DETERMINERS:
        rest = rest[1:]
    if action is None or not rest:
        return None
    named: list[tuple[str | None, str]] = []  # (area, naming) of each device so called
    for entity in home.entities:
        area = home.area(entity.area_id)
        if (naming := _naming(tuple(rest), entity.names, area.names if area else ())) is not None:
            named.append((entity.area_id, naming))
    if here is not None:
        named = _as_said_here(tuple(rest), named, home, here)
    return f"{action} {named[0][1]}" if len(named) == 1 else None  # one device, or the models' abstention stands


def _asked_of(said: list[str]) -> list[str] | None:
    """The words a state question asks of, or None: "la radio" of "¿está sonando la radio?"."""
    if len(said) > 2 and said[0] in ASKED_HOW and _a_state(said[1]):
        return said[2:]
    if len(said) > 2 and said[-2] in ASKED_HOW and _a_state(said[-1]):
        return said[:-2]
    return None


def _a_state(word: str) -> bool:
    return says_switch_state(word) or word in AT_WORK_WORDS


def _action(verb: str) -> str | None:
    """ON or OFF for an order's on/off verb ("quita", "ponme", "dale"); None for any other word."""
    said = tag(verb)
    if not said.gives_order:
        return None
    return said.direction or ("ON" if verb.startswith(PUT) else None)


def _naming(said: Words, names: Sequence[Words], places: Sequence[Words]) -> str | None:
    """The device's name said alone, or with its area's name after "de", "en"; else None.

    A name's own article is said before it as any other's: "pon la luna" for the alias "la luna".
    """
    for name in (n[1:] if len(n) > 1 and n[0] in DETERMINERS else n for n in names):
        if said == name:
            return " ".join(name)
        for joined in OF_PLACE:
            for place in places:
                if said == (*name, *joined, *place):
                    return f"{' '.join(name)} {PLACE_MARK} {' '.join(place)}"
    return None


def _as_said_here(
    said: Words, named: list[tuple[str | None, str]], home: Home, here: str
) -> list[tuple[str | None, str]]:
    """Said to a satellite: the device called so here, of several; else the one here the words begin.

    Not where a device elsewhere is called so too (which one would be meant?); with neither, as typed.
    """
    named_here: list[tuple[str | None, str]] = [(area, naming) for area, naming in named if area == here]
    if named_here:
        return named_here
    begun = _begun_here(said, home, here)
    if begun and named:
        return []
    return begun or named


def _begun_here(said: Words, home: Home, here: str) -> list[tuple[str | None, str]]:
    """The devices of the room `here` whose name the words begin, each the only one of its domain there.

    Not a room's name ("apaga la cocina" with a "Cocina de inducción"), nor a word that two devices of
    a kind share there ("la luz" of a "Luz del espejo" and a "Plafón").
    """
    if any(said == name for area in home.areas for name in area.names):
        return []
    room = [e for e in home.entities if e.area_id == here]
    begun = [(e, n) for e in room if (n := _begun(said, e.names))]
    return [(here, n) for e, n in begun if sum(o.domain == e.domain for o in room) == 1]


def _begun(said: Words, names: Sequence[Words]) -> str | None:
    """The first of the device's names that the words begin ("radio" of "radio del tio beto"), or None."""
    for name in (n[1:] if len(n) > 1 and n[0] in DETERMINERS else n for n in names):
        if len(said) < len(name) and name[: len(said)] == said:
            return " ".join(name)
    return None
