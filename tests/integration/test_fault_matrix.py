"""The fault matrix: every kind of failure a network or a gateway can produce, over real
sockets, on asyncio and trio. Each kind is survived (retried to success) or reported as a typed
``SpectroCoinError`` saying whether the request may have reached the server, and a money-moving
request never arrives twice.

The sandbox covers faults of SpectroCoin itself (test_faults.py, with its ledger as the witness).
Here ``FaultServer`` plays a broken network or gateway: the server's own record of arrivals is
the witness. ``KINDS`` names every kind covered here or there; the last test checks the count.
"""

from __future__ import annotations

import email.utils
import gzip
import socket
import time
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest

from spectrocoin_async import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    ClientClosedError,
    CreateExchangeRequest,
    GrantType,
    GroupLimits,
    RateLimitError,
    RateLimits,
    ResponseValidationError,
    RetryPolicy,
    ServerError,
    SpectroCoinClient,
    SpectroCoinError,
    TokenRequest,
    UnprocessableEntityError,
)
from tests.support.bombs import gzip_bomb
from tests.support.spec_calls import example_calls

from .faultserver import Act, FaultServer
from .support import transport_options

pytestmark = pytest.mark.anyio

ACCOUNTS = [
    {"id": "1", "currencyCode": "BTC", "currencyName": "Bitcoin", "balance": 0.5},
    {"id": "2", "currencyCode": "EUR", "currencyName": "Euro", "balance": 10},
]
EXCHANGE = {
    "id": "EX-1",
    "status": "COMPLETED",
    "payCurrencyCode": "EUR",
    "payAmount": 10.5,
    "receiveCurrencyCode": "BTC",
    "receiveAmount": 0.0001,
    "createdAt": "2026-11-25T10:15:02Z",
}
FAST = RetryPolicy(max_attempts=3, backoff_base=0.001, backoff_cap=0.005)
SHORT = httpx.Timeout(connect=1.0, read=0.3, write=1.0, pool=1.0)

# Every kind of failure the SDK is held to, and the test that covers it.
KINDS = {
    "reset before the answer": "test_reset_before_the_answer",
    "reset during the body": "test_reset_during_the_body",
    "truncated body": "test_truncated_body",
    "read timeout": "test_read_timeout",
    "connection refused": "test_connection_refused",
    "DNS failure": "test_dns_failure",
    "5xx": "test_5xx_statuses",
    "HTML error page": "test_html_error_page",
    "429 storm": "test_429_storm",
    "429 past the deadline": "test_429_past_the_deadline",
    "token expiry": "test_token_expiry",
    "token outage": "test_token_outage",
    "refused secret": "test_refused_secret",
    "slow drip": "test_slow_drip",
    "clock skew": "test_clock_skew",
    "pathological JSON": "test_pathological_json",
    "not JSON / empty 200": "test_not_json_on_success",
    "broken export stream": "test_broken_export_stream",
    "aclose() while waiting for a token": "test_close_while_waiting_for_a_token",
    "aclose() in a retry backoff": "test_close_in_a_retry_backoff",
    "aclose() while waiting on the limiter": "test_close_while_waiting_on_the_limiter",
    "aclose() with a money move on the wire": "test_close_with_a_money_move_on_the_wire",
    "cancelled mid-request": "test_cancelled_mid_request",
    "compressed body": "test_compressed_body",
    "3xx on every operation": "test_redirect_on_every_operation",
    "decompression bomb": "test_decompression_bomb",
    # Covered against the sandbox in test_faults.py, with its ledger as the witness:
    "random faults under concurrency": "test_faulty_money_moves_are_never_sent_twice",
    "token expiry mid-batch": "test_token_expiry_in_the_middle_of_a_batch",
}


@pytest.fixture
def server() -> Any:
    with FaultServer() as running:
        yield running


def client(server: FaultServer, **options: Any) -> SpectroCoinClient:
    options.setdefault("retry", FAST)
    options.setdefault("timeout", SHORT)
    return SpectroCoinClient._testing(
        "fault-client",
        "fault-secret-value",
        base_url=server.base_url,
        **transport_options(),
        **options,
    )


def exchange(sc: SpectroCoinClient) -> Any:
    return sc.exchanges.create_exchange(
        body=CreateExchangeRequest(
            pay_currency_code="EUR", receive_currency_code="BTC", pay_amount=Decimal("10.5")
        )
    )


