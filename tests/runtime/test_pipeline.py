"""Issue 9, item by item: each test failed on the old core and passes on the layered one.

Virtual time (``FakeClock``) wherever the SDK's own clock decides; real (short) time where a
caller's ``deadline=`` is the subject, since that runs on the event loop's clock.
"""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import AsyncIterator

import anyio
import anyio.lowlevel
import httpx
import pytest
import respx

from spectrocoin_async import (
    APITimeoutError,
    AuthenticationError,
    GroupLimits,
    InMemoryTokenStore,
    InProcessLimiter,
    NotFoundError,
    RateLimitError,
    RateLimits,
    ResponseValidationError,
    RetryPolicy,
    ServerError,
    SpectroCoinClient,
    Token,
    ValidationError,
)
from spectrocoin_async._auth import TokenManager
from spectrocoin_async._generated._operations import OPERATIONS
from tests.conftest import BASE, TOKEN_BODY, json_response
from tests.runtime.test_traffic import Wire, always, make_client, order, r
from tests.support.fakes import FakeClock

pytestmark = pytest.mark.anyio


@pytest.fixture(autouse=True)
def _no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("SPECTROCOIN_CLIENT_ID", "SPECTROCOIN_CLIENT_SECRET", "SPECTROCOIN_BASE_URL"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


# -- 1. a rejected secret: one request per remembered-failure window ---------------------------


async def test_rejected_secret_is_one_token_request_shared_by_every_caller(
    clock: FakeClock,
) -> None:
    wire = Wire(clock, latency=0.1)
    wire.token.mock(side_effect=always(401, json={"errorCode": "AUTH_3 - Bad client credentials"}))
    accounts = wire.router.get("/accounts").mock(side_effect=always(200, json=[]))
    errors: list[BaseException] = []
    async with make_client(clock, wire) as sc:

        async def one() -> None:
            try:
                await sc.accounts.list_accounts()
            except AuthenticationError as exc:
                errors.append(exc)

        async with anyio.create_task_group() as tg:
            for _ in range(20):
                tg.start_soon(one)
        assert wire.token.call_count == 1  # old core: 20, one after another
        assert len(errors) == 20
        assert {type(e) for e in errors} == {AuthenticationError}
        assert {e.error_code for e in errors} == {"AUTH_3"}  # type: ignore[attr-defined]
        # Remembered for a few seconds: a call now fails at once, with no request.
        with pytest.raises(AuthenticationError, match="AUTH_3"):
            await sc.accounts.list_accounts()
        assert wire.token.call_count == 1
        # After the window, one new try.
        await clock.wait(6)
        with pytest.raises(AuthenticationError):
            await sc.accounts.list_accounts()
        assert wire.token.call_count == 2
    assert accounts.call_count == 0


# -- 2. one caller's deadline does not kill the shared fetch -----------------------------------


async def test_a_callers_deadline_does_not_cancel_the_shared_token_fetch() -> None:
    async def slow_token(request: httpx.Request) -> httpx.Response:
        await anyio.sleep(0.3)
        return httpx.Response(200, json=TOKEN_BODY)

    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        token = router.post("/oauth/token").mock(side_effect=slow_token)
        accounts = router.get("/accounts").mock(return_value=json_response([]))
        async with SpectroCoinClient("id", "secret") as sc:
            failures: list[APITimeoutError] = []

            async def one() -> None:
                try:
                    await sc.accounts.list_accounts(deadline=0.25)
                except APITimeoutError as exc:
                    failures.append(exc)

            async with anyio.create_task_group() as tg:
                for _ in range(10):
                    tg.start_soon(one)
            assert len(failures) == 10
            # Waiting for a token sends nothing of the call itself.
            assert {f.request_may_have_reached_server for f in failures} == {False}
            assert sc.tokens is not None
            with anyio.fail_after(5):
                await sc.tokens.wait_for_fetch()
            # The fetch went on for the others and its token is cached: no second fetch.
            assert await sc.accounts.list_accounts(deadline=5) == []
    assert token.call_count == 1
    assert accounts.call_count == 1


# -- 3. a backoff sleeps holding no slot -------------------------------------------------------


async def test_backoff_after_a_broken_read_holds_no_slot(clock: FakeClock) -> None:
    wire = Wire(clock)
    wire.router.get("/currencies").mock(side_effect=[httpx.ReadError("reset"), r(200, json=[])])
    wire.router.get("/rates").mock(side_effect=always(200, json=[]))
    limits = RateLimits(default=GroupLimits(max_in_flight=8, rate=None), max_in_flight=1)
    retry = RetryPolicy(jitter=False, backoff_base=10.0, backoff_cap=10.0)
    async with make_client(clock, wire, rate_limits=limits, retry=retry) as sc:

        async def other_group_later() -> None:
            await clock.wait(1)
            await sc.rates.get_rates()

        async with anyio.create_task_group() as tg:
            tg.start_soon(sc.currencies.list_currencies)
            tg.start_soon(other_group_later)
    # The global cap is 1; the currencies call sleeps 10 s in backoff from t=0, yet rates
    # goes out at t=1 (old core: at t=10, behind the sleeper's slot).
    assert wire.times("GET", "/rates") == [1.0]
    assert wire.times("GET", "/currencies") == [0.0, 10.0]


# -- 4. a cancelled waiter gives its bucket reservation back ----------------------------------


async def test_cancelled_waiters_give_back_their_bucket_reservation(clock: FakeClock) -> None:
    limiter = InProcessLimiter(
        RateLimits(default=GroupLimits(max_in_flight=1000, rate=1.0, burst=1)),
        clock=clock,
        sleep=clock.sleep,
    )
    async with limiter.slot("g") as waited:
        assert waited == 0.0

    async def impatient() -> None:
        async with limiter.slot("g"):
            raise AssertionError("never gets a slot: cancelled while waiting for a token")

    async with anyio.create_task_group() as tg:
        for _ in range(100):
            tg.start_soon(impatient)
        await clock.wait(0.5)
        tg.cancel_scope.cancel()
    await clock.wait(0.5)  # t=1: the bucket has refilled one token
    assert clock() == 1.0
    async with limiter.slot("g") as waited:
        assert waited == 0.0  # old core: 100 s of debt left behind by the cancelled waiters


async def test_calls_past_their_deadline_in_the_limiter_spend_no_rate() -> None:
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        router.post("/oauth/token").respond(json=TOKEN_BODY)
        router.get("/currencies").mock(return_value=json_response([]))
        limits = RateLimits(
            groups={"currencies": GroupLimits(max_in_flight=100, rate=1.0, burst=1)}
        )
        async with SpectroCoinClient("id", "secret", rate_limits=limits) as sc:
            await sc.currencies.list_currencies()
            async with anyio.create_task_group() as tg:
                for _ in range(100):

                    async def late() -> None:
                        with pytest.raises(APITimeoutError, match="after 0 attempt"):
                            await sc.currencies.list_currencies(deadline=0.01)

                    tg.start_soon(late)
            # ~1 s after the first call the bucket holds a token again for a fresh call.
            assert await sc.currencies.list_currencies(deadline=5) == []


# -- 5. a streamed body holds its slot until it is closed --------------------------------------


async def test_streamed_body_keeps_its_exports_slot_until_closed() -> None:
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        router.post("/oauth/token").respond(json=TOKEN_BODY)
        route = router.get("/exports/transactions").mock(
            side_effect=lambda request: httpx.Response(200, content=b"a,b\n1,2\n")
        )
        limits = RateLimits(groups={"exports": GroupLimits(max_in_flight=2, rate=None)})
        async with SpectroCoinClient("id", "secret", rate_limits=limits) as sc:
            pipeline = sc._pipeline
            operation = OPERATIONS["export_transactions"]
            request = {"url": "/exports/transactions", "params": {"format": "CSV"}}
            first, _ = await pipeline.execute(operation, request, {}, stream=True)
            second, _ = await pipeline.execute(operation, request, {}, stream=True)
            with anyio.move_on_after(0.2) as scope:
                await pipeline.execute(operation, request, {}, stream=True)
            assert scope.cancel_called  # a third body would be the third in flight: it waits
            assert route.call_count == 2
            await first.aread()
            await first.aclose()
            third, _ = await pipeline.execute(operation, request, {}, stream=True)
            assert route.call_count == 3
            await second.aclose()
            await third.aclose()
            # Every slot is back: two more open at once, without waiting.
            with anyio.fail_after(1):
                a, _ = await pipeline.execute(operation, request, {}, stream=True)
                b, _ = await pipeline.execute(operation, request, {}, stream=True)
            await a.aclose()
            await b.aclose()


# -- 6. a 429 near the deadline is a RateLimitError, and nothing reached the server ------------


async def test_429_whose_retry_after_passes_the_deadline_is_a_rate_limit_error(
    clock: FakeClock,
) -> None:
    wire = Wire(clock)
    route = wire.router.post("/merchants/orders/create").mock(
        side_effect=always(429, headers={"Retry-After": "10"})
    )
    async with make_client(clock, wire) as sc:
        with pytest.raises(RateLimitError) as caught:
            await sc.merchant.create_order(body=order(), deadline=5)
    assert route.call_count == 1
    assert caught.value.retry_after == 10.0
    assert caught.value.request_may_have_reached_server is False


async def test_429_after_every_attempt_and_a_second_401_reached_nothing(clock: FakeClock) -> None:
    wire = Wire(clock)
    create = wire.router.post("/merchants/orders/create").mock(
        side_effect=always(429, headers={"Retry-After": "1"})
    )
    accounts = wire.router.get("/accounts").mock(
        side_effect=always(401, json={"errorCode": "AUTH_1"})
    )
    async with make_client(clock, wire) as sc:
        with pytest.raises(RateLimitError) as limited:
            await sc.merchant.create_order(body=order())
        with pytest.raises(AuthenticationError) as refused:
            await sc.accounts.list_accounts()
    assert limited.value.request_may_have_reached_server is False
    assert limited.value.retry_after == 1.0
    assert refused.value.request_may_have_reached_server is False
    assert refused.value.error_code == "AUTH_1"
    assert create.call_count == 3  # every attempt refused: a 429 may be sent again
    assert accounts.call_count == 2  # the call and its one replay with a fresh token
    assert wire.token.call_count == 2


async def test_a_5xx_may_have_reached_the_server(clock: FakeClock) -> None:
    wire = Wire(clock)
    route = wire.router.post("/merchants/orders/create").mock(side_effect=always(503))
    async with make_client(clock, wire) as sc:
        with pytest.raises(ServerError) as caught:
            await sc.merchant.create_order(body=order())
    assert caught.value.status_code == 503
    assert caught.value.request_may_have_reached_server is True
    assert route.call_count == 1  # it moves money: never sent again after a 5xx


# -- 7. the refresh margin is capped at half the lifetime --------------------------------------


async def test_refresh_margin_longer_than_the_lifetime_does_not_refetch_every_call() -> None:
    now = [1000.0]
    fetched = 0

    async def fetch() -> tuple[str, float]:
        nonlocal fetched
        fetched += 1
        return f"t{fetched}", 100.0

    manager = TokenManager(fetch, refresh_margin=3600, wall_clock=lambda: now[0])
    for _ in range(10):
        assert await manager.get() == "t1"
        now[0] += 1
    assert fetched == 1
    now[0] = 1000.0 + 51  # past half the lifetime: due, refreshed behind the valid token
    await manager.get()
    await manager.wait_for_fetch()
    assert fetched == 2


# -- 8. the small traps ------------------------------------------------------------------------


async def test_max_attempts_zero_is_refused(clock: FakeClock) -> None:
    wire = Wire(clock)
    async with make_client(clock, wire) as sc:
        with pytest.raises(ValidationError) as caught:
            await sc.currencies.list_currencies(max_attempts=0)
    assert caught.value.field == "max_attempts"
    assert wire.sent == []


async def test_timeout_none_means_no_timeout_like_httpx(clock: FakeClock) -> None:
    wire = Wire(clock)
    wire.router.get("/currencies").mock(side_effect=always(200, json=[]))
    async with make_client(clock, wire) as sc:
        await sc.currencies.list_currencies(timeout=None)
        await sc.currencies.list_currencies()
    no_timeout, default = (q.extensions["timeout"] for q in wire.requests[-2:])
    assert no_timeout == {"connect": None, "read": None, "write": None, "pool": None}
    assert default == {"connect": 5.0, "read": 30.0, "write": 30.0, "pool": 10.0}


def test_rate_zero_is_a_validation_error_not_zero_division() -> None:
    with pytest.raises(ValidationError) as caught:
        GroupLimits(rate=0)
    assert caught.value.field == "rate"
    for bad in (-1.0, float("nan"), float("inf")):
        with pytest.raises(ValidationError) as caught:
            GroupLimits(rate=bad)
        assert caught.value.field == "rate"
    with pytest.raises(ValidationError) as caught:
        GroupLimits(max_in_flight=0)
    assert caught.value.field == "max_in_flight"
    with pytest.raises(ValidationError) as caught:
        GroupLimits(burst=True)
    assert caught.value.field == "burst"
    with pytest.raises(ValidationError) as caught:
        RateLimits(max_in_flight=0)
    assert caught.value.field == "max_in_flight"
    assert GroupLimits(rate=None).rate is None  # no bucket: in-flight cap only


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"groups": {"accounts": {"rate": 5}}}, "groups"),  # was an AttributeError when called
        ({"groups": {1: GroupLimits()}}, "groups"),
        ({"groups": [("accounts", GroupLimits())]}, "groups"),
        ({"default": 5}, "default"),
    ],
)
def test_rate_limits_of_the_wrong_shape_are_refused_by_name(
    kwargs: dict[str, object], field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        RateLimits(**kwargs)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert "GroupLimits" in str(caught.value)


def test_tuning_one_group_keeps_the_default_exports_and_auth_limits() -> None:
    limits = RateLimits(groups={"transactions": GroupLimits(max_in_flight=4, rate=5.0, burst=5)})
    assert limits.for_group("exports") == GroupLimits(max_in_flight=2, rate=1.0, burst=2)
    assert limits.for_group("auth") == GroupLimits(max_in_flight=2, rate=2.0, burst=2)
    assert limits.for_group("transactions") == GroupLimits(4, 5.0, 5)
    # Overriding a default by name still works.
    assert RateLimits(groups={"exports": GroupLimits(1, None, 1)}).for_group("exports").rate is None


async def test_passed_in_http_client_is_not_mutated_and_its_settings_hold() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path.endswith("/oauth/token"):
            return httpx.Response(200, json=TOKEN_BODY)
        return httpx.Response(200, json=[])

    http = httpx.AsyncClient(
        transport=httpx.MockTransport(handler), timeout=7.0, headers={"X-Team": "ops"}
    )
    before = dict(http.headers)
    async with SpectroCoinClient("id", "secret", http_client=http) as sc:
        await sc.currencies.list_currencies()
    assert dict(http.headers) == before
    request = seen[-1]
    assert request.extensions["timeout"] == {"connect": 7.0, "read": 7.0, "write": 7.0, "pool": 7.0}
    assert request.headers["x-team"] == "ops"
    assert request.headers["user-agent"].startswith("spectrocoin-async/")
    assert request.headers["accept"] == "application/json"
    assert not http.is_closed
    await http.aclose()
    # Settings that would be silently ignored are refused.
    for kwargs in (
        {"timeout": 3.0},
        {"transport": httpx.MockTransport(handler)},
        {"max_connections": 5},
    ):
        with pytest.raises(ValidationError):
            SpectroCoinClient("id", "secret", http_client=httpx.AsyncClient(), **kwargs)


async def test_passed_in_http_client_keeps_its_own_user_agent() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=[])

    async with httpx.AsyncClient(
        transport=httpx.MockTransport(handler), headers={"User-Agent": "shop/2"}
    ) as http:
        async with SpectroCoinClient(http_client=http) as sc:
            await sc.currencies.list_currencies()
    assert seen[0].headers["user-agent"] == "shop/2"


