"""Issues 10 and 11, the pipeline's part: default deadlines, headers and per-call options checked
before sending, base URL mistakes, connection errors that name host and cause, Retry-After
bounds, and legacy / OAuth error bodies."""

from __future__ import annotations

import math
import socket
from collections.abc import AsyncIterator
from decimal import Decimal

import anyio
import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spectrocoin_async import (
    DEFAULT_DEADLINE,
    DEFAULT_EXPORT_DEADLINE,
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    RateLimitError,
    ResponseValidationError,
    RetryPolicy,
    SpectroCoinClient,
    ValidationError,
)
from spectrocoin_async._retry import parse_retry_after
from tests.conftest import TOKEN_BODY

pytestmark = pytest.mark.anyio


class Drip(httpx.AsyncByteStream):
    """A body that never ends: one byte every 50 ms, well within any read timeout."""

    async def __aiter__(self) -> AsyncIterator[bytes]:
        while True:
            await anyio.sleep(0.05)
            yield b" "


def dripping(request: httpx.Request) -> httpx.Response:
    if request.url.path.endswith("/oauth/token"):
        return httpx.Response(200, json=TOKEN_BODY)
    return httpx.Response(200, headers={"content-type": "application/json"}, stream=Drip())


# -- issue 10 item 11: a default total deadline ------------------------------------------------


async def test_a_dripping_server_is_stopped_by_the_default_deadline() -> None:
    async with SpectroCoinClient(
        "id", "secret", transport=httpx.MockTransport(dripping), deadline=0.3
    ) as sc:
        with anyio.fail_after(5):  # the test's own guard: without a default it would hang
            with pytest.raises(APITimeoutError, match=r"deadline of 0.3s exceeded"):
                await sc.currencies.list_currencies()


async def test_default_deadlines_are_documented_and_configurable() -> None:
    async with SpectroCoinClient("id", "secret") as sc:
        assert sc._pipeline.deadline_for({}) == DEFAULT_DEADLINE == 300.0
        assert sc._pipeline.deadline_for({}, stream=True) == DEFAULT_EXPORT_DEADLINE == 3600.0
        assert sc._pipeline.deadline_for({"deadline": 7}) == 7.0
        assert sc._pipeline.deadline_for({"deadline": None}) is None  # explicitly none
    async with SpectroCoinClient("id", "secret", deadline=None, export_deadline=None) as sc:
        assert sc._pipeline.deadline_for({}) is None
    for bad in (0, -1, float("nan"), "5"):
        with pytest.raises(ValidationError) as caught:
            SpectroCoinClient(deadline=bad)  # type: ignore[arg-type]
        assert caught.value.field == "deadline"