def accounts_ok() -> Act:
    return Act.json(ACCOUNTS)


# -- the network ----------------------------------------------------------------------------


async def test_reset_before_the_answer(server: FaultServer) -> None:
    server.script("/accounts", Act("reset"), accounts_ok())
    server.script("/exchanges", Act("reset"))
    async with client(server) as sc:
        accounts = await sc.accounts.list_accounts()
        assert [a.balance for a in accounts] == [Decimal("0.5"), Decimal(10)]
        assert server.count("/accounts") == 2  # a read is retried

        with pytest.raises(APIConnectionError) as caught:
            await exchange(sc)
    assert caught.value.request_may_have_reached_server is True
    assert server.count("/exchanges", "POST") == 1  # a money move is not


async def test_reset_during_the_body(server: FaultServer) -> None:
    body = Act.json(ACCOUNTS).body
    server.script("/accounts", Act("reset_mid_body", body=body), accounts_ok())
    server.script("/exchanges", Act("reset_mid_body", body=Act.json(EXCHANGE).body))
    async with client(server) as sc:
        assert len(await sc.accounts.list_accounts()) == 2
        assert server.count("/accounts") == 2
        with pytest.raises(APIConnectionError) as caught:
            await exchange(sc)
    assert caught.value.request_may_have_reached_server is True
    assert server.count("/exchanges", "POST") == 1


async def test_truncated_body(server: FaultServer) -> None:
    body = Act.json(ACCOUNTS).body
    server.script(
        "/accounts", Act("truncate", body=body), Act("truncate", body=body), accounts_ok()
    )
    server.script("/exchanges", Act("truncate", body=Act.json(EXCHANGE).body))
    async with client(server) as sc:
        assert len(await sc.accounts.list_accounts()) == 2
        assert server.count("/accounts") == 3
        with pytest.raises(APIConnectionError) as caught:
            await exchange(sc)
    assert caught.value.request_may_have_reached_server is True
    assert server.count("/exchanges", "POST") == 1


async def test_read_timeout(server: FaultServer) -> None:
    server.script("/accounts", Act("stall", seconds=5))
    server.script("/exchanges", Act("stall", seconds=5))
    async with client(server) as sc:
        with pytest.raises(APITimeoutError) as read:
            await sc.accounts.list_accounts()
        with pytest.raises(APITimeoutError) as moved:
            await exchange(sc)
    assert server.count("/accounts") == 3  # every attempt timed out
    assert read.value.request_may_have_reached_server is True
    assert moved.value.request_may_have_reached_server is True
    assert server.count("/exchanges", "POST") == 1


async def test_connection_refused() -> None:
    with socket_that_refuses() as port:
        async with SpectroCoinClient(
            "id",
            "secret-value",
            base_url=f"http://127.0.0.1:{port}/api/public",
            retry=FAST,
            **transport_options(),
        ) as sc:
            with pytest.raises(APIConnectionError) as caught:
                await sc.currencies.list_currencies()
    error = caught.value
    assert not isinstance(error, APITimeoutError)
    assert error.request_may_have_reached_server is False
    assert f"127.0.0.1:{port}" in str(error)
    assert "refused" in str(error).lower()


async def test_dns_failure() -> None:
    # .invalid never resolves (RFC 6761), so no packet leaves the machine for it.
    async with SpectroCoinClient(
        "id",
        "secret-value",
        base_url="https://api.example.invalid/api/public",
        retry=FAST,
        **transport_options(),
    ) as sc:
        with pytest.raises(APIConnectionError) as caught:
            await sc.currencies.list_currencies()
    error = caught.value
    assert error.request_may_have_reached_server is False
    assert "api.example.invalid" in str(error)
    assert "refused" not in str(error).lower()


# -- the gateway ----------------------------------------------------------------------------


@pytest.mark.parametrize("status", [500, 502, 503, 504])
async def test_5xx_statuses(server: FaultServer, status: int) -> None:
    failure = Act.json({"errorCode": "GEN_1", "defaultMessage": "down"}, status)
    server.script("/accounts", failure, accounts_ok())
    server.script("/exchanges", failure)
    async with client(server) as sc:
        if status == 500:
            # Not a gateway's word but the application's: not retried, even for a read.
            with pytest.raises(ServerError) as read:
                await sc.accounts.list_accounts()
            assert read.value.status_code == 500 and read.value.message == "down"
            assert server.count("/accounts") == 1
        else:
            response = await sc.accounts.list_accounts_detailed()
            assert response.attempts == 2 and len(response.parsed) == 2
        with pytest.raises(ServerError) as caught:
            await exchange(sc)
    assert caught.value.status_code == status
    assert server.count("/exchanges", "POST") == 1


