"""The sandbox cannot drift from the spec: every response the suite saw must match openapi.yaml.

Runs last (by file name). It first calls every operation of the spec once through the SDK, so
the check covers all of them even when run alone, then validates every response recorded during
the session: the status is one the operation lists, the content type is one it declares, and a
JSON body validates against its schema (Draft 2020-12, ``$ref`` resolved in the spec) with no
field the schema does not name. Injected faults (``X-Sandbox-Fault``) and the sandbox's own
control routes are not API answers and are skipped.
"""

from __future__ import annotations

import copy
import datetime
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx
import pytest
import yaml
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from spectrocoin_async import (
    BadRequestError,
    BankRail,
    CalculateExchangeRequest,
    CreateBankWithdrawalRequest,
    CreateCryptoDepositAddressRequest,
    CreateCryptoWithdrawalRequest,
    CreateExchangeRequest,
    CreateOrderFromPreOrderRequest,
    CreateOrderRequest,
    CreatePreOrderRequest,
    CreateWithdrawalWithExchangeRequest,
    CryptoWithdrawalFeeRequest,
    ExportFormat,
    GrantType,
    NotFoundError,
    PurchaseGiftCardRequest,
    RateInterval,
    SpectroCoinClient,
    TokenRequest,
    UnprocessableEntityError,
)
from spectrocoin_async.sandbox import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    PREFIX,
    SANDBOX_PROJECT_ID,
)

from .support import Control, Recorder

pytestmark = pytest.mark.anyio

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi.yaml"
SPEC_URI = "urn:spectrocoin:openapi"
METHODS = ("get", "put", "post", "delete", "patch")


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"  # one pass is enough; the responses are the same on trio


def _strict(node: Any) -> Any:
    """A copy of the spec in which an object may hold only the properties its schema names."""
    if isinstance(node, dict):
        out = {key: _strict(value) for key, value in node.items()}
        if "properties" in out and out.get("type") == "object":
            out.setdefault("additionalProperties", False)
        return out
    if isinstance(node, list):
        return [_strict(item) for item in node]
    return node


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


class Conformance:
    def __init__(self) -> None:
        with SPEC_PATH.open(encoding="utf-8") as handle:
            self.spec = yaml.safe_load(handle)
        registry = Registry().with_resource(
            SPEC_URI, DRAFT202012.create_resource(_strict(copy.deepcopy(self.spec)))
        )
        self.registry = registry
        self.formats = FormatChecker()
        self.formats.checks("date-time", raises=ValueError)(self._date_time)
        self.routes = []
        for path, item in self.spec["paths"].items():
            pattern = re.compile("^" + re.sub(r"\{[^/}]+\}", "[^/]+", path) + "$")
            for method, operation in item.items():
                if method in METHODS:
                    self.routes.append((method.upper(), pattern, path, operation))

    @staticmethod
    def _date_time(value: object) -> bool:
        if isinstance(value, str):
            datetime.datetime.fromisoformat(value)
        return True

    def operation(self, method: str, path: str) -> tuple[str, dict[str, Any]] | None:
        for route_method, pattern, template, operation in self.routes:
            if route_method == method and pattern.match(path):
                return template, operation
        return None

    def _response_pointer(self, template: str, method: str, status: int) -> str | None:
        responses = self.spec["paths"][template][method.lower()]["responses"]
        for key in (str(status), f"{str(status)[0]}XX", "default"):
            if key in responses:
                entry = responses[key]
                if "$ref" in entry:
                    return str(entry["$ref"])[1:]
                return f"/paths/{_escape(template)}/{method.lower()}/responses/{key}"
        return None

    def problems(self, response: httpx.Response) -> list[str]:
        request = response.request
        path = request.url.path.removeprefix(PREFIX)
        where = f"{request.method} {path} -> {response.status_code}"
        found = self.operation(request.method, path)
        if found is None:
            return [f"{where}: not an operation of the spec"]
        template, _ = found
        pointer = self._response_pointer(template, request.method, response.status_code)
        if pointer is None:
            return [f"{where}: status not listed in the spec"]
        entry = self.registry.resolver(SPEC_URI).lookup(f"{SPEC_URI}#{pointer}").contents
        media = response.headers.get("content-type", "").split(";")[0].strip()
        declared = entry.get("content", {})
        if media not in declared:
            return [f"{where}: content type {media!r} not in {sorted(declared)}"]
        body = response.content
        if media == "application/json":
            schema_ref = f"{SPEC_URI}#{quote(pointer)}/content/{_escape(media)}/schema"
            validator = Draft202012Validator(
                {"$ref": schema_ref}, registry=self.registry, format_checker=self.formats
            )
            data = json.loads(body, parse_float=Decimal)
            return [f"{where}: {e.json_path}: {e.message}" for e in validator.iter_errors(data)]
        if media == "application/pdf" and not body.startswith(b"%PDF-"):
            return [f"{where}: not a PDF"]
        if media == "text/csv":
            body.decode("utf-8")
        return []


