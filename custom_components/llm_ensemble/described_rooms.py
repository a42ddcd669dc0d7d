"""A room told by what is done there or what is in it: "la luz de donde se lava la ropa", "… donde está el Xbox".

Families name a room by its use as often as by its name: "donde aparcamos el coche" is the
garage, "donde vemos la tele" the living room. Where what is done there is one of a few everyday
uses, and exactly one area of the home is named by a word for rooms of that use ("Cochera",
"Cuarto de lavado", "Living"), the request names that area instead: "la luz de la cochera". Any
other use, or a home with none or several such rooms, leaves the request as it was said.

So does a room told by a device in it: "la luz del cuarto donde está el Xbox", "el foco del baño
que tiene el calefón" name the area of the one device whose whole name or alias is said there.
"""

from __future__ import annotations

import re
import unicodedata

from .home_check import Home, Words
from .morphology import DETERMINERS, sounds_feminine

# "de donde…", "del cuarto donde…", "de la habitación en donde…", "en donde…": the use follows.
TOLD_BY_USE = re.compile(
    r"\b(?:de|del|en)\s+(?:(?:la|el)\s+)?(?:(?:habitacion|cuarto|pieza|sitio|lugar|parte|recamara)\s+)?(?:en\s+)?"
    r"donde\s+(?P<use>(?:\w+\s*){1,5})"
)
# The use is said whole: each is matched from its first word to its last, nothing around it.
USES: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = (
    (
        re.compile(r"(?:se )?(?:lava|lavan|lavamos) (?:la )?ropa"),
        frozenset({"lavadero", "lavanderia", "lavado", "lavadora"}),
    ),
    (re.compile(r"(?:se )?(?:tiende|tienden|tendemos) (?:la )?ropa"), frozenset({"tendedero", "tendido"})),
    (
        re.compile(
            r"(?:se )?(?:aparca|aparcamos|estaciona|estacionamos|guardamos|metemos)"
            r" (?:el |la )?(?:coche|carro|auto|camioneta)"
        ),
        frozenset({"garaje", "garage", "cochera", "estacionamiento"}),
    ),
    (
        re.compile(r"(?:se )?(?:hace|hacemos) (?:el )?asado|asamos"),
        frozenset({"parrillero", "quincho", "asador", "parrilla"}),
    ),
    (re.compile(r"(?:se )?(?:come|comemos|cena|cenamos|almorzamos)(?: todos)?"), frozenset({"comedor"})),
    (re.compile(r"(?:se )?(?:cocina|cocinamos)|(?:se )?(?:hace|hacemos) la comida"), frozenset({"cocina"})),
    (
        re.compile(r"(?:vemos|miramos|se ve) (?:la )?(?:tele|television|tv)(?: todos)?(?: juntos)?"),
        frozenset({"salon", "sala", "living", "estar"}),
    ),
    (re.compile(r"(?:tele)?trabajamos|teletrabaja \w+"), frozenset({"despacho", "estudio", "oficina"})),
)
# "del cuarto donde está…", "del baño que tiene…", "de donde tenemos…": a device in it follows.
TOLD_BY_WHAT_IS_THERE = re.compile(
    r"\b(?:de|del|en)\s+(?:(?:la|el)\s+)?(?:(?:(?P<room>\w+)\s+(?:(?:en\s+)?donde|que|en\s+(?:el|la)\s+que))|donde)\s+"
    r"(?:esta|estan|tiene|tienen|tenemos|hay|se\s+oye|suena)\s+(?P<thing>(?:\w+\s*){1,6})"
)
# Words that say a room and name none: "del cuarto donde está…"; any other room word said must be one
# of the device's area's ("del baño que tiene el calefón"), not a room a reason follows ("…de la cocina
# que está la tele puesta").
ANY_ROOM = frozenset({"cuarto", "pieza", "habitacion", "recamara", "sitio", "lugar", "parte", "lado", "zona"})
BESIDE = frozenset(
    {"lado", "cerca", "enfrente", "frente", "junto", "lejos", "encima", "debajo", "detras", "delante", "arriba",
     "abajo", "atras", "afuera", "fuera", "enseguida", "alado", "derecha", "izquierda"}
)  # fmt: skip
# What may follow the device's name: its end, a pause, another order or a reason ("… donde está el
# boiler, porfa"); not "… donde está la tele chiquita", which may be another tele.
AFTER_THE_NAME = frozenset({"y", "e", "que", "q", "porque", "porfa", "por", "para", "pues", "ya"})
# Words a room's name may hold besides those of its use: "Cuarto de lavado", "Sala de estar".
ROOM_WORDS = frozenset({"cuarto", "sala", "zona", "area", "pieza", "de", "del", "la", "el"})


