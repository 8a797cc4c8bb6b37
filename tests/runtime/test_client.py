"""Client construction, lifetime, headers, the escape hatch and encoding switches."""

from __future__ import annotations

import datetime
import json
import platform
from decimal import Decimal

import httpx
import pytest
import respx

from spectrocoin_async import (
    CalculateExchangeRequest,
    ClientClosedError,
    CreateOrderRequest,
    NotFoundError,
    SpectroCoinClient,
    __version__,
)
from tests.conftest import BASE, json_response

PROJECT = "f58a9032-94c8-1b36-a132-3d6c2ad81255"


@pytest.mark.anyio
async def test_user_agent_and_optional_version_header(api: respx.MockRouter) -> None:
    route = api.get("/rates").mock(return_value=json_response([]))
    async with SpectroCoinClient(api_version="2026-11-25") as sc:
        await sc.rates.get_rates()
    async with SpectroCoinClient(api_version="v2", api_version_header="X-Api-Version") as sc:
        await sc.rates.get_rates()
    async with SpectroCoinClient() as sc:
        await sc.rates.get_rates()
    first, second, third = (call.request.headers for call in route.calls)
    python = ".".join(platform.python_version_tuple()[:2])
    assert first["user-agent"] == (
        f"spectrocoin-async/{__version__} python/{python} httpx/{httpx.__version__}"
    )
    assert first["spectrocoin-version"] == "2026-11-25"
    assert second["x-api-version"] == "v2"
    assert "spectrocoin-version" not in third


@pytest.mark.anyio
async def test_credentials_and_base_url_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPECTROCOIN_CLIENT_ID", "env-id")
    monkeypatch.setenv("SPECTROCOIN_CLIENT_SECRET", "env-secret")
    monkeypatch.setenv("SPECTROCOIN_PROJECT_ID", PROJECT)
    monkeypatch.setenv("SPECTROCOIN_BASE_URL", "https://test.spectrocoin.com/api/public/")
    with respx.mock(base_url="https://test.spectrocoin.com/api/public") as router:
        token = router.post("/oauth/token").respond(
            json={"access_token": "t", "expires_in": 60, "token_type": "bearer"}
        )
        router.get("/accounts").mock(return_value=json_response([]))
        async with SpectroCoinClient() as sc:
            assert sc.project_id == PROJECT
            await sc.accounts.list_accounts()
    assert b"client_id=env-id&client_secret=env-secret" in token.calls.last.request.content


@pytest.mark.anyio
async def test_use_after_close_raises_clear_error(api: respx.MockRouter) -> None:
    sc = SpectroCoinClient("id", "secret")
    await sc.aclose()
    await sc.aclose()  # idempotent
    assert sc.closed
    with pytest.raises(ClientClosedError, match="closed; create a new one"):
        await sc.accounts.list_accounts()
    assert len(api.calls) == 0


@pytest.mark.anyio
async def test_injected_http_client_is_not_closed(api: respx.MockRouter) -> None:
    http = httpx.AsyncClient()
    async with SpectroCoinClient(http_client=http) as sc:
        api.get("/rates").mock(return_value=json_response([]))
        await sc.rates.get_rates()
    assert not http.is_closed
    await http.aclose()


@pytest.mark.anyio
async def test_injected_transport_is_used() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return json_response([])

    async with SpectroCoinClient(transport=httpx.MockTransport(handler)) as sc:
        await sc.currencies.list_currencies()
    assert seen == [f"{BASE}/currencies"]


@pytest.mark.anyio
async def test_body_encoding_switch_per_operation_and_per_tag(api: respx.MockRouter) -> None:
    route = api.post("/exchanges/calculate").mock(return_value=json_response({}))
    body = CalculateExchangeRequest(
        pay_currency_code="BTC", receive_currency_code="EUR", pay_amount=Decimal("1E-8")
    )
    async with SpectroCoinClient("id", "s") as sc:
        await sc.exchanges.calculate_exchange(body=body)
    async with SpectroCoinClient("id", "s", body_encodings={"calculateExchange": "json"}) as sc:
        await sc.exchanges.calculate_exchange(body=body)
    async with SpectroCoinClient("id", "s", body_encodings={"exchanges": "json"}) as sc:
        await sc.exchanges.calculate_exchange(body=body)
    form, by_op, by_tag = (call.request for call in route.calls)
    assert form.headers["content-type"] == "application/x-www-form-urlencoded"
    assert form.content == b"payCurrencyCode=BTC&receiveCurrencyCode=EUR&payAmount=0.00000001"
    for request in (by_op, by_tag):
        assert request.headers["content-type"] == "application/json"
        assert request.content == (
            b'{"payCurrencyCode":"BTC","receiveCurrencyCode":"EUR","payAmount":0.00000001}'
        )


