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
        # a last order of "su" device is for the same one
        ("apágale la tele a Mateo y luego su lámpara", "apágale la tele de Mateo y luego la lámpara de Mateo"),
        (
            "apágale la tele al cuarto de Diego, y sus focos",
            "apágale la tele del cuarto de Diego, y los focos del cuarto de Diego",
        ),
        (
            "apágale la tele a Mateo, además préndele la luz",  # "le" alone says no one
            None,
        ),
        (
            "apágale la tele a Mateo, además préndele su luz",
            "apágale la tele de Mateo, además préndele la luz de Mateo",
        ),
        ("apágale la tele a Mateo y préndele la luz a Diego", "apágale la tele de Mateo y préndele la luz a Diego"),
        ("apágale la tele a Mateo, que su luz ya la apagó", "apágale la tele de Mateo, que su luz ya la apagó"),
        # only a last device said alone: anything after it, or another owner or place, may be someone else's
        ("apágale la tele a Mateo y préndele su luz, que Lupita tiene calor", None),
        ("apágale la tele a Mateo y enciende la lámpara de Diego y su luz", None),
        ("apágale la tele a Mateo y préndele su luz a Diego", None),
        ("apágale la tele a Mateo y préndele la lámpara de pie", None),
    ],
)
def test_whom_they_are_for_is_whose_they_are(text: str, read: str | None) -> None:
    """`None`: the later order is left as said (the first's "a" is still read as "de")."""
    expected = read or text.replace(" a Mateo", " de Mateo", 1)
    assert as_whose(text, HOME_WORDS) == expected
