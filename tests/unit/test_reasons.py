"""Reasons not to act: one code each for the logs, and the Spanish the user hears."""

from __future__ import annotations

from custom_components.llm_ensemble.reasons import SPOKEN, PassOn, Reason


def test_every_reason_is_said_in_spanish_and_no_two_alike() -> None:
    assert set(SPOKEN) == set(Reason)
    assert len(set(SPOKEN.values())) == len(SPOKEN)


def test_a_pass_on_shows_its_code_to_the_logs_and_its_words_to_the_user() -> None:
    why = PassOn(Reason.OTHER_AREA, "comedor")
    assert str(why) == "other_area (comedor)"
    assert why.spoken == "nombra otra zona (comedor)"
    assert str(PassOn(Reason.NEGATED)) == "negated"
    assert PassOn(Reason.NEGATED).spoken == "es una negación"
