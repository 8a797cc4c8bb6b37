"""Exact money and tolerant parsing in the generated models."""

from __future__ import annotations

import datetime
from decimal import Decimal
from uuid import UUID

import pytest
import respx

from spectrocoin_async import (
    BankRail,
    CreateBankWithdrawalRequest,
    ModelValidationError,
    Order,
    OrderPage,
    OrderStatus,
    SpectroCoinClient,
    SpectroCoinError,
)
from tests.conftest import json_response

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


# --------------------------------------------------------------------------------------------
# Issue 10 item 19: from_dict (also used on stored JSON) names the model and the field


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"status": "NEW"}, "Order.id: is required but missing"),
        ({"id": None, "status": "NEW"}, "Order.id: expected a string, got null"),  # opaque text
        ({"id": 7, "status": "NEW"}, "Order.id: expected a string, got number"),
        ({"id": ORDER_ID}, "Order.status: is required but missing"),
        ({"id": ORDER_ID, "status": None}, "Order.status: None is not a valid OrderStatus"),
        (
            {"id": ORDER_ID, "status": "NEW", "receiveAmount": "1,5"},
            "Order.receiveAmount: not a decimal number: '1,5'",
        ),
        (
            {"id": ORDER_ID, "status": "NEW", "projectId": "x"},
            "Order.projectId: badly formed hexadecimal UUID string",
        ),
        (
            {"id": ORDER_ID, "status": "NEW", "createdAt": [1]},
            "Order.createdAt: expected a timestamp or null, got array",
        ),
    ],
)
def test_from_dict_names_the_model_and_the_field(data: dict[str, object], message: str) -> None:
    with pytest.raises(ModelValidationError) as info:
        Order.from_dict(data)
    assert str(info.value) == message
    assert info.value.model == "Order"
    assert info.value.field == message.split(":", maxsplit=1)[0].removeprefix("Order.")
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, SpectroCoinError)
    assert info.value.__cause__ is None  # no "KeyError: 'id'" chained into tracebacks


def test_request_models_from_stored_json() -> None:
    stored = {"amount": "10.50", "beneficiaryName": "J", "currencyCode": "EUR", "rail": "SEPA"}
    request = CreateBankWithdrawalRequest.from_dict(stored)
    assert request.amount == Decimal("10.50")
    assert request.rail is BankRail.SEPA
    with pytest.raises(ModelValidationError, match=r"^CreateBankWithdrawalRequest.rail: "):
        CreateBankWithdrawalRequest.from_dict({**stored, "rail": 1})
    with pytest.raises(
        ModelValidationError, match=r"^CreateBankWithdrawalRequest.beneficiaryName: is required"
    ):
        CreateBankWithdrawalRequest.from_dict(
            {k: v for k, v in stored.items() if k != "beneficiaryName"}
        )


def test_nested_models_name_the_path() -> None:
    with pytest.raises(ModelValidationError) as info:
        OrderPage.from_dict({"content": [{"id": ORDER_ID, "status": "NEW"}, {"id": 1}]})
    assert str(info.value) == "OrderPage.content[1].id: expected a string, got number"
    with pytest.raises(
        ModelValidationError, match=r"^OrderPage.content: expected an array, got string$"
    ):
        OrderPage.from_dict({"content": "abc"})
    with pytest.raises(
        ModelValidationError, match=r"^OrderPage.content\[0\]: expected an object, got str$"
    ):
        OrderPage.from_dict({"content": ["abc"]})


# --------------------------------------------------------------------------------------------
# Issue 18 item 6: one rule for every amount, required or nullable


@pytest.mark.parametrize("field", ["receiveAmount", "payAmount"])  # plain, and nullable
@pytest.mark.parametrize(
    ("given", "expected"),
    [(1.5, Decimal("1.5")), (0.1, Decimal("0.1")), ("1.50", Decimal("1.50")), (7, Decimal(7))],
)
def test_every_amount_reads_a_float_a_string_and_an_int_alike(
    field: str, given: object, expected: Decimal
) -> None:
    """A float (from JSON the caller decoded itself) is read as its shortest repr, nullable or
    not; before, ``receiveAmount: 1.5`` was Decimal('1.5') but ``payAmount: 1.5`` raised
    'expected a number or null, got number'."""
    order = Order.from_dict({"id": ORDER_ID, "status": "NEW", field: given})
    value = order.receive_amount if field == "receiveAmount" else order.pay_amount
    assert type(value) is Decimal
    assert value == expected
    assert str(value) == str(expected)


@pytest.mark.parametrize(
    ("field", "given", "message"),
    [
        ("receiveAmount", {}, "Order.receiveAmount: expected a decimal number or null, got object"),
        ("payAmount", {}, "Order.payAmount: expected a decimal number or null, got object"),
        ("receiveAmount", True, "Order.receiveAmount: expected a decimal number, got boolean"),
        ("payAmount", True, "Order.payAmount: expected a decimal number, got boolean"),
        ("payAmount", [1], "Order.payAmount: expected a decimal number or null, got array"),
    ],
)
def test_an_amount_of_the_wrong_type_says_what_was_expected_and_given(
    field: str, given: object, message: str
) -> None:
    with pytest.raises(ModelValidationError) as info:
        Order.from_dict({"id": ORDER_ID, "status": "NEW", field: given})
    assert str(info.value) == message
