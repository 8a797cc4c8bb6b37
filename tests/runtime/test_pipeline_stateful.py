"""Property-based: the limiter and the token manager under random traffic, on asyncio and trio.

Hypothesis draws a scenario: a token endpoint that accepts or refuses the secret, a script of
server answers (200, 429, 503, 401, connect errors, broken reads), and callers (GETs and
money-moving POSTs) that start at different times, some with ``deadline=``, some cancelled part
way. The scenario runs on virtual time (``FakeClock``), so it is deterministic and fast. After
every scenario:

- no slot or bucket token leaked: every semaphore is full, and a fresh call goes through at once;
- at most one token request was ever in flight;
- a refused secret cost one token request per remembered-failure window;
- a money-moving request was never sent again once it may have reached the server.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from typing import Any
from uuid import UUID

import anyio
import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spectrocoin_async import (
    CreateOrderRequest,
    GroupLimits,
    InProcessLimiter,
    RateLimits,
    RetryPolicy,
    SpectroCoinClient,
    SpectroCoinError,
)
from tests.support.fakes import FakeClock

FAILURE_TTL = 5.0  # the token manager's default remembered-failure window
LIMITS = RateLimits(default=GroupLimits(max_in_flight=2, rate=2.0, burst=2), max_in_flight=3)
PROJECT = UUID("6c1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6")
# Once a request may have reached the server, only these let it be sent again.
REFUSED = {"429", "401", "connect"}

outcomes = st.sampled_from(["ok", "429", "503", "connect", "read", "401"])
calls = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(["get", "post"]),
        "start": st.sampled_from([0.0, 0.1, 0.5, 1.0, 3.0, 7.0]),
        "deadline": st.none() | st.sampled_from([0.5, 2.0, 10.0]),
        "cancel_at": st.none() | st.sampled_from([0.05, 0.3, 1.5, 4.0]),
    }
)
scenarios = st.fixed_dictionaries(
    {
        "secret_ok": st.booleans(),
        "token_latency": st.sampled_from([0.0, 0.2, 1.0]),
        "latency": st.sampled_from([0.0, 0.1, 0.5]),
        "script": st.lists(outcomes, max_size=30),
        "calls": st.lists(calls, min_size=1, max_size=10),
    }
)


class Server:
    def __init__(self, clock: FakeClock, scenario: dict[str, Any]) -> None:
        self.clock = clock
        self.scenario = scenario
        self.script: Iterator[str] = iter(scenario["script"])
        self.token_in_flight = 0
        self.token_peak = 0
        self.token_times: list[float] = []
        self.sends: list[list[str]] = []  # [key, outcome]; "pending" if cut off in flight

    async def handle(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth/token"):
            return await self.token()
        outcome = next(self.script, "ok")
        key = "GET"
        if request.method == "POST":
            key = json.loads(request.content)["orderId"]
        if outcome == "connect":
            self.sends.append([key, "connect"])
            raise httpx.ConnectError("connection refused")
        entry = [key, "pending"]
        self.sends.append(entry)
        await self.clock.wait(self.scenario["latency"])
        entry[1] = outcome
        if outcome == "read":
            raise httpx.ReadError("connection reset")
        if outcome == "ok":
            body: Any = [] if request.method == "GET" else {"redirectUrl": "https://x/pay"}
            return httpx.Response(200, json=body)
        if outcome == "429":
            return httpx.Response(429, headers={"Retry-After": "1"})
        if outcome == "401":
            return httpx.Response(401, json={"errorCode": "AUTH_1"})
        return httpx.Response(503)

    async def token(self) -> httpx.Response:
        self.token_in_flight += 1
        self.token_peak = max(self.token_peak, self.token_in_flight)
        self.token_times.append(self.clock.now)
        try:
            await self.clock.wait(self.scenario["token_latency"])
        finally:
            self.token_in_flight -= 1
        if self.scenario["secret_ok"]:
            return httpx.Response(
                200, json={"access_token": "tok", "expires_in": 3600, "token_type": "bearer"}
            )
        return httpx.Response(401, json={"errorCode": "AUTH_3 - Bad client credentials"})


async def run_scenario(scenario: dict[str, Any]) -> None:
    clock = FakeClock()
    server = Server(clock, scenario)
    limiter = InProcessLimiter(LIMITS, clock=clock, sleep=clock.sleep)
    async with SpectroCoinClient._testing(
        "id",
        "secret",
        transport=httpx.MockTransport(server.handle),
        limiter=limiter,
        retry=RetryPolicy(max_attempts=3, backoff_base=0.5, backoff_cap=2.0),
        clock=clock,
        sleep=clock.sleep,
        wall_clock=lambda: 1_700_000_000.0 + clock.now,
    ) as sc:

        async def caller(index: int, spec: dict[str, Any]) -> None:
            await clock.wait(spec["start"])
            options: dict[str, Any] = {}
            if spec["deadline"] is not None:
                options["deadline"] = spec["deadline"]
            with anyio.CancelScope() as scope:
                if spec["cancel_at"] is not None:
                    tg.start_soon(cancel_later, scope, spec["cancel_at"])
                try:
                    if spec["kind"] == "get":
                        await sc.currencies.list_currencies(**options)
                    else:
                        body = CreateOrderRequest(
                            project_id=PROJECT,
                            order_id=f"o-{index}",
                            receive_amount=Decimal("1.00"),
                            receive_currency_code="EUR",
                        )
                        await sc.merchant.create_order(body=body, **options)
                except SpectroCoinError:
                    pass

        async def cancel_later(scope: anyio.CancelScope, after: float) -> None:
            await clock.wait(after)
            scope.cancel()

        async with anyio.create_task_group() as tg:
            for index, spec in enumerate(scenario["calls"]):
                tg.start_soon(caller, index, spec)

        # Every reservation was either used or given back: the buckets owe nothing right now
        # (a waiter that left would otherwise leave its debt behind for the next caller).
        for name, group in limiter._groups.items():
            assert group.rate is not None
            owed = group.tokens + (clock() - group.last) * group.rate
            assert owed >= -1e-9, (name, owed)
        # At most one token request was ever in flight.
        assert server.token_peak <= 1
        # A refused secret: one token request per remembered-failure window.
        if not scenario["secret_ok"]:
            gaps = [b - a for a, b in zip(server.token_times, server.token_times[1:], strict=False)]
            assert all(gap >= FAILURE_TTL for gap in gaps), server.token_times
        # A money-moving request is never sent again once it may have reached the server.
        by_order: dict[str, list[str]] = {}
        for key, outcome in server.sends:
            if key != "GET":
                by_order.setdefault(key, []).append(outcome)
        for key, seen in by_order.items():
            assert all(outcome in REFUSED for outcome in seen[:-1]), (key, seen)

        # No slot or bucket leak: once pauses and buckets have had time, everything is free...
        await clock.wait(60)
        for name, group in limiter._groups.items():
            assert group.semaphore.value == LIMITS.for_group(name).max_in_flight, name
            assert group.rate is not None
            refilled = min(group.burst, group.tokens + (clock() - group.last) * group.rate)
            assert refilled == group.burst, name  # every unused reservation came back
        assert limiter._global.value == LIMITS.max_in_flight
        # ...and a fresh call goes through at once.
        server.script = iter(())
        if scenario["secret_ok"]:
            started = clock()
            assert await sc.currencies.list_currencies() == []
            assert clock() - started <= scenario["latency"] + scenario["token_latency"] + 1e-9
        for name in ("currencies", "merchant", "auth"):
            async with limiter.slot(name) as waited:
                assert waited == 0.0


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
@settings(
    max_examples=150,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
)
@given(scenario=scenarios)
def test_limiter_and_token_manager_hold_their_invariants(
    backend: str, scenario: dict[str, Any]
) -> None:
    anyio.run(run_scenario, scenario, backend=backend)
