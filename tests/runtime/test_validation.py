"""Bad input is rejected before anything is sent, naming the field."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, cast

import pytest
import respx

from spectrocoin_async import (
    BankRail,
    CalculateExchangeRequest,
    CreateBankWithdrawalRequest,
    CreateOrderRequest,
    SpectroCoinClient,
    TransactionType,
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


# --------------------------------------------------------------------------------------------
# Issue 10, items 12-15


@pytest.mark.parametrize(
    ("amount", "reason"),
    [
        (Decimal("NaN"), "must be a finite number, got NaN"),
        (Decimal("sNaN"), "must be a finite number, got sNaN"),
        (Decimal("-Infinity"), "must be a finite number, got -Infinity"),
        (Decimal("Infinity"), "must be a finite number, got Infinity"),
        (Decimal("1E+999999999"), "is out of range (exponent 999999999, at most ±40)"),
        (Decimal("1E-999999999"), "is out of range (exponent -999999999, at most ±40)"),
        (Decimal("1" * 51), "has more than 50 significant digits"),
        (
            "NaN",
            "text 'NaN' is not a number in plain notation (ASCII digits, an optional leading "
            "'-' and one '.', e.g. '1000.50'); or pass a Decimal",
        ),
        ("1" * 101, "must be a decimal number of at most 100 characters"),
    ],
)
@pytest.mark.anyio
async def test_non_finite_and_absurd_amounts_are_refused_naming_the_field(
    api: respx.MockRouter, sc: SpectroCoinClient, amount: object, reason: str
) -> None:
    # Before: NaN and sNaN raised decimal.InvalidOperation; Infinity failed in the encoder
    # naming nothing; 1E+999999999 built a gigabyte body.
    route = api.post("/merchants/orders/create")
    with pytest.raises(ValidationError) as info:
        await sc.merchant.create_order(body=order(receive_amount=amount))
    assert (info.value.field, info.value.reason) == ("receiveAmount", reason)
    assert route.call_count == 0
    assert len(api.calls) == 0


@pytest.mark.anyio
async def test_absurd_amount_in_a_field_without_bounds_is_refused_by_the_encoder(
    api: respx.MockRouter, sc: SpectroCoinClient
) -> None:
    # payAmount has no bounds in the spec: the encoder refuses it, naming the key.
    with pytest.raises(ValidationError) as info:
        await sc.merchant.create_order(body=order(pay_amount=Decimal("1E+999999999")))
    assert info.value.field == "payAmount"
    assert "out of range" in info.value.reason
    assert len(api.calls) == 0


@pytest.mark.anyio
async def test_enum_fields_accept_their_strings_and_refuse_others(
    api: respx.MockRouter, sc: SpectroCoinClient
) -> None:
    route = api.post("/withdrawals/bank").respond(
        json={"id": "w-1", "status": "PENDING", "amount": "10", "currencyCode": "EUR"}
    )

    def withdrawal(rail: object) -> CreateBankWithdrawalRequest:
        return CreateBankWithdrawalRequest(
            amount=Decimal("10"),
            beneficiary_name="Jonas",
            currency_code="EUR",
            rail=rail,  # type: ignore[arg-type]
            iban="LT121000011101001000",
        )

    await sc.withdrawals.create_bank_withdrawal(body=withdrawal("SEPA"))
    assert b"rail=SEPA" in route.calls.last.request.content
    await sc.withdrawals.create_bank_withdrawal(body=withdrawal(BankRail.SWIFT))
    assert b"rail=SWIFT" in route.calls.last.request.content
    for bad, shown in (("XYZ", "'XYZ'"), (3, "int"), (None, "NoneType")):
        with pytest.raises(ValidationError) as info:
            await sc.withdrawals.create_bank_withdrawal(body=withdrawal(bad))
        assert (info.value.field, info.value.reason) == (
            "rail",
            f"must be one of SEPA, SWIFT, got {shown}",
        )
    assert route.call_count == 2


@pytest.mark.parametrize("bad", ["", ".", "..", "../accounts", "a/b", "a\\b", "a\nb", "\x00"])
@pytest.mark.anyio
async def test_path_parameters_that_leave_their_segment_are_never_sent(
    api: respx.MockRouter, sc: SpectroCoinClient, bad: str
) -> None:
    # Before: get_transaction("..") sent GET /api/public, cancel_order("..") sent
    # POST /api/public/merchants/cancel.
    with pytest.raises(ValidationError) as info:
        await sc.transactions.get_transaction(bad)
    assert info.value.field == "id"
    with pytest.raises(ValidationError, match="^id: "):
        await sc.merchant.cancel_order(cast(Any, bad))
    with pytest.raises(ValidationError, match="^id: "):
        await sc.merchant.get_project(cast(Any, bad))
    assert len(api.calls) == 0


@pytest.mark.anyio
async def test_ordinary_path_parameters_are_percent_encoded(
    api: respx.MockRouter, sc: SpectroCoinClient
) -> None:
    route = api.get(url__regex=r"/transactions/.*").respond(json={"id": "a b?c", "type": "X"})
    await sc.transactions.get_transaction("a b?c%2F")
    assert route.calls.last.request.url.raw_path == b"/api/public/transactions/a%20b%3Fc%252F"


@pytest.mark.anyio
async def test_query_parameters_are_checked_like_body_fields(
    api: respx.MockRouter, sc: SpectroCoinClient
) -> None:
    route = api.get("/transactions").respond(json={"content": [], "last": True})
    with pytest.raises(ValidationError) as info:
        await sc.transactions.list_transactions(date_from=cast(Any, "2026-01-01"))
    assert (info.value.field, info.value.reason) == ("dateFrom", "must be a date, got str")
    with pytest.raises(ValidationError, match="^type: must be one of "):
        await sc.transactions.list_transactions(type=cast(Any, "NOT_A_TYPE"))
    assert route.call_count == 0
    await sc.transactions.list_transactions(type=TransactionType.DEPOSIT.value)
    assert route.calls.last.request.url.params["type"] == TransactionType.DEPOSIT.value


@pytest.mark.anyio
async def test_plain_fields_and_parameters_of_the_wrong_type_are_refused(
    api: respx.MockRouter, sc: SpectroCoinClient
) -> None:
    # Before: sent as they were (orderId as a JSON number, page=\"2\" as a query string).
    with pytest.raises(ValidationError) as info:
        await sc.merchant.create_order(body=order(order_id=42))
    assert (info.value.field, info.value.reason) == ("orderId", "must be a str, got int")
    with pytest.raises(ValidationError) as page:
        await sc.transactions.list_transactions(page=cast(Any, "2"))
    assert (page.value.field, page.value.reason) == ("page", "must be an int, got str")
    with pytest.raises(ValidationError, match="^size: must be an int, got bool"):
        await sc.transactions.list_transactions(size=cast(Any, True))
    assert len(api.calls) == 0
