"""The vote rule: a strict majority of N, otherwise abstain."""

from __future__ import annotations

import pytest

from custom_components.llm_ensemble.engine import majority


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        (["LUZ_SL ON", "LUZ_SL OFF", "LUZ_SL ON"], "LUZ_SL ON"),  # the seed article's example
        (["A", "B", "C"], None),
        (["A"], "A"),
        ([None], None),
        (["A", None, "A"], "A"),
        (["A", None, None], None),
        (["A", "A", "B", "B", "C"], None),  # 2 of 5 is no majority
        (["A", "A", "A", "B", "B"], "A"),
        (["A"] * 4 + ["B"] * 3, "A"),
        ([], None),
    ],
)
def test_majority(answers: list[str | None], expected: str | None) -> None:
    assert majority(answers) == expected


def test_unanimous() -> None:
    assert majority(["A", "A", "A"], unanimous=True) == "A"
    assert majority(["A", "A", "B"], unanimous=True) is None
    assert majority(["A", "A", None], unanimous=True) is None
