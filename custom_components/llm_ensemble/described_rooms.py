"""A room told by what is done there: "la luz de donde se lava la ropa", "el foco de donde comemos".

Families name a room by its use as often as by its name: "donde aparcamos el coche" is the
garage, "donde vemos la tele" the living room. Where what is done there is one of a few everyday
uses, and exactly one area of the home is named by a word for rooms of that use ("Cochera",
"Cuarto de lavado", "Living"), the request names that area instead: "la luz de la cochera". Any
other use, or a home with none or several such rooms, leaves the request as it was said.
"""

from __future__ import annotations

import re
import unicodedata

from .home_check import Home
from .morphology import sounds_feminine

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
# Words a room's name may hold besides those of its use: "Cuarto de lavado", "Sala de estar".
ROOM_WORDS = frozenset({"cuarto", "sala", "zona", "area", "pieza", "de", "del", "la", "el"})


def as_named(text: str, home: Home) -> str | None:
    """The request with the room told by its use said by the area's name; None where none is told so.

    "apaga la luz de donde aparcamos el coche" -> "apaga la luz de la cochera" (in a home with a Cochera).
    """
    plain = "".join(unicodedata.normalize("NFD", char)[0].lower() for char in text)  # each letter in its place
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
    name = " ".join(areas[0].names[0])
    article = "de la" if sounds_feminine(name) else "del"
    use_end = told.start("use") + len(_span_of(plain[told.start("use") :], end))
    return f"{text[: told.start()]}{article} {name}{text[use_end:]}".strip()


def _named_for(name: tuple[str, ...], words: frozenset[str]) -> bool:
    """Whether a room's name is wholly a name for that use: "Cuarto de lavado", not "Sala de máquinas"."""
    return bool(words & set(name)) and set(name) <= words | ROOM_WORDS


def _span_of(text: str, count: int) -> str:
    """The text of its first `count` words, as written."""
    found = list(re.finditer(r"\w+", text))[:count]
    return text[: found[-1].end()] if found else ""
