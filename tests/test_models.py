"""Exact money and tolerant parsing in the generated models."""

from __future__ import annotations

import datetime
from decimal import Decimal
from uuid import UUID

import pytest
import respx

from spectrocoin_async import Order, OrderStatus, SpectroCoinClient

from .conftest import json_response

ORDER_ID = "0b6a3f6e-2a9e-4f63-9d34-0f0a4b6f7e11"


@pytest.mark.anyio
async def test_amounts_arrive_as_exact_decimals(
    api: respx.MockRouter, sc: SpectroCoinClient
) -> None:
    api.get(f"/merchants/orders/{ORDER_ID}").respond(
        content=b'{"id": "%s", "status": "PAID", "payAmount": 25.76161379, '
        b'"receiveAmount": 0.1, "receiveCurrencyCode": "EUR"}' % ORDER_ID.encode(),
        headers={"content-type": "application/json"},
    )
    order = await sc.merchant.get_order(UUID(ORDER_ID))
    assert order.pay_amount == Decimal("25.76161379")
    assert str(order.pay_amount) == "25.76161379"
    assert str(order.receive_amount) == "0.1"  # never 0.1000000000000000055511151231257827


@pytest.mark.anyio
async def test_unknown_enum_value_and_unknown_field_never_raise(
    api: respx.MockRouter, sc: SpectroCoinClient
) -> None:
    api.get(f"/merchants/orders/{ORDER_ID}").mock(
        return_value=json_response(
            {"id": ORDER_ID, "status": "CHARGEBACK", "brandNewField": {"a": 1}}
        )
    )
    order = await sc.merchant.get_order(UUID(ORDER_ID))
    assert order.status == "CHARGEBACK"
    assert order.status.value == "CHARGEBACK"
    assert order.status.is_unknown
    assert isinstance(order.status, OrderStatus)
    assert not OrderStatus.PAID.is_unknown
    assert order["brandNewField"] == {"a": 1}
    assert order.to_dict()["status"] == "CHARGEBACK"


@pytest.mark.parametrize(
    "valid_until",
    ["2026-01-01T00:00:00+00:00", "2026-01-01T00:00:00Z", 1767225600000, "1767225600000"],
)
def test_valid_until_parses_from_iso_and_epoch_milliseconds(valid_until: object) -> None:
    order = Order.from_dict({"id": ORDER_ID, "status": "NEW", "validUntil": valid_until})
    assert order.valid_until == datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


def test_nullable_fields_accept_null() -> None:
    order = Order.from_dict(
        {"id": ORDER_ID, "status": "NEW", "memo": None, "validUntil": None, "payAmount": None}
    )
    assert order.memo is None
    assert order.valid_until is None
    assert order.pay_amount is None
