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

# "de donde…", "del cuarto donde…", "de la habitación en donde…", "en donde…": up to a pause.
TOLD_BY_USE = re.compile(
    r"\b(?:de|del|en)\s+(?:(?:la|el)\s+)?(?:(?:habitacion|cuarto|pieza|sitio|lugar|parte|recamara)\s+)?(?:en\s+)?"
    r"donde\s+(?P<use>[^,.;:?!¿¡]+)"
)
# What is done there, and the words rooms of that use are named by.
USES: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = (
    (re.compile(r"\b(?:lav\w*)\b.*\bropa\b"), frozenset({"lavadero", "lavanderia", "lavado", "lavadora"})),
    (re.compile(r"\b(?:tiend\w*|tend\w*)\b.*\bropa\b"), frozenset({"tendedero", "tendido", "azotea"})),
    (
        re.compile(r"\b(?:aparc|estacion|guard|mete|meti|dej)\w*\b.*\b(?:coche|carro|auto|camioneta|moto)s?\b"),
        frozenset({"garaje", "garage", "cochera", "estacionamiento"}),
    ),
    (re.compile(r"\b(?:asado|asamos|asan|parrilla\w*)\b"), frozenset({"parrillero", "quincho", "asador", "parrilla"})),
    (re.compile(r"\b(?:comemos|comen|cenamos|cenan|almorzamos)\b"), frozenset({"comedor"})),
    (re.compile(r"\b(?:cocin\w*|guis\w*)\b|\bhace\w* la comida\b"), frozenset({"cocina"})),
    (
        re.compile(r"\b(?:vemos|miramos|ven|miran|ve|mira)\b.*\b(?:tele|television|tv|peliculas?|series?|partidos?)\b"),
        frozenset({"salon", "sala", "living", "estar"}),
    ),
    (re.compile(r"\b(?:teletrabaj\w*|trabaj\w*)\b"), frozenset({"despacho", "estudio", "oficina"})),
)


def as_named(text: str, home: Home) -> str | None:
    """The request with the room told by its use said by the area's name; None where none is told so.

    "apaga la luz de donde aparcamos el coche" -> "apaga la luz de la cochera" (in a home with a Cochera).
    """
    plain = "".join(unicodedata.normalize("NFD", char)[0].lower() for char in text)  # each letter in its place
    told = TOLD_BY_USE.search(plain)
    if told is None:
        return None
    use = told.group("use")
    words = next((room_words for done, room_words in USES if done.search(use)), None)
    if words is None:
        return None
    areas = [area for area in home.areas if any(words & set(name) for name in area.names)]
    if len(areas) != 1:
        return None
    name = " ".join(areas[0].names[0])
    article = "de la" if sounds_feminine(name) else "del"
    return f"{text[: told.start()]}{article} {name}{text[told.end() :]}".strip()
