"""Traffic control (issue 4): rate limits, 429 handling, retries, timeouts, observability.

Everything runs on virtual time (``fakes.FakeClock``): the SDK gets the fake clock and sleep, the
fake server delays responses on the same clock, and every assertion about *when* something was
sent is exact. Nothing sleeps through a backoff for real. Every async test runs on asyncio and on
trio.
"""

from __future__ import annotations

import email.utils
import logging
import math
import random
import time
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from typing import Any
from uuid import UUID

import anyio
import httpx
import pytest
import respx

from spectrocoin_async import (
    DEFAULT_TIMEOUT,
    APIConnectionError,
    APITimeoutError,
    CreateCryptoWithdrawalRequest,
    CreateOrderRequest,
    GroupLimits,
    NotFoundError,
    RateLimitError,
    RateLimits,
    RetryPolicy,
    ServerError,
    SpectroCoinClient,
)
from spectrocoin_async._generated._operations import OPERATIONS
from tests.support.fakes import FakeClock


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


BASE = "https://spectrocoin.com/api/public"
PREFIX = "/api/public"
CLIENT_ID = "client-id-0001"
CLIENT_SECRET = "client-secret-must-never-be-logged"
TOKEN = "access-token-must-never-be-logged"
TOKEN_BODY = {"access_token": TOKEN, "expires_in": 3600, "token_type": "bearer"}
PROJECT_ID = UUID("6c1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6")


@pytest.fixture(autouse=True)
def _no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "SPECTROCOIN_CLIENT_ID",
        "SPECTROCOIN_CLIENT_SECRET",
        "SPECTROCOIN_PROJECT_ID",
        "SPECTROCOIN_BASE_URL",
    ):
        monkeypatch.delenv(name, raising=False)


# --------------------------------------------------------------------------------------------
# The fake server
# --------------------------------------------------------------------------------------------


class Wire:
    """The server side: respx routes behind an ``httpx.MockTransport`` that also records when (on
    the fake clock) every request was sent, and how many were in flight at once, per group and
    in total. ``latency`` delays every response by that many virtual seconds."""

    def __init__(self, clock: FakeClock, *, latency: float = 0.0) -> None:
        self.clock = clock
        self.latency = latency
        self.router = respx.MockRouter(base_url=BASE, assert_all_called=False)
        self.token = self.router.post("/oauth/token").mock(side_effect=always(200, json=TOKEN_BODY))
        self.sent: list[tuple[float, str, str]] = []
        self.requests: list[httpx.Request] = []
        self.in_flight = 0
        self.peak = 0
        self.group_in_flight: Counter[str] = Counter()
        self.group_peak: Counter[str] = Counter()
        self.transport = httpx.MockTransport(self.handle)

    async def handle(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path.removeprefix(PREFIX)
        self.sent.append((self.clock.now, request.method, path))
        self.requests.append(request)
        counted = path != "/oauth/token"
        group = path.split("/")[1]
        if counted:
            self.in_flight += 1
            self.peak = max(self.peak, self.in_flight)
            self.group_in_flight[group] += 1
            self.group_peak[group] = max(self.group_peak[group], self.group_in_flight[group])
        try:
            if self.latency:
                await self.clock.wait(self.latency)
            return await self.router.async_handler(request)
        finally:
            if counted:
                self.in_flight -= 1
                self.group_in_flight[group] -= 1

    def times(self, method: str, path: str) -> list[float]:
        return [t for t, m, p in self.sent if m == method and p == path]


def always(status: int, **kwargs: Any) -> Callable[[httpx.Request], httpx.Response]:
    """A respx side effect answering every call with a fresh response."""
    return lambda request: httpx.Response(status, **kwargs)


def r(status: int, **kwargs: Any) -> httpx.Response:
    return httpx.Response(status, **kwargs)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def wire(clock: FakeClock) -> Wire:
    return Wire(clock)


def make_client(
    clock: FakeClock, wire: Wire, *, anonymous: bool = False, **kwargs: Any
) -> SpectroCoinClient:
    """``anonymous``: no credentials, so public calls send no token and the wire carries only
    the calls under test (with credentials, public operations send one: issue 25)."""
    kwargs.setdefault("rng", random.Random(0))
    return SpectroCoinClient._testing(
        None if anonymous else CLIENT_ID,
        None if anonymous else CLIENT_SECRET,
        transport=wire.transport,
        clock=clock,
        sleep=clock.sleep,
        **kwargs,
    )


def order() -> CreateOrderRequest:
    return CreateOrderRequest(
        project_id=PROJECT_ID,
        order_id="ORD-1001",
        receive_amount=Decimal("10.00"),
        receive_currency_code="EUR",
    )


def crypto_withdrawal() -> CreateCryptoWithdrawalRequest:
    return CreateCryptoWithdrawalRequest(
        address="bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
        amount=Decimal("0.015"),
        currency_code="BTC",
    )


ORDER_OK = {"redirectUrl": "https://spectrocoin.com/pay/ORD-1001"}
WITHDRAWAL_OK = {"id": "w-1"}


async def place_order(sc: SpectroCoinClient, **options: Any) -> str:
    return (await sc.merchant.create_order(body=order(), **options)).redirect_url


async def withdraw(sc: SpectroCoinClient, **options: Any) -> str:
    return (await sc.withdrawals.create_crypto_withdrawal(body=crypto_withdrawal(), **options)).id


# (call, path, operationId, success body) for the two money-moving calls the issue names.
MONEY_CALLS = [
    pytest.param(place_order, "/merchants/orders/create", "createOrder", ORDER_OK, id="order"),
    pytest.param(
        withdraw, "/withdrawals/crypto", "createCryptoWithdrawal", WITHDRAWAL_OK, id="withdrawal"
    ),
]


# --------------------------------------------------------------------------------------------
# Sanity of the fake clock itself
# --------------------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_fake_clock_overlaps_concurrent_sleeps(clock: FakeClock) -> None:
    woke: list[tuple[str, float]] = []

    async def sleeper(name: str, seconds: float) -> None:
        await clock.sleep(seconds)
        woke.append((name, clock()))

    async with anyio.create_task_group() as tg:
        for i in range(10):
            tg.start_soon(sleeper, f"s{i}", 1.0)
        tg.start_soon(sleeper, "late", 2.5)
    assert clock() == 2.5
    assert sorted(t for _, t in woke) == [1.0] * 10 + [2.5]
    assert sorted(clock.sleeps) == [1.0] * 10 + [2.5]


# --------------------------------------------------------------------------------------------
# 429
# --------------------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_429_retry_after_seconds_pauses_the_group_then_succeeds(
    clock: FakeClock, wire: Wire
) -> None:
    accounts = wire.router.get("/accounts").mock(
        side_effect=[r(429, headers={"Retry-After": "2"}), r(200, json=[]), r(200, json=[])]
    )
    currencies = wire.router.get("/currencies").mock(side_effect=always(200, json=[]))
    results: dict[str, Any] = {}

    async with make_client(clock, wire) as sc:

        async def first() -> None:
            results["first"] = await sc.accounts.list_accounts()

        async def same_group_later() -> None:
            await clock.wait(0.5)
            results["second"] = await sc.accounts.list_accounts()

        async def other_group_later() -> None:
            await clock.wait(0.5)
            results["other"] = await sc.currencies.list_currencies()

        async with anyio.create_task_group() as tg:
            tg.start_soon(first)
            tg.start_soon(same_group_later)
            tg.start_soon(other_group_later)

    assert results == {"first": [], "second": [], "other": []}
    # The 429 at t=0 paused the whole "accounts" group until t=2: the retry *and* the call that
    # started at t=0.5 were both held until then; nothing of the group went out in between.
    assert wire.times("GET", "/accounts") == [0.0, 2.0, 2.0]
    assert accounts.call_count == 3
    # Another group was not held back.
    assert wire.times("GET", "/currencies") == [0.5]
    assert currencies.call_count == 1
    assert wire.token.call_count == 1
    assert clock() == 2.0