# -- 9. paging goes on from where lazy iteration stopped ---------------------------------------


async def test_entering_async_with_after_lazy_iteration_does_not_restart() -> None:
    def page(number: int, ids: list[str], last: bool) -> httpx.Response:
        content = [{"id": i, "amount": 1, "currencyCode": "BTC"} for i in ids]
        return json_response({"content": content, "number": number, "last": last})

    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        router.post("/oauth/token").respond(json=TOKEN_BODY)
        route = router.get("/transactions").mock(
            side_effect=[page(0, ["a", "b"], False), page(1, ["c"], False), page(2, ["d"], True)]
        )
        async with SpectroCoinClient("id", "secret") as sc:
            items = sc.transactions.iterate_list_transactions()
            first = await items.__anext__()
            async with items:
                rest = [tx async for tx in items]
    assert [first.id, *(tx.id for tx in rest)] == ["a", "b", "c", "d"]
    assert [c.request.url.params["page"] for c in route.calls] == ["0", "1", "2"]


# -- the token: wall-clock expiry, store protocol, bounded expires_in --------------------------


class RecordingStore(InMemoryTokenStore):
    __slots__ = ("events",)

    def __init__(self) -> None:
        super().__init__()
        self.events: list[str] = []

    async def load(self) -> Token | None:
        self.events.append("load")
        return await super().load()

    async def save(self, token: Token) -> None:
        self.events.append("save")
        await super().save(token)

    @contextlib.asynccontextmanager
    async def _lock(self) -> AsyncIterator[None]:
        self.events.append("lock")
        yield
        self.events.append("unlock")

    def fetch_lock(self) -> contextlib.AbstractAsyncContextManager[None]:
        return self._lock()


