"""The words the votes name things by are masked for the reading of verbs: most votes' words only."""

from __future__ import annotations

from custom_components.llm_ensemble.home_check import Home, HomeArea, HomeEntity, words
from custom_components.llm_ensemble.named_outcome import (
    NAMED_THING,
    _with_names_masked,
    in_the_verbs_way,
    with_the_word_said,
)
from custom_components.llm_ensemble.naming import Kinds, Target
from custom_components.llm_ensemble.readings import not_an_order
from custom_components.llm_ensemble.reasons import Reason


def test_a_name_that_looks_like_a_verb_is_a_name() -> None:
    said = _with_names_masked(words("enciende el quitamiedos"), ["ON quitamiedos"] * 3)
    assert said == ("enciende", "el", NAMED_THING)


def test_a_word_only_a_stray_vote_copied_is_still_read() -> None:
    """ "al anochecer" copied into one vote's place is still the time the request gives."""
    votes = ["OFF foco @ sala", "OFF foco @ sala de al anochecer", "OFF foco @ sala"]
    text = "corta el foco de sala al anochecer, si puedes"
    said = _with_names_masked(words(text), votes)
    assert "anochecer" in said
    assert not_an_order(said, text) == Reason.LATER_OR_CONDITION


def test_the_word_the_votes_left_out_names_the_device() -> None:
    """ "la luz de buró de la recámara" voted "luz @ recamara": the Lámpara de buró, not the Foco."""
    home = Home(
        (HomeArea("principal", (words("Recámara principal"),)), HomeArea("ninas", (words("Recámara de las niñas"),))),
        (
            HomeEntity("light.foco", (words("Foco de la recámara principal"),), "principal"),
            HomeEntity("light.buro", (words("Lámpara de buró"),), "principal"),
            HomeEntity("light.buro_ninas", (words("Lámpara de buró"),), "ninas"),
        ),
    )
    kinds = Kinds({"light": frozenset({"luz", "foco", "lampara"})}, (frozenset({"luz", "foco", "lampara"}),))
    votes = ["ON luz @ recamara principal"] * 3
    found = Target("ON", ("light.foco",))
    assert with_the_word_said(votes, "buro", found, home, kinds, None) == Target("ON", ("light.buro",))
    assert with_the_word_said(votes, "sal", found, home, kinds, None) is None  # names nothing there


def test_a_vote_against_the_verb_takes_its_way_where_another_says_it() -> None:
    votes = ("OFF riego", "ON riego", "ON riego", "NADA", None, "ESTADO riego")
    assert in_the_verbs_way(votes, "ON") == ("ON riego", "ON riego", "ON riego", "NADA", None, "ESTADO riego")


def test_votes_all_against_the_verb_stand() -> None:
    votes = ("OFF luz", "OFF luz", "OFF luz")
    assert in_the_verbs_way(votes, "ON") == votes
    assert in_the_verbs_way(("OFF luz", "ON luz"), None) == ("OFF luz", "ON luz")