async def test_a_dripping_export_is_stopped_by_the_export_deadline(tmp_path: object) -> None:
    def export(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth/token"):
            return httpx.Response(200, json=TOKEN_BODY)
        return httpx.Response(200, headers={"content-type": "text/csv"}, stream=Drip())

    async with SpectroCoinClient(
        "id", "secret", transport=httpx.MockTransport(export), deadline=0.05, export_deadline=0.4
    ) as sc:
        with anyio.fail_after(5):
            with pytest.raises(APITimeoutError, match="deadline exceeded after"):
                async for _ in sc.exports.iter_transactions():
                    pass


# -- issue 10 item 16: bad headers are refused before sending ----------------------------------


def counting_transport() -> tuple[httpx.MockTransport, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path.endswith("/oauth/token"):
            return httpx.Response(200, json=TOKEN_BODY)
        return httpx.Response(200, json=[])

    return httpx.MockTransport(handler), seen


@pytest.mark.parametrize(
    ("headers", "field"),
    [
        ({"X-Bad\r\nInjected": "1"}, "headers"),
        ({"X Space": "1"}, "headers"),
        ({"": "1"}, "headers"),
        ({"X-Split": "a\r\nX-Injected: 1"}, "headers['X-Split']"),
        ({"X-Nul": "a\x00b"}, "headers['X-Nul']"),
        ({"X-Name": "Zoë"}, "headers['X-Name']"),
        ({"X-Number": 5}, "headers['X-Number']"),
        ({5: "x"}, "headers"),
    ],
)
async def test_bad_headers_are_a_validation_error_and_nothing_is_sent(
    headers: dict[object, object], field: str
) -> None:
    transport, seen = counting_transport()
    async with SpectroCoinClient("id", "secret", transport=transport) as sc:
        with pytest.raises(ValidationError) as caught:
            await sc.currencies.list_currencies(headers=headers)  # type: ignore[arg-type]
        with pytest.raises(ValidationError):
            await sc.request("GET", "/currencies", headers=headers)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert seen == []  # not even the token request


async def test_good_headers_go_out_as_given() -> None:
    transport, seen = counting_transport()
    async with SpectroCoinClient("id", "secret", transport=transport) as sc:
        await sc.currencies.list_currencies(headers={"X-Request-Id": "abc-1", "X-Tab": "a\tb"})
    assert seen[-1].headers["x-request-id"] == "abc-1"
    assert seen[-1].headers["x-tab"] == "a\tb"


def test_a_bad_api_version_header_is_refused_when_the_client_is_built() -> None:
    with pytest.raises(ValidationError) as caught:
        SpectroCoinClient(api_version="2025-01-01\r\nX-Evil: 1")
    assert caught.value.field == "headers['SpectroCoin-Version']"
    with pytest.raises(ValidationError):
        SpectroCoinClient(api_version="1", api_version_header="Bad Header")


# -- issue 10 item 17: per-call options checked up front ---------------------------------------


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"deadline": "5"}, "deadline"),
        ({"deadline": float("nan")}, "deadline"),
        ({"deadline": float("inf")}, "deadline"),
        ({"deadline": -1}, "deadline"),
        ({"deadline": 0}, "deadline"),
        ({"deadline": True}, "deadline"),
        ({"timeout": Decimal("5")}, "timeout"),
        ({"timeout": float("nan")}, "timeout"),
        ({"timeout": "30"}, "timeout"),
        ({"timeout": -0.5}, "timeout"),
        ({"max_attempts": 0}, "max_attempts"),
        ({"max_attempts": 1.5}, "max_attempts"),
        ({"max_attempts": True}, "max_attempts"),
        ({"headers": "X-A: 1"}, "headers"),
        ({"retries": 3}, "retries"),
    ],
)
async def test_bad_per_call_options_are_a_validation_error_naming_the_option(
    options: dict[str, object], field: str
) -> None:
    transport, seen = counting_transport()
    async with SpectroCoinClient("id", "secret", transport=transport) as sc:
        with pytest.raises(ValidationError) as caught:
            await sc.currencies.list_currencies(**options)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert seen == []


async def test_an_unknown_keyword_names_the_method_its_parameters_and_the_closest() -> None:
    """Issue 19 item 4: the misspelt parameter is named with what the method does take."""
    transport, seen = counting_transport()
    async with SpectroCoinClient("id", "secret", transport=transport) as sc:
        with pytest.raises(ValidationError) as caught:
            await sc.rates.get_rates(from_currency_code="BTC")  # type: ignore[call-arg]
        assert str(caught.value) == (
            "from_currency_code: is not a parameter of rates.get_rates (its parameters: from_, "
            "to; per-call options: deadline, headers, max_attempts, timeout); did you mean from_?"
        )
        assert caught.value.field == "from_currency_code"
        with pytest.raises(ValidationError, match=r"; did you mean date_from\?$"):
            await sc.merchant.list_orders(datefrom="2026-01-01")  # type: ignore[call-arg]
        with pytest.raises(
            ValidationError, match=r"its parameters: id; .*did you mean deadline\?$"
        ):
            await sc.merchant.get_order("x", deadlin=5)  # type: ignore[call-arg]
        with pytest.raises(
            ValidationError, match=r"its parameters: page, size, sort, .*timeout\)$"
        ):
            async for _ in sc.merchant.iterate_list_orders(zzz_unrelated=1):  # type: ignore[call-arg]
                pass
    assert seen == []