async def test_html_error_page(server: FaultServer) -> None:
    page = b"<html><body><h1>502 Bad Gateway</h1></body></html>"
    html = Act(status=502, body=page, headers=(("Content-Type", "text/html"),))
    server.script("/accounts", html)
    async with client(server) as sc:
        with pytest.raises(ServerError) as caught:
            await sc.accounts.list_accounts()
    assert caught.value.status_code == 502
    assert str(caught.value.body).startswith("<html>")
    assert server.count("/accounts") == 3


async def test_429_storm(server: FaultServer) -> None:
    limited = Act.json({"errorCode": "GEN_429"}, 429, **{"Retry-After": "0.05"})
    server.script("/exchanges", limited, limited, Act.json(EXCHANGE))
    async with client(server, retry=RetryPolicy(max_attempts=4, backoff_base=0.001)) as sc:
        started = time.monotonic()
        result = await exchange(sc)
        waited = time.monotonic() - started
    # A 429 means nothing was done: the money move is sent again and runs once.
    assert result.pay_amount == Decimal("10.5")
    assert server.count("/exchanges", "POST") == 3
    assert waited >= 0.1  # it waited out Retry-After twice


async def test_429_past_the_deadline(server: FaultServer) -> None:
    server.script("/exchanges", Act.json({}, 429, **{"Retry-After": "30"}))
    async with client(server) as sc:
        with pytest.raises(RateLimitError) as caught:
            await sc.exchanges.create_exchange(
                body=CreateExchangeRequest(
                    pay_currency_code="EUR",
                    receive_currency_code="BTC",
                    pay_amount=Decimal("1"),
                ),
                deadline=1.0,
            )
    assert caught.value.retry_after == 30.0
    assert caught.value.request_may_have_reached_server is False
    assert server.count("/exchanges", "POST") == 1


# -- tokens ---------------------------------------------------------------------------------


async def test_token_expiry(server: FaultServer) -> None:
    expired = Act.json({"errorCode": "AUTH_1", "defaultMessage": "token expired"}, 401)
    server.script("/accounts", expired, accounts_ok())
    async with client(server) as sc:
        assert len(await sc.accounts.list_accounts()) == 2
    assert server.count("/oauth/token") == 2
    assert server.count("/accounts") == 2


async def test_token_outage(server: FaultServer) -> None:
    server.script("/oauth/token", Act.json({"errorCode": "GEN_1"}, 503))
    server.script("/accounts", accounts_ok())
    async with client(server) as sc:
        with pytest.raises(SpectroCoinError) as caught:
            await sc.accounts.list_accounts()
    assert type(caught.value) is ServerError  # an outage, not refused credentials
    assert caught.value.status_code == 503
    assert "token" in str(caught.value).lower()
    assert server.count("/accounts") == 0  # nothing is sent without a token
    assert server.count("/oauth/token") == 3  # the token request is retried like a read


async def test_refused_secret(server: FaultServer) -> None:
    refused = {"error": "invalid_client", "error_description": "Bad client credentials"}
    server.script("/oauth/token", Act.json(refused, 401))
    async with client(server) as sc:
        for _ in range(5):
            with pytest.raises(AuthenticationError) as caught:
                await sc.accounts.list_accounts()
            assert "Bad client credentials" in str(caught.value)
    # Remembered: five calls, one token request.
    assert server.count("/oauth/token") == 1
    assert server.count("/accounts") == 0


# -- slow and strange answers ---------------------------------------------------------------


async def test_slow_drip(server: FaultServer) -> None:
    # One byte every 0.1 s never trips the 0.3 s read timeout; only a total deadline stops it.
    server.script("/accounts", Act("drip", body=Act.json(ACCOUNTS).body * 50, seconds=0.1))
    # The drip lasts some 13 minutes: the message names the 1 s deadline, not the 300 s
    # default that would otherwise end it.
    async with client(server, deadline=1.0) as sc:
        with pytest.raises(APITimeoutError) as caught:
            await sc.accounts.list_accounts()
    assert str(caught.value) == (
        "listAccounts: deadline of 1.0s exceeded after 1 attempt(s) "
        "(the request may have reached the server)"
    )


