"""Weather questions the selector missed, sent to the weather handler (pure functions)."""

from __future__ import annotations

import pytest

from custom_components.llm_ensemble.engine import ROUTE_DOMOTICS, ROUTE_NONE, ROUTE_WEATHER, Decision, Timings
from custom_components.llm_ensemble.home_check import Home, HomeArea, HomeEntity, HomeFloor
from custom_components.llm_ensemble.weather_questions import as_weather, asks_about_weather

HOME = Home(
    areas=(HomeArea("pieza", (("pieza",), ("dormitorio",))), HomeArea("living", (("living",),))),
    entities=(
        HomeEntity("switch.estufa", (("estufa",),), "living"),
        HomeEntity("climate.termostato", (("termostato",),), "living"),
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


def test_a_vote_on_a_device_stays() -> None:
    said = decided("¿va a hacer frío? la estufa", ROUTE_DOMOTICS, "ESTADO estufa", ("ESTADO estufa",) * 3)
    assert as_weather(said, lambda: pytest.fail("the home is read only where the models were unsure")) is said


def test_a_request_the_selector_routed_to_the_weather_is_left_alone() -> None:
    said = decided("¿qué tiempo hace?", ROUTE_WEATHER)
    assert as_weather(said, lambda: HOME) is said