async def call_every_operation(sc: SpectroCoinClient, control: Control) -> None:
    project = UUID(SANDBOX_PROJECT_ID)
    await sc.auth.get_access_token(
        body=TokenRequest(
            grant_type=GrantType.CLIENT_CREDENTIALS,
            client_id=DEFAULT_CLIENT_ID,
            client_secret=DEFAULT_CLIENT_SECRET,
        )
    )
    await sc.accounts.get_account("100001")
    await sc.currencies.list_currencies()
    await sc.rates.get_rates()
    await sc.rates.get_rate_history(from_="BTC", to="EUR", interval=RateInterval.DAY)
    await sc.exchanges.list_exchange_pairs()
    await sc.exchanges.calculate_exchange(
        body=CalculateExchangeRequest(
            pay_currency_code="USD", receive_currency_code="EUR", receive_amount=Decimal("10.00")
        )
    )
    exchange = await sc.exchanges.create_exchange(
        body=CreateExchangeRequest(
            exchange_pair_id="USD-EUR",
            pay_account_id="100002",
            receive_account_id="100001",
            pay_amount=Decimal("12.34"),
        )
    )
    await sc.exchanges.get_exchange(exchange.id)
    await sc.exchanges.list_exchanges()
    await sc.deposits.list_deposit_addresses()
    await sc.deposits.create_crypto_deposit_address(
        body=CreateCryptoDepositAddressRequest(currency_code="ETH")
    )
    await sc.deposits.list_crypto_deposit_addresses(currency_code="ETH")
    await sc.withdrawals.get_crypto_withdrawal_fee(
        body=CryptoWithdrawalFeeRequest(
            currency_code="USDT", network_code="ETH", amount=Decimal("50")
        )
    )
    crypto = await sc.withdrawals.create_crypto_withdrawal(
        body=CreateCryptoWithdrawalRequest(
            currency_code="ETH", address="0xabc", amount=Decimal("0.1")
        )
    )
    await sc.withdrawals.get_crypto_withdrawal(crypto.id)
    await sc.withdrawals.list_crypto_withdrawals()
    bank = await sc.withdrawals.create_bank_withdrawal(
        body=CreateBankWithdrawalRequest(
            currency_code="USD",
            rail=BankRail.SWIFT,
            amount=Decimal("100.00"),
            beneficiary_name="Jo Doe",
            account_number="123456789",
            bic="CHASUS33",
        )
    )
    await sc.withdrawals.get_bank_withdrawal(bank.id)
    await sc.withdrawals.list_bank_withdrawals()
    await sc.withdrawals.create_withdrawal_with_exchange(
        body=CreateWithdrawalWithExchangeRequest(
            pay_currency_code="EUR",
            pay_amount=Decimal("500.00"),
            receive_currency_code="BTC",
            address="bc1qx",
        )
    )
    await sc.withdrawals.list_withdrawals_with_exchange()
    await sc.gift_cards.list_gift_cards()
    purchase = await sc.gift_cards.purchase_gift_card(
        body=PurchaseGiftCardRequest(
            gift_card_id="gc-steam-us", amount=Decimal("7.50"), pay_currency_code="USDT"
        )
    )
    await sc.gift_cards.get_gift_card_purchase(purchase.id)
    await sc.gift_cards.list_gift_card_purchases()
    await sc.payment_methods.list_payment_methods()
    await sc.merchant.list_projects()
    await sc.merchant.get_project(project)
    created = await sc.merchant.create_order(
        body=CreateOrderRequest(
            project_id=project, pay_amount=Decimal("0.001"), pay_currency_code="BTC"
        )
    )
    assert isinstance(created.order_id, str)  # an opaque string (the plugin's tests use "ORD123")
    await sc.merchant.cancel_order(UUID(created.order_id))
    pre = await sc.merchant.create_pre_order(
        body=CreatePreOrderRequest(
            project_id=project, receive_amount=Decimal("9.99"), receive_currency_code="EUR"
        )
    )
    await sc.merchant.get_pre_order(pre.id)
    await sc.merchant.list_pre_orders()
    order = await sc.merchant.create_order_from_pre_order(
        body=CreateOrderFromPreOrderRequest(pre_order_id=pre.id)
    )
    await control.simulate(str(order.id), "LATE_CRYPTO_PAYMENT")
    await sc.merchant.accept_order(order.id)
    await control.simulate(str(order.id), "REFUNDED")
    await sc.merchant.get_order(order.id)
    await sc.merchant.list_orders()
    await sc.merchant.list_refunds()
    await sc.transactions.get_transaction(
        (await sc.transactions.list_transactions(size=1)).content[0].id
    )
    await sc.accounts.list_accounts()
    await sc.exports.export_transactions(format=ExportFormat.CSV)
    await sc.exports.export_orders(format=ExportFormat.PDF)
    # A few documented errors, so that error bodies are checked too.
    with pytest.raises(NotFoundError):
        await sc.accounts.get_account("no-such-account")
    with pytest.raises(UnprocessableEntityError):
        await sc.exchanges.create_exchange(
            body=CreateExchangeRequest(
                pay_currency_code="BTC", receive_currency_code="EUR", pay_amount=Decimal("100")
            )
        )
    with pytest.raises(BadRequestError):
        await sc.request("POST", "/exchanges/calculate", form={"payCurrencyCode": "EUR"})


