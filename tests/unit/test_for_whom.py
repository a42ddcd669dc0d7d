"""Whom an order switches devices for, read as their owner: pure functions."""

from __future__ import annotations

import pytest

from custom_components.llm_ensemble.for_whom import as_whose

HOME_WORDS = frozenset({"cuarto", "diego", "lupita", "mateo", "ninos", "tele", "luz", "focos"})


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("préndeles los focos a Diego y a Lupita", "préndeles los focos de Diego y de Lupita"),
        ("apágale la tele a Mateo, que ya se durmió", "apágale la tele de Mateo, que ya se durmió"),
        ("apágales las luces a los niños", "apágales las luces de los niños"),
        ("préndeles los focos al cuarto de Diego", "préndeles los focos del cuarto de Diego"),
        ("préndele a la tele", "préndele a la tele"),  # "a" at once: the device itself
        ("préndele la luz a las ocho", "préndele la luz a las ocho"),  # when: no one the home knows
        ("préndele la tele a las dieciocho", "préndele la tele a las dieciocho"),
        ("apágale la tele a la hora de cenar", "apágale la tele a la hora de cenar"),
        ("ponle el ventilador a tope", "ponle el ventilador a tope"),  # how much
        ("préndele el aire a veintidós", "préndele el aire a veintidós"),
        ("préndeles los focos a Diego y a la vecina", "préndeles los focos de Diego y a la vecina"),  # one known
        ("apaga los focos a Diego", "apaga los focos a Diego"),  # no "le": as said
        ("préndele la luz, a Diego le da miedo", "préndele la luz, a Diego le da miedo"),  # after a pause
        ("préndele la luz a", "préndele la luz a"),
        ("", ""),
    ],
)
def test_whom_they_are_for_is_whose_they_are(text: str, read: str) -> None:
    assert as_whose(text, HOME_WORDS) == read
