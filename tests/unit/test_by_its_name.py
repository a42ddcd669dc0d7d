"""An order that says nothing but its verb and one device's whole name (pure functions)."""

from __future__ import annotations

import pytest

from custom_components.llm_ensemble.by_its_name import vote
from custom_components.llm_ensemble.home_check import Home, HomeArea, HomeEntity, words

HOME = Home(
    areas=(HomeArea("cocina", (("cocina",),)), HomeArea("salon", (("salon",),))),
    entities=(
        HomeEntity("switch.radio", (("radio",), ("transistor",)), "cocina"),
        HomeEntity("switch.play", (("play",), ("consola",)), "salon"),
        HomeEntity("light.luz", (("luz", "de", "la", "cocina"),), "cocina"),
        HomeEntity("switch.tele_salon", (("tele",),), "salon"),
        HomeEntity("switch.tele_cocina", (("tele",),), "cocina"),
        HomeEntity("light.quitamiedos", (("quitamiedos",), ("la", "luna")), "salon"),
    ),
)


@pytest.mark.parametrize(
    ("text", "voted"),
    [
        ("pon la radio", "ON radio"),
        ("quita la radio", "OFF radio"),
        ("ponme el transistor, anda", "ON transistor"),  # an alias, a word of courtesy
        ("quita la radio de la cocina", "OFF radio @ cocina"),  # with its own area
        ("apagá la Play ya mismo", "OFF play"),
        ("dale a la consola", "ON consola"),
        ("pícale a la radio", "ON radio"),  # Mexico's "dale"
        ("pon la radio por favor", "ON radio"),
        ("pon la luna", "ON luna"),  # an alias said with its own article
    ],
)
def test_the_whole_name_after_the_verb_is_the_vote(text: str, voted: str) -> None:
    assert vote(words(text), HOME) == voted


@pytest.mark.parametrize(
    "text",
    [
        "pon la radio del salón",  # another area than its own
        "pon la tele",  # two devices of that name
        "no pongas la radio",  # no order
        "¿está puesta la radio?",
        "pon música",  # no device's name
        "pon la radio y apaga la luz",  # more than the name
        "pon la radio que empieza el partido",
        "la radio",  # no verb
        "",
    ],
)
def test_anything_more_or_less_is_no_vote(text: str) -> None:
    assert vote(words(text), HOME) is None
    assert text.startswith("¿") or vote(words(text), HOME, state_action="ESTADO") is None


@pytest.mark.parametrize(
    ("text", "voted"),
    [
        ("¿está sonando la radio?", "ESTADO radio"),
        ("¿está puesta la radio?", "ESTADO radio"),
        ("¿la play sigue encendida, porfa?", "ESTADO play"),
        ("¿sigue prendida la consola del salón?", "ESTADO consola @ salon"),
        ("¿está puesta la tele?", None),  # two devices of that name
        ("¿está sonando música en la radio?", None),  # more than its name
        ("¿qué está sonando en la radio?", None),
        ("¿está la radio?", None),  # no state
    ],
)
def test_a_state_question_of_its_whole_name_is_its_vote(text: str, voted: str | None) -> None:
    assert vote(words(text), HOME, state_action="ESTADO") == voted
    assert vote(words(text), HOME) is None  # where the models answer no state


@pytest.mark.parametrize(
    ("text", "here", "voted"),
    [
        ("apaga la luz", "cocina", "OFF luz de la cocina"),  # the first words of the one name there
        ("pon la tele", "salon", "ON tele"),  # the whole name: the one here
        ("pon la tele", None, None),  # typed: two devices of that name
        ("apaga la luz", "salon", None),  # no device of the salón is called so
        ("apaga la luz del pasillo", "cocina", None),  # more words than the name begins with
        ("apaga la tele", "cocina", "OFF tele"),  # the whole name here, of two so called
        ("enciende la cocina", "cocina", None),  # a room's name, not the Luz de la cocina
        ("quita el transistor", "salon", "OFF transistor"),  # a whole name elsewhere, none begun here: as typed
    ],
)
def test_said_to_a_satellite_the_first_words_of_a_name_there(text: str, here: str | None, voted: str | None) -> None:
    assert vote(words(text), HOME, here) == voted
