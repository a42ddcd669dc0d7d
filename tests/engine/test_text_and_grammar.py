"""The normaliser both training and inference use, and the answers grammar."""

from __future__ import annotations

from custom_components.llm_ensemble.engine.grammar import answers_grammar
from custom_components.llm_ensemble.engine.text import normalize_lower_ascii


def test_normalizer_folds_case_accents_and_punctuation() -> None:
    assert normalize_lower_ascii("¡Apaga la LUZ del Salón!") == "apaga la luz del salon"
    assert normalize_lower_ascii("  enciende\tel\n ventilador... ") == "enciende el ventilador"
    assert normalize_lower_ascii("¿Qué tiempo hará mañana?") == "que tiempo hara manana"


def test_normalizer_drops_emoji_and_control_characters_keeps_other_scripts() -> None:
    assert normalize_lower_ascii("😀\x00\x1b[31m hola") == "31m hola"
    assert normalize_lower_ascii("中文 Ελληνικά") == "中文 ελληνικα"
    assert normalize_lower_ascii("\u200b\u00a0 ") == ""


def test_grammar_is_a_prefix_tree_of_the_answers_after_a_space() -> None:
    grammar = answers_grammar(["LUZ_SL ON", "LUZ_SL OFF", "LUZ_SL ON", "TV_SL ON"])
    assert grammar == 'root ::= " " ("LUZ_SL O" ("FF" | "N") | "TV_SL ON")\n'


def test_grammar_keeps_an_answer_that_prefixes_another() -> None:
    assert answers_grammar(["A", "AB"]) == 'root ::= " A" ("B")?\n'