async def test_token_expiry_is_wall_clock_and_fetch_runs_inside_the_store_lock() -> None:
    store = RecordingStore()

    async def fetch() -> tuple[str, float]:
        store.events.append("fetch")
        return "t1", 600.0

    manager = TokenManager(fetch, store=store, wall_clock=lambda: 1_700_000_000.0)
    assert await manager.get() == "t1"
    assert store.events == ["load", "lock", "load", "fetch", "save", "unlock"]
    token = await InMemoryTokenStore.load(store)
    assert token == Token("t1", expires_at=1_700_000_600.0, lifetime=600.0)


async def test_in_memory_discard_is_compare_and_delete() -> None:
    store = InMemoryTokenStore()
    await store.save(Token("new", expires_at=time.time() + 60, lifetime=60))
    await store.discard("old")
    kept = await store.load()
    assert kept is not None and kept.access_token == "new"
    await store.discard("new")
    assert (await store.load()) is None
    async with store.fetch_lock():
        pass


@pytest.mark.parametrize(
    "expires_in",
    [
        b"1e400",
        b"1" + b"0" * 400,
        b"1e1000000",
        b"-5",
        b"0",
        b"true",
        b'"soon"',
        b"null",
        b"1" + b"0" * 5000,
    ],
)
async def test_unreasonable_expires_in_is_a_typed_error(expires_in: bytes) -> None:
    body = b'{"access_token": "t", "token_type": "bearer", "expires_in": ' + expires_in + b"}"
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        router.post("/oauth/token").respond(
            content=body, headers={"content-type": "application/json"}
        )
        async with SpectroCoinClient("id", "secret") as sc:
            with pytest.raises(ResponseValidationError) as caught:
                await sc.accounts.list_accounts()
    expected = (
        "token response is not JSON: Exceeds the limit (4300 digits)"  # Python's int() limit
        if len(expires_in) > 4300
        else "token response expires_in must be seconds between 1 and 31622400, got "
    )
    assert caught.value.message.startswith(expected), caught.value.message


