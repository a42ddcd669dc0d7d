"""Weather questions the selector does not know: "¿para cuándo dicen que llueve?".

The selector learnt the weather from the phrasing of one Spanish; a question said another way
("¿a cuánto está la sensación térmica?", "fijate si va a llover") may reach it as nobody's, or as
the domotics model's with nothing to switch. Such a request is the weather handler's where it:

- asks (a question mark, a word that asks, or "comprueba si…");
- speaks of the rain, the heat, the cold, the wind or the sky;
- gives no order, and asks after no device's state;
- names no area, floor or device of the home ("¿hace frío en la pieza?", "¿qué temperatura marca
  el termostato?": a room's sensor or thermostat, the built-in agent's to answer).

A weather answer switches nothing, so a wrong one costs a reply, never a device.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from homeassistant.components.weather.const import DOMAIN as WEATHER_DOMAIN

from .engine import ROUTE_DOMOTICS, ROUTE_NONE, ROUTE_WEATHER, Decision
from .home_check import Home, find_words, words
from .morphology import tag
from .readings import ASK_IF, Request, asks_whether, says_switch_state

WEATHER_WORDS = frozenset(
    {"llueve", "lluvia", "lluvias", "llover", "lloviendo", "llovera", "llovio", "tormenta", "tormentas", "granizo",
     "granizar", "nieve", "nevar", "nevando", "nevara", "helada", "helar", "helando", "temperatura", "grados",
     "maxima", "minima", "termica", "calor", "frio", "viento", "nublado", "nubes", "sol", "soleado", "pronostico",
     "prevision", "humedad", "niebla", "chubasco", "chubascos", "aguacero", "paraguas"}
)  # fmt: skip
# Words a question begins with: "¿cómo va a estar…?", "para cuándo…", "fijate si…".
QUESTION_LEADS = frozenset(
    {"como", "cuando", "cuanto", "cuanta", "cuantos", "cuantas", "que", "va", "vamos", "hay", "habra", "hara",
     "fijate", "fijese", "chequea", "checa"}
)  # fmt: skip
LEAD_REACH = 3  # "¿para cuándo…?", "y de cuánto…": the asking word comes among the first words


def as_weather(decision: Decision, read_home: Callable[[], Home]) -> Decision:
    """The decision, sent to the weather handler where the request is a weather question it missed.

    `read_home` is called only where the models were unsure.
    """
    missed = decision.route == ROUTE_NONE or decision.abstained or _names_weather(decision)
    if decision.truncated or not missed or not asks_about_weather(decision.text, read_home()):
        return decision
    return replace(decision, route=ROUTE_WEATHER, votes=(), command=None)


def asks_about_weather(text: str, home: Home) -> bool:
    """Whether a request asks about the weather in words the selector may not know (see the module)."""
    said = words(text)
    request = Request(said, text)
    asks = request.asked or asks_whether(said) or any(w in QUESTION_LEADS | ASK_IF for w in said[:LEAD_REACH])
    return (
        asks
        and any(w in WEATHER_WORDS for w in said)
        and not any(says_switch_state(w) for w in said)
        and not _gives_an_order(said)
        and not _names_the_home(said, home)
    )


def _gives_an_order(said: Sequence[str]) -> bool:
    """An on/off verb among the words; not "para" before a word that asks ("¿para cuándo…?")."""
    following = (*said[1:], "")
    return any(
        tag(w).gives_order and not (w == "para" and then in QUESTION_LEADS)
        for w, then in zip(said, following, strict=True)
    )


def _names_weather(decision: Decision) -> bool:
    """A command whose device is a weather word: "ESTADO tormenta" for "¿sigue la tormenta?"."""
    command = decision.command if decision.route == ROUTE_DOMOTICS else None
    return command is not None and any(w in WEATHER_WORDS for w in words(command))


def _names_the_home(said: Sequence[str], home: Home) -> bool:
    """Whether the words name an area, a floor or a device (a weather entity is no device)."""
    devices = (e for e in home.entities if not e.entity_id.startswith(f"{WEATHER_DOMAIN}."))
    names = (
        *(n for area in home.areas for n in area.names),
        *(n for floor in home.floors for n in floor.names),
        *(n for entity in devices for n in entity.names),
    )
    return any(find_words(name, tuple(said)) for name in names)