@pytest.mark.anyio
async def test_429_on_a_money_moving_post_is_retried(clock: FakeClock, wire: Wire) -> None:
    # A 429 means the server refused the request: nothing happened, so even an order is retried.
    route = wire.router.post("/merchants/orders/create").mock(
        side_effect=[r(429, headers={"Retry-After": "1"}), r(200, json=ORDER_OK)]
    )
    async with make_client(clock, wire) as sc:
        assert await place_order(sc) == ORDER_OK["redirectUrl"]
    assert route.call_count == 2
    assert wire.times("POST", "/merchants/orders/create") == [0.0, 1.0]


@pytest.mark.anyio
async def test_429_retry_after_as_http_date(clock: FakeClock, wire: Wire) -> None:
    # The pipeline reads the real wall clock for HTTP dates (it is not injectable through the
    # client), and an HTTP date has one-second resolution: the pause is in (29, 30] seconds.
    when = email.utils.formatdate(time.time() + 30, usegmt=True)
    route = wire.router.get("/currencies").mock(
        side_effect=[r(429, headers={"Retry-After": when}), r(200, json=[])]
    )
    async with make_client(clock, wire) as sc:
        assert await sc.currencies.list_currencies() == []
    assert route.call_count == 2
    first, retry = wire.times("GET", "/currencies")
    assert first == 0.0
    assert 28.5 < retry <= 30.0
    assert clock.sleeps == [pytest.approx(retry)]