async def test_reasonable_expires_in_forms_are_accepted() -> None:
    for raw in (b"3600", b"3600.5", b'"3600"'):
        body = b'{"access_token": "t", "token_type": "bearer", "expires_in": ' + raw + b"}"
        with respx.mock(base_url=BASE, assert_all_called=False) as router:
            router.post("/oauth/token").respond(
                content=body, headers={"content-type": "application/json"}
            )
            router.get("/accounts").mock(return_value=json_response([]))
            async with SpectroCoinClient("id", "secret") as sc:
                assert await sc.accounts.list_accounts() == []


@pytest.mark.parametrize(
    ("access_token", "token_type", "message"),
    [
        (b'""', b'"bearer"', "token response has an empty or non-text access_token"),
        (b"5", b'"bearer"', "token response has an empty or non-text access_token"),
        (b"null", b'"bearer"', "token response has an empty or non-text access_token"),
        (b'["t"]', b'"bearer"', "token response has an empty or non-text access_token"),
        (b'"t"', b'"mac"', "unsupported token_type 'mac'"),
        (b'"t"', b"7", "unsupported token_type '7'"),
    ],
)
async def test_an_unusable_token_is_refused_and_the_call_was_never_sent(
    access_token: bytes, token_type: bytes, message: str
) -> None:
    body = (
        b'{"access_token": ' + access_token + b', "token_type": ' + token_type
    ) + b', "expires_in": 60}'
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        router.post("/oauth/token").respond(
            content=body, headers={"content-type": "application/json"}
        )
        accounts = router.get("/accounts").mock(return_value=json_response([]))
        async with SpectroCoinClient("id", "secret") as sc:
            with pytest.raises(AuthenticationError, match=re.escape(message)) as caught:
                await sc.accounts.list_accounts()
    assert caught.value.request_may_have_reached_server is False
    assert accounts.call_count == 0