async def test_clock_skew(server: FaultServer) -> None:
    """The server's clock is an hour behind ours: its HTTP-date Retry-After lies in our past.
    The SDK waits no time it cannot justify, retries at once, and never waits a negative time."""
    behind = email.utils.formatdate(time.time() - 3600, usegmt=True)
    limited = Act.json({}, 429, **{"Retry-After": behind})
    server.script("/accounts", limited, accounts_ok())
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)
        await anyio.sleep(seconds)

    async with client(server, sleep=sleep) as sc:
        assert len(await sc.accounts.list_accounts()) == 2
    assert slept == []  # retried at once: no wait at all
    # An hour ahead instead: capped (60 s by default), so a deadline ends it as a 429.
    ahead = email.utils.formatdate(time.time() + 3600, usegmt=True)
    server.script("/accounts", Act.json({}, 429, **{"Retry-After": ahead}))
    async with client(server) as sc:
        with pytest.raises(RateLimitError) as caught:
            await sc.accounts.list_accounts(deadline=0.5)
    assert caught.value.retry_after is not None and caught.value.retry_after > 3000


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 100_000 + b"]" * 100_000,
        b'[{"id": "1", "currencyCode": "BTC", "balance": 1e1000000}]',
        b'[{"id": "1", "currencyCode": "BTC", "balance": ' + b"9" * 100_000 + b"}]",
        b'{"a": ' * 5000 + b"1" + b"}" * 5000,
        # Past what decimal holds: Decimal() raises InvalidOperation, which is no ValueError.
        b'[{"id": "1", "currencyCode": "BTC", "balance": 1e-1999999999999999999}]',
    ],
    ids=["deep-array", "huge-exponent", "huge-integer", "deep-object", "beyond-decimal"],
)
async def test_pathological_json(server: FaultServer, body: bytes) -> None:
    server.script("/accounts", Act(body=body))
    server.script("/exchanges", Act(status=422, body=body))
    # Refused before any deep recursion or huge conversion (each once escaped or took minutes).
    async with client(server) as sc:
        with pytest.raises(ResponseValidationError):
            await sc.accounts.list_accounts()
        with pytest.raises(SpectroCoinError) as caught:
            await exchange(sc)
    assert type(caught.value) is UnprocessableEntityError and caught.value.status_code == 422
    assert server.count("/exchanges", "POST") == 1


@pytest.mark.parametrize(
    "act",
    [
        Act(body=b""),
        Act(body=b"<html>ok</html>", headers=(("Content-Type", "text/html"),)),
        Act(body=b'{"accounts": "nope"}'),
        Act(body=b"\xff\xfe\x00garbage"),
    ],
    ids=["empty", "html", "wrong-shape", "not-utf8"],
)
async def test_not_json_on_success(server: FaultServer, act: Act) -> None:
    server.script("/accounts", act)
    async with client(server) as sc:
        with pytest.raises(ResponseValidationError) as caught:
            await sc.accounts.list_accounts()
    assert caught.value.status_code == 200
    assert server.count("/accounts") == 1  # a 200 is an answer: never retried


async def test_broken_export_stream(server: FaultServer, tmp_path: Path) -> None:
    csv = b"id,amount\n" + b"".join(b"%d,1.00000000\n" % i for i in range(20_000))
    broken = Act("reset_mid_body", body=csv, headers=(("Content-Type", "text/csv"),))
    server.script("/exports/transactions", broken)
    target = tmp_path / "out.csv"
    target.write_bytes(b"previous export")
    async with client(server) as sc:
        with pytest.raises(APIConnectionError):
            await sc.exports.download_transactions(target, format="CSV")
    assert folder_after(tmp_path) == {"out.csv": b"previous export"}  # untouched, no partial


# -- shutdown (issue 17, items 8 and 9) -------------------------------------------------------
# A call in flight when the client is closed ends in ClientClosedError, never httpx's bare
# RuntimeError, and nothing more reaches the server once aclose() has returned.


class Outcome:
    def __init__(self) -> None:
        self.value: Any = None

    async def of(self, call: Any) -> None:
        try:
            self.value = await call()
        except Exception as exc:  # the outcome is what the test looks at
            self.value = exc


