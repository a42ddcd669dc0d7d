"""Weather questions the selector does not know: "¿para cuándo dicen que llueve?".

The selector learnt the weather from the phrasing of one Spanish; a question said another way
("¿a cuánto está la sensación térmica?", "fijate si va a llover") may reach it as nobody's, or as
the domotics model's with nothing to switch. Such a request is the weather handler's where it:

- asks: a question mark, a question word first ("cómo…", "para cuándo…"), or "comprueba si…";
- speaks of the rain, the heat, the cold, the wind or the sky;
- asks for no change: no on/off verb, no verb that raises or lowers ("¿me subes la temperatura?"
  is the thermostat's), and no device's state;
- says nothing of indoors ("aquí dentro") and no word of an area, floor or device of the home
  ("¿hace frío en la pieza?", "¿qué temperatura tiene la piscina?": a room's sensor or a
  thermostat, the built-in agent's to answer).

A weather answer switches nothing, so a wrong one costs a reply, never a device.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from homeassistant.components.weather.const import DOMAIN as WEATHER_DOMAIN

from .adjustments import way_of
from .engine import ROUTE_DOMOTICS, ROUTE_NONE, ROUTE_WEATHER, Decision
from .home_check import Home, words
from .morphology import STOPWORDS, tag
from .naming import PLACE_MARK
from .readings import INTERROGATIVES, Request, asks_whether, says_switch_state

WEATHER_WORDS = frozenset(
    {"llueve", "lluvia", "lluvias", "llover", "lloviendo", "llovera", "llovio", "tormenta", "tormentas", "granizo",
     "granizar", "nieve", "nevar", "nevando", "nevara", "helada", "helar", "helando", "temperatura", "grados",
     "maxima", "minima", "termica", "calor", "frio", "viento", "nublado", "nubes", "sol", "soleado", "pronostico",
     "prevision", "humedad", "niebla", "chubasco", "chubascos", "aguacero", "paraguas"}
)  # fmt: skip
PREPOSITIONS = frozenset({"a", "de", "en", "para", "con", "hasta", "desde"})  # "¿para cuándo…?", "¿a cuánto…?"
LOOK_WORDS = frozenset({"fijate", "fijese", "chequea", "chequee"})  # "fijate si va a llover"
INDOORS = frozenset({"aqui", "aca", "dentro", "adentro", "interior"})  # "¿qué temperatura hace aquí dentro?"
JOINS = frozenset({"y", "e", "oye", "oiga"})
# When the weather is asked for: words a device's name may share ("Luz de noche"), never a place.
WHEN_WORDS = frozenset({"hoy", "manana", "tarde", "noche", "madrugada", "semana", "finde", "dia", "ahora", "luego"})


def as_weather(decision: Decision, read_home: Callable[[], Home]) -> Decision:
    """The decision, sent to the weather handler where the request is a weather question it missed.

    Missed: the selector sent it nowhere, the domotics model found nothing to switch, or named
    only weather words ("ESTADO tormenta"). `read_home` is called only for those.
    """
    missed = decision.route == ROUTE_NONE or decision.abstained or _names_only_weather(decision)
    if decision.truncated or not missed or not asks_about_weather(decision.text, read_home()):
        return decision
    return replace(decision, route=ROUTE_WEATHER, votes=(), command=None)


def asks_about_weather(text: str, home: Home) -> bool:
    """Whether a request asks about the weather in words the selector may not know (see the module)."""
    said = words(text)
    return (
        _asks(said, text)
        and any(w in WEATHER_WORDS for w in said)
        and not any(_asks_for_a_change(w) or says_switch_state(w) or w in INDOORS for w in said)
        and not _says_a_word_of_the_home(said, home)
    )


def _asks(said: Sequence[str], text: str) -> bool:
    """A question mark, a question word first (after a preposition or not), "comprueba si", "fijate…"."""
    first = next((i for i, w in enumerate(said) if w not in JOINS), len(said))
    opening = said[first : first + 2]
    return (
        Request(tuple(said), text).asked
        or asks_whether(said)
        or (len(opening) > 0 and (opening[0] in INTERROGATIVES or opening[0] in LOOK_WORDS))
        or (len(opening) == 2 and opening[0] in PREPOSITIONS and opening[1] in INTERROGATIVES)
    )


def _asks_for_a_change(word: str) -> bool:
    """An on/off verb ("pon", "cierra"), or one that raises or lowers ("sube", "bajas")."""
    return (tag(word).switch and word != "para") or way_of(word) is not None


def _names_only_weather(decision: Decision) -> bool:
    """A command that names weather words only: "ESTADO tormenta" for "¿hasta cuándo sigue la tormenta?"."""
    if decision.route != ROUTE_DOMOTICS or decision.command is None:
        return False
    named = [w for w in words(decision.command)[1:] if w != PLACE_MARK and w not in STOPWORDS]
    return bool(named) and all(w in WEATHER_WORDS for w in named)


def _says_a_word_of_the_home(said: Sequence[str], home: Home) -> bool:
    """Whether a word said (not a weather or a small word) is a word of an area, floor or device name.

    A weather entity is no device: "¿va a llover en casa?" with a weather entity called "Casa".
    """
    names = (
        *(n for area in home.areas for n in area.names),
        *(n for floor in home.floors for n in floor.names),
        *(n for e in home.entities if not e.entity_id.startswith(f"{WEATHER_DOMAIN}.") for n in e.names),
    )
    named = {w for name in names for w in name} - STOPWORDS - WEATHER_WORDS - WHEN_WORDS
    return any(w in named for w in said)
