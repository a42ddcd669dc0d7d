"""The words the votes name things by are masked for the reading of verbs: most votes' words only."""

from __future__ import annotations

from custom_components.llm_ensemble.home_check import words
from custom_components.llm_ensemble.named_outcome import NAMED_THING, _with_names_masked
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
