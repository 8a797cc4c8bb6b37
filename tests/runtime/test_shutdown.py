"""``aclose()`` with calls in flight (issue 17, items 8 and 9).

A call parked at any await of the token manager, the limiter or the retry policy when the
client is closed ends in ``ClientClosedError``, never httpx's bare ``RuntimeError``. When
``aclose()`` returns, nothing of the client is still running: no code is parked at any of those
awaits, and no request of it is sent afterwards.

Driven by events, not time: each test parks one call at one await (a ``Gate``), closes the
client, then opens every gate, so that code which failed to stop would go on and be seen
(a request counted by the transport, a token saved, a call that succeeds after the close).
Each test runs with the client's own httpx client and with one passed in (``http_client=``,
which ``aclose()`` does not close, so nothing but the SDK itself stops a late request).
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from typing import Any

import anyio
import httpx
import pytest
import respx

from spectrocoin_async import (
    ClientClosedError,
    GroupLimits,
    RateLimits,
    RetryPolicy,
    SpectroCoinClient,
)
from spectrocoin_async._auth import InMemoryTokenStore, Token
from tests.conftest import BASE, json_response
from tests.support.fakes import FakeClock

pytestmark = pytest.mark.anyio

ACCOUNTS = [{"id": "1", "currencyCode": "EUR", "balance": "1.00"}]
TOKEN = {"access_token": "t-1", "expires_in": 3600, "token_type": "bearer"}
UNLIMITED = RateLimits(GroupLimits(100, None, 1), groups={}, max_in_flight=100)


class Gate:
    """An await that parks whoever reaches it until the test opens it."""

    def __init__(self) -> None:
        self.reached = anyio.Event()
        self.opened = anyio.Event()
        self.arrived = 0  # tasks that reached it (respx counts a request only once answered)
        self.parked = 0  # tasks waiting here right now
        self.passed = 0  # tasks that went on after the gate opened

    async def __call__(self) -> None:
        self.arrived += 1
        self.parked += 1
        self.reached.set()
        try:
            await self.opened.wait()
        finally:
            self.parked -= 1
        self.passed += 1


class GatedStore(InMemoryTokenStore):
    """The in-memory store with a gate at one of its awaits, from its ``nth`` use on:
    ``"load"``, ``"lock"`` (entering the fetch lock), ``"unlock"`` (leaving it), ``"save"``,
    ``"discard"``."""

    def __init__(self, where: str, nth: int = 1) -> None:
        super().__init__()
        self.where = where
        self.nth = nth
        self.gate = Gate()
        self.counts: dict[str, int] = {}
        self.saved: list[Token] = []

    async def _maybe(self, name: str) -> None:
        self.counts[name] = self.counts.get(name, 0) + 1
        if name == self.where and self.counts[name] >= self.nth:
            await self.gate()

    async def load(self) -> Token | None:
        await self._maybe("load")
        return await super().load()

    async def save(self, token: Token) -> None:
        await self._maybe("save")
        self.saved.append(token)
        await super().save(token)

    async def discard(self, failed: str) -> None:
        await self._maybe("discard")
        await super().discard(failed)

    @contextlib.asynccontextmanager
    async def _gated_lock(self) -> AsyncIterator[None]:
        await self._maybe("lock")
        yield
        await self._maybe("unlock")

    def fetch_lock(self) -> contextlib.AbstractAsyncContextManager[None]:
        return self._gated_lock()


def gated_endpoint(gate: Gate, response: httpx.Response) -> Callable[..., Awaitable[Any]]:
    async def endpoint(request: httpx.Request) -> httpx.Response:
        await gate()
        return response

    return endpoint


class Run:
    """Calls of one client in their own tasks, each outcome kept (a result or an exception)."""

    def __init__(self) -> None:
        self.outcomes: list[Any] = []

    async def one(self, call: Callable[[], Awaitable[Any]]) -> None:
        try:
            self.outcomes.append(await call())
        except Exception as exc:  # the outcome is what the test looks at
            self.outcomes.append(exc)


@contextlib.asynccontextmanager
async def client(own_http: bool, **options: Any) -> AsyncIterator[SpectroCoinClient]:
    options.setdefault("rate_limits", UNLIMITED)
    if own_http:
        yield SpectroCoinClient._testing("id", "secret", **options)
        return
    async with httpx.AsyncClient() as http:
        yield SpectroCoinClient._testing("id", "secret", http_client=http, **options)


async def close_while_parked(
    sc: SpectroCoinClient,
    gates: list[Gate],
    calls: Sequence[Callable[[], Awaitable[Any]]],
    router: respx.MockRouter,
) -> list[Any]:
    """Start ``calls`` one by one (each runs until it blocks), close the client once the first
    gate is reached, check that nothing of the client is still parked, then open every gate and
    check that nothing more was sent."""
    run = Run()
    async with anyio.create_task_group() as tg:
        for call in calls:
            tg.start_soon(run.one, call)
            await anyio.wait_all_tasks_blocked()
        await gates[0].reached.wait()
        sent = len(router.calls)
        await sc.aclose()
        # Nothing of the client waits at any gate any more: its calls and its token fetch ended.
        assert [g.parked for g in gates] == [0] * len(gates)
        for gate in gates:
            gate.opened.set()
    await anyio.wait_all_tasks_blocked()
    assert len(router.calls) == sent  # no request after aclose()
    assert [g.passed for g in gates] == [0] * len(gates)  # nobody went on past a gate
    return run.outcomes


def assert_closed(outcome: Any, *, reached: bool = False) -> None:
    assert isinstance(outcome, ClientClosedError), repr(outcome)
    assert outcome.request_may_have_reached_server is reached
    assert "closed" in str(outcome)


OWN = pytest.mark.parametrize("own_http", [True, False], ids=["own-http", "passed-http"])


# -- every await of the token manager -------------------------------------------------------


@OWN
@pytest.mark.parametrize(
    ("where", "nth"),
    [
        ("load", 1),  # get(): is there a token?
        ("lock", 1),  # the fetch waits for the store's fetch lock
        ("load", 2),  # inside the lock: did another process fetch one meanwhile?
        ("endpoint", 1),  # the token request is on the wire; the caller waits for the flight
        ("save", 1),  # the fetched token is being stored
        ("unlock", 1),  # leaving the fetch lock (the token is saved: one caller, as a
        # second one would use the saved token)
    ],
)
async def test_close_during_each_await_of_the_token_fetch(
    own_http: bool, where: str, nth: int
) -> None:
    store = GatedStore(where, nth)
    endpoint_gate = Gate()
    gate = endpoint_gate if where == "endpoint" else store.gate
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        token_response = httpx.Response(200, json=TOKEN)
        router.post("/oauth/token").mock(
            side_effect=gated_endpoint(endpoint_gate, token_response)
            if where == "endpoint"
            else None,
            return_value=token_response,
        )
        accounts = router.get("/accounts").mock(return_value=json_response(ACCOUNTS))
        async with client(own_http, token_store=store) as sc:
            calls = [sc.accounts.list_accounts] * (1 if where == "unlock" else 2)
            outcomes = await close_while_parked(sc, [gate], calls, router)
    assert len(outcomes) == len(calls)
    for outcome in outcomes:
        assert_closed(outcome)
    assert accounts.call_count == 0
    if where in ("load", "lock", "endpoint") or (where, nth) == ("load", 2):
        assert store.saved == []  # the fetch was stopped before it had a token to save


@OWN
async def test_close_while_a_401_drops_the_stale_token(own_http: bool) -> None:
    store = GatedStore("discard")
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        router.post("/oauth/token").respond(json=TOKEN)
        accounts = router.get("/accounts").respond(401, json={"errorCode": "AUTH_1"})
        async with client(own_http, token_store=store) as sc:
            (outcome,) = await close_while_parked(
                sc, [store.gate], [sc.accounts.list_accounts], router
            )
    assert_closed(outcome)
    assert accounts.call_count == 1  # the replay after the 401 never went out


@OWN
async def test_close_while_a_due_token_is_refreshed_in_the_background(own_http: bool) -> None:
    # The token is due (not expired): calls go on with it while one flight fetches the next.
    # The flight is the client's own task; aclose() stops it and waits for it.
    clock = FakeClock(start=1000.0)
    store = InMemoryTokenStore()
    await store.save(Token("old", expires_at=1000.0 + 30, lifetime=3600))
    gate = Gate()
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        token = router.post("/oauth/token").mock(
            side_effect=gated_endpoint(gate, httpx.Response(200, json=TOKEN))
        )
        router.get("/accounts").mock(return_value=json_response(ACCOUNTS))
        async with client(own_http, token_store=store, wall_clock=clock, clock=clock) as sc:
            assert len(await sc.accounts.list_accounts()) == 1  # starts the background refresh
            await gate.reached.wait()
            await sc.aclose()
            assert gate.parked == 0
            gate.opened.set()
            await anyio.wait_all_tasks_blocked()
    assert token.call_count == 0  # never answered
    assert (gate.arrived, gate.passed) == (1, 0)
    assert (await store.load()) == Token("old", expires_at=1030.0, lifetime=3600)


# -- every await of the limiter, and the retry policy's backoff -----------------------------


class GatedSleep:
    """The SDK's sleep (backoff, limiter): records the duration and parks at a gate."""

    def __init__(self) -> None:
        self.gate = Gate()
        self.sleeps: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        await self.gate()