@pytest.mark.anyio
async def test_429_retry_after_http_date_in_the_past_retries_at_once(
    clock: FakeClock, wire: Wire
) -> None:
    route = wire.router.get("/currencies").mock(
        side_effect=[
            r(429, headers={"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}),
            r(200, json=[]),
        ]
    )
    async with make_client(clock, wire) as sc:
        assert await sc.currencies.list_currencies() == []
    assert route.call_count == 2
    assert wire.times("GET", "/currencies") == [0.0, 0.0]


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("retry_after", "policy", "expected"),
    [
        pytest.param("120", RetryPolicy(), 60.0, id="seconds-default-cap-60"),
        pytest.param("120", RetryPolicy(retry_after_cap=5.0), 5.0, id="seconds-custom-cap"),
        pytest.param(
            email.utils.formatdate(time.time() + 86_400, usegmt=True),
            RetryPolicy(),
            60.0,
            id="http-date-default-cap-60",
        ),
        pytest.param("3", RetryPolicy(retry_after_cap=5.0), 3.0, id="under-the-cap"),
    ],
)
async def test_429_retry_after_is_capped(
    clock: FakeClock, wire: Wire, retry_after: str, policy: RetryPolicy, expected: float
) -> None:
    route = wire.router.get("/currencies").mock(
        side_effect=[r(429, headers={"Retry-After": retry_after}), r(200, json=[])]
    )
    async with make_client(clock, wire, retry=policy) as sc:
        assert await sc.currencies.list_currencies() == []
    assert route.call_count == 2
    assert wire.times("GET", "/currencies") == [0.0, expected]
    assert clock.sleeps == [expected]


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("policy", "options", "expected_requests"),
    [
        pytest.param(RetryPolicy(max_attempts=4), {}, 4, id="policy-4"),
        pytest.param(RetryPolicy(max_attempts=4), {"max_attempts": 2}, 2, id="per-call-2"),
        pytest.param(RetryPolicy(), {}, 3, id="default-3"),
    ],
)
async def test_429_storm_raises_rate_limit_error_after_max_attempts(
    clock: FakeClock,
    wire: Wire,
    policy: RetryPolicy,
    options: dict[str, Any],
    expected_requests: int,
) -> None:
    route = wire.router.get("/currencies").mock(
        side_effect=always(
            429,
            headers={"Retry-After": "1"},
            json={"errorCode": "GEN_429 - Too many requests", "traceId": "trace-429"},
        )
    )
    async with make_client(clock, wire, retry=policy) as sc:
        with pytest.raises(RateLimitError) as caught:
            await sc.currencies.list_currencies(**options)
    exc = caught.value
    assert type(exc) is RateLimitError
    assert exc.retry_after == 1.0
    assert exc.status_code == 429
    assert exc.error_code == "GEN_429"
    assert exc.trace_id == "trace-429"
    assert exc.operation == "listCurrencies"
    assert route.call_count == expected_requests
    assert wire.times("GET", "/currencies") == [float(i) for i in range(expected_requests)]


@pytest.mark.anyio
async def test_429_without_retry_after_uses_full_jitter_backoff(
    clock: FakeClock, wire: Wire
) -> None:
    policy = RetryPolicy(max_attempts=6, backoff_base=0.5, backoff_cap=3.0)
    route = wire.router.get("/currencies").mock(side_effect=always(429))
    async with make_client(clock, wire, retry=policy, rng=random.Random(7)) as sc:
        with pytest.raises(RateLimitError) as caught:
            await sc.currencies.list_currencies()
    assert caught.value.retry_after is None
    assert route.call_count == 6
    sent = wire.times("GET", "/currencies")
    gaps = [b - a for a, b in zip(sent, sent[1:], strict=False)]
    ceilings = [0.5, 1.0, 2.0, 3.0, 3.0]  # min(cap, base * 2 ** (attempt - 1))
    assert len(gaps) == 5
    for gap, ceiling in zip(gaps, ceilings, strict=True):
        assert 0.0 <= gap <= ceiling
    # Full jitter: uniform(0, ceiling) drawn from the injected rng, in order.
    rng = random.Random(7)
    expected = [rng.uniform(0, c) for c in ceilings]
    assert gaps == pytest.approx(expected)
    assert clock.sleeps == pytest.approx(expected)
    # Jitter really is applied: not a single wait sits on the ceiling.
    assert all(g < c for g, c in zip(gaps, ceilings, strict=True))


@pytest.mark.anyio
async def test_429_without_retry_after_and_without_jitter_is_exponential(
    clock: FakeClock, wire: Wire
) -> None:
    policy = RetryPolicy(max_attempts=5, backoff_base=0.5, backoff_cap=1.5, jitter=False)
    route = wire.router.get("/currencies").mock(side_effect=always(429))
    async with make_client(clock, wire, retry=policy) as sc:
        with pytest.raises(RateLimitError):
            await sc.currencies.list_currencies()
    assert route.call_count == 5
    assert wire.times("GET", "/currencies") == [0.0, 0.5, 1.5, 3.0, 4.5]


def test_backoff_bounds() -> None:
    policy = RetryPolicy(backoff_base=0.5, backoff_cap=8.0)
    rng = random.Random(0)
    for attempt in range(1, 12):
        ceiling = min(8.0, 0.5 * 2 ** (attempt - 1))
        for _ in range(200):
            assert 0.0 <= policy.backoff(attempt, rng) <= ceiling
    assert [RetryPolicy(jitter=False).backoff(a) for a in range(1, 8)] == [
        0.5,
        1.0,
        2.0,
        4.0,
        8.0,
        8.0,
        8.0,
    ]


@pytest.mark.anyio
async def test_429_on_the_last_attempt_still_pauses_the_group(clock: FakeClock, wire: Wire) -> None:
    wire.router.get("/currencies").mock(
        side_effect=[r(429, headers={"Retry-After": "3"}), r(200, json=[])]
    )
    async with make_client(clock, wire) as sc:
        with pytest.raises(RateLimitError) as caught:
            await sc.currencies.list_currencies(max_attempts=1)
        assert caught.value.retry_after == 3.0
        assert await sc.currencies.list_currencies() == []
    assert wire.times("GET", "/currencies") == [0.0, 3.0]


