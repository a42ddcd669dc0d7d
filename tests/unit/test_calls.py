"""The words that call the assistant, left out: pure functions."""

from __future__ import annotations

import pytest

from custom_components.llm_ensemble.calls import without_calls


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("oye, enciende el baño de abajo", "enciende el baño de abajo"),
        ("Oye enciende la cocina", "enciende la cocina"),  # no comma: speech-to-text writes none
        ("hola casa enciende la luz", "enciende la luz"),
        ("Mira, apaga la luz", "apaga la luz"),  # a verb too, set apart by a comma
        ("mira si la luz está encendida", "mira si la luz está encendida"),  # the verb
        ("escucha apaga el baño de arriba", "apaga el baño de arriba"),  # an on/off verb follows
        ("a ver enciende el jardín", "enciende el jardín"),
        ("bueno pues enciende el cuarto de Lucía", "enciende el cuarto de Lucía"),
        ("enciende la luz", "enciende la luz"),
        ("buenas noches, apaga la tele", "apaga la tele"),  # a greeting
        ("Buenos días pon la cafetera", "pon la cafetera"),
        ("buenas noches", "buenas noches"),  # the greeting alone is what was said
        ("a ver si enciendes la luz", "a ver si enciendes la luz"),  # asked: no condition
        ("oye", "oye"),  # nothing after the call: asked as it is
        ("oye,", "oye,"),
        ("dale, prendé la cafetera", "prendé la cafetera"),  # "dale" set apart: a call
        ("dale a la tele", "dale a la tele"),  # "dale": the order itself
        ("cortá el riego, che", "cortá el riego"),  # a call said last
        ("", ""),
    ],
)
def test_the_calls_are_left_out(text: str, asked: str) -> None:
    assert without_calls(text) == asked


HOME_WORDS = frozenset({"cocina", "tele", "luz", "cuarto", "javi", "lampara", "pie"})


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("quillo enciende el ordenador", "enciende el ordenador"),  # a word of no name, before the verb
        ("mija, prende el foco", "prende el foco"),
        ("oye compa, apaga la tele", "apaga la tele"),  # a known call, then another
        ("joven encienda el boiler", "encienda el boiler"),
        ("Javi apaga la luz", "Javi apaga la luz"),  # a word of the home's names: may be the place
        ("cocina apaga la luz", "cocina apaga la luz"),
        ("luego apaga la luz", "luego apaga la luz"),  # a time: kept
        ("no apagues la luz", "no apagues la luz"),
        ("la tele apágala", "la tele apágala"),  # an article: the object said first
        ("quillo, la luz", "quillo, la luz"),  # no order follows
        ("dale a la Nespresso, majo", "dale a la Nespresso"),  # a word that calls someone, set apart last
        ("prende el foco, mija", "prende el foco"),
        ("apaga la tele, Marcos", "apaga la tele"),  # a name, with its capital
        ("apaga la luz, Javi", "apaga la luz, Javi"),  # a word of the home's names: may be whose
        ("apaga la luz, arriba", "apaga la luz, arriba"),  # where
        ("apaga la tele, digo", "apaga la tele, digo"),  # taken back
        ("enciende la luz, olvídalo", "enciende la luz, olvídalo"),
        ("apaga la tele, no", "apaga la tele, no"),
        ("enciende la luz, azul", "enciende la luz, azul"),  # a colour
        ("apaga las luces, todas", "apaga las luces, todas"),
        ("enciende la calefacción, tarde", "enciende la calefacción, tarde"),
        ("la luz del pasillo, majo", "la luz del pasillo, majo"),  # no order before it
        ("apaga la tele, porfa", "apaga la tele"),
        ("apaga la lámpara, anda", "apaga la lámpara, anda"),  # a verb too: left to the checks
        ("pon el ventilador, tres", "pon el ventilador, tres"),  # a level
        ("pon la radio, dale", "pon la radio"),  # urged
        ("dale", "dale"),
        # thanks after the order, and a remark after them, ask for nothing
        ("enciende la tele, mil gracias, de verdad", "enciende la tele"),
        ("apaga la luz, gracias, cariño", "apaga la luz"),
        ("pon la lámpara de pie, eres un sol", "pon la lámpara de pie"),
        ("apaga la tele, gracias; qué limpia ha quedado la cocina, ¿no?", "apaga la tele"),  # an exclamation
        ("apaga la tele. ¡Gracias! Ay, ¡cómo ha crecido el niño!", "apaga la tele"),
        ("prende la luz, dale, gracias", "prende la luz"),
        # unless they ask for more
        ("apaga la luz, gracias, y la del cuarto también", "apaga la luz, gracias, y la del cuarto también"),
        ("apaga la luz, gracias, y la tele", "apaga la luz, gracias, y la tele"),
        ("apaga la luz, gracias, pero deja la tele", "apaga la luz, gracias, pero deja la tele"),
        ("apaga la luz, gracias, no, espera", "apaga la luz, gracias, no, espera"),
        ("apaga la luz, gracias, y enciende la tele", "apaga la luz, gracias, y enciende la tele"),
        ("apaga la luz, gracias, y luego la tele", "apaga la luz, gracias, y luego la tele"),
        ("apaga la luz, gracias, ah, y la tele", "apaga la luz, gracias, ah, y la tele"),
        ("apaga la luz, gracias, la tele", "apaga la luz, gracias, la tele"),  # another thing
        ("apaga la luz, gracias, y si puedes la tele", "apaga la luz, gracias, y si puedes la tele"),
        # or take it back: the order's own checks read it whole
        ("apaga la luz, gracias, era broma", "apaga la luz, gracias, era broma"),
        ("enciende la tele, gracias; bueno, olvídalo", "enciende la tele, gracias; bueno, olvídalo"),
        ("apaga la tele, gracias, aunque pensándolo bien que siga así", None),
        ("apaga la luz, gracias; el niño dice que quiere ir a la luna", None),  # may say anything
        ("apaga la luz, gracias; ¿qué tiempo hace mañana?", None),  # asks
        ("apaga la luz, gracias, y de paso la tele", None),
        ("apaga la luz, gracias, más bien la tele", None),  # a repair
        ("enciende la tele, gracias, en cinco minutos", None),  # when
        ("enciende la tele, gracias, jaja es un chiste", None),
        ("apaga la luz, gracias; ¡qué bonita quedó la cocina, y el salón!", None),
        ("gracias, apaga la luz", "apaga la luz"),  # said first: a call
        ("la luz de la cocina, gracias", "la luz de la cocina, gracias"),
    ],
)
def test_a_word_of_no_name_before_the_order_is_a_call(text: str, asked: str | None) -> None:
    """`None`: left as said."""
    assert without_calls(text, HOME_WORDS) == (asked or text)
