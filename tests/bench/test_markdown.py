"""scripts/benchlib/markdown.py: the tables of the bench's report."""

from __future__ import annotations

import pytest
from benchlib.markdown import Column, column_table, markdown_table


def test_table_lines() -> None:
    table = markdown_table(["agent", "p50"], [["ours", "**6.00 ms**"], ["built-in", "33.3 ms"]])
    assert table == "| agent | p50 |\n| --- | --- |\n| ours | **6.00 ms** |\n| built-in | 33.3 ms |"


def test_no_rows_is_the_header_alone() -> None:
    assert markdown_table(["when", "RSS"], []) == "| when | RSS |\n| --- | --- |"


def test_alignment_row() -> None:
    table = markdown_table(["a", "b", "c", "d"], [["1", "2", "3", "4"]], align=["left", "center", "right", None])
    assert table.splitlines()[1] == "| :--- | :---: | ---: | --- |"


def test_empty_cell_and_escaped_bar() -> None:
    table = markdown_table(["route", "expected", "request"], [["…", "", "on|off"]])
    assert table.splitlines()[2] == "| … | | on\\|off |"


@pytest.mark.parametrize("row", [["only one"], ["one", "two", "three"]])
def test_row_of_the_wrong_width_raises(row: list[str]) -> None:
    with pytest.raises(ValueError, match=r"row 2 has \d cells for 2 columns"):
        markdown_table(["a", "b"], [["1", "2"], row])


def test_alignments_of_the_wrong_width_raise() -> None:
    with pytest.raises(ValueError, match="1 alignments for 2 columns"):
        markdown_table(["a", "b"], [], align=["right"])


def test_column_table_is_a_row_per_item_then_the_extra_rows() -> None:
    columns: list[Column[dict[str, int]]] = [
        ("traffic", lambda burst: "mixed"),
        ("concurrent", lambda burst: str(burst["k"])),
        ("answered", lambda burst: f"{burst['answered']}/{burst['k'] * 5}"),
    ]
    table = column_table(columns, [{"k": 20, "answered": 100}, {"k": 100, "answered": 499}], [["all", "", "599/600"]])
    assert table.splitlines() == [
        "| traffic | concurrent | answered |",
        "| --- | --- | --- |",
        "| mixed | 20 | 100/100 |",
        "| mixed | 100 | 499/500 |",
        "| all | | 599/600 |",
    ]
