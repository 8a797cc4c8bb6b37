"""The table view: rows as columns that fit the terminal, never splitting a number or an id.

In a money tool a number broken over two lines (``2500.0`` / ``00000``) is misread. So every
cell that is not free text (amounts, ids, codes, statuses, timestamps, addresses) is printed
whole on one line; only free-text columns (a value with spaces, a URL, a nested value) are
shortened, with an ellipsis. When even that does not fit, each record is printed as its own
block of ``field  value`` lines. A single record is always printed that way.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

__all__ = ["Cell", "layout", "record_blocks"]

_GAP = "  "
_MIN_TEXT = 6  # a shortened text column keeps at least this much ("Open…")
_MIN_HEADER = 6  # a header is shortened down to this width, not further
_ELLIPSIS = "…"


class Cell:
    """One cell's text, and whether it is free text (may be shortened) or whole."""

    __slots__ = ("text", "whole")

    def __init__(self, text: str, *, whole: bool) -> None:
        self.text = text
        self.whole = whole


def layout(
    headers: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    width: int,
    *,
    right: Sequence[bool],
    rule: str = "─",
) -> list[str] | None:
    """The table's lines at ``width`` columns, or None when it cannot fit without splitting a
    whole cell (the caller then prints records as blocks)."""
    count = len(headers)
    text_column = [any(not row[i].whole for row in rows) for i in range(count)]
    cells = [max((len(row[i].text) for row in rows), default=0) for i in range(count)]
    natural = [max(len(headers[i]), cells[i]) for i in range(count)]
    floor = [
        min(natural[i], _MIN_TEXT)
        if text_column[i]
        else max(cells[i], min(len(headers[i]), _MIN_HEADER))
        for i in range(count)
    ]
    room = width - len(_GAP) * (count - 1)
    if sum(floor) > room:
        return None
    widths = list(natural) if sum(natural) <= room else list(floor)
    spare = room - sum(widths)
    # Whole columns get their headers back first, then text columns their length.
    for wanted in ([i for i in range(count) if not text_column[i]], list(range(count))):
        for i in wanted:
            grow = min(spare, natural[i] - widths[i])
            widths[i] += grow
            spare -= grow
    # A header too long for its column is shortened too: it is a name, not a number.
    out = [_join([_fit(headers[i], widths[i]) for i in range(count)], widths, [False] * count)]
    out.append(_GAP.join(rule * w for w in widths).rstrip())
    for row in rows:
        parts = [_fit(row[i].text, widths[i]) for i in range(count)]
        out.append(_join(parts, widths, right))
    return out


def record_blocks(records: Sequence[Sequence[tuple[str, Cell]]], width: int) -> list[str]:
    """Each record as ``field  value`` lines, records apart by a blank line. A whole value that
    does not fit beside its field goes on the next line, by itself; free text wraps."""
    out: list[str] = []
    for index, record in enumerate(records):
        if index:
            out.append("")
        key_width = min(max((len(key) for key, _ in record), default=0), width // 2)
        value_room = width - key_width - len(_GAP)
        for key, cell in record:
            beside = len(key) <= key_width
            if cell.whole:
                if beside and len(cell.text) <= value_room:
                    out.append(f"{key:<{key_width}}{_GAP}{cell.text}".rstrip())
                else:
                    out += [key, f"{_GAP}{cell.text}"]
                continue
            if beside:
                lines = _wrap(cell.text, value_room)
                out.append(f"{key:<{key_width}}{_GAP}{lines[0]}".rstrip())
                out += [" " * (key_width + len(_GAP)) + line for line in lines[1:]]
            else:
                out.append(key)
                out += [_GAP + line for line in _wrap(cell.text, width - len(_GAP))]
    return out


def _fit(text: str, width: int) -> str:
    """``text`` shortened to ``width`` with an ellipsis (only text cells are ever longer)."""
    return text if len(text) <= width else text[: max(width - 1, 0)] + _ELLIPSIS


def _join(parts: Sequence[str], widths: Sequence[int], right: Sequence[bool]) -> str:
    return _GAP.join(
        part.rjust(w) if r else part.ljust(w)
        for part, w, r in zip(parts, widths, right, strict=True)
    ).rstrip()


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, max(width, 1), break_on_hyphens=False) or [""]
