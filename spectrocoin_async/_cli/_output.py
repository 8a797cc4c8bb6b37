"""Printing results: JSON, NDJSON, a table or CSV, with money in plain, exact notation.

Responses arrive as decoded JSON (every number with a fraction a ``Decimal``); they are printed
with every digit they came with (``0.00000001``, ``10.00``), never through ``float``. Keys that
name a credential (``access_token``, ``client_secret``, ...) are printed as ``<redacted>``.
"""

from __future__ import annotations

import csv
import datetime
import enum
import io
import json
import os
import re
import uuid
from collections.abc import AsyncIterable, Iterable, Mapping
from decimal import Decimal
from typing import Any, Literal, TextIO

from .._encoding import plain_number
from ._table import Cell, layout, record_blocks

__all__ = [
    "REDACTED",
    "OutputMode",
    "Printer",
    "api_times",
    "is_secret_key",
    "json_text",
    "printable",
    "redact",
]

OutputMode = Literal["json", "ndjson", "table", "csv"]
REDACTED = "<redacted>"
_SECRET_KEYS = frozenset({"accesstoken", "refreshtoken", "idtoken", "clientsecret", "password"})
_encode_str = json.encoder.encode_basestring


def is_secret_key(key: str) -> bool:
    folded = key.replace("_", "").replace("-", "").lower()
    return folded in _SECRET_KEYS or folded.endswith("secret")


def redact(value: Any) -> Any:
    """A copy of ``value`` with the values of credential-named keys replaced."""
    if isinstance(value, Mapping):
        return {
            k: (REDACTED if isinstance(k, str) and is_secret_key(k) else redact(v))
            for k, v in value.items()
        }
    if isinstance(value, (list, tuple)):
        return [redact(v) for v in value]
    return value


def _scalar_text(value: Any) -> str:
    """A scalar as a table or CSV cell: exact numbers, ISO dates, enum values."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (Decimal, int, float)):
        return _number(value)
    if isinstance(value, enum.Enum):
        return _scalar_text(value.value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return _iso(value)
    if isinstance(value, (Mapping, list, tuple)):
        return json_text(value)
    return str(value)


def printable(text: str) -> str:
    """``text`` with control characters escaped: a hostile server must not drive the terminal."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _visible(value: Any) -> str:
    return printable(_scalar_text(value))


def json_text(value: Any, indent: int | None = None) -> str:
    """JSON in which a ``Decimal`` keeps its digits, in plain notation (never via float)."""
    out: list[str] = []
    _dump(value, out, indent, 0)
    return "".join(out)


