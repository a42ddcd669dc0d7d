"""const.py stands alone, and the defaults it writes out agree with the engine's."""

from __future__ import annotations

import ast
from pathlib import Path

from custom_components.llm_ensemble import const, engine


def test_const_imports_nothing_from_the_package() -> None:
    """Reading a constant must not import the engine (and, through it, llama.cpp)."""
    tree = ast.parse(Path(const.__file__).read_text())
    relative = [node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level]
    absolute = [
        node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("custom_components")
    ]
    assert relative == [] and absolute == []


def test_defaults_agree_with_the_engine() -> None:
    defaults = engine.VoteSettings()
    assert defaults.n_votes == const.DEFAULT_VOTES
    assert defaults.temperature == const.DEFAULT_TEMPERATURE
    assert const.MAX_VOTES == engine.MAX_SEQUENCES
    assert const.ENGINES == (engine.ENGINE_NUMPY, engine.ENGINE_IN_PROCESS, engine.ENGINE_SERVER)
    assert const.DEFAULT_ENGINE == engine.ENGINE_NUMPY
    assert (const.DEFAULT_VOTE_RULE == const.VOTE_RULE_UNANIMOUS) == defaults.unanimous