@pytest.mark.anyio
async def test_pause_holds_requests_already_waiting_for_a_token(clock: FakeClock) -> None:
    wire = Wire(clock, latency=0.5)
    wire.router.get("/currencies").mock(
        side_effect=[r(429, headers={"Retry-After": "5"}), r(200, json=[]), r(200, json=[])]
    )
    limits = RateLimits(groups={"currencies": GroupLimits(max_in_flight=8, rate=1.0, burst=1)})
    async with (
        make_client(clock, wire, anonymous=True, rate_limits=limits) as sc,
        anyio.create_task_group() as tg,
    ):
        tg.start_soon(sc.currencies.list_currencies)
        tg.start_soon(sc.currencies.list_currencies)
    # t=0: one is sent, the other owes a token until t=1. t=0.5: the 429 pauses the group until
    # t=5.5. Nothing of the group may go out before then.
    sent = wire.times("GET", "/currencies")
    assert len(sent) == 3
    assert sent[0] == 0.0
    assert all(t >= 5.5 for t in sent[1:]), sent


@pytest.mark.anyio
async def test_a_paused_group_does_not_stall_other_groups(clock: FakeClock, wire: Wire) -> None:
    wire.router.get("/accounts").mock(
        side_effect=[r(429, headers={"Retry-After": "10"}), r(200, json=[]), r(200, json=[])]
    )
    wire.router.get("/currencies").mock(side_effect=always(200, json=[]))
    limits = RateLimits(default=GroupLimits(max_in_flight=8, rate=None), max_in_flight=2)
    async with make_client(clock, wire, rate_limits=limits) as sc:

        async def later(seconds: float, call: Callable[[], Any]) -> None:
            await clock.wait(seconds)
            await call()

        async with anyio.create_task_group() as tg:
            tg.start_soon(later, 0.0, sc.accounts.list_accounts)
            tg.start_soon(later, 1.0, sc.accounts.list_accounts)
            tg.start_soon(later, 2.0, sc.currencies.list_currencies)
    assert wire.times("GET", "/accounts") == [0.0, 10.0, 10.0]
    assert wire.times("GET", "/currencies") == [2.0]


@pytest.mark.anyio
async def test_a_throttled_group_does_not_stall_other_groups(clock: FakeClock, wire: Wire) -> None:
    wire.router.get("/currencies").mock(side_effect=always(200, json=[]))
    wire.router.get("/rates").mock(side_effect=always(200, json=[]))
    limits = RateLimits(
        groups={
            "currencies": GroupLimits(max_in_flight=8, rate=1.0, burst=1),
            "rates": GroupLimits(max_in_flight=8, rate=None),
        },
        max_in_flight=2,
    )
    async with make_client(clock, wire, rate_limits=limits) as sc:

        async def later(seconds: float, call: Callable[[], Any]) -> None:
            await clock.wait(seconds)
            await call()

        async with anyio.create_task_group() as tg:
            for _ in range(3):
                tg.start_soon(later, 0.0, sc.currencies.list_currencies)
            tg.start_soon(later, 0.5, sc.rates.get_rates)
    # "currencies" admits one per second; the two requests owing a token must not occupy the
    # two global slots meanwhile.
    assert wire.times("GET", "/currencies") == [0.0, 1.0, 2.0]
    assert wire.times("GET", "/rates") == [0.5]


# --------------------------------------------------------------------------------------------
# Retries, and money never moving twice
# --------------------------------------------------------------------------------------------


def test_money_moving_operations_are_flagged() -> None:
    money = {name for name, op in OPERATIONS.items() if op.moves_money}
    assert money == {
        "create_order",  # orders
        "create_order_from_pre_order",  # orders from pre-orders
        "create_exchange",  # exchanges
        "create_bank_withdrawal",  # withdrawals
        "create_crypto_withdrawal",
        "create_withdrawal_with_exchange",
        "purchase_gift_card",  # gift-card purchases
        "create_crypto_deposit_address",  # deposit-address generation
    }
    assert all(OPERATIONS[name].method == "POST" for name in money)


@pytest.mark.anyio
@pytest.mark.parametrize(("call", "path", "operation_id", "ok"), MONEY_CALLS)
@pytest.mark.parametrize("detailed", [False, True], ids=["plain", "detailed"])
async def test_read_timeout_on_money_moving_post_is_not_retried(
    clock: FakeClock,
    wire: Wire,
    call: Callable[..., Any],
    path: str,
    operation_id: str,
    ok: dict[str, Any],
    detailed: bool,
) -> None:
    route = wire.router.post(path).mock(side_effect=httpx.ReadTimeout)
    async with make_client(clock, wire, retry=RetryPolicy(max_attempts=5)) as sc:
        with pytest.raises(APITimeoutError) as caught:
            if detailed:
                if operation_id == "createOrder":
                    await sc.merchant.create_order_detailed(body=order())
                else:
                    await sc.withdrawals.create_crypto_withdrawal_detailed(body=crypto_withdrawal())
            else:
                await call(sc)
    exc = caught.value
    assert type(exc) is APITimeoutError
    assert exc.request_may_have_reached_server is True
    assert exc.operation == operation_id
    assert (
        exc.message == "ReadTimeout talking to spectrocoin.com after 1 attempt(s): Mock Error"
        " (not retried: it moves money; reconcile before calling again)"
    )
    assert str(exc) == (
        f"{operation_id}: ReadTimeout talking to spectrocoin.com after 1 attempt(s): Mock Error"
        " (not retried: it moves money;"
        " reconcile before calling again) (the request may have reached the server)"
    )
    assert route.call_count == 1
    assert len(wire.times("POST", path)) == 1
    assert clock.sleeps == []