def _dump(value: Any, out: list[str], indent: int | None, level: int) -> None:
    if isinstance(value, str):
        out.append(_encode_str(value))
    elif value is None:
        out.append("null")
    elif isinstance(value, bool):
        out.append("true" if value else "false")
    elif isinstance(value, (Decimal, int, float)):
        out.append(_number(value))
    elif isinstance(value, enum.Enum):
        _dump(value.value, out, indent, level)
    elif isinstance(value, (datetime.date, datetime.datetime, uuid.UUID)):
        out.append(_encode_str(str(value) if isinstance(value, uuid.UUID) else _iso(value)))
    elif isinstance(value, Mapping):
        items = list(value.items())
        if not items:
            out.append("{}")
            return
        pad, end = _pads(indent, level)
        out.append("{")
        for index, (key, item) in enumerate(items):
            out.append(
                ("," if index else "") + pad + _encode_str(str(key)) + (": " if indent else ":")
            )
            _dump(item, out, indent, level + 1)
        out.append(end + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        pad, end = _pads(indent, level)
        out.append("[")
        for index, item in enumerate(value):
            out.append(("," if index else "") + pad)
            _dump(item, out, indent, level + 1)
        out.append(end + "]")
    else:
        out.append(_encode_str(str(value)))


def _iso(value: datetime.date) -> str:
    """A date-time as the API writes one (``2026-01-02T03:04:05.001Z``): UTC as ``Z``, and
    milliseconds unless the value has finer digits; a date as ``YYYY-MM-DD``."""
    if not isinstance(value, datetime.datetime):
        return value.isoformat()
    spec = "milliseconds" if value.microsecond % 1000 == 0 else "microseconds"
    text = value.isoformat(timespec=spec)
    return text[:-6] + "Z" if value.utcoffset() == datetime.timedelta(0) else text


_DATE_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00")


def api_times(value: Any) -> Any:
    """A model's ``to_dict()`` with its UTC date-times written as the API writes them (Python's
    ``...001000+00:00`` becomes ``...001Z``), so every command prints them alike."""
    if isinstance(value, Mapping):
        return {k: api_times(v) for k, v in value.items()}
    if isinstance(value, list):
        return [api_times(v) for v in value]
    if isinstance(value, str) and _DATE_TIME.fullmatch(value):
        return _iso(datetime.datetime.fromisoformat(value))
    return value


def _number(value: Decimal | int | float) -> str:
    try:
        return plain_number(value)
    except ValueError:  # beyond the SDK's bounds for an amount: print it, do not crash
        return str(value)


def _pads(indent: int | None, level: int) -> tuple[str, str]:
    if not indent:
        return "", ""
    return "\n" + " " * (indent * (level + 1)), "\n" + " " * (indent * level)


def _flatten(value: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested objects as dotted columns (``payer.email``); lists stay whole."""
    flat: dict[str, Any] = {}
    for key, item in value.items():
        name = f"{prefix}{key}"
        if isinstance(item, Mapping) and item:
            flat.update(_flatten(item, name + "."))
        else:
            flat[name] = item
    return flat


def _items(data: Any) -> list[Any] | None:
    """The rows of a list response or of a page (``{"content": [...], ...}``), else None."""
    if isinstance(data, list):
        return data
    if isinstance(data, Mapping) and isinstance(data.get("content"), list):
        return list(data["content"])
    return None


class Printer:
    """Writes results to ``out`` in one output mode."""

    def __init__(self, mode: OutputMode, out: TextIO, *, terminal: bool) -> None:
        self.mode = mode
        self.out = out
        self.terminal = terminal

    def result(self, data: Any) -> None:
        """One response."""
        data = redact(data)
        if self.mode == "json":
            self.out.write(json_text(data, indent=2) + "\n")
        elif self.mode == "ndjson":
            items = _items(data)
            for item in items if items is not None else [data]:
                self.out.write(json_text(item) + "\n")
        elif self.mode == "csv":
            items = _items(data)
            self._csv(items if items is not None else [data])
        else:
            self._table(data)
        self.out.flush()

    async def stream(self, items: AsyncIterable[Any]) -> int:
        """Every item of every page (``--all``): NDJSON line by line as pages arrive; the other
        formats need every row (a table's widths, CSV's columns), so they print at the end."""
        count = 0
        if self.mode == "ndjson":
            async for item in items:
                count += 1
                self.out.write(json_text(redact(item)) + "\n")
                self.out.flush()
            return count
        collected = [redact(item) async for item in items]
        if self.mode == "json":
            self.out.write(json_text(collected, indent=2) + "\n")
        elif self.mode == "csv":
            self._csv(collected)
        else:
            self._table(collected)
        self.out.flush()
        return len(collected)

    # -- table and CSV ----------------------------------------------------------------------

    def _csv(self, rows: Iterable[Any]) -> None:
        flat = [_flatten(r) if isinstance(r, Mapping) else {"value": r} for r in rows]
        columns = list(dict.fromkeys(key for row in flat for key in row))
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        cell = _visible if self.terminal else _scalar_text
        writer.writerow([cell(c) for c in columns])
        for row in flat:
            writer.writerow([cell(row.get(c)) for c in columns])
        self.out.write(buffer.getvalue())

    def _table(self, data: Any) -> None:
        width = self._width()
        items = _items(data)
        if items is None:
            if isinstance(data, Mapping):
                fields = [(printable(k), _cell(v)) for k, v in _flatten(data).items()]
                self._lines(record_blocks([fields], width))
            else:
                self.out.write(_visible(data) + "\n")
            return
        flat = [_flatten(r) if isinstance(r, Mapping) else {"value": r} for r in items]
        columns = list(dict.fromkeys(key for row in flat for key in row))
        rows = [[_cell(row.get(c)) for c in columns] for row in flat]
        right = [
            all(isinstance(row.get(c), (Decimal, int)) for row in flat if c in row) for c in columns
        ]
        rule = "─" if "utf" in (getattr(self.out, "encoding", None) or "utf-8").lower() else "-"
        lines = layout([printable(c) for c in columns], rows, width, right=right, rule=rule)
        if lines is None:  # too narrow for columns: one block per record, nothing split
            headers = [printable(c) for c in columns]
            records = [
                [(h, cell) for h, cell, c in zip(headers, row, columns, strict=True) if c in src]
                for row, src in zip(rows, flat, strict=True)
            ]
            lines = [*record_blocks(records, width), ""]
        self._lines(lines)
        if isinstance(data, Mapping):
            rest = {
                k: v
                for k, v in data.items()
                if k != "content" and not isinstance(v, (Mapping, list))
            }
            # The page's counters, as many to a line as fit, none split.
            line = ""
            for item in (f"{printable(k)}={_visible(v)}" for k, v in rest.items()):
                if line and len(line) + 2 + len(item) > width:
                    self._lines([line])
                    line = ""
                line = f"{line}  {item}" if line else item
            if line:
                self._lines([line])

    def _lines(self, lines: Iterable[str]) -> None:
        self.out.write("".join(line + "\n" for line in lines))

    def _width(self) -> int:
        """The terminal's width (COLUMNS first, as rich and less read it); piped: unlimited."""
        if not self.terminal:
            return 10_000
        columns = os.environ.get("COLUMNS", "")
        if columns.isascii() and columns.isdigit() and 0 < int(columns) < 10_000:
            return int(columns)
        try:
            return os.get_terminal_size(self.out.fileno()).columns or 80
        except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
            return 80


def _cell(value: Any) -> Cell:
    """A table cell; free text (spaces, a URL, a nested value) may be shortened, the rest
    (numbers, ids, codes, timestamps, addresses) is always printed whole."""
    text = _visible(value)
    free = (
        isinstance(value, str)
        and (any(c.isspace() for c in value) or value.startswith(("http://", "https://")))
    ) or (isinstance(value, (Mapping, list, tuple)) and bool(value))
    return Cell(text, whole=not free)
