"""Markdown tables: a header row, an alignment row, one row per item, every cell already text."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Literal, TypeVar

T = TypeVar("T")
Align = Literal["left", "center", "right"] | None
Column = tuple[str, Callable[[T], str]]  # (header, the cell of one item)

RULES: dict[Align, str] = {None: "---", "left": ":---", "center": ":---:", "right": "---:"}


def _cell(text: str) -> str:
    """One cell between its bars: ` text |`, or ` |` when empty; a `|` in the text is escaped as `\\|`."""
    escaped = text.replace("|", "\\|")
    return f" {escaped} |" if text else " |"


def _line(cells: Iterable[str]) -> str:
    """A table line: `| a | b |`, and `| a | |` when the second cell is empty."""
    return "|" + "".join(_cell(cell) for cell in cells)


def markdown_table(headers: Sequence[str], rows: Iterable[Sequence[str]], align: Sequence[Align] | None = None) -> str:
    """The table as lines joined by newlines, without a final newline.

    Args:
        headers: the column titles.
        rows: each row's cells, as many as there are headers.
        align: each column's alignment (None: the renderer's default, `---`); all default when omitted.

    Raises:
        ValueError: a row, or align, does not have one entry per header.
    """
    align = [None] * len(headers) if align is None else align
    if len(align) != len(headers):
        raise ValueError(f"{len(align)} alignments for {len(headers)} columns")
    lines = [_line(headers), _line(RULES[a] for a in align)]
    for number, row in enumerate(rows, 1):
        if len(row) != len(headers):
            raise ValueError(f"row {number} has {len(row)} cells for {len(headers)} columns: {list(row)}")
        lines.append(_line(row))
    return "\n".join(lines)


def column_table(
    columns: Sequence[Column[T]],
    items: Iterable[T],
    extra_rows: Iterable[Sequence[str]] = (),
    align: Sequence[Align] | None = None,
) -> str:
    """A table with a row per item, each column given as (header, the item's cell): a column is one line.

    Args:
        columns: (header, function of an item returning its cell) per column, left to right.
        items: one per row, in order.
        extra_rows: rows of ready cells after the items' rows (a total, a "… more" line).
        align: as for markdown_table.
    """
    rows = [[cell(item) for _, cell in columns] for item in items]
    return markdown_table([header for header, _ in columns], [*rows, *extra_rows], align)
