"""A change of brightness or speed: how it is read, and the level a device goes to (pure functions)."""

from __future__ import annotations

import pytest
from homeassistant.core import State

from custom_components.llm_ensemble.adjustments import Adjusted, Adjustment, new_level, read, way_of

DOWN, UP = Adjustment(step=-20), Adjustment(step=20)


@pytest.mark.parametrize(
    ("text", "adjusted"),
    [
        ("baja un poco la luz del salón", Adjusted(DOWN, "enciende la luz del salón")),
        ("sube el ventilador", Adjusted(UP, "enciende el ventilador")),
        ("¿me bajas un poquito la lámpara del techo?", Adjusted(DOWN, "enciende la lámpara del techo")),
        ("¿puedes bajar la luz del pasillo?", Adjusted(DOWN, "enciende la luz del pasillo")),
        ("súbele al abanico", Adjusted(UP, "enciende el abanico")),  # "al" is the device's "el"
        ("bájale un pelín a la luna", Adjusted(DOWN, "enciende la luna")),  # "a" after the amount too
        ("bájale poquito al candil", Adjusted(DOWN, "enciende el candil")),
        ("ponle más recio al abanico", Adjusted(UP, "enciende el abanico")),
        ("bajale a la lámpara de la pieza", Adjusted(DOWN, "enciende la lámpara de la pieza")),
        ("pon el quitamiedos más flojito", Adjusted(DOWN, "enciende el quitamiedos")),  # no "quitar" in it
        ("pon el ventilador menos fuerte", Adjusted(DOWN, "enciende el ventilador")),
        ("sube la velocidad del ventilador de techo", Adjusted(UP, "enciende el ventilador de techo")),
        ("baja el brillo de la lámpara", Adjusted(DOWN, "enciende la lámpara")),
        ("el ventilador de Lucía ponlo a tope", Adjusted(Adjustment(100), "enciende el ventilador de Lucía")),
        ("sube al máximo la luz", Adjusted(Adjustment(100), "enciende la luz")),
        ("pon la lámpara al mínimo", Adjusted(Adjustment(1), "enciende la lámpara")),
        ("baja la luz del estudio al 40 por ciento", Adjusted(Adjustment(40), "enciende la luz del estudio")),
        ("pon la luz al setenta y cinco por ciento", Adjusted(Adjustment(75), "enciende la luz")),
        ("lámpara de pie al cincuenta %", Adjusted(Adjustment(50), "enciende lámpara de pie")),
        ("enciende la luz del salón al 30%", Adjusted(Adjustment(30), "enciende la luz del salón")),
        ("prende el foco a media luz", Adjusted(Adjustment(50), "enciende el foco")),
        ("oye, baja la lámpara", Adjusted(DOWN, "enciende la lámpara")),  # after a pause
        ("pon el ventilador en la velocidad más alta", Adjusted(Adjustment(100), "enciende el ventilador")),
        ("baja la luz de la sala a la mitad", Adjusted(Adjustment(50), "enciende la luz de la sala")),
        ("pon la lámpara de la mesilla más tenue", Adjusted(DOWN, "enciende la lámpara de la mesilla")),
        ("pon la luz más baja", Adjusted(DOWN, "enciende la luz")),  # a step, not the lowest
        # A time in the reason after the verb is the order's checks' to read; so is a remark after it.
        ("baja un poco la luz, que luego me deslumbra", Adjusted(DOWN, "enciende la luz, que luego me deslumbra")),
        ("la luz más fuerte, que está oscuro", Adjusted(UP, "enciende la luz, que está oscuro")),
    ],
)
def test_a_change_is_read_with_the_order_that_finds_its_device(text: str, adjusted: Adjusted) -> None:
    assert read(text) == adjusted


HIGHEST_AS_SAID, LOW = Adjustment(100, as_on=True), Adjustment(20)


@pytest.mark.parametrize(
    ("text", "adjusted"),
    [
        ("prende la luz de la sala bajita", Adjusted(LOW, "enciende la luz de la sala")),
        ("ponme el ventilador suavecito, que hace fresco", Adjusted(LOW, "enciende el ventilador, que hace fresco")),
        ("enciende la lámpara pero bien tenue", Adjusted(LOW, "enciende la lámpara")),
        ("prendé el farol medio bajito", Adjusted(LOW, "enciende el farol")),
        ("prende el abanico a todo lo que da", Adjusted(HIGHEST_AS_SAID, "enciende el abanico")),
        ("poné el ventilador al palo", Adjusted(HIGHEST_AS_SAID, "enciende el ventilador")),
        ("pon el termo a todo trapo, que ya", Adjusted(HIGHEST_AS_SAID, "enciende el termo, que ya")),
        ("prende el abanico en el mínimo", Adjusted(Adjustment(1), "enciende el abanico")),
        ("pon las luces de Lucía a la mitad de brillo", Adjusted(Adjustment(50), "enciende las luces de Lucía")),
        ("prendé el ventilador de Nacho en el dos", Adjusted(Adjustment(speed=2), "enciende el ventilador de Nacho")),
        ("pon el ventilador a la velocidad tres", Adjusted(Adjustment(speed=3), "enciende el ventilador")),
        ("pon el abanico al dos", Adjusted(Adjustment(2), "enciende el abanico")),  # a percentage, as before
    ],
)
def test_a_level_said_as_a_manner_or_a_speed_is_read_with_the_order(text: str, adjusted: Adjusted) -> None:
    assert read(text) == adjusted


