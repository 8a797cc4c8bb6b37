"""Deliberate mistakes a user makes; each must be an error under ``mypy --strict``.

If the installed package were untyped (no ``py.typed``), everything from it would be ``Any`` and
none of these lines would be reported: the check fails on the missing errors as well.
"""

from __future__ import annotations

from decimal import Decimal

from spectrocoin_async import CreateOrderRequest, SpectroCoinClient


async def mistakes(sc: SpectroCoinClient) -> None:
    order = await sc.merchant.get_order("0b6a3f6e-2a9e-4f63-9d34-0f0a4b6f7e11")
    total: Decimal = Decimal(0)
    total += order.pay_amount  # error: operator
    order.created_at.date()  # error: union-attr
    CreateOrderRequest(project_id="x", callbackUrl="https://x")  # error: call-arg
    CreateOrderRequest(project_id="x", receive_amount=10.5)  # error: arg-type
    await sc.rates.get_rates(from_currency_code="BTC")  # error: call-arg
    await sc.accounts.list_acounts()  # error: attr-defined
