"""The sandbox says what openapi.yaml says: the disagreements Schemathesis found, one by one.

tests/conformance/test_schemathesis.py runs the tool itself; these pin each fix with the exact answer.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import yaml

from spectrocoin_async.sandbox import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET
from tests.support.spec import SPEC_PATH


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


def _declared_rules() -> set[str]:
    responses = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))["components"]["responses"]
    return {
        key
        for name in ("BadRequest", "UnprocessableEntity")
        for key in responses[name]["x-business-rules"]
    }


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("/transactions?type=AAA", "type"),
        ("/merchants/orders?status=paid", "status"),
        ("/withdrawals/crypto?status=AAA", "status"),
        ("/deposits/addresses?currencyCode=", "currencyCode"),
        ("/merchants/preorders?projectId=", "projectId"),
        ("/merchants/preorders?projectId=not-a-uuid", "projectId"),
        ("/transactions?page=1000000001", "page"),
        ("/transactions?page=-1", "page"),
        ("/transactions?size=0", "size"),
        ("/transactions?dateFrom=2026-13-01", "dateFrom"),
        ("/transactions?sort=amount,desc", "sort"),
    ],
)
def test_a_query_that_breaks_the_schema_is_refused_naming_the_parameter(
    sandbox_url: str, query: str, name: str
) -> None:
    with _client(sandbox_url) as http:
        answer = http.get(query)
    assert answer.status_code == 422, answer.text
    body = answer.json()
    assert body["category"] == "validation"
    assert body["key"] == "invalid_parameter"
    assert body["errorParameters"] == [{"key": "name", "value": name}]


def test_the_largest_declared_page_is_accepted(sandbox_url: str) -> None:
    with _client(sandbox_url) as http:
        answer = http.get("/transactions?page=1000000000&sort=createdAt")
    assert answer.status_code == 200
    assert answer.json()["content"] == []


def test_a_missing_required_query_parameter_is_a_400(sandbox_url: str) -> None:
    with _client(sandbox_url) as http:
        answer = http.get("/exports/transactions")
    assert answer.status_code == 400
    assert answer.json()["key"] == "missing_parameter"


@pytest.mark.parametrize(
    ("path", "allow"),
    [
        ("/deposits/crypto-addresses", "GET, POST"),
        ("/withdrawals/with-exchange", "GET, POST"),
        ("/merchants/orders/create", "POST"),
        ("/merchants/orders", "GET, POST"),
        ("/accounts/100001", "GET"),
    ],
)
@pytest.mark.parametrize("method", ["OPTIONS", "PUT", "DELETE"])
def test_an_undeclared_method_gets_405_with_every_method_of_the_path(
    sandbox_url: str, path: str, allow: str, method: str
) -> None:
    with _client(sandbox_url) as http:
        answer = http.request(method, path)
    assert answer.status_code == 405
    assert answer.headers["allow"] == allow
    assert answer.json()["key"] == "method_not_allowed"


def test_get_on_the_literal_create_path_is_405_not_an_order_lookup(sandbox_url: str) -> None:
    with _client(sandbox_url) as http:
        answer = http.get("/merchants/orders/create")
    assert answer.status_code == 405
    assert answer.headers["allow"] == "POST"


@pytest.mark.parametrize(
    ("form", "status", "key"),
    [
        # Well-formed, refused by rules the schema cannot express: declared in the spec.
        (
            {"payCurrencyCode": "EUR", "receiveCurrencyCode": "BTC", "payAmount": "1.001"},
            422,
            "amount_scale",
        ),
        (
            {"payCurrencyCode": "XX1", "receiveCurrencyCode": "BTC", "payAmount": "1"},
            422,
            "unknown_currency",
        ),
        (
            {"payCurrencyCode": "EUR", "receiveCurrencyCode": "EUR", "payAmount": "1"},
            422,
            "same_currency",
        ),
        ({"payCurrencyCode": "EUR", "receiveCurrencyCode": "BTC"}, 400, "conditionally_required"),
    ],
)
def test_business_refusals_carry_a_declared_key(
    sandbox_url: str, form: dict[str, Any], status: int, key: str
) -> None:
    with _client(sandbox_url) as http:
        answer = http.post("/exchanges/calculate", data=form)
    assert answer.status_code == status, answer.text
    body = answer.json()
    assert body["category"] == "business"
    assert body["key"] == key
    assert key in _declared_rules()


def test_an_amount_in_exponent_form_is_a_number(sandbox_url: str) -> None:
    """JSON Schema numbers may be written 1e-08; the scale rule, not the parser, decides."""
    with _client(sandbox_url) as http:
        btc = http.post(
            "/exchanges/calculate",
            data={"payCurrencyCode": "BTC", "receiveCurrencyCode": "EUR", "payAmount": "1e-03"},
        )
        tiny = http.post(
            "/exchanges/calculate",
            data={"payCurrencyCode": "EUR", "receiveCurrencyCode": "BTC", "payAmount": "5e-324"},
        )
    assert btc.status_code == 200, btc.text
    assert tiny.status_code == 422
    assert tiny.json()["key"] == "amount_scale"


def test_null_where_the_schema_does_not_allow_it_is_refused(sandbox_url: str) -> None:
    """Schemathesis: `"orderId": null` was accepted; CreateOrderRequest.orderId is a string."""
    with _client(sandbox_url) as http:
        answer = http.post(
            "/merchants/orders/create",
            json={
                "orderId": None,
                "receiveAmount": 10,
                "receiveCurrencyCode": "USD",
                "projectId": "f58a9032-94c8-1b36-a132-3d6c2ad81255",
            },
        )
    assert answer.status_code == 422
    assert answer.json()["errorParameters"] == [{"key": "name", "value": "orderId"}]


@pytest.mark.parametrize(("value", "status"), [("0", 422), ("yes", 422), ("false", 200)])
def test_a_form_boolean_is_true_or_false(sandbox_url: str, value: str, status: int) -> None:
    """Schemathesis: `isMultiple=0` was accepted; the schema says boolean."""
    with _client(sandbox_url) as http:
        answer = http.post(
            "/merchants/preorders",
            data={
                "projectId": "f58a9032-94c8-1b36-a132-3d6c2ad81255",
                "receiveAmount": "25.5",
                "receiveCurrencyCode": "EUR",
                "isMultiple": value,
            },
        )
    assert answer.status_code == status, answer.text


@pytest.mark.parametrize(
    ("query", "accept", "status"),
    [
        ("format=CSV", "application/json", 406),  # what the SDK sent before: refused, as Prism does
        ("format=PDF", "text/csv, application/json", 406),
        ("format=CSV", "text/csv, application/json", 200),
        ("format=PDF", "application/pdf, application/json", 200),
        ("format=CSV", "text/*", 200),
        ("format=CSV", "*/*", 200),
        ("format=CSV", "text/csv;q=0, */*;q=0", 406),
    ],
)
def test_exports_negotiate_the_accept_header(
    sandbox_url: str, query: str, accept: str, status: int
) -> None:
    with _client(sandbox_url) as http:
        answer = http.get(f"/exports/transactions?{query}", headers={"Accept": accept})
    assert answer.status_code == status
    if status == 406:
        assert answer.json()["key"] == "not_acceptable"


def test_a_number_past_what_decimal_holds_is_a_malformed_body(sandbox_url: str) -> None:
    # json.loads(parse_float=Decimal) raises decimal.InvalidOperation here: once a 500.
    with _client(sandbox_url) as http:
        answer = http.post(
            "/exchanges",
            content=b'{"payCurrencyCode": "EUR", "payAmount": 1e-1999999999999999999}',
            headers={"Content-Type": "application/json"},
        )
    assert answer.status_code == 422, answer.text
    assert answer.json()["key"] == "malformed_body"
    assert answer.json()["defaultMessage"] == (
        "Malformed request body: not valid JSON (a number past what a decimal holds)."
    )
