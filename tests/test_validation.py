"""Bad input is rejected before anything is sent, naming the field."""

from __future__ import annotations

from decimal import Decimal

import pytest
import respx

from spectrocoin_async import (
    CalculateExchangeRequest,
    CreateOrderRequest,
    SpectroCoinClient,
    ValidationError,
)

PROJECT = "f58a9032-94c8-1b36-a132-3d6c2ad81255"


def order(**fields: object) -> CreateOrderRequest:
    values: dict[str, object] = {
        "project_id": PROJECT,
        "receive_amount": Decimal("10"),
        "receive_currency_code": "USD",
    }
    values.update(fields)
    return CreateOrderRequest(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("body", "field", "reason"),
    [
        (
            order(receive_currency_code="usd"),
            "receiveCurrencyCode",
            "'usd' does not match ^[A-Z0-9]{2,10}$ (currency codes are upper case)",
        ),
        (order(receive_amount=Decimal("-1")), "receiveAmount", "must be greater than 0, got -1"),
        (order(receive_amount=Decimal("0")), "receiveAmount", "must be greater than 0, got 0"),
        (order(project_id="not-a-uuid"), "projectId", "must be a UUID, got 'not-a-uuid'"),
        (order(project_id=None), "projectId", "is required"),
        (
            order(receive_amount=0.1),
            "receiveAmount",
            "must be a Decimal, int or decimal string, not a float",
        ),
    ],
)
@pytest.mark.anyio
async def test_bad_create_order_input_is_rejected_before_sending(
    api: respx.MockRouter,
    sc: SpectroCoinClient,
    body: CreateOrderRequest,
    field: str,
    reason: str,
) -> None:
    route = api.post("/merchants/orders/create")
    with pytest.raises(ValidationError) as info:
        await sc.merchant.create_order(body=body)
    assert (info.value.field, info.value.reason) == (field, reason)
    assert str(info.value) == f"{field}: {reason}"
    assert route.call_count == 0
    assert api["token"].call_count == 0  # not even a token was fetched


@pytest.mark.anyio
async def test_bad_form_body_and_query_are_rejected(
    api: respx.MockRouter, sc: SpectroCoinClient
) -> None:
    with pytest.raises(ValidationError, match="^payCurrencyCode: 'btc' does not match"):
        await sc.exchanges.calculate_exchange(
            body=CalculateExchangeRequest(
                pay_currency_code="btc", receive_currency_code="EUR", pay_amount=Decimal("1")
            )
        )
    with pytest.raises(ValidationError, match="^from: 'eur' does not match"):
        await sc.rates.get_rates(from_="eur")
    with pytest.raises(ValidationError, match="^size: must be at most 100, got 1000"):
        await sc.transactions.list_transactions(size=1000)
    assert len(api.calls) == 0


def test_validation_error_is_a_value_error() -> None:
    assert issubclass(ValidationError, ValueError)
