"""Currencies, rates and rate history."""

from __future__ import annotations

import datetime

from ..catalogue import CURRENCIES
from ..errors import rule_broken
from ..rates import INTERVALS
from ..state import Record, iso
from .base import Call, handles


@handles("listCurrencies")
async def list_currencies(call: Call) -> list[Record]:
    return [c.to_json() for c in CURRENCIES.values()]


def _known(code: str | None, name: str) -> str | None:
    if code is not None and code not in CURRENCIES:
        raise rule_broken("unknown_currency", name, f"unknown currency {code}")
    return code


@handles("getRates")
async def get_rates(call: Call) -> list[Record]:
    source = _known(call.query.code("from"), "from")
    target = _known(call.query.code("to"), "to")
    rates = call.sandbox.ledger.rates
    stamp = iso(datetime.datetime.now(datetime.UTC))
    return [
        {"fromCurrencyCode": a, "toCurrencyCode": b, "rate": rates.rate(a, b), "timestamp": stamp}
        for a in CURRENCIES
        for b in CURRENCIES
        if a != b and source in (None, a) and target in (None, b)
    ]


@handles("getRateHistory")
async def get_rate_history(call: Call) -> list[Record]:
    q = call.query
    source = _known(q.required_code("from"), "from")
    target = _known(q.required_code("to"), "to")
    assert source is not None and target is not None
    interval = q.choice("interval", INTERVALS) or "DAY"
    now = datetime.datetime.now(datetime.UTC)
    day_to = q.date("dateTo") or now.date()
    span = datetime.timedelta(days=2) if interval == "HOUR" else datetime.timedelta(days=30)
    day_from = q.date("dateFrom") or (day_to - span)
    if day_from > day_to:
        raise rule_broken("date_range", "dateFrom", "must not be after dateTo")
    start = datetime.datetime.combine(day_from, datetime.time(), datetime.UTC)
    end = min(now, datetime.datetime.combine(day_to, datetime.time.max, datetime.UTC))
    if end < start:
        return []
    points = call.sandbox.ledger.rates.history(
        source, target, start=start, end=end, interval=interval
    )
    return [
        {"fromCurrencyCode": source, "toCurrencyCode": target, "rate": rate, "timestamp": iso(when)}
        for when, rate in points
    ]