class Sleeps:
    """The SDK's sleep, really sleeping, that says when it started one."""

    def __init__(self) -> None:
        self.started = anyio.Event()
        self.seconds: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.seconds.append(seconds)
        self.started.set()
        await anyio.sleep(seconds)


async def arrival(server: FaultServer, path: str) -> None:
    # The bound only keeps a broken test from hanging; a passing one never comes near it.
    assert await anyio.to_thread.run_sync(server.wait_for, path, None, 60)


async def close_once(sc: SpectroCoinClient, call: Any, ready: Any) -> Any:
    """Run ``call``, close the client once ``ready()`` returns, and return the call's outcome."""
    outcome = Outcome()
    async with anyio.create_task_group() as tg:
        tg.start_soon(outcome.of, call)
        await ready()
        await sc.aclose()
    return outcome.value


async def test_close_while_waiting_for_a_token(server: FaultServer) -> None:
    server.script("/oauth/token", Act("stall", seconds=60))
    server.script("/accounts", accounts_ok())
    async with client(server) as sc:
        caught = await close_once(
            sc,
            sc.accounts.list_accounts,
            lambda: arrival(server, "/oauth/token"),
        )
    assert isinstance(caught, ClientClosedError)
    assert caught.request_may_have_reached_server is False
    assert server.count("/oauth/token") == 1
    assert server.count("/accounts") == 0


async def test_close_in_a_retry_backoff(server: FaultServer) -> None:
    server.script("/accounts", Act.json({"errorCode": "GEN_1"}, 503), accounts_ok())
    sleeps = Sleeps()
    slow = RetryPolicy(max_attempts=3, backoff_base=60, backoff_cap=60, jitter=False)
    async with client(server, retry=slow, sleep=sleeps) as sc:
        caught = await close_once(sc, sc.accounts.list_accounts, sleeps.started.wait)
    assert isinstance(caught, ClientClosedError)
    assert sleeps.seconds == [60.0]
    assert server.count("/accounts") == 1  # the retry never went out


async def test_close_while_waiting_on_the_limiter(server: FaultServer) -> None:
    server.script("/accounts", accounts_ok())
    sleeps = Sleeps()
    one_a_minute = RateLimits(GroupLimits(rate=1 / 60, burst=1), groups={})
    async with client(server, rate_limits=one_a_minute, sleep=sleeps) as sc:
        assert len(await sc.accounts.list_accounts()) == 2  # spends the burst
        caught = await close_once(sc, sc.accounts.list_accounts, sleeps.started.wait)
    assert isinstance(caught, ClientClosedError)
    assert caught.request_may_have_reached_server is False
    assert len(sleeps.seconds) == 1 and sleeps.seconds[0] > 59
    assert server.count("/accounts") == 1


async def test_close_with_a_money_move_on_the_wire(server: FaultServer) -> None:
    server.script("/exchanges", Act("stall", seconds=60))
    async with client(server, timeout=httpx.Timeout(60)) as sc:
        caught = await close_once(
            sc,
            lambda: exchange(sc),
            lambda: arrival(server, "/exchanges"),
        )
    assert isinstance(caught, ClientClosedError)
    assert caught.request_may_have_reached_server is True  # reconcile before sending again
    assert str(caught) == (
        "createExchange: the client was closed (aclose()) while this call was in flight "
        "(the request may have reached the server)"
    )
    assert server.count("/exchanges", "POST") == 1


async def test_redirect_on_every_operation(server: FaultServer, tmp_path: Path) -> None:
    # A gateway that sends everything to a login page: every operation ends in an APIError that
    # names the status and the Location, each request arrives once (no retry, nothing followed),
    # and an export leaves its target as it was.
    login = "http://127.0.0.1:9/sso/login"
    redirect = Act(
        status=302,
        body=b"<html>sign in</html>",
        headers=(("Content-Type", "text/html"), ("Location", login)),
    )
    calls = [call for call in example_calls() if call.operation_id != "getAccessToken"]
    for call in calls:
        server.script(call.path.split("?")[0], redirect)
    target = tmp_path / "out.csv"
    target.write_bytes(b"previous export")
    async with client(server) as sc:
        for call in calls:
            with pytest.raises(APIError) as caught:
                await call.bind(sc)()
            assert caught.value.status_code == 302, call.id
            assert f"redirected to Location {login!r}: not followed" in str(caught.value)
        with pytest.raises(APIError):
            await sc.exports.download_transactions(target)
        server.script("/oauth/token", redirect)
        with pytest.raises(APIError) as caught:
            await sc.auth.get_access_token(
                body=TokenRequest(
                    grant_type=GrantType.CLIENT_CREDENTIALS, client_id="c", client_secret="s"
                )
            )
        assert caught.value.status_code == 302
    assert folder_after(tmp_path) == {"out.csv": b"previous export"}
    arrived = [(a.method, a.path.removeprefix("/api/public")) for a in server.arrivals]
    expected = [(c.method, c.path.split("?")[0]) for c in calls]
    assert arrived == [
        ("POST", "/oauth/token"),
        *expected,
        ("GET", "/exports/transactions"),
        ("POST", "/oauth/token"),
    ]
    assert not any(a.path.startswith("/sso") for a in server.arrivals)