async def test_every_response_the_suite_saw_matches_the_spec(
    sc: SpectroCoinClient, control: Control, recorder: Recorder
) -> None:
    await call_every_operation(sc, control)
    conformance = Conformance()
    problems: list[str] = []
    answered: set[str] = set()
    checked = 0
    for response in recorder.responses:
        path = response.request.url.path
        if path.startswith(PREFIX + "/sandbox/") or "x-sandbox-fault" in response.headers:
            continue
        try:
            response.content  # noqa: B018 - raises for a streamed body nobody kept
        except httpx.ResponseNotRead:
            continue
        checked += 1
        problems.extend(conformance.problems(response))
        found = conformance.operation(response.request.method, path.removeprefix(PREFIX))
        if found is not None and response.status_code == 200:
            answered.add(found[1]["operationId"])
    assert not problems, "\n".join(problems[:40])
    every = {op["operationId"] for _, _, _, op in conformance.routes}
    assert len(every) == 44
    assert answered == every, f"never answered 200: {sorted(every - answered)}"
    assert checked > len(every)


def test_the_check_itself_catches_drift() -> None:
    conformance = Conformance()
    request = httpx.Request("GET", "http://sandbox" + PREFIX + "/accounts/1")

    def answer(body: object, status: int = 200) -> httpx.Response:
        return httpx.Response(status, json=body, request=request)

    good = {"id": "1", "currencyCode": "EUR", "balance": 1}
    assert conformance.problems(answer(good)) == []
    assert conformance.problems(answer({**good, "currency": "EUR"}))  # a name not in the spec
    assert conformance.problems(answer({**good, "balance": "1.00"}))  # a string, not a number
    assert conformance.problems(answer({"errorCode": "GEN_8"}, 404)) == []
    assert conformance.problems(answer({}, 418))  # a status the operation does not list
