"""Every call returns the typed model or raises one of the SDK's exceptions."""

from __future__ import annotations

from uuid import UUID

import httpx
import pytest
import respx

from spectrocoin_async import (
    APIError,
    AuthenticationError,
    BadRequestError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
    SpectroCoinClient,
    UnprocessableEntityError,
)
from spectrocoin_async._errors import split_error_code

# https://docs.spectrocoin.com/docs/status-codes, verbatim.
GEN_1 = {
    "defaultMessage": "string",
    "errorCode": "GEN_1 - Internal server error occurred",
    "spanId": "string",
    "traceId": "string",
}
GEN_8 = {
    "errorCode": "GEN_8",
    "category": "validation",
    "key": "entity_not_found",
    "defaultMessage": "Requested entity was not found.",
    "spanId": "382ec2e29d50544a",
    "traceId": "1ae3a8bb1d1bf7d3",
    "errorParameters": [{"key": "Id", "value": "id"}],
}
ORDER_ID = "0b6a3f6e-2a9e-4f63-9d34-0f0a4b6f7e11"


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (422, UnprocessableEntityError),
        (429, RateLimitError),
        (500, ServerError),
        (502, ServerError),
        (503, ServerError),
        (504, ServerError),
    ],
)
@pytest.mark.anyio
async def test_each_documented_status_maps_to_its_exception(
    api: respx.MockRouter, sc: SpectroCoinClient, status: int, cls: type[APIError]
) -> None:
    route = api.get(f"/merchants/orders/{ORDER_ID}").respond(status, json=GEN_8)
    with pytest.raises(cls) as info:
        await sc.merchant.get_order(UUID(ORDER_ID), max_attempts=1)
    error = info.value
    assert type(error) is cls
    assert error.status_code == status
    assert error.error_code == "GEN_8"
    assert error.trace_id == "1ae3a8bb1d1bf7d3"
    assert error.span_id == "382ec2e29d50544a"
    assert error.message == "Requested entity was not found."
    assert error.category == "validation"
    assert error.key == "entity_not_found"
    assert error.error_parameters == [{"key": "Id", "value": "id"}]
    assert error.body == GEN_8
    assert error.operation == "getOrder"
    # A 401 or 403 is replayed once with a fresh token.
    expected_calls = 2 if status in (401, 403) else 1
    assert route.call_count == expected_calls


@pytest.mark.anyio
async def test_gen_1_example_splits_code_and_text(
    api: respx.MockRouter, sc: SpectroCoinClient
) -> None:
    api.get("/accounts").respond(500, json=GEN_1)
    with pytest.raises(ServerError) as info:
        await sc.accounts.list_accounts()
    assert info.value.error_code == "GEN_1"
    assert info.value.message == "string"  # defaultMessage wins over the code's text
    assert str(info.value) == "listAccounts: 500 GEN_1: string (trace_id=string)"


def test_split_error_code() -> None:
    assert split_error_code("GEN_1 - Internal server error occurred") == (
        "GEN_1",
        "Internal server error occurred",
    )
    assert split_error_code("GEN_8") == ("GEN_8", None)
    assert split_error_code("") == (None, None)


@pytest.mark.anyio
async def test_html_502_page_is_a_server_error_with_the_body(
    api: respx.MockRouter, sc: SpectroCoinClient
) -> None:
    html = b"<html><body><h1>502 Bad Gateway</h1></body></html>"
    route = api.get("/accounts").respond(502, content=html, headers={"content-type": "text/html"})
    with pytest.raises(ServerError) as info:
        await sc.accounts.list_accounts()
    assert route.call_count == 3  # a safe GET, retried on 502 up to max_attempts
    assert info.value.error_code is None
    assert info.value.body == html.decode()
    assert info.value.message == "Bad Gateway"


@pytest.mark.anyio
async def test_empty_429_body(api: respx.MockRouter, sc: SpectroCoinClient) -> None:
    api.get("/accounts").respond(429)
    with pytest.raises(RateLimitError) as info:
        await sc.accounts.list_accounts(max_attempts=1)
    assert info.value.retry_after is None
    assert info.value.body is None


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"<html>oops</html>", "response is not JSON"),
        (b'[{"id": "1", "currencyCode": "EUR", "bal', "response is not JSON"),
        (b"NaN", "response is not JSON"),
        (b'{"not": "a list"}', "response does not fit the schema"),
        (b'[{"id": "1"}]', "response does not fit the schema"),  # required field missing
        (b'[{"id": "1", "currencyCode": "EUR", "balance": "abc"}]', "does not fit the schema"),
        (b'[{"id": "1", "currencyCode": "EUR", "balance": true}]', "does not fit the schema"),
    ],
)
@pytest.mark.anyio
async def test_malformed_success_bodies_raise_response_validation_error(
    api: respx.MockRouter, sc: SpectroCoinClient, content: bytes, reason: str
) -> None:
    api.get("/accounts").respond(200, content=content, headers={"content-type": "application/json"})
    with pytest.raises(ResponseValidationError) as info:
        await sc.accounts.list_accounts()
    assert reason in str(info.value)
    assert info.value.status_code == 200
    assert info.value.body == content[:500]
    assert info.value.operation == "listAccounts"


@pytest.mark.anyio
async def test_connection_error_is_typed(api: respx.MockRouter, sc: SpectroCoinClient) -> None:
    from spectrocoin_async import APIConnectionError

    api.get("/accounts").mock(side_effect=httpx.RemoteProtocolError("peer closed"))
    with pytest.raises(APIConnectionError) as info:
        await sc.accounts.list_accounts(max_attempts=2)
    assert info.value.request_may_have_reached_server is True
    assert "RemoteProtocolError talking to spectrocoin.com after 2 attempt(s): peer closed" in str(
        info.value
    )


def test_the_tree_of_issue_10_errors() -> None:
    import spectrocoin_async as sdk
    from spectrocoin_async._errors import __doc__ as tree

    assert issubclass(sdk.ModelValidationError, sdk.SpectroCoinError)
    assert issubclass(
        sdk.ModelValidationError, ValueError
    )  # callers catching ValueError keep working
    assert issubclass(sdk.ValidationError, ValueError)
    # A key outage is not a verdict on the callback: it must not be caught as CallbackError (400).
    assert not issubclass(sdk.CallbackUnavailableError, sdk.CallbackError)
    assert issubclass(sdk.CallbackVerificationError, sdk.CallbackError)
    assert tree is not None
    for name in ("ModelValidationError", "CallbackUnavailableError", "CallbackVerificationError"):
        assert name in tree
    error = sdk.ModelValidationError("Order", "id", "is required but missing")
    assert str(error) == "Order.id: is required but missing"
    assert str(error.nested("OrderPage", "content[2]")) == (
        "OrderPage.content[2].id: is required but missing"
    )
    assert str(sdk.ModelValidationError("Order", "", "expected an object, got list")) == (
        "Order: expected an object, got list"
    )
