"""createOrder: "the receive pair or the pay pair" (issue 18, item 2, the SDK's part).

SpectroCoin's Drupal module sends every order with ``payAmount: "0.0"`` and ``payCurrencyCode``
beside the receive pair (SpectroCoin/Drupal-Bitcoin-Payment-Gateway-Module,
src/SCMerchantClient/messages/SpectroCoin_CreateOrderRequest.php: getPayAmount formats a missing
pay amount as 0.0; src/Plugin/Commerce/PaymentGateway/SpectroCoin.php passes ``null`` and
``'BTC'``), and the legacy merchant API's own example sends ``payAmount=0.0&receiveAmount=50.0``
(SpectroFinance/SpectroCoin-Merchant-API, README). The receive pair wins when both are given.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
import respx

from spectrocoin_async import CreateOrderRequest, SpectroCoinClient, ValidationError
from tests.conftest import BASE, TOKEN_BODY

pytestmark = pytest.mark.anyio
PROJECT = "f58a9032-94c8-4b36-9a32-3d6c2ad81255"
CREATED = {"orderId": "o-1", "redirectUrl": "https://spectrocoin.com/pay/1"}


async def _sent(**fields: Any) -> bytes:
    with respx.mock(base_url=BASE) as router:
        router.post("/oauth/token").respond(json=TOKEN_BODY)
        route = router.post("/merchants/orders/create").respond(json=CREATED)
        async with SpectroCoinClient("client-1", "secret-1") as sc:
            await sc.merchant.create_order(body=CreateOrderRequest(project_id=PROJECT, **fields))
    body: bytes = route.calls.last.request.content
    return body


async def test_the_drupal_modules_zero_pay_amount_beside_the_receive_pair_is_sent() -> None:
    body = await _sent(
        order_id="17-3",
        pay_amount=Decimal("0.0"),
        pay_currency_code="BTC",
        receive_amount=Decimal("25.50"),
        receive_currency_code="EUR",
    )
    sent = json.loads(body)
    assert (sent["payCurrencyCode"], sent["receiveCurrencyCode"]) == ("BTC", "EUR")
    # Exact numbers on the wire, in plain notation.
    assert b'"payAmount":0.0' in body
    assert b'"receiveAmount":25.50' in body


async def test_the_pay_pair_alone_is_sent() -> None:
    body = await _sent(pay_amount=Decimal("0.001"), pay_currency_code="BTC")
    assert b'"payAmount":0.001' in body and b'"payCurrencyCode":"BTC"' in body


@pytest.mark.parametrize(
    ("fields", "field", "reason"),
    [
        # A zero pay amount counts only beside the receive pair.
        (
            {"pay_amount": Decimal(0), "pay_currency_code": "BTC"},
            "receiveAmount",
            "give receiveAmount and receiveCurrencyCode or payAmount and payCurrencyCode "
            "(receiveAmount: is required; payAmount: must be greater than 0, got 0)",
        ),
        (
            {},
            "receiveAmount",
            "give receiveAmount and receiveCurrencyCode or payAmount and payCurrencyCode "
            "(receiveAmount: is required; payAmount: is required)",
        ),
        (
            {"receive_amount": Decimal("5")},
            "receiveAmount",
            "give receiveAmount and receiveCurrencyCode or payAmount and payCurrencyCode "
            "(receiveCurrencyCode: is required; payAmount: is required)",
        ),
        # Negative amounts stay refused, beside the receive pair too.
        (
            {
                "pay_amount": Decimal("-5"),
                "pay_currency_code": "BTC",
                "receive_amount": Decimal("5"),
                "receive_currency_code": "EUR",
            },
            "payAmount",
            "must be at least 0, got -5",
        ),
    ],
)
async def test_a_body_with_no_usable_pair_is_refused_before_sending(
    fields: dict[str, Any], field: str, reason: str
) -> None:
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        token = router.post("/oauth/token").respond(json=TOKEN_BODY)
        async with SpectroCoinClient("client-1", "secret-1") as sc:
            with pytest.raises(ValidationError) as caught:
                await sc.merchant.create_order(
                    body=CreateOrderRequest(project_id=PROJECT, **fields)
                )
    assert (caught.value.field, caught.value.reason) == (field, reason)
    assert token.call_count == 0  # nothing sent, not even the token request


# -- issue 18, item 9: "this or that" is in the schema (anyOf of required), checked before sending


async def test_an_exchange_naming_no_pair_is_refused_before_sending() -> None:
    from spectrocoin_async import CreateExchangeRequest

    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        token = router.post("/oauth/token").respond(json=TOKEN_BODY)
        async with SpectroCoinClient("client-1", "secret-1") as sc:
            with pytest.raises(ValidationError) as caught:
                await sc.exchanges.create_exchange(
                    body=CreateExchangeRequest(pay_amount=Decimal("10"), pay_currency_code="EUR")
                )
    assert caught.value.reason.startswith(
        "give payCurrencyCode and receiveCurrencyCode or "
        "exchangePairId and payAccountId and receiveAccountId "
        "(receiveCurrencyCode: is required; exchangePairId: is required)"
    )
    assert token.call_count == 0


def test_the_spec_says_each_pair_as_an_anyof_of_required_groups() -> None:
    from tests.support.spec import spec

    schemas = spec()["components"]["schemas"]
    groups = {
        name: [option["required"] for option in schemas[name]["anyOf"]]
        for name in (
            "CreateOrderRequest",
            "CreateExchangeRequest",
            "CreateBankWithdrawalRequest",
        )
    }
    assert groups == {
        "CreateOrderRequest": [
            ["receiveAmount", "receiveCurrencyCode"],
            ["payAmount", "payCurrencyCode"],
        ],
        "CreateExchangeRequest": [
            ["payCurrencyCode", "receiveCurrencyCode"],
            ["exchangePairId", "payAccountId", "receiveAccountId"],
        ],
        "CreateBankWithdrawalRequest": [["iban"], ["bic", "iban"], ["bic", "accountNumber"]],
    }