def test_every_operation_lists_the_parameters_its_method_takes() -> None:
    import inspect

    from spectrocoin_async._generated._operations import OPERATIONS
    from spectrocoin_async._generated.api import Namespaces

    sc = SpectroCoinClient("id", "secret")
    for name, operation in OPERATIONS.items():
        method = getattr(getattr(sc, operation.tag), name)
        taken = [p for p in inspect.signature(method).parameters if p != "options"]
        assert operation.parameters == tuple(taken), name
    assert set(Namespaces.__annotations__)


async def test_good_per_call_options_are_accepted() -> None:
    transport, seen = counting_transport()
    async with SpectroCoinClient("id", "secret", transport=transport) as sc:
        await sc.currencies.list_currencies(deadline=5, timeout=2, max_attempts=1)
        await sc.currencies.list_currencies(deadline=0.5, timeout=httpx.Timeout(3.0))
        await sc.currencies.list_currencies(deadline=None, timeout=None)
    assert [r.extensions["timeout"]["read"] for r in seen if r.method == "GET"] == [2.0, 3.0, None]


# -- issue 10 item 21: a configuration mistake says so -----------------------------------------


@pytest.mark.parametrize(
    "base_url",
    ["spectrocoin.com/api/public", "ftp://spectrocoin.com/api", "https://", "/api/public", ""],
)
def test_a_base_url_without_http_scheme_or_host_is_refused_at_build(base_url: str) -> None:
    if not base_url:
        base_url = " "
    with pytest.raises(ValidationError) as caught:
        SpectroCoinClient("id", "secret", base_url=base_url)
    assert caught.value.field == "base_url"


async def test_a_404_at_the_token_endpoint_says_where_it_looked() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, json={"errorCode": "GEN_404 - No such endpoint"})

    async with SpectroCoinClient(
        "id",
        "secret",
        base_url="https://example.test/wrong",
        transport=httpx.MockTransport(handler),
    ) as sc:
        with pytest.raises(AuthenticationError) as caught:
            await sc.accounts.list_accounts()
    assert caught.value.message == (
        "the token endpoint was not found at https://example.test/wrong/oauth/token (HTTP 404): "
        "check base_url"
    )
    assert caught.value.status_code == 404
    assert caught.value.request_may_have_reached_server is False


async def test_token_endpoint_down_does_not_claim_the_call_reached_the_server() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadError("connection reset")

    async with SpectroCoinClient(
        "id", "secret", transport=httpx.MockTransport(handler), retry=RetryPolicy(backoff_base=0)
    ) as sc:
        with pytest.raises(APIConnectionError) as caught:
            await sc.accounts.list_accounts()
    assert caught.value.request_may_have_reached_server is False
    assert caught.value.message.startswith("token request failed: ReadError talking to")


# -- issue 10 item 22: connection errors name the host and the cause ---------------------------


async def test_a_refused_connection_over_a_real_socket_names_host_and_cause() -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    listener.close()  # nothing listens there now
    async with SpectroCoinClient(
        base_url=f"http://127.0.0.1:{port}/api", retry=RetryPolicy(max_attempts=1)
    ) as sc:
        with pytest.raises(APIConnectionError) as caught:
            await sc.currencies.list_currencies()
    assert caught.value.message == (
        f"ConnectError talking to 127.0.0.1:{port} after 1 attempt(s): "
        "connection refused (ConnectionRefusedError)"
    )
    assert caught.value.request_may_have_reached_server is False


