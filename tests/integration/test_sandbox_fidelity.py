"""Where the sandbox and the spec disagreed (issue 18, items 2, 7 and 8), pinned over sockets."""

from __future__ import annotations

import itertools
import json
from decimal import Decimal
from typing import Any

import httpx
import pytest

from spectrocoin_async.sandbox import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET
from tests.support.spec import SPEC_PATH, spec

PROJECT = "f58a9032-94c8-1b36-a132-3d6c2ad81255"  # the docs' project, which the sandbox seeds
_unique = itertools.count(1)


def _client(url: str) -> httpx.Client:
    token = httpx.post(
        url + "/oauth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": DEFAULT_CLIENT_ID,
            "client_secret": DEFAULT_CLIENT_SECRET,
        },
    ).json()["access_token"]
    return httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}"})


def _order_id(prefix: str) -> str:
    return f"{prefix}-{next(_unique)}"


# -- item 2: the pay pair beside the receive pair ------------------------------------------------


def test_a_zero_pay_amount_beside_the_receive_pair_is_accepted_and_receive_wins(
    sandbox_url: str,
) -> None:
    """SpectroCoin's Drupal module sends ``payAmount: "0.0"`` and ``payCurrencyCode`` with every
    order (SpectroCoin/Drupal-Bitcoin-Payment-Gateway-Module,
    src/SCMerchantClient/messages/SpectroCoin_CreateOrderRequest.php)."""
    with _client(sandbox_url) as http:
        answer = http.post(
            "/merchants/orders/create",
            json={
                "projectId": PROJECT,
                "orderId": _order_id("drupal"),
                "payAmount": "0.0",
                "payCurrencyCode": "BTC",
                "receiveAmount": "25.50",
                "receiveCurrencyCode": "EUR",
            },
        )
    assert answer.status_code == 200, answer.text
    created = answer.json()
    assert (created["receiveAmount"], created["receiveCurrencyCode"]) == (25.5, "EUR")


@pytest.mark.parametrize("pay_amount", ["-5", "-0.01"])
def test_a_negative_pay_amount_is_refused_even_beside_the_receive_pair(
    sandbox_url: str, pay_amount: str
) -> None:
    with _client(sandbox_url) as http:
        answer = http.post(
            "/merchants/orders/create",
            json={
                "projectId": PROJECT,
                "orderId": _order_id("negative"),
                "payAmount": pay_amount,
                "payCurrencyCode": "BTC",
                "receiveAmount": "10",
                "receiveCurrencyCode": "EUR",
            },
        )
    assert answer.status_code == 422, answer.text
    body = answer.json()
    assert (body["key"], body["errorParameters"]) == (
        "invalid_parameter",
        [{"key": "name", "value": "payAmount"}],
    )


# -- item 8: a pre-order's orderId is refused when it is already used ----------------------------


def test_a_pre_order_with_the_orderid_of_an_order_is_refused_when_created(
    sandbox_url: str,
) -> None:
    used = _order_id("8800")
    with _client(sandbox_url) as http:
        order = http.post(
            "/merchants/orders/create",
            json={
                "projectId": PROJECT,
                "orderId": used,
                "receiveAmount": "10",
                "receiveCurrencyCode": "EUR",
            },
        )
        assert order.status_code == 200, order.text
        pre = http.post(
            "/merchants/preorders",
            data={
                "projectId": PROJECT,
                "orderId": used,
                "receiveAmount": "10",
                "receiveCurrencyCode": "EUR",
            },
        )
        listed = http.get("/merchants/preorders", params={"projectId": PROJECT, "size": 100})
    assert pre.status_code == 422, pre.text
    assert pre.json()["key"] == "duplicate_order_id"
    # Only the pre-order createOrder made for the order itself carries that orderId.
    assert [p["orderId"] for p in listed.json()["content"]].count(used) == 1


def test_two_pre_orders_cannot_share_an_orderid(sandbox_url: str) -> None:
    shared = _order_id("7055")
    form = {
        "projectId": PROJECT,
        "orderId": shared,
        "receiveAmount": "5",
        "receiveCurrencyCode": "EUR",
    }
    with _client(sandbox_url) as http:
        first = http.post("/merchants/preorders", data=form)
        second = http.post("/merchants/preorders", data=form)
        made = http.post("/merchants/orders", json={"preOrderId": first.json()["id"]})
    assert first.status_code == 200, first.text
    assert second.status_code == 422 and second.json()["key"] == "duplicate_order_id"
    assert made.status_code == 200, made.text  # the first pre-order stays usable
    assert made.json()["orderId"] == shared


# -- item 7: every request example of the spec is accepted ---------------------------------------


