"""Spoken participles the models only know written."""

from __future__ import annotations

import pytest

from custom_components.llm_ensemble.spoken_forms import as_written, asked_of_its_thing, asked_plainly


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("¿está encendío el ventilador del salón?", "¿está encendido el ventilador del salón?"),
        ("¿el flexo está apagao?", "¿el flexo está apagado?"),
        ("¿está prendío el abanico?", "¿está prendido el abanico?"),
        ("¿siguen encendíos los focos?", "¿siguen encendidos los focos?"),
        ("¿la lamparita está encendía?", "¿la lamparita está encendida?"),
        ("se ha dejao la luz encendía", "se ha dejado la luz encendida"),  # "dejado" says how it was left
        ("¿la tele de la cocina está on?", "¿la tele de la cocina está encendido?"),
        ("¿sigue off la radio?", "¿sigue apagado la radio?"),
        ("la freidora, ¿está en on o en off?", "la freidora, ¿está encendido o apagado?"),
        ("antes encendía la luz a las ocho", "antes encendía la luz a las ocho"),  # a verb, as said
        ("¿quién encendió la luz?", "¿quién encendió la luz?"),  # the preterite, not "encendío"
        ("pon el modo on", "pon el modo on"),  # not said of how a thing is
        ("el tío de María", "el tío de María"),  # no participle of switching
        ("", ""),
    ],
)
def test_spoken_participles_are_read_written(text: str, written: str) -> None:
    assert as_written(text) == written


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("¿está calentando la mesa camilla?", "¿está encendido la mesa camilla?"),
        ("¿sigue jalando la bomba?", "¿sigue encendido la bomba?"),  # Mexico's "jalar": to work
        ("¿la mesa camilla sigue echando calor?", "¿la mesa camilla sigue encendido?"),
        ("¿el ventilador está en marcha?", "¿el ventilador está encendido?"),
        ("pon a calentar el agua", None),  # no question
        ("¿quién ha dejado encendida la luz de la encimera?", "¿está encendida la luz de la encimera?"),
        ("¿está encendida la estufa?", None),  # asked as the models know it
        ("¿quién dejó prendida la luz del garaje?", "¿está prendida la luz del garaje?"),
        ("¿quiénes dejaron la luz prendida?", "¿está la luz prendida?"),
        ("¿anda el calefón?", "¿está encendido el calefón?"),
        ("¿funciona todavía la freidora?", "¿está encendido todavía la freidora?"),
        ("¿jala el abanico?", "¿está encendido el abanico?"),
        ("¿cómo funciona la tele?", None),  # how, not whether
        ("¿anda, apágame la luz?", None),  # "anda" urges an order
        ("¿sigue dando vueltas el abanico?", "¿sigue encendido el abanico?"),
        ("¿la radio sigue sonando?", "¿la radio sigue encendido?"),
        ("¿qué está sonando en la radio?", None),  # asks what, not whether
    ],
)
def test_whether_a_device_is_at_work_is_asked_again_as_whether_it_is_on(text: str, asked: str | None) -> None:
    assert asked_plainly(text) == asked


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("¿no estará puesto el termo desde anoche?", "¿está encendido el termo?"),
        ("¿le dejaste la luna encendida al peque?", "¿está encendida la luna?"),
        ("¿no se habrá quedado la luz del descansillo dada toda la noche?", "¿está encendida la luz del descansillo?"),
        ("eh, ¿se quedó encendido el fluorescente cuando metió Javi el coche?", "¿está encendido el fluorescente?"),
        ("¿no estará prendida la planchita de Sofi? que salió apurada", "¿está encendida la planchita de Sofi?"),
        ("¿siguen prendidas las lucecitas del patio?", "¿están encendidas las lucecitas del patio?"),
        ("¿quedó prendida la luz del quincho después de la cena?", "¿está encendida la luz del quincho?"),  # a time
        ("¿queda algo prendido en el tendedero?", "¿está encendido algo en el tendedero?"),
        ("¿cuánto gasta la cafetera encendida?", None),  # asks another thing
        ("apaga la luz del pasillo", None),  # no question
        ("¿me apagas la luz encendida del pasillo?", None),  # an order
        ("¿está la tele?", None),  # no state
        # Who left it so is no thing: the thing after them is.
        ("¿la abuela dejó encendida la estufa?", "¿está encendida la estufa?"),
        ("¿el niño se dejó la luz encendida?", "¿está encendida la luz?"),
        ("¿la tele la dejaste prendida?", "¿está encendida la tele?"),
        # What the thing did itself says no one: the thing is before it.
        ("che, ¿la araña quedó prendida después de la cena?", "¿está encendida la araña?"),
        ("¿la tele se quedó prendida?", "¿está encendida la tele?"),
        ("¿el niño se quedó con la luz prendida?", "¿está encendida la luz?"),  # who stayed with it
        ("¿la abuela se quedó dormida con la estufa prendida?", "¿está encendida la estufa?"),
    ],
)
def test_a_state_question_is_asked_again_of_its_thing(text: str, asked: str | None) -> None:
    assert asked_of_its_thing(text) == asked