async def test_a_dns_failure_reads_differently_from_a_refusal() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        # What httpcore raises when getaddrinfo fails (the cause chain is what matters).
        try:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        except socket.gaierror as exc:
            raise httpx.ConnectError("[Errno -2] Name or service not known") from exc

    async with SpectroCoinClient(
        base_url="https://api.example.invalid/api",
        transport=httpx.MockTransport(handler),
        retry=RetryPolicy(max_attempts=2, backoff_base=0),
    ) as sc:
        with pytest.raises(APIConnectionError) as caught:
            await sc.currencies.list_currencies()
    assert caught.value.message == (
        "ConnectError talking to api.example.invalid after 2 attempt(s): "
        "DNS lookup of api.example.invalid failed: Name or service not known"
    )


# -- issue 10 items 6 and 8, for Retry-After: bounded before converting ------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("5", 5.0),
        (" 2.5 ", 2.5),
        ("0", 0.0),
        ("Wed, 21 Oct 2015 07:28:10 GMT", 10.0),
        ("Wed, 21 Oct 2015 07:27:00 GMT", 0.0),  # in the past: now
        ("1e400", None),
        ("1" + "0" * 400, None),
        ("1e1000000", None),
        ("nan", None),
        ("inf", None),
        ("-5", None),
        ("9" * 40, None),
        ("Wed, 21 Oct 99999 07:28:00 GMT", None),
        ("soon", None),
        ("", None),
    ],
)
def test_retry_after_is_bounded_and_never_raises(header: str, expected: float | None) -> None:
    now = 1445412480.0  # Wed, 21 Oct 2015 07:28:00 GMT
    assert parse_retry_after(header, now=now) == expected


@settings(max_examples=300, derandomize=True, database=None, deadline=None)
@given(st.text(max_size=80) | st.from_regex(r"\s*[0-9.eE+-]{1,500}\s*", fullmatch=True))
def test_retry_after_from_any_text_is_none_or_finite_seconds(header: str) -> None:
    seconds = parse_retry_after(header, now=1.7e9)
    assert seconds is None or (math.isfinite(seconds) and 0 <= seconds < 1e10)


async def test_a_huge_retry_after_through_the_client_is_a_typed_rate_limit_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth/token"):
            return httpx.Response(200, json=TOKEN_BODY)
        return httpx.Response(429, headers={"Retry-After": "1" + "0" * 400})

    async with SpectroCoinClient(
        "id",
        "secret",
        transport=httpx.MockTransport(handler),
        retry=RetryPolicy(max_attempts=1),
    ) as sc:
        with pytest.raises(RateLimitError) as caught:
            await sc.accounts.list_accounts()
    assert caught.value.retry_after is None
    assert caught.value.request_may_have_reached_server is False


# -- issue 11: legacy and OAuth error bodies ---------------------------------------------------

LEGACY_ERROR = [{"code": 3, "message": "Invalid merchant API id"}]


def legacy_server(status: int, body: object) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth/token"):
            return httpx.Response(200, json=TOKEN_BODY)
        return httpx.Response(status, json=body)

    return httpx.MockTransport(handler)


@pytest.mark.parametrize("status", [203, 200])
async def test_legacy_error_body_on_a_success_status_is_a_typed_api_error(status: int) -> None:
    """Older SpectroCoin APIs answer errors with HTTP 203 (or 200) and a body of
    ``[{"code": ..., "message": ...}]``; SpectroCoin's older WooCommerce client checks for exactly
    that shape on ``/merchants/orders/create``. Source: the README of
    https://github.com/SpectroFinance/SpectroCoin-Merchant-API (error handling)."""
    from tests.runtime.test_traffic import order

    transport = legacy_server(status, LEGACY_ERROR)
    async with SpectroCoinClient("id", "secret", transport=transport) as sc:
        with pytest.raises(APIError) as caught:
            await sc.merchant.create_order(body=order())
        with pytest.raises(APIError) as fetched:
            await sc.merchant.get_order("6c1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6")
    assert type(caught.value) is APIError
    assert (caught.value.status_code, caught.value.error_code) == (status, "3")
    assert caught.value.message == "Invalid merchant API id"
    assert caught.value.operation == "createOrder"
    assert fetched.value.error_code == "3"