@pytest.mark.anyio
@pytest.mark.parametrize(("call", "path", "operation_id", "ok"), MONEY_CALLS)
@pytest.mark.parametrize("failure", [httpx.ConnectError, httpx.PoolTimeout, httpx.ConnectTimeout])
async def test_failure_before_sending_a_post_is_retried(
    clock: FakeClock,
    wire: Wire,
    call: Callable[..., Any],
    path: str,
    operation_id: str,
    ok: dict[str, Any],
    failure: type[httpx.TransportError],
) -> None:
    route = wire.router.post(path).mock(side_effect=[failure, r(200, json=ok)])
    async with make_client(clock, wire) as sc:
        assert await call(sc) == next(iter(ok.values()))
    assert route.call_count == 2
    # One backoff, full jitter under the first ceiling (base 0.5 s).
    assert len(clock.sleeps) == 1
    assert 0.0 <= clock.sleeps[0] <= 0.5
    assert wire.times("POST", path) == [0.0, clock.sleeps[0]]


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("failure", "kind"),
    [
        (httpx.ConnectError, APIConnectionError),
        (httpx.PoolTimeout, APITimeoutError),
    ],
)
async def test_failure_before_sending_a_post_gives_up_after_max_attempts(
    clock: FakeClock,
    wire: Wire,
    failure: type[httpx.TransportError],
    kind: type[APIConnectionError],
) -> None:
    route = wire.router.post("/merchants/orders/create").mock(side_effect=failure)
    async with make_client(clock, wire, retry=RetryPolicy(max_attempts=4)) as sc:
        with pytest.raises(APIConnectionError) as caught:
            await place_order(sc)
    exc = caught.value
    assert type(exc) is kind
    # It never left: safe to call again without reconciling, and the message does not say
    # "not retried".
    assert exc.request_may_have_reached_server is False
    assert (
        exc.message
        == f"{failure.__name__} talking to spectrocoin.com after 4 attempt(s): Mock Error"
    )
    assert route.call_count == 4
    assert len(clock.sleeps) == 3


@pytest.mark.anyio
@pytest.mark.parametrize(
    "first",
    [
        pytest.param(lambda: r(502), id="502"),
        pytest.param(lambda: r(503), id="503"),
        pytest.param(lambda: r(504), id="504"),
        pytest.param(lambda: httpx.ReadTimeout, id="ReadTimeout"),
        pytest.param(lambda: httpx.RemoteProtocolError, id="RemoteProtocolError"),
    ],
)
async def test_get_is_retried_on_gateway_errors_and_read_timeouts(
    clock: FakeClock, wire: Wire, first: Callable[[], Any]
) -> None:
    route = wire.router.get("/currencies").mock(
        side_effect=[first(), r(200, json=[{"code": "BTC"}])]
    )
    async with make_client(clock, wire) as sc:
        currencies = await sc.currencies.list_currencies()
    assert [c.code for c in currencies] == ["BTC"]
    assert route.call_count == 2
    assert len(clock.sleeps) == 1


@pytest.mark.anyio
async def test_get_503_storm_ends_in_server_error(clock: FakeClock, wire: Wire) -> None:
    route = wire.router.get("/currencies").mock(side_effect=always(503))
    async with make_client(clock, wire) as sc:
        with pytest.raises(ServerError) as caught:
            await sc.currencies.list_currencies()
    assert caught.value.status_code == 503
    assert route.call_count == 3
    assert len(clock.sleeps) == 2


@pytest.mark.anyio
@pytest.mark.parametrize("status", [502, 503, 504])
@pytest.mark.parametrize(("call", "path", "operation_id", "ok"), MONEY_CALLS)
async def test_post_is_not_retried_on_gateway_errors(
    clock: FakeClock,
    wire: Wire,
    status: int,
    call: Callable[..., Any],
    path: str,
    operation_id: str,
    ok: dict[str, Any],
) -> None:
    route = wire.router.post(path).mock(side_effect=[r(status), r(200, json=ok)])
    async with make_client(clock, wire, retry=RetryPolicy(max_attempts=5)) as sc:
        with pytest.raises(ServerError) as caught:
            await call(sc)
    assert type(caught.value) is ServerError
    assert caught.value.status_code == status
    assert caught.value.operation == operation_id
    assert caught.value.request_may_have_reached_server is True
    assert route.call_count == 1
    assert clock.sleeps == []


@pytest.mark.anyio
async def test_token_request_is_safe_and_retried(clock: FakeClock, wire: Wire) -> None:
    wire.token.mock(side_effect=[httpx.ReadTimeout, r(503), r(200, json=TOKEN_BODY)])
    accounts = wire.router.get("/accounts").mock(side_effect=always(200, json=[]))
    async with make_client(clock, wire) as sc:
        assert await sc.accounts.list_accounts() == []
    assert wire.token.call_count == 3
    assert accounts.call_count == 1
    assert accounts.calls.last.request.headers["Authorization"] == f"Bearer {TOKEN}"


# --------------------------------------------------------------------------------------------
# Concurrency: semaphores and the global cap, measured
# --------------------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_in_flight_never_exceeds_the_group_semaphore(clock: FakeClock) -> None:
    wire = Wire(clock, latency=1.0)
    route = wire.router.get("/currencies").mock(side_effect=always(200, json=[]))
    limits = RateLimits(default=GroupLimits(max_in_flight=4, rate=None), max_in_flight=32)
    results: list[Any] = []
    async with make_client(clock, wire, anonymous=True, rate_limits=limits) as sc:

        async def one() -> None:
            results.append(await sc.currencies.list_currencies())

        async with anyio.create_task_group() as tg:
            for _ in range(50):
                tg.start_soon(one)
    assert results == [[]] * 50
    assert route.call_count == 50
    assert wire.peak == 4
    assert wire.group_peak["currencies"] == 4
    # 50 requests, 4 at a time, 1 s each: 13 rounds, never idle.
    assert clock() == 13.0
    assert Counter(wire.times("GET", "/currencies")) == {
        **{float(i): 4 for i in range(12)},
        12.0: 2,
    }


