"""Spanish word forms read once per word, and the words Home Assistant's own Spanish lists hold."""

from __future__ import annotations

import pytest

from custom_components.llm_ensemble.morphology import colours, plural_forms, singular_forms, singular_of, tag
from custom_components.llm_ensemble.vocabulary import domain_words, expand, intents_colours, light_words


def test_templates_expand_as_hassil_writes_them() -> None:
    assert expand("(naranja|anaranjado)") == {"naranja", "anaranjado"}
    assert expand("encendid(o|a)[s]") == {"encendido", "encendida", "encendidos", "encendidas"}
    assert expand("[el ]foco[s]") == {"foco", "focos", "el foco", "el focos"}
    with pytest.raises(ValueError, match="unbalanced"):
        expand("(rojo|verde")


def test_colours_come_from_the_installed_intents_and_ours() -> None:
    """Home Assistant's Spanish colour list is read as installed; our shades and forms stand beside it."""
    theirs = intents_colours()
    assert {"rojo", "azul", "marron"} <= theirs  # "marrón", as the models read it
    assert theirs <= colours()
    assert {"turquesa", "roja"} <= colours() - theirs
    assert "cafe" not in colours()  # a colour to the built-in agent's sentences; the coffee, to ours


def test_the_words_home_assistant_reads_as_a_whole_domain_and_as_light_itself() -> None:
    assert {"luz", "luces", "ventiladores", "abanicos", "interruptores"} <= domain_words()
    assert light_words() == {"luz", "luces"}  # the light domain's own word, not "focos" or "lamparas"


@pytest.mark.parametrize(
    ("word", "switch", "direction", "participle", "told"),
    [
        ("apaga", True, "OFF", False, False),
        ("enciendes", True, "ON", False, False),
        ("da", True, "ON", False, False),
        ("pon", True, None, False, False),
        ("apagada", True, "OFF", True, False),
        ("apagaste", True, "OFF", False, True),
        ("desenchufo", True, "OFF", False, True),
        ("apagalo", True, "OFF", False, False),  # an order with its pronoun
        ("apagarias", True, "OFF", False, False),  # the polite conditional
        ("parece", False, None, False, False),  # not "parar"
    ],
)
def test_each_word_is_tagged_once(word: str, switch: bool, direction: str | None, participle: bool, told: bool) -> None:
    found = tag(word)
    assert (found.switch, found.direction, found.participle, found.told) == (switch, direction, participle, told)


def test_a_slipped_long_stem_is_still_a_switching_verb_and_negations_keep_their_slips() -> None:
    assert tag("desacties").slipped_switch and not tag("desacties").switch
    assert (tag("encinde").direction, tag("desacties").direction) == ("ON", "OFF")  # its stem's way
    assert not tag("apgo").slipped_switch  # a short stem must be exact
    assert tag("ebita").negation and tag("no").negation and not tag("noche").negation


def test_plurals_both_ways() -> None:
    assert plural_forms(("luz", "del", "techo")) == {"luces"}
    assert plural_forms(("la", "lampara")) == {"lamparas"}  # the article is not the head
    assert plural_forms(("focos",)) == set()
    assert singular_forms("luces") >= {"luz"}
    assert singular_forms("gas") == {"gas"}


@pytest.mark.parametrize(
    ("plural", "one"),
    [("ventiladores", "ventilador"), ("luces", "luz"), ("lámparas", "lámpara"), ("aires", "aire"), ("leds", "led"),
     ("tele", "tele")],
)  # fmt: skip
def test_one_of_a_plural_noun(plural: str, one: str) -> None:
    assert singular_of(plural) == one
