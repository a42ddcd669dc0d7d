"""One slip: a letter dropped, added, changed, or two swapped; short words exactly."""

from __future__ import annotations

import pytest

from custom_components.llm_ensemble.typos import near_any, one_slip_apart, slips


@pytest.mark.parametrize(
    ("said", "known", "expected"),
    [
        ("bomilla", "bombilla", True),  # dropped
        ("nuncaa", "nunca", True),  # added
        ("ebita", "evita", True),  # changed
        ("slaon", "salon", True),  # swapped
        ("salon", "salon", True),
        ("lus", "luz", False),  # short words must be exact
        ("sonectas", "desconectas", False),  # three letters apart
        ("snalo", "salon", False),  # two slips
        ("cocinas", "cocina", True),
        ("comedor", "corredor", False),
    ],
)
def test_one_slip_apart(said: str, known: str, expected: bool) -> None:
    assert one_slip_apart(said, known) is expected
    assert one_slip_apart(known, said) is expected  # the same both ways


def test_slips_finds_every_word_one_slip_away() -> None:
    words = frozenset({"sala", "salir", "salon", "estufa", "luz"})
    assert slips("sali", words) == {"sala", "salir"}
    assert slips("stufa", words) == {"estufa"}
    assert slips("luz", words) == {"luz"}
    assert slips("cocina", words) == set()
    assert near_any("slaon", words) and not near_any("lus", words)