@pytest.mark.anyio
async def test_in_flight_never_exceeds_the_global_cap(clock: FakeClock) -> None:
    wire = Wire(clock, latency=1.0)
    wire.router.get("/currencies").mock(side_effect=always(200, json=[]))
    wire.router.get("/rates").mock(side_effect=always(200, json=[]))
    limits = RateLimits(default=GroupLimits(max_in_flight=8, rate=None), max_in_flight=4)
    async with (
        make_client(clock, wire, anonymous=True, rate_limits=limits) as sc,
        anyio.create_task_group() as tg,
    ):
        for _ in range(25):
            tg.start_soon(sc.currencies.list_currencies)
            tg.start_soon(sc.rates.get_rates)
    assert len(wire.sent) == 50
    assert wire.peak == 4
    assert clock() == 13.0


@pytest.mark.anyio
async def test_group_semaphores_are_independent_under_the_global_cap(clock: FakeClock) -> None:
    wire = Wire(clock, latency=1.0)
    wire.router.get("/currencies").mock(side_effect=always(200, json=[]))
    wire.router.get("/rates").mock(side_effect=always(200, json=[]))
    limits = RateLimits(
        default=GroupLimits(max_in_flight=3, rate=None),
        groups={"rates": GroupLimits(max_in_flight=2, rate=None)},
        max_in_flight=32,
    )
    async with (
        make_client(clock, wire, anonymous=True, rate_limits=limits) as sc,
        anyio.create_task_group() as tg,
    ):
        for _ in range(12):
            tg.start_soon(sc.currencies.list_currencies)
            tg.start_soon(sc.rates.get_rates)
    assert wire.group_peak == {"currencies": 3, "rates": 2}
    assert wire.peak == 5
    assert clock() == 6.0  # rates: 12 requests, 2 at a time, 1 s each


# --------------------------------------------------------------------------------------------
# Token bucket, measured on the fake clock
# --------------------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_token_bucket_admits_burst_then_rate(clock: FakeClock, wire: Wire) -> None:
    wire.router.get("/currencies").mock(side_effect=always(200, json=[]))
    limits = RateLimits(default=GroupLimits(max_in_flight=100, rate=5.0, burst=5))
    async with make_client(clock, wire, rate_limits=limits) as sc:
        async with anyio.create_task_group() as tg:
            for _ in range(15):
                tg.start_soon(sc.currencies.list_currencies)
        sent = wire.times("GET", "/currencies")
        # 5 at once (the burst), then one every 1/rate seconds.
        assert sent == [0.0] * 5 + [k / 5 for k in range(1, 11)]
        assert sum(t == 0.0 for t in sent) == 5
        assert sum(0.0 < t <= 1.0 for t in sent) == 5
        assert sum(1.0 < t <= 2.0 for t in sent) == 5

        # Idle long enough to refill: the burst is available again, and no more than the burst.
        await clock.wait(8.0)  # t = 10
        async with anyio.create_task_group() as tg:
            for _ in range(7):
                tg.start_soon(sc.currencies.list_currencies)
        later = wire.times("GET", "/currencies")[15:]
        assert later == pytest.approx([10.0] * 5 + [10.2, 10.4])


@pytest.mark.anyio
async def test_token_bucket_sustained_rate_per_window(clock: FakeClock, wire: Wire) -> None:
    wire.router.get("/rates").mock(side_effect=always(200, json=[]))
    limits = RateLimits(groups={"rates": GroupLimits(max_in_flight=100, rate=4.0, burst=2)})
    async with make_client(clock, wire, rate_limits=limits) as sc, anyio.create_task_group() as tg:
        for _ in range(42):
            tg.start_soon(sc.rates.get_rates)
    sent = wire.times("GET", "/rates")
    # burst 2 at t=0, then one every 1/rate seconds ...
    assert sent == [0.0, 0.0] + [k / 4 for k in range(1, 41)]
    # ... that is exactly 4 in every further one-second window (w, w + 1].
    windows = Counter(math.ceil(t) - 1 for t in sent if t > 0)
    assert windows == {w: 4 for w in range(10)}
    assert clock() == 10.0


def test_defaults_are_conservative_and_documented_values() -> None:
    limits = RateLimits()
    assert limits.max_in_flight == 32
    assert limits.default == GroupLimits(max_in_flight=8, rate=10.0, burst=10)
    assert limits.for_group("exports") == GroupLimits(max_in_flight=2, rate=1.0, burst=2)
    assert limits.for_group("auth") == GroupLimits(max_in_flight=2, rate=2.0, burst=2)
    assert limits.for_group("merchant") == limits.default
    policy = RetryPolicy()
    assert (policy.max_attempts, policy.backoff_base, policy.backoff_cap) == (3, 0.5, 8.0)
    assert policy.jitter is True
    assert policy.retry_after_cap == 60.0
    assert policy.retry_statuses == frozenset({502, 503, 504})
    assert (DEFAULT_TIMEOUT.connect, DEFAULT_TIMEOUT.read) == (5.0, 30.0)
    assert (DEFAULT_TIMEOUT.write, DEFAULT_TIMEOUT.pool) == (30.0, 10.0)