@pytest.mark.anyio
async def test_documented_create_order_example_round_trips(
    api: respx.MockRouter, sc: SpectroCoinClient
) -> None:
    # The docs' example (docs.spectrocoin.com/reference/createorderusingpost2), with the one invalid UUID character fixed (`t` is not hexadecimal).
    example = {
        "orderId": "sc-0364",
        "description": "example order sc-0364",
        "receiveAmount": 10,
        "receiveCurrencyCode": "USD",
        "projectId": PROJECT,
        "callbackUrl": "https://example-web-page.com/callback",
        "successUrl": "https://example-web-page.com/success",
        "failureUrl": "https://example-web-page.com/failure",
    }
    route = api.post("/merchants/orders/create").mock(
        return_value=json_response(
            {
                "redirectUrl": "https://spectrocoin.com/pay/1",
                "validUntil": 1767225600000,
                "payAmount": 25.76161379,
            }
        )
    )
    request = CreateOrderRequest.from_dict(example)
    assert request.to_dict() == example
    response = await sc.merchant.create_order(body=request)
    sent = route.calls.last.request
    assert sent.headers["content-type"] == "application/json"
    assert json.loads(sent.content) == example
    assert b'"receiveAmount":10,' in sent.content
    assert response.pay_amount == Decimal("25.76161379")
    assert isinstance(response.valid_until, datetime.datetime)
    assert response.valid_until.isoformat() == "2026-01-01T00:00:00+00:00"


@pytest.mark.anyio
async def test_escape_hatch_uses_auth_encoding_and_error_mapping(
    api: respx.MockRouter, sc: SpectroCoinClient
) -> None:
    route = api.post("/new/thing").mock(return_value=json_response({"fee": Decimal("0.0001")}))
    result = await sc.request(
        "POST",
        "/new/thing",
        form={"amount": Decimal("1E-8")},
        params={"x": Decimal("2.50")},
        headers={"X-Extra": "1"},
    )
    sent = route.calls.last.request
    assert result == {"fee": Decimal("0.0001")}
    assert sent.headers["authorization"] == "Bearer tok-1"
    assert sent.headers["x-extra"] == "1"
    assert sent.content == b"amount=0.00000001"
    assert sent.url.query == b"x=2.50"
    api.get("/missing").respond(404, json={"errorCode": "GEN_8"})
    with pytest.raises(NotFoundError) as info:
        await sc.request("GET", "missing")
    assert info.value.error_code == "GEN_8"
    api.delete("/empty").respond(204)
    assert await sc.request("DELETE", "/empty") is None


@pytest.mark.anyio
async def test_escape_hatch_rejects_two_bodies(sc: SpectroCoinClient) -> None:
    with pytest.raises(ValueError, match="not both"):
        await sc.request("POST", "/x", json={}, form={})


@pytest.mark.anyio
async def test_detailed_variant_returns_metadata(
    api: respx.MockRouter, sc: SpectroCoinClient
) -> None:
    api.get("/currencies").mock(
        return_value=json_response([], headers={"X-Trace-Id": "abc", "X-RateLimit-Remaining": "9"})
    )
    detailed = await sc.currencies.list_currencies_detailed()
    assert detailed.status_code == 200
    assert detailed.parsed == []
    assert detailed.trace_id == "abc"
    assert detailed.attempts == 1
    assert detailed.rate_limit == {"x-ratelimit-remaining": "9"}


def test_the_constructor_users_read_has_no_test_hooks_and_the_docstring_names_namespaces() -> None:
    """Issue 19 item 9: help(SpectroCoinClient) shows the namespaces, not clock/sleep/rng."""
    import inspect
    import pydoc

    from spectrocoin_async._generated.api import Namespaces

    parameters = set(inspect.signature(SpectroCoinClient).parameters)
    assert not parameters & {"clock", "sleep", "wall_clock", "rng"}
    doc = inspect.getdoc(SpectroCoinClient) or ""
    for namespace in Namespaces.__annotations__:
        assert f"``{namespace}``" in doc, namespace
    assert "clock" not in pydoc.render_doc(SpectroCoinClient.__init__)


def test_the_testing_hook_reaches_the_client_and_only_that_one() -> None:
    from tests.support.fakes import FakeClock

    clock = FakeClock()
    hooked = SpectroCoinClient._testing("id", "secret", clock=clock, sleep=clock.sleep)
    plain = SpectroCoinClient("id", "secret")
    assert hooked._pipeline._clock is clock
    assert plain._pipeline._clock is not clock