async def test_every_error_of_a_legacy_error_list_reaches_the_exception() -> None:
    """Issue 18, item 5: a legacy list with two errors loses neither. The body is, verbatim, the
    example under "Error result" in the README of
    https://github.com/SpectroFinance/SpectroCoin-Merchant-API (HTTP 203)."""
    from tests.runtime.test_traffic import order

    body = [
        {"code": 1, "message": "apiId is required"},
        {"code": 1, "message": "merchantId is required"},
    ]
    async with SpectroCoinClient("id", "secret", transport=legacy_server(203, body)) as sc:
        with pytest.raises(APIError) as caught:
            await sc.merchant.create_order(body=order())
    error = caught.value
    assert error.errors == [
        {"code": "1", "message": "apiId is required"},
        {"code": "1", "message": "merchantId is required"},
    ]
    assert error.error_code == "1"
    assert error.message == "apiId is required; 1: merchantId is required"
    assert str(error) == "createOrder: 203 1: apiId is required; 1: merchantId is required"


async def test_a_legacy_error_list_is_bounded_to_20_entries() -> None:
    body = [{"code": n, "message": f"error {n}"} for n in range(1000)]
    async with SpectroCoinClient("id", "secret", transport=legacy_server(203, body)) as sc:
        with pytest.raises(APIError) as caught:
            await sc.accounts.list_accounts()
    assert [e["code"] for e in caught.value.errors] == [str(n) for n in range(20)]
    assert caught.value.message.endswith("; 19: error 19")


async def test_an_error_that_is_not_a_legacy_list_has_no_errors_entries() -> None:
    body = {"errorCode": "GEN_8", "defaultMessage": "Requested entity was not found."}
    async with SpectroCoinClient("id", "secret", transport=legacy_server(404, body)) as sc:
        with pytest.raises(APIError) as caught:
            await sc.accounts.list_accounts()
    assert caught.value.errors == []


async def test_a_real_list_response_is_not_mistaken_for_a_legacy_error() -> None:
    accounts = [{"id": "1", "currencyCode": "BTC", "balance": 1, "code": "x"}]
    async with SpectroCoinClient("id", "secret", transport=legacy_server(200, accounts)) as sc:
        assert [a.id for a in await sc.accounts.list_accounts()] == ["1"]
    async with SpectroCoinClient("id", "secret", transport=legacy_server(200, [])) as sc:
        assert await sc.accounts.list_accounts() == []


async def test_a_hostile_body_that_looks_like_a_legacy_error_is_a_typed_error() -> None:
    deep = b'[{"code": "1", "message": ' + b"[" * 100_000 + b"]" * 100_000 + b"}]"

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth/token"):
            return httpx.Response(200, json=TOKEN_BODY)
        return httpx.Response(200, content=deep)

    async with SpectroCoinClient("id", "secret", transport=httpx.MockTransport(handler)) as sc:
        with pytest.raises(ResponseValidationError):
            await sc.accounts.list_accounts()


