"""Export files, produced as streams: CSV of any requested size, and a small real PDF.

``csv_stream(..., size=N)`` yields exactly ``N`` bytes: the real rows first, then made-up filler
rows, the last one padded to land on the byte. It never holds more than one chunk (64 KiB), so a
benchmark can ask for 200 MB. The PDF is PDF 1.4 written by hand: Courier text on A4 pages, with
a correct cross-reference table.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any, Final

from .._encoding import plain_number

__all__ = ["csv_stream", "pdf_stream"]

_CHUNK: Final = 64 * 1024
_LINES_PER_PAGE: Final = 64
_MAX_PDF_LINES: Final = 5000


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return plain_number(value)
    return str(value)


def _row(values: Iterable[Any]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow([_cell(v) for v in values])
    return buffer.getvalue().encode("utf-8")


def _filler(index: int, columns: int, length: int | None = None) -> bytes:
    """A made-up row with ``columns`` cells; with ``length``, exactly that many bytes (the last
    cell is padded). Its shortest form is ``_filler_min(columns)`` bytes."""
    head = f"SBX{index:012d}" + "," * (columns - 1)
    if length is None:
        return (head + "sandbox filler row" + "\n").encode("ascii")
    pad = length - len(head) - 1
    return (head + ("sandbox filler row " * (pad // 19 + 1))[:pad] + "\n").encode("ascii")


def _filler_min(columns: int) -> int:
    return len("SBX") + 12 + (columns - 1) + len("\n")


def csv_stream(
    header: Sequence[str], rows: Iterable[Sequence[Any]], *, size: int | None = None
) -> Iterator[bytes]:
    """The CSV file in chunks; exactly ``size`` bytes when ``size`` is given."""
    columns = len(header)
    budget = size
    pending: list[bytes] = []
    pending_len = 0
    written = 0

    def emit(data: bytes) -> Iterator[bytes]:
        nonlocal pending_len, written
        pending.append(data)
        pending_len += len(data)
        written += len(data)
        if pending_len >= _CHUNK:
            yield b"".join(pending)
            pending.clear()
            pending_len = 0

    head = _row(header)
    if budget is not None and budget <= len(head):
        yield head[:budget]
        return
    yield from emit(head)
    minimum = _filler_min(columns)

    def room_for(row: bytes) -> bool:
        # Keep enough room after this row for a final padded filler row.
        return budget is None or written + len(row) + minimum <= budget

    index = 0
    for values in rows:
        row = _row(values)
        if not room_for(row):
            break
        yield from emit(row)
        index += 1
    if budget is not None:
        if pending:
            yield b"".join(pending)
            pending.clear()
            pending_len = 0
        # Whole chunks of filler rows at a time: a 200 MB export is mostly this loop.
        tail = "," * (columns - 1) + "sandbox filler row\n"
        while True:
            row_length = len(_filler(index, columns))
            count = min(_CHUNK // row_length, 10**12 - index)
            if count < 1 or written + count * row_length + minimum > budget:
                break
            chunk = "".join([f"SBX{i:012d}{tail}" for i in range(index, index + count)])
            written += count * row_length
            index += count
            yield chunk.encode("ascii")
        while True:
            row = _filler(index, columns)
            if not room_for(row):
                break
            yield from emit(row)
            index += 1
        remaining = budget - written
        if remaining >= minimum:
            yield from emit(_filler(index, columns, remaining))
        elif remaining > 0:
            yield from emit(b"\n" * remaining)
    if pending:
        yield b"".join(pending)


def _pdf_text(line: str) -> str:
    text = line.encode("ascii", "replace").decode("ascii")
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_stream(title: str, lines: Sequence[str]) -> Iterator[bytes]:
    """A valid PDF 1.4 listing ``lines`` under ``title``, page by page."""
    body = [title, "", *lines[:_MAX_PDF_LINES]]
    if len(lines) > _MAX_PDF_LINES:
        body.append(f"... {len(lines) - _MAX_PDF_LINES} more lines not shown")
    pages = [body[i : i + _LINES_PER_PAGE] for i in range(0, len(body), _LINES_PER_PAGE)] or [[]]
    page_ids = [4 + 2 * i for i in range(len(pages))]
    offsets: list[int] = []
    position = 0

    def obj(number: int, content: bytes) -> bytes:
        nonlocal position
        offsets.append(position)
        data = b"%d 0 obj\n" % number + content + b"\nendobj\n"
        position += len(data)
        return data

    header = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    position = len(header)
    yield header
    yield obj(1, b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = b" ".join(b"%d 0 R" % n for n in page_ids)
    yield obj(2, b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % len(pages))
    yield obj(3, b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>")
    for number, page in zip(page_ids, pages, strict=True):
        yield obj(
            number,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (number + 1),
        )
        text = "".join(f"({_pdf_text(line)}) Tj T*\n" for line in page)
        stream = f"BT\n/F1 8 Tf\n10 TL\n36 806 Td\n{text}ET\n".encode("ascii")
        yield obj(
            number + 1,
            b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"endstream",
        )
    count = len(offsets) + 1
    xref = [b"xref\n0 %d\n" % count, b"0000000000 65535 f \n"]
    xref.extend(b"%010d 00000 n \n" % offset for offset in offsets)
    yield b"".join(xref)
    yield b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (count, position)
