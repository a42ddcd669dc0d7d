"""Weather questions the selector missed, sent to the weather handler (pure functions)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from custom_components.llm_ensemble.engine import ROUTE_DOMOTICS, ROUTE_NONE, ROUTE_WEATHER, Decision, Timings
from custom_components.llm_ensemble.home_check import Home, HomeArea, HomeEntity, HomeFloor
from custom_components.llm_ensemble.weather_questions import as_weather, asks_about_weather

HOME = Home(
    areas=(HomeArea("pieza", (("pieza",), ("dormitorio",))), HomeArea("living", (("living",),))),
    entities=(
        HomeEntity("switch.estufa", (("estufa",),), "living"),
        HomeEntity("climate.termostato", (("termostato",),), "living"),
        HomeEntity("sensor.temperatura_piscina", (("temperatura", "piscina"),), None),
        HomeEntity("light.luz_de_noche", (("luz", "de", "noche"),), "pieza"),
        HomeEntity("weather.casa", (("casa",),), None),
    ),
    floors=(HomeFloor("arriba", (("arriba",),)),),
)


def decided(text: str, route: str, command: str | None = None, votes: tuple[str | None, ...] = ()) -> Decision:
    return Decision(text, text, route, None, votes, command, False, Timings(0.0, 0.0, 0.0))


@pytest.mark.parametrize(
    "text",
    [
        "¿para cuándo dicen que llueve?",
        "¿con cuánto calor vamos a estar en la tarde?",
        "¿a cuánto está la sensación térmica?",
        "comprueba si mañana llueve, que tengo que tender",
        "fijate si va a llover, que queremos comer afuera",
        "hasta qué hora sigue la tormenta?",
        "de cuanto es la maxima hoy",
        "¿va a llover en casa?",  # the weather entity's name is no place
        "¿va a helar esta noche?",  # "noche" is a word of a device's name, and says when
    ],
)
def test_a_question_about_the_weather_is_one(text: str) -> None:
    assert asks_about_weather(text, HOME)


@pytest.mark.parametrize(
    "text",
    [
        "hace un calor bárbaro",  # a remark: nothing asked
        "prende la estufa que hace frío",  # an order
        "¿sigue prendida la estufa con este frío?",  # a device's state
        "¿hace frío en la pieza?",  # a room: its own sensor, perhaps
        "¿cuánto calor hace arriba?",  # a floor
        "¿qué temperatura marca el termostato?",  # a device of the home
        "¿cuánto gasta la estufa?",  # nothing of the weather
        "¿qué temperatura tiene la piscina?",  # a word of a sensor's name
        "¿me subes la temperatura?",  # a change: the thermostat's
        "¿puedes subir la calefacción dos grados?",
        "hay que bajar la temperatura, que hace calor",
        "como hace calor baja la persiana",
        "va a llover, recoge el toldo",  # no question
        "¿qué temperatura hace aquí dentro?",  # indoors
    ],
)
def test_other_requests_are_not(text: str) -> None:
    assert not asks_about_weather(text, HOME)


def test_a_question_nobody_took_goes_to_the_weather() -> None:
    decision = as_weather(decided("¿para cuándo dicen que llueve?", ROUTE_NONE), lambda: HOME)
    assert decision.route == ROUTE_WEATHER


def test_a_vote_on_a_weather_word_goes_to_the_weather() -> None:
    said = decided("hasta qué hora sigue la tormenta?", ROUTE_DOMOTICS, "ESTADO tormenta", ("ESTADO tormenta",) * 3)
    decision = as_weather(said, lambda: HOME)
    assert (decision.route, decision.command, decision.votes) == (ROUTE_WEATHER, None, ())


def test_a_vote_on_a_device_with_a_weather_word_stays() -> None:
    said = decided("¿qué temperatura tiene la piscina?", ROUTE_DOMOTICS, "ESTADO temperatura piscina")
    assert as_weather(said, lambda: HOME) is said


def test_a_request_too_long_to_read_stays() -> None:
    said = replace(decided("¿para cuándo dicen que llueve?", ROUTE_NONE), truncated=True)
    assert as_weather(said, lambda: HOME) is said


def test_a_vote_on_a_device_stays() -> None:
    said = decided("¿va a hacer frío? la estufa", ROUTE_DOMOTICS, "ESTADO estufa", ("ESTADO estufa",) * 3)
    assert as_weather(said, lambda: pytest.fail("the home is read only where the models were unsure")) is said


def test_a_request_the_selector_routed_to_the_weather_is_left_alone() -> None:
    said = decided("¿qué tiempo hace?", ROUTE_WEATHER)
    assert as_weather(said, lambda: HOME) is said