@OWN
async def test_close_during_a_retry_backoff(own_http: bool) -> None:
    sleep = GatedSleep()
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        router.post("/oauth/token").respond(json=TOKEN)
        accounts = router.get("/accounts").mock(
            side_effect=[httpx.Response(503), json_response(ACCOUNTS)]
        )
        async with client(own_http, sleep=sleep, clock=FakeClock()) as sc:
            (outcome,) = await close_while_parked(
                sc, [sleep.gate], [sc.accounts.list_accounts], router
            )
    assert_closed(outcome, reached=True)  # the 503 was an answer: it may have been acted on
    assert len(sleep.sleeps) == 1
    assert accounts.call_count == 1


@OWN
async def test_close_while_the_group_is_paused_after_a_429(own_http: bool) -> None:
    sleep = GatedSleep()
    limited = json_response({"errorCode": "GEN_429"}, 429, {"Retry-After": "7"})
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        router.post("/oauth/token").respond(json=TOKEN)
        accounts = router.get("/accounts").mock(side_effect=[limited, json_response(ACCOUNTS)])
        async with client(own_http, sleep=sleep, clock=FakeClock()) as sc:
            (outcome,) = await close_while_parked(
                sc, [sleep.gate], [sc.accounts.list_accounts], router
            )
    assert_closed(outcome)  # a 429 is a refusal: nothing happened
    assert sleep.sleeps == [7.0]  # waiting out the pause, in the limiter
    assert accounts.call_count == 1


