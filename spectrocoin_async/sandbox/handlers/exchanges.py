"""Exchange pairs, quotes and exchanges."""

from __future__ import annotations

from ..state import Record
from .base import Call, _dated, _page_of, handles


@handles("listExchangePairs")
async def list_exchange_pairs(call: Call) -> list[Record]:
    return call.sandbox.ledger.exchange_pairs()


@handles("calculateExchange")
async def calculate_exchange(call: Call) -> Record:
    b = call.body
    return call.sandbox.ledger.quote(
        b.required_code("payCurrencyCode"),
        b.required_code("receiveCurrencyCode"),
        pay_amount=b.decimal("payAmount"),
        receive_amount=b.decimal("receiveAmount"),
    )


@handles("createExchange")
async def create_exchange(call: Call) -> Record:
    b = call.body
    return call.sandbox.ledger.execute_exchange(
        pay_amount=b.required_decimal("payAmount"),
        pay_code=b.code("payCurrencyCode"),
        receive_code=b.code("receiveCurrencyCode"),
        pair_id=b.text("exchangePairId"),
        pay_account_id=b.text("payAccountId"),
        receive_account_id=b.text("receiveAccountId"),
    )


@handles("listExchanges")
async def list_exchanges(call: Call) -> Record:
    items = _dated(call, call.sandbox.ledger.exchanges, status=call.query.text("status"))
    return _page_of(call, items)


@handles("getExchange")
async def get_exchange(call: Call) -> Record:
    return call.sandbox.ledger.exchange(call.id)