@pytest.mark.parametrize(
    "text",
    [
        "la luz de la sala está muy tenue",  # a remark: no verb orders the level
        "enciende la luz a la una",  # a time, not a speed
        "prende las luces a toda la casa",  # "a toda" of a place, not a level
        "prende el abanico a toda hora",
        "la lámpara de pie está en el mínimo",  # how it is
        "¿por qué se prende la lámpara de pie tan bajita?",  # asks why
        "¿cuándo se pone el abanico a todo?",
        "esta noche, prende la lámpara de pie bajita",  # later: the order's checks pass it on
        "si llueve, prende la lámpara bajita",
        "cuando llegue Tomás, prende el abanico en el dos",
        "pon el abanico, pero no muy fuerte",  # not so
        "prende la lámpara, pero no tan bajita",
        "prende la lámpara de pie, hay un viento muy fuerte",  # another clause
        "enciende la lámpara de pie para que dé una luz suave",  # a purpose, passed on as a reason is
        "prende la lámpara de pie, que luego la bajo",
        "ponlo bajito",  # nothing names the device
        "ponle a todo lo que da",
        "pon la luz a la media hora",  # a time
        "pon el ventilador en la una",
        "pon el ventilador, que vaya al mínimo",  # said in a reason: passed on, as the reason is read
        "enciende la lámpara grande, que quede flojita",
    ],
)
def test_a_manner_is_no_level_where_no_order_says_it(text: str) -> None:
    assert read(text) is None


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("baja la luz del salón para dejarla al veinte por ciento", 20),  # a purpose's amount is the order's
        ("pon la luz del salón que quede al cincuenta por ciento", 50),  # so is one after "que quede"
    ],
)
def test_an_amount_said_after_the_order_is_its(text: str, level: int) -> None:
    adjusted = read(text)
    assert adjusted is not None and adjusted.adjustment == Adjustment(level)


@pytest.mark.parametrize(
    "text",
    [
        "pon la luz del salón",  # an on order
        "enciende la luz de la planta baja",  # the floor's "baja"
        "¿está encendida la luz de la planta baja?",
        "apaga la luz al salir",  # an order to turn off
        "no le bajes a la luz del comedor",  # nothing to change
        "baja el volumen de la tele",  # not what the agent changes
        "sube la persiana",
        "pon el aire a 22 grados",
        "¿está el ventilador al máximo?",  # asked
        "pon un poco la luz",  # no way said
        "enciende el radiador, que en media hora llega Carmen",  # the reason's "media" is no amount
        "la luz al 0 %",  # zero would turn it off
        "",
    ],
)
def test_what_asks_no_change_is_not_read_as_one(text: str) -> None:
    assert read(text) is None


@pytest.mark.parametrize(
    ("word", "way"),
    [("sube", 1), ("subile", 1), ("bájale".replace("á", "a"), -1), ("reduce", -1), ("ponlo", 0), ("enciende", 0)],
)
def test_the_way_a_verb_goes(word: str, way: int) -> None:
    assert way_of(word) == way


def test_a_word_that_is_no_such_verb_has_no_way() -> None:
    assert way_of("salon") is None


@pytest.mark.parametrize(
    ("state", "adjustment", "level"),
    [
        (State("light.a", "on", {"brightness": 255}), DOWN, 80),
        (State("light.a", "on", {"brightness": 26}), DOWN, 1),  # lowered, never turned off
        (State("light.a", "on", {"brightness": 230}), UP, 100),
        (State("light.a", "off"), UP, 20),  # raised from off: on, low
        (State("light.a", "off"), DOWN, None),  # off, asked to go down: left off
        (State("light.a", "off"), Adjustment(60), 60),
        (State("fan.a", "on", {"percentage": 33, "percentage_step": 33.33}), UP, 66),  # one speed of three
        (State("fan.a", "on", {"percentage": 33, "percentage_step": 33.33}), DOWN, 33),  # the lowest speed
        (State("fan.a", "on", {"percentage": 50, "percentage_step": 1}), UP, 70),
        (State("fan.a", "off", {"percentage_step": 33.33}), Adjustment(speed=2), 67),  # the second of three
        (State("fan.a", "off", {"percentage_step": 33.33}), Adjustment(speed=4), None),  # past its highest
        (State("fan.a", "off", {"percentage_step": 25}), Adjustment(speed=2), 50),
        (State("fan.a", "off", {"percentage_step": 1}), Adjustment(speed=2), None),  # too many speeds to count
    ],
)
def test_the_level_a_device_goes_to(state: State, adjustment: Adjustment, level: int | None) -> None:
    assert new_level(state, adjustment) == level
