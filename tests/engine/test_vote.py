"""The vote rule: a strict majority of N (or all N), otherwise abstain; the agent's rule per kind of answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from custom_components.llm_ensemble.engine import CatalogEntry, ModelInfo, VoteSettings, majority, vote_command


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


DOMOTICS = ModelInfo(
    Path("domotics.gguf"),
    "domotics",
    "es",
    "lower-ascii-v1",
    "[ORDEN]",
    "[COMANDO]",
    actions=("ON", "OFF", "ESTADO"),
    catalog=(CatalogEntry("LUZ_PA", "light", "luz", "pasillo"),),
    no_command="NADA",
    state_action="ESTADO",
)


@pytest.mark.parametrize(
    ("votes", "unanimous", "expected"),
    [
        (("LUZ_PA OFF", "LUZ_PA OFF", "LUZ_PA OFF"), True, "LUZ_PA OFF"),
        (("LUZ_PA OFF", "NADA", "LUZ_PA OFF"), True, None),  # all of them: a switch needs every sequence
        (("LUZ_PA OFF", "NADA", "LUZ_PA OFF"), False, "LUZ_PA OFF"),  # the default: a majority
        (("LUZ_PA ESTADO", "NADA", "LUZ_PA ESTADO"), True, "LUZ_PA ESTADO"),  # a question: a majority
        (("LUZ_PA ESTADO", "LUZ_PA OFF", "NADA"), False, None),
        (("NADA", "NADA", "LUZ_PA ESTADO"), False, None),
        (("NADA", "NADA", "NADA"), False, None),  # NADA is no command
    ],
)
def test_the_agents_vote_asks_all_or_a_majority_for_a_switch_and_a_majority_for_a_state(
    votes: tuple[str, ...], unanimous: bool, expected: str | None
) -> None:
    assert vote_command(DOMOTICS, votes, VoteSettings(unanimous=unanimous)) == expected


def test_the_default_vote_is_the_seeds_majority() -> None:
    assert not VoteSettings().unanimous