class _RemoteReleaseLimiter:
    """A limiter whose release awaits, as a shared (networked) one does: a cancellation that
    reached it would skip the release and leak the slot."""

    def __init__(self, inner: InProcessLimiter) -> None:
        self.inner = inner

    @contextlib.asynccontextmanager
    async def slot(self, group: str) -> AsyncIterator[float]:
        permit = self.inner.slot(group)
        yield await permit.__aenter__()
        await anyio.lowlevel.checkpoint()  # the round trip of the release, then the release
        await permit.__aexit__(None, None, None)

    async def pause(self, group: str, seconds: float) -> None:
        await self.inner.pause(group, seconds)


async def test_a_streamed_slot_comes_back_after_an_error_status_a_broken_body_or_a_cancel() -> None:
    class Drip(httpx.AsyncByteStream):
        """One chunk, then the reader waits (or the connection breaks)."""

        def __init__(self, *, breaks: bool) -> None:
            self.breaks = breaks

        async def __aiter__(self) -> AsyncIterator[bytes]:
            yield b"a,b\n"
            if self.breaks:
                raise httpx.ReadError("connection reset mid-body")
            await anyio.sleep_forever()

    answers = iter(
        [
            httpx.Response(404, json={"errorCode": "NOT_FOUND"}),
            httpx.Response(200, stream=Drip(breaks=True)),
            httpx.Response(200, stream=Drip(breaks=False)),
            httpx.Response(200, content=b"a,b\n1,2\n"),
        ]
    )
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        router.post("/oauth/token").respond(json=TOKEN_BODY)
        router.get("/exports/transactions").mock(side_effect=lambda request: next(answers))
        # One exports slot: each step below can only start if the one before gave it back.
        limits = RateLimits(groups={"exports": GroupLimits(max_in_flight=1, rate=None)})
        async with SpectroCoinClient(
            "id", "secret", limiter=_RemoteReleaseLimiter(InProcessLimiter(limits))
        ) as sc:
            pipeline = sc._pipeline
            operation = OPERATIONS["export_transactions"]
            request = {"url": "/exports/transactions", "params": {"format": "CSV"}}
            with anyio.fail_after(5):
                with pytest.raises(NotFoundError):
                    await pipeline.execute(operation, request, {}, stream=True)
                broken, _ = await pipeline.execute(operation, request, {}, stream=True)
                with pytest.raises(httpx.ReadError):
                    try:
                        await broken.aread()
                    finally:
                        await broken.aclose()
                stuck, _ = await pipeline.execute(operation, request, {}, stream=True)
                with anyio.CancelScope() as scope:
                    try:
                        async for _chunk in stuck.aiter_bytes():
                            scope.cancel()  # the reader is cancelled mid-body...
                    finally:
                        await stuck.aclose()  # ...and closes it inside the cancelled scope
                assert scope.cancelled_caught
                last, _ = await pipeline.execute(operation, request, {}, stream=True)
                assert await last.aread() == b"a,b\n1,2\n"
                await last.aclose()