# --------------------------------------------------------------------------------------------
# Timeouts and deadlines
# --------------------------------------------------------------------------------------------

DEFAULT_EXT = {"connect": 5.0, "read": 30.0, "write": 30.0, "pool": 10.0}


@pytest.mark.anyio
async def test_per_call_timeout_applies_to_that_request_only(
    clock: FakeClock,
) -> None:
    wire = Wire(clock, latency=0.5)
    wire.router.get("/currencies").mock(side_effect=always(200, json=[]))
    async with make_client(clock, wire, anonymous=True) as sc:
        async with anyio.create_task_group() as tg:
            tg.start_soon(
                lambda: sc.currencies.list_currencies(timeout=1.5, headers={"X-Call": "a"})
            )
            tg.start_soon(lambda: sc.currencies.list_currencies(headers={"X-Call": "b"}))
            tg.start_soon(
                lambda: sc.currencies.list_currencies(
                    timeout=httpx.Timeout(2.0, connect=0.25), headers={"X-Call": "c"}
                )
            )
        await sc.currencies.list_currencies(headers={"X-Call": "d"})
    seen = {q.headers["X-Call"]: q.extensions["timeout"] for q in wire.requests}
    assert seen == {
        "a": {"connect": 1.5, "read": 1.5, "write": 1.5, "pool": 1.5},
        "b": DEFAULT_EXT,
        "c": {"connect": 0.25, "read": 2.0, "write": 2.0, "pool": 2.0},
        "d": DEFAULT_EXT,
    }


@pytest.mark.anyio
async def test_client_timeout_is_configurable(clock: FakeClock, wire: Wire) -> None:
    wire.router.get("/currencies").mock(side_effect=always(200, json=[]))
    async with make_client(clock, wire, anonymous=True, timeout=7.0) as sc:
        await sc.currencies.list_currencies()
        await sc.currencies.list_currencies(timeout=1.0)
        await sc.currencies.list_currencies()
    assert [q.extensions["timeout"]["read"] for q in wire.requests] == [7.0, 1.0, 7.0]


@pytest.mark.anyio
async def test_deadline_bounds_the_whole_call_including_retries(
    clock: FakeClock, wire: Wire
) -> None:
    # Two 503s (retried at once: zero backoff), then a server that never answers: the deadline
    # (50 ms, real time) cuts the third attempt short.
    # One callable side effect: respx runs callables found in a side-effect list, but its
    # annotations accept only responses and exceptions there.
    answers = iter([r(503), r(503)])

    async def two_503s_then_hang(request: httpx.Request) -> httpx.Response:
        answer = next(answers, None)
        if answer is not None:
            return answer
        await anyio.sleep_forever()
        raise AssertionError("unreachable")

    route = wire.router.get("/currencies").mock(side_effect=two_503s_then_hang)
    policy = RetryPolicy(max_attempts=5, backoff_base=0.0)
    async with make_client(clock, wire, retry=policy) as sc:
        with pytest.raises(APITimeoutError) as caught:
            await sc.currencies.list_currencies(deadline=0.05)
        exc = caught.value
        assert exc.message == "deadline of 0.05s exceeded after 3 attempt(s)"
        assert exc.request_may_have_reached_server is True
        assert exc.operation == "listCurrencies"
        # respx only records calls that got an answer: count on the wire instead.
        assert len(wire.times("GET", "/currencies")) == 3
        assert route.call_count == 2
        assert clock.sleeps == [0.0, 0.0]
        # The limiter slot of the cancelled attempt was given back.
        wire.router.get("/currencies").mock(side_effect=always(200, json=[]))
        assert await sc.currencies.list_currencies(deadline=1.0) == []


@pytest.mark.anyio
async def test_deadline_counts_backoffs_on_the_client_clock(clock: FakeClock, wire: Wire) -> None:
    route = wire.router.get("/currencies").mock(side_effect=always(503))
    policy = RetryPolicy(max_attempts=10, backoff_base=1.0, backoff_cap=100.0, jitter=False)
    async with make_client(clock, wire, retry=policy) as sc:
        with pytest.raises(APITimeoutError) as caught:
            await sc.currencies.list_currencies(deadline=2.5)
    # t=0 attempt 1, backoff 1 s; t=1 attempt 2, backoff 2 s would end past t=2.5.
    assert route.call_count == 2
    assert caught.value.request_may_have_reached_server is True
    assert clock() <= 2.5


