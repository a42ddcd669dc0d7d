"""A state question whose subject is who has the device: pure functions, no Home Assistant."""

from __future__ import annotations

import pytest

from custom_components.llm_ensemble.owner_questions import as_state_question


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("¿tiene Lucía la lámpara encendida todavía?", "¿está encendida la lámpara de Lucía?"),
        ("¿tiene la abuela puesto el calefactor?", "¿está puesto el calefactor de la abuela?"),
        ("¿tiene el peque la luz del cuarto encendida?", "¿está encendida la luz del cuarto del peque?"),
        ("¿tiene Lucía encendida la lámpara?", "¿está encendida la lámpara de Lucía?"),  # the state first
        ("¿tiene encendida la luz del baño?", "¿está encendida la luz del baño?"),  # no owner
        ("tienen los niños la tele puesta", "¿está puesta la tele de los niños?"),  # no question mark
        ("Javi tiene todavía encendido el foco del despacho", "¿está encendido el foco del despacho de Javi?"),
        ("¿la abuela tiene puesto el calefactor?", "¿está puesto el calefactor de la abuela?"),
        ("¿todavía tiene encendida la luz del baño?", "¿está encendida la luz del baño?"),
        # "sigue … con" is "tiene"; "sigue" alone is "still".
        ("sigue Lucía con el ventilador puesto", "¿está puesto el ventilador de Lucía?"),
        ("¿Javi sigue con la tele puesta?", "¿está puesta la tele de Javi?"),
        # Who went out or to sleep with it on has it; how they are and where they went are not who.
        ("¿Nico se durmió con el velador prendido?", "¿está prendido el velador de Nico?"),
        ("¿se ha ido Marta con el flexo encendido?", "¿está encendido el flexo de Marta?"),
        ("¿la abuela se ha dormido con la tele puesta?", "¿está puesta la tele de la abuela?"),
        ("¿mi primo sigue despierto con la lámpara prendida?", "¿está prendida la lámpara de mi primo?"),
        ("¿Ana se fue a la escuela con la luz del cuarto prendida?", "¿está prendida la luz del cuarto de Ana?"),
        ("¿mamá dejó la estufa prendida otra vez?", "¿está prendida la estufa?"),  # when, not what
        ("¿tiene Pili los leds dados de nuevo?", "¿están dados los leds de Pili?"),
        ("¿mamá tiene todavía la lamparita encendida a estas horas?", "¿está encendida la lamparita de mamá?"),
        ("¿tiene Pili la lámpara puesta a las tres de la mañana?", "¿está puesta la lámpara de Pili?"),
        ("¿Lupita dejó prendida la cafetera?", "¿está prendida la cafetera?"),  # who left it, not its owner
        ("¿dejaste la luz del porche encendida?", "¿está encendida la luz del porche?"),
        ("¿Tomi dejó prendida la luz de su pieza?", "¿está prendida la luz de pieza de Tomi?"),  # his
        # How it was left, with a hedge, a pronoun, "haber" or a time: asked of the device.
        ("creo que dejé el lavarropas enchufado", "¿está enchufado el lavarropas?"),
        ("me parece que nos hemos dejado el ventilador del salón puesto", "¿está puesto el ventilador del salón?"),
        ("¿nos dejamos la cafetera enchufada esta mañana?", "¿está enchufada la cafetera?"),
        ("¿dejaron prendido el candil después de la cena?", "¿está prendido el candil?"),
        # Who switched it left it so; "su luz" is theirs; the other answer after "o" asks nothing more.
        ("¿mi tío ya apagó su luz?", "¿está apagada la luz de mi tío?"),
        ("¿el abuelo ya apagó el velador?", "¿está apagado el velador?"),
        ("¿ha apagado Lucía su lámpara o sigue encendida?", "¿está apagada la lámpara de Lucía?"),
        ("¿tiene Marta la lamparita apagada ya o sigue con la novela?", "¿está apagada la lamparita de Marta?"),
        ("¿ha apagado la abuela la estufa?", "¿está apagada la estufa?"),
        ("¿ya prendieron las luces del patio?", "¿están prendidas las luces del patio?"),
        ("¿la abuela ya encendió sus lamparitas?", "¿están encendidas las lamparitas de la abuela?"),
        ("¿se apagó la luz?", "¿está apagada la luz?"),
    ],
)
def test_asked_of_the_device_by_its_state(text: str, asked: str) -> None:
    assert as_state_question(text) == asked


@pytest.mark.parametrize(
    "text",
    [
        "¿tiene sentido apagar la luz?",  # no state
        "¿quién tiene encendida la luz del baño?",  # who asks, not who has it
        "la luz del pasillo de arriba tiene encendido el piloto",  # more than a person before "tiene"
        "Javi tiene encendida",  # no device
        "¿tiene la lámpara de Lucía bombilla?",
        "¿tiene Lucía encendida la lámpara y apagada la tele?",  # two states
        "¿está encendida la lámpara?",  # already so
        "¿tiene Lucía encendida?",  # no device
        "¿sigue encendida la luz del pasillo?",  # still on: no one has it
        "¿se fue la luz?",  # the power, no one with it
        "¿se fue Marta con su novio y la luz prendida?",  # someone with someone
        "me he dejado el hervidor enchufado, desenchúfalo porfa",  # an order after it
        "mamá apagó la luz, enciéndela",
        "¿apago la luz?",  # what the speaker is to do, not what someone did
        "¿quién apagó la luz?",  # who asks
        "¿la luz o la tele?",
        "¿ha apagado la luz del baño?",  # no one said between "ha apagado" and the device
        "",
    ],
)
def test_not_of_this_form(text: str) -> None:
    assert as_state_question(text) is None


def test_asked_without_who_has_it() -> None:
    """The device may be named without its user: "¿tiene Javi la tele grande puesta?"."""
    assert as_state_question("¿tiene Javi la tele grande puesta?", with_owner=False) == "¿está puesta la tele grande?"
    assert as_state_question("¿tiene encendida la luz del baño?", with_owner=False) == (
        "¿está encendida la luz del baño?"
    )
    assert as_state_question("la tele grande", with_owner=False) is None


def test_who_left_it_so_is_its_owner_only_as_a_guess() -> None:
    """ "¿mamá dejó prendido el velador?": the velador alone first, then hers where that names several."""
    text = "¿mamá dejó prendido el velador?"
    assert as_state_question(text) == "¿está prendido el velador?"
    assert as_state_question(text, left_as_theirs=True) == "¿está prendido el velador de mamá?"
    assert as_state_question(text, with_owner=False, left_as_theirs=True) == "¿está prendido el velador?"


def test_who_switched_it_is_its_owner_only_as_a_guess() -> None:
    text = "¿el abuelo ya apagó el velador?"
    assert as_state_question(text, left_as_theirs=True) == "¿está apagado el velador del abuelo?"
    assert as_state_question("¿ha apagado la abuela la estufa?", left_as_theirs=True) == (
        "¿está apagada la estufa de la abuela?"
    )
