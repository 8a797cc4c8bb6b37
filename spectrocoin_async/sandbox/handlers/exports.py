"""CSV and PDF exports, streamed."""

from __future__ import annotations

import datetime
from collections.abc import AsyncIterator, Iterator
from typing import Final

from starlette.responses import Response, StreamingResponse

from ..exports import csv_stream, pdf_stream
from ..state import Record
from .base import Call, handles

_TRANSACTION_COLUMNS: Final = (
    "id",
    "createdAt",
    "accountId",
    "currencyCode",
    "type",
    "status",
    "amount",
    "fee",
    "description",
)
_ORDER_COLUMNS: Final = (
    "id",
    "orderId",
    "createdAt",
    "status",
    "receiveAmount",
    "receiveCurrencyCode",
    "payAmount",
    "payCurrencyCode",
    "projectId",
    "description",
)


async def _async_chunks(chunks: Iterator[bytes]) -> AsyncIterator[bytes]:
    # Filler rows are cheap to make: on the event loop, not a thread per 64 KiB chunk.
    for chunk in chunks:
        yield chunk


def _export(call: Call, name: str, columns: tuple[str, ...], rows: list[Record]) -> Response:
    export_format = call.query.choice("format", ("CSV", "PDF"), required=True)
    size = call.query.integer("sandboxSize", -1, minimum=0, maximum=10**12)
    day = datetime.date.today().isoformat()
    if export_format == "PDF":
        lines = [
            "  ".join(str(row.get(c) if row.get(c) is not None else "") for c in columns[:8])
            for row in rows
        ]
        chunks = pdf_stream(f"SpectroCoin sandbox - {name} export - {day}", lines)
        media, extension = "application/pdf", "pdf"
    else:
        table = ([row.get(c) for c in columns] for row in rows)
        chunks = csv_stream(columns, table, size=None if size < 0 else size)
        media, extension = "text/csv; charset=utf-8", "csv"
    return StreamingResponse(
        _async_chunks(chunks),
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="{name}-{day}.{extension}"'},
    )


@handles("exportTransactions")
async def export_transactions(call: Call) -> Response:
    q = call.query
    rows = call.sandbox.ledger.list_transactions(
        account_id=q.text("accountId"), date_from=q.date("dateFrom"), date_to=q.date("dateTo")
    )
    return _export(call, "transactions", _TRANSACTION_COLUMNS, rows)


@handles("exportOrders")
async def export_orders(call: Call) -> Response:
    q = call.query
    orders = call.sandbox.ledger.list_orders(date_from=q.date("dateFrom"), date_to=q.date("dateTo"))
    return _export(call, "orders", _ORDER_COLUMNS, [o.to_json() for o in orders])