def _examples() -> list[tuple[str, str, str, str, dict[str, Any], str]]:
    """``(operationId, method, path, content type, example body, success status)``."""
    found = []
    for path, item in spec()["paths"].items():
        for method, op in item.items():
            if not isinstance(op, dict) or "requestBody" not in op:
                continue
            success = next(code for code in op["responses"] if str(code).startswith("2"))
            for content_type, media in op["requestBody"]["content"].items():
                examples = [media["example"]] if "example" in media else []
                examples += [e["value"] for e in media.get("examples", {}).values()]
                for example in examples:
                    found.append((op["operationId"], method, path, content_type, example, success))
    return found


EXAMPLES = _examples()


def _form_value(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, Decimal):
        return format(value, "f")  # plain notation, as the SDK sends amounts
    return str(value)


def test_the_examples_cover_every_operation_with_a_body() -> None:
    assert SPEC_PATH.is_file()
    assert {e[0] for e in EXAMPLES} >= {"createExchange", "calculateExchange", "createOrder"}
    assert len(EXAMPLES) >= 12


@pytest.mark.parametrize("example", EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_the_sandbox_accepts_every_request_example_of_the_spec(
    sandbox_url: str, example: tuple[str, str, str, str, dict[str, Any], str]
) -> None:
    operation, method, path, content_type, body, success = example
    body = dict(body)
    with _client(sandbox_url) as http:
        if operation == "getAccessToken":
            # The example's credentials are placeholders: the sandbox's own take their place.
            body.update(client_id=DEFAULT_CLIENT_ID, client_secret=DEFAULT_CLIENT_SECRET)
        if operation == "createOrderFromPreOrder":
            # The example names a pre-order of its own: one made from the createPreOrder example.
            pre = next(e for e in EXAMPLES if e[0] == "createPreOrder")[4]
            made = http.post("/merchants/preorders", data={**pre, "orderId": _order_id("pre")})
            body["preOrderId"] = made.json()["id"]
        if operation in ("createOrder", "createPreOrder"):
            body["orderId"] = _order_id(str(body.get("orderId", "example")))  # unique per run
        if content_type == "application/json":
            answer = http.request(
                method.upper(),
                path,
                content=json.dumps(body, default=float).encode(),
                headers={"Content-Type": content_type},
            )
        else:
            form = {k: _form_value(v) for k, v in body.items()}
            answer = http.request(method.upper(), path, data=form)
    assert answer.status_code == int(success), f"{operation}: {answer.status_code} {answer.text}"


# -- item 10: one bound for every amount of a request, in the spec, the SDK and the sandbox -------


def _request_amounts() -> list[tuple[str, str, dict[str, Any]]]:
    schemas = spec()["components"]["schemas"]
    found = []
    for name, schema in schemas.items():
        if not name.endswith("Request"):
            continue
        for prop, sub in schema.get("properties", {}).items():
            if sub.get("format") == "decimal":
                found.append((name, prop, sub))
    return found


def test_every_request_amount_declares_the_bound_the_sandbox_and_the_sdk_use() -> None:
    from spectrocoin_async._generated._operations import OPERATIONS
    from spectrocoin_async.sandbox.spec import MAX_AMOUNT

    amounts = _request_amounts()
    assert len(amounts) == 11
    assert {sub.get("maximum") for _, _, sub in amounts} == {MAX_AMOUNT}
    rules = [r for op in OPERATIONS.values() for r in op.body_rules if r.maximum is not None]
    assert len(rules) == 11
    assert {r.maximum for r in rules} == {MAX_AMOUNT}
    declared = spec()["components"]["responses"]["UnprocessableEntity"]["x-business-rules"]
    assert "amount_too_large" not in declared


@pytest.mark.parametrize(
    ("amount", "status"), [("1000000000000000", 200), ("1000000000000000.01", 422)]
)
def test_the_sandbox_refuses_an_amount_past_the_bound_as_the_schema_does(
    sandbox_url: str, amount: str, status: int
) -> None:
    """It was ``amount_too_large``, a business rule standing for the sandbox's decimal
    precision; now the spec's ``maximum`` (a schema refusal, naming the field)."""
    with _client(sandbox_url) as http:
        answer = http.post(
            "/exchanges/calculate",
            data={"payCurrencyCode": "EUR", "receiveCurrencyCode": "BTC", "payAmount": amount},
        )
    assert answer.status_code == status, answer.text
    if status == 422:
        assert answer.json()["key"] == "invalid_parameter"
        assert answer.json()["errorParameters"] == [{"key": "name", "value": "payAmount"}]


@pytest.mark.anyio
async def test_the_sdk_refuses_an_amount_past_the_bound_before_sending() -> None:
    from spectrocoin_async import CalculateExchangeRequest, SpectroCoinClient, ValidationError

    async with SpectroCoinClient("id", "secret", base_url="http://127.0.0.1:9") as sc:
        with pytest.raises(ValidationError) as caught:
            await sc.exchanges.calculate_exchange(
                body=CalculateExchangeRequest(
                    pay_currency_code="EUR",
                    receive_currency_code="BTC",
                    pay_amount=Decimal("1000000000000000.01"),
                )
            )
    assert str(caught.value) == (
        "payAmount: must be at most 1000000000000000, got 1000000000000000.01"
    )