async def test_oauth_error_description_is_the_message() -> None:
    """OAuth 2 token errors (RFC 6749 section 5.2) carry ``error`` and ``error_description``."""

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            401, json={"error": "invalid_client", "error_description": "Bad client credentials"}
        )

    async with SpectroCoinClient("id", "wrong", transport=httpx.MockTransport(handler)) as sc:
        with pytest.raises(AuthenticationError) as caught:
            await sc.accounts.list_accounts()
    assert caught.value.message == "token request failed: Bad client credentials"
    assert caught.value.error_code == "invalid_client"
    assert "wrong" not in str(caught.value)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"max_attempts": 0}, "max_attempts"),
        ({"max_attempts": -1}, "max_attempts"),
        ({"max_attempts": True}, "max_attempts"),
        ({"max_attempts": 2.0}, "max_attempts"),
        ({"backoff_base": -0.5}, "backoff_base"),
        ({"backoff_base": math.nan}, "backoff_base"),
        ({"backoff_cap": math.inf}, "backoff_cap"),
        ({"retry_after_cap": -1}, "retry_after_cap"),
        ({"retry_after_cap": "60"}, "retry_after_cap"),
    ],
)
def test_a_retry_policy_it_could_not_honour_is_refused(
    kwargs: dict[str, object], field: str
) -> None:
    # RetryPolicy(max_attempts=0) used to mean one attempt; a NaN backoff slept NaN seconds.
    with pytest.raises(ValidationError, match=f"^{field}: must be ") as caught:
        RetryPolicy(**kwargs)  # type: ignore[arg-type]
    assert caught.value.field == field


def test_a_retry_policy_of_zero_backoff_is_fine() -> None:
    policy = RetryPolicy(max_attempts=1, backoff_base=0, backoff_cap=0, retry_after_cap=0)
    assert policy.backoff(1) == 0.0


async def test_the_escape_hatch_keeps_the_default_deadline() -> None:
    # sc.request() without deadline= runs under the client's default, like every method.
    async with SpectroCoinClient(
        "id", "secret", transport=httpx.MockTransport(dripping), deadline=0.3
    ) as sc:
        with anyio.fail_after(5):  # the test's own guard: without the default it would hang
            with pytest.raises(APITimeoutError, match=r"deadline of 0.3s exceeded"):
                await sc.request("GET", "/currencies")
            with pytest.raises(APITimeoutError, match=r"deadline of 0.1s exceeded"):
                await sc.request("GET", "/currencies", deadline=0.1)
        with anyio.move_on_after(0.6) as scope:  # deadline=None: none at all, as documented
            await sc.request("GET", "/currencies", deadline=None)
        assert scope.cancelled_caught


@pytest.mark.parametrize(
    ("kwargs", "field", "reason"),
    [
        # Used to fail only when called, as a bare KeyError.
        ({"body_encodings": {"exchanges": "xml"}}, "body_encodings", "got 'exchanges': 'xml'"),
        ({"body_encodings": {1: "json"}}, "body_encodings", "got 1: 'json'"),
        # Used to send form bodies with every array silently left out.
        ({"array_format": "weird"}, "array_format", "got 'weird'"),
        # Used to mean 100 (0) or a pool httpx could not honour (-3).
        ({"max_connections": 0}, "max_connections", "got 0"),
        ({"max_connections": -3}, "max_connections", "got -3"),
        ({"max_connections": 2.5}, "max_connections", "got 2.5"),
        ({"max_connections": True}, "max_connections", "got True"),
        ({"token_refresh_margin": -1}, "token_refresh_margin", "got -1"),
        ({"token_refresh_margin": float("inf")}, "token_refresh_margin", "got inf"),
        ({"token_refresh_margin": "60"}, "token_refresh_margin", "got '60'"),
    ],
)
def test_client_settings_it_could_not_honour_are_refused_when_built(
    kwargs: dict[str, object], field: str, reason: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        SpectroCoinClient("id", "secret", **kwargs)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert str(caught.value).endswith(reason)


async def test_every_array_format_sends_the_array() -> None:
    sent: list[bytes] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request.content)
        return httpx.Response(200, json={})

    for array_format in ("indices", "brackets", "repeat", "comma"):
        async with SpectroCoinClient(
            transport=httpx.MockTransport(handler),
            array_format=array_format,
        ) as sc:
            await sc.request("POST", "/x", form={"a": [1, 2]}, public=True)
    assert sent == [b"a%5B0%5D=1&a%5B1%5D=2", b"a%5B%5D=1&a%5B%5D=2", b"a=1&a=2", b"a=1%2C2"]