async def test_decompression_bomb(server: FaultServer, tmp_path: Path) -> None:
    # 519 KiB of gzip that inflates to 512 MiB, as a success, as an error body and as a streamed
    # export's error body: refused or cut as it is read, never inflated whole.
    bomb = gzip_bomb(512)
    headers = (("Content-Type", "application/json"), ("Content-Encoding", "gzip"))
    server.script("/accounts", Act(body=bomb, headers=headers))
    server.script("/exchanges", Act(status=500, body=bomb, headers=headers))
    server.script("/exports/transactions", Act(status=503, body=bomb, headers=headers))
    target = tmp_path / "out.csv"
    target.write_bytes(b"previous export")
    tracemalloc.start()
    try:
        async with client(server) as sc:
            with pytest.raises(ResponseValidationError) as refused:
                await sc.accounts.list_accounts()
            with pytest.raises(ServerError):
                await exchange(sc)
            with pytest.raises(ServerError):
                await sc.exports.download_transactions(target, max_attempts=1)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "response body is larger than 67108864 bytes (decoded)" in str(refused.value)
    assert peak < 72 * 1024 * 1024  # the 64 MiB limit and a few pieces; was over 512 MiB
    assert server.count("/accounts") == 1  # a refused body is not retried either
    assert folder_after(tmp_path) == {"out.csv": b"previous export"}


async def test_cancelled_mid_request(server: FaultServer) -> None:
    # The caller's cancel scope ends a call the server is sitting on: nothing is retried, the
    # only slot of the group comes back, and the next call goes through on the same client.
    server.script("/exchanges", Act("stall", seconds=5), Act.json(EXCHANGE))
    server.script("/accounts", accounts_ok())
    one = RateLimits(default=GroupLimits(max_in_flight=1, rate=None), max_in_flight=1)
    async with client(server, rate_limits=one) as sc:
        with anyio.fail_after(10):  # a bound for a broken build only; the cancel comes first
            async with anyio.create_task_group() as group:
                group.start_soon(exchange, sc)
                assert await anyio.to_thread.run_sync(server.wait_for, "/exchanges", "POST")
                group.cancel_scope.cancel()
        assert len(await sc.accounts.list_accounts()) == 2
        result = await exchange(sc)
    assert result.id == "EX-1"
    assert server.count("/exchanges", "POST") == 2  # the cancelled one and the new one


async def test_compressed_body(server: FaultServer) -> None:
    # gzip is decoded by httpx on either pool (aiohttp is told not to decompress).
    packed = gzip.compress(Act.json(ACCOUNTS).body)
    encoded = (("Content-Type", "application/json"), ("Content-Encoding", "gzip"))
    server.script("/accounts", Act(body=packed, headers=encoded))
    async with client(server) as sc:
        response = await sc.accounts.list_accounts_detailed()
    assert [a.balance for a in response.parsed] == [Decimal("0.5"), Decimal(10)]
    assert response.headers["content-encoding"] == "gzip"
    assert "gzip" in dict(server.arrivals[-1].headers)["accept-encoding"]


def folder_after(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_the_matrix_covers_at_least_18_kinds() -> None:
    import sys

    from . import test_faults

    here = sys.modules[__name__]
    for kind, test in KINDS.items():
        assert hasattr(here, test) or hasattr(test_faults, test), kind
    assert len(KINDS) >= 18


@contextmanager
def socket_that_refuses() -> Iterator[int]:
    """A loopback port with nothing listening on it (bound, never listened: connects refuse)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as bound:
        bound.bind(("127.0.0.1", 0))
        yield bound.getsockname()[1]
