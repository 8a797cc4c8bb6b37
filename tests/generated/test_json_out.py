"""Issue 19 item 6: ``model.to_json()`` is ready for ``json.dumps``, money as plain text."""

from __future__ import annotations

import json
from decimal import Decimal

from spectrocoin_async import CreateOrderRequest, Order, OrderPage

ORDER_ID = "0b6a3f6e-2a9e-4f63-9d34-0f0a4b6f7e11"
PROJECT = "f58a9032-94c8-1b36-a132-3d6c2ad81255"


def test_a_response_dumps_with_money_as_plain_strings() -> None:
    order = Order.from_dict(
        {
            "id": ORDER_ID,
            "status": "PAID",
            "payAmount": Decimal("1E-8"),
            "receiveAmount": Decimal("25.76161379"),
            "createdAt": "2026-12-01T10:00:00Z",
        }
    )
    assert json.dumps(order.to_json(), sort_keys=True) == (
        '{"createdAt": "2026-12-01T10:00:00+00:00", "id": "' + ORDER_ID + '", '
        '"payAmount": "0.00000001", "receiveAmount": "25.76161379", "status": "PAID"}'
    )
    # to_dict keeps the Decimal itself.
    assert order.to_dict()["payAmount"] == Decimal("1E-8")


def test_nested_models_and_requests_too() -> None:
    page = OrderPage.from_dict(
        {"content": [{"id": ORDER_ID, "status": "NEW", "payAmount": "10.50"}], "last": True}
    )
    data = json.loads(json.dumps(page.to_json()))
    assert data == {
        "content": [{"id": ORDER_ID, "status": "NEW", "payAmount": "10.50"}],
        "last": True,
    }
    request = CreateOrderRequest(project_id=PROJECT, receive_amount=Decimal("100"))
    assert json.dumps(request.to_json()) == (
        '{"projectId": "' + PROJECT + '", "receiveAmount": "100"}'
    )