def as_named(text: str, home: Home) -> str | None:
    """The request with the room told by its use, or by a device in it, said by the area's name; None where none is.

    "apaga la luz de donde aparcamos el coche" -> "apaga la luz de la cochera" (in a home with a Cochera).
    """
    plain = "".join(unicodedata.normalize("NFD", char)[0].lower() for char in text)  # each letter in its place
    return _by_its_use(text, plain, home) or _by_what_is_there(text, plain, home)


def _by_its_use(text: str, plain: str, home: Home) -> str | None:
    """The request with a room told by what is done there said by the area's name, or None."""
    told = TOLD_BY_USE.search(plain)
    if told is None:
        return None
    said = told.group("use").split()
    for end in range(len(said), 0, -1):  # the longest use said, then what follows is kept as said
        use = " ".join(said[:end])
        words = next((room_words for done, room_words in USES if done.fullmatch(use)), None)
        if words is not None:
            break
    else:
        return None
    areas = [area for area in home.areas if any(_named_for(name, words) for name in area.names)]
    if len(areas) != 1:
        return None
    use_end = told.start("use") + len(_span_of(plain[told.start("use") :], end))
    return _with_area(text, told.start(), use_end, areas[0].names[0])


def _by_what_is_there(text: str, plain: str, home: Home) -> str | None:
    """The request with a room told by a device in it said by that device's area's name, or None.

    "apaga la luz del cuarto donde está el Xbox" -> "apaga la luz de la recamara de dani". The device
    is said by a whole name or alias, first after its article; every device so named is in one area.
    """
    told = TOLD_BY_WHAT_IS_THERE.search(plain)
    if told is None:
        return None
    room = told.group("room")
    thing = tuple(told.group("thing").split())
    article = int(thing[0] in DETERMINERS)
    said = thing[article:]
    names = [(e.area_id, _without_article(e.names)) for e in home.entities]
    longest = max((len(n) for _, those in names for n in those if said[: len(n)] == n), default=0)
    if not longest:
        return None
    areas = {area_id for area_id, those in names if said[:longest] in those}
    area = next((a for a in home.areas if {a.area_id} == areas), None)
    if area is None or (room and room not in ANY_ROOM and not any(room in name for name in area.names)):
        return None
    if room and (room,) in area.names:
        return None  # "la luz del salón que tiene la tele": named as it is
    thing_end = told.start("thing") + len(_span_of(plain[told.start("thing") :], article + longest))
    if _said_further(plain[thing_end:]) or _beside(plain[: told.start()]):
        return None
    return _with_area(text, told.start(), thing_end, area.names[0])


def _said_further(rest: str) -> bool:
    """Whether more is said of the device past the name matched: "… donde está la tele de los niños"."""
    following = re.match(r"\s+(\w+)", rest)
    return following is not None and following.group(1) not in AFTER_THE_NAME


def _beside(before: str) -> bool:
    """Whether the room is said beside the one told ("el cuarto de al lado de donde está…")."""
    last = before.split()[-1:]
    return bool(last) and last[0] in BESIDE


def _without_article(names: tuple[Words, ...]) -> tuple[Words, ...]:
    """A device's names as said after their own article: "el Xbox" is "xbox"."""
    return tuple(n[1:] if n[:1] and n[0] in DETERMINERS else n for n in names)


def _with_area(text: str, start: int, end: int, area_name: Words) -> str:
    """The text with what lies between `start` and `end` said as "de(l) <the area's name>"."""
    name = " ".join(area_name)
    article = "de la" if sounds_feminine(name) else "del"
    return f"{text[:start]}{article} {name}{text[end:]}".strip()


def _named_for(name: tuple[str, ...], words: frozenset[str]) -> bool:
    """Whether a room's name is wholly a name for that use: "Cuarto de lavado", not "Sala de máquinas"."""
    return bool(words & set(name)) and set(name) <= words | ROOM_WORDS


def _span_of(text: str, count: int) -> str:
    """The text of its first `count` words, as written."""
    found = list(re.finditer(r"\w+", text))[:count]
    return text[: found[-1].end()] if found else ""