# --------------------------------------------------------------------------------------------
# Observability
# --------------------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_one_debug_line_per_attempt_and_no_secrets(
    clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="spectrocoin_async")
    wire = Wire(clock, latency=0.25)
    wire.router.get("/accounts").mock(
        side_effect=[
            r(429, headers={"Retry-After": "2", "Set-Cookie": f"session={TOKEN}"}),
            r(503, headers={"WWW-Authenticate": f"Bearer {TOKEN}"}),
            r(200, json=[], headers={"X-RateLimit-Remaining": "7", "X-Secret": CLIENT_SECRET}),
        ]
    )
    wire.router.get("/currencies").mock(side_effect=[httpx.ReadTimeout, r(200, json=[])])
    policy = RetryPolicy(jitter=False)
    async with make_client(clock, wire, retry=policy) as sc:
        assert await sc.accounts.list_accounts() == []
        assert await sc.currencies.list_currencies() == []

    records = [rec for rec in caplog.records if rec.name.startswith("spectrocoin_async")]
    assert all(rec.levelno == logging.DEBUG for rec in records)
    assert all(rec.name == "spectrocoin_async" for rec in records)
    assert [rec.getMessage() for rec in records] == [
        "POST https://spectrocoin.com/api/public/oauth/token -> 200 attempt=1 duration=0.250s limiter_wait=0.000s",
        "GET https://spectrocoin.com/api/public/accounts -> 429 attempt=1 duration=0.250s limiter_wait=0.000s"
        " retry-after=2",
        "GET https://spectrocoin.com/api/public/accounts -> 503 attempt=2 duration=0.250s limiter_wait=2.000s",
        "GET https://spectrocoin.com/api/public/accounts -> 200 attempt=3 duration=0.250s limiter_wait=0.000s"
        " x-ratelimit-remaining=7",
        "GET https://spectrocoin.com/api/public/currencies -> ReadTimeout attempt=1 duration=0.250s limiter_wait=0.000s",
        "GET https://spectrocoin.com/api/public/currencies -> 200 attempt=2 duration=0.250s limiter_wait=0.000s",
    ]
    # One line per attempt: as many records as requests on the wire.
    assert len(records) == len(wire.sent) == 6

    # The secrets did travel (so the check below is not vacuous) ...
    token_request = wire.requests[0]
    assert CLIENT_SECRET.encode() in token_request.content
    assert wire.requests[1].headers["Authorization"] == f"Bearer {TOKEN}"
    # ... and none of them, nor any Authorization header, reached a log record.
    for rec in records:
        dumped = rec.getMessage() + repr(rec.args) + repr(vars(rec))
        for secret in (TOKEN, CLIENT_SECRET, "Authorization", "authorization", "Bearer"):
            assert secret not in dumped
    for secret in (TOKEN, CLIENT_SECRET, "Authorization", "Bearer"):
        assert secret not in caplog.text


@pytest.mark.anyio
async def test_logging_is_silent_above_debug(
    clock: FakeClock, wire: Wire, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="spectrocoin_async")
    wire.router.get("/currencies").mock(side_effect=[r(503), r(200, json=[])])
    async with make_client(clock, wire) as sc:
        assert await sc.currencies.list_currencies() == []
    assert [rec for rec in caplog.records if rec.name.startswith("spectrocoin_async")] == []


@pytest.mark.anyio
async def test_detailed_exposes_status_headers_trace_id_rate_limits_attempts(
    clock: FakeClock,
) -> None:
    wire = Wire(clock, latency=0.25)
    wire.router.get("/currencies").mock(
        side_effect=[
            r(503),
            r(
                200,
                json=[{"code": "BTC"}],
                headers={
                    "X-Trace-Id": "trace-0123",
                    "X-RateLimit-Limit": "100",
                    "X-RateLimit-Remaining": "99",
                    "RateLimit-Reset": "30",
                    "Content-Language": "en",
                },
            ),
        ]
    )
    async with make_client(clock, wire, anonymous=True, retry=RetryPolicy(jitter=False)) as sc:
        detailed = await sc.currencies.list_currencies_detailed()
    assert detailed.status_code == 200
    assert [c.code for c in detailed.parsed] == ["BTC"]
    assert detailed.headers["x-trace-id"] == "trace-0123"
    assert detailed.headers["content-language"] == "en"
    assert detailed.trace_id == "trace-0123"
    assert detailed.rate_limit == {
        "x-ratelimit-limit": "100",
        "x-ratelimit-remaining": "99",
        "ratelimit-reset": "30",
    }
    assert detailed.attempts == 2
    # 0.25 s (503) + 0.5 s backoff + 0.25 s (200), on the fake clock.
    assert detailed.elapsed == 1.0


@pytest.mark.anyio
async def test_detailed_on_a_money_moving_post_reports_one_attempt(
    clock: FakeClock, wire: Wire
) -> None:
    wire.router.post("/withdrawals/crypto").mock(
        # 200: the only success the spec declares (a 201 is an error since issue 17, item 5).
        side_effect=[r(200, json=WITHDRAWAL_OK, headers={"Retry-After": "4"})]
    )
    async with make_client(clock, wire) as sc:
        detailed = await sc.withdrawals.create_crypto_withdrawal_detailed(body=crypto_withdrawal())
    assert detailed.status_code == 200
    assert detailed.parsed.id == "w-1"
    assert detailed.attempts == 1
    assert detailed.trace_id is None
    assert detailed.rate_limit == {"retry-after": "4"}


@pytest.mark.anyio
async def test_detailed_still_raises_typed_errors(clock: FakeClock, wire: Wire) -> None:
    wire.router.get("/currencies").mock(
        side_effect=[
            r(404, json={"errorCode": "GEN_4 - Not found", "traceId": "trace-404"}),
            r(429, headers={"Retry-After": "1"}),
        ]
    )
    async with make_client(clock, wire) as sc:
        with pytest.raises(NotFoundError) as caught:
            await sc.currencies.list_currencies_detailed()
        assert caught.value.status_code == 404
        assert caught.value.error_code == "GEN_4"
        assert caught.value.trace_id == "trace-404"
        with pytest.raises(RateLimitError) as limited:
            await sc.currencies.list_currencies_detailed(max_attempts=1)
        assert limited.value.retry_after == 1.0