@OWN
async def test_close_while_waiting_for_the_rate(own_http: bool) -> None:
    sleep = GatedSleep()
    limits = RateLimits(GroupLimits(10, rate=1.0, burst=1), groups={}, max_in_flight=10)
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        router.post("/oauth/token").respond(json=TOKEN)
        accounts = router.get("/accounts").mock(return_value=json_response(ACCOUNTS))
        async with client(own_http, sleep=sleep, clock=FakeClock(), rate_limits=limits) as sc:
            assert len(await sc.accounts.list_accounts()) == 1  # the burst of 1 is spent
            (outcome,) = await close_while_parked(
                sc, [sleep.gate], [sc.accounts.list_accounts], router
            )
    assert_closed(outcome)
    assert sleep.sleeps == [1.0]
    assert accounts.call_count == 1


@OWN
@pytest.mark.parametrize("cap", ["group", "global"])
async def test_close_while_waiting_for_an_in_flight_slot(own_http: bool, cap: str) -> None:
    # One call is on the wire and holds the only slot (of its group, or of the client); the
    # second waits for it. Both end in ClientClosedError: the first may have reached the server.
    wire = Gate()
    if cap == "group":
        limits = RateLimits(GroupLimits(1, rate=None, burst=1), groups={}, max_in_flight=10)
    else:
        limits = RateLimits(GroupLimits(10, rate=None, burst=1), groups={}, max_in_flight=1)
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        router.post("/oauth/token").respond(json=TOKEN)
        accounts = router.get("/accounts").mock(
            side_effect=gated_endpoint(wire, json_response(ACCOUNTS))
        )
        methods = router.get("/payment-methods").mock(return_value=json_response([]))
        async with client(own_http, rate_limits=limits) as sc:
            second = (
                sc.accounts.list_accounts
                if cap == "group"
                else sc.payment_methods.list_payment_methods
            )
            first_outcome, second_outcome = await close_while_parked(
                sc, [wire], [sc.accounts.list_accounts, second], router
            )
    assert accounts.call_count == 0  # never answered
    assert wire.arrived == 1
    assert methods.call_count == 0
    # Outcomes in the order the calls ended: both closed, one of them on the wire.
    assert sorted(o.request_may_have_reached_server for o in (first_outcome, second_outcome)) == [
        False,
        True,
    ]
    for outcome in (first_outcome, second_outcome):
        assert isinstance(outcome, ClientClosedError)


# -- the token endpoint's 429, and the surface ----------------------------------------------


@OWN
async def test_aclose_is_idempotent_and_refuses_calls_after(own_http: bool) -> None:
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        router.post("/oauth/token").respond(json=TOKEN)
        async with client(own_http) as sc:
            await sc.aclose()
            await sc.aclose()
            with pytest.raises(ClientClosedError) as caught:
                await sc.accounts.list_accounts()
    assert caught.value.request_may_have_reached_server is False
    assert len(router.calls) == 0


async def test_a_closed_http_client_passed_in_is_a_typed_error() -> None:
    # The caller closed their own httpx client under a live SpectroCoinClient.
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        router.post("/oauth/token").respond(json=TOKEN)
        http = httpx.AsyncClient()
        sc = SpectroCoinClient("id", "secret", http_client=http, retry=RetryPolicy(max_attempts=1))
        await http.aclose()
        with pytest.raises(ClientClosedError, match="httpx client .* is closed"):
            await sc.accounts.list_accounts()
        await sc.aclose()
    assert len(router.calls) == 0
