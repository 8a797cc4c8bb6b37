"""Measure 5: a server enforcing 20 req/s; does the SDK's limiter use the allowance without 429s?

The SDK's limiter for the ``accounts`` group is set to the server's rate (20/s, small burst) and
600 calls are started at once. A wrapping transport counts every status the server returns, so a
429 that the SDK retried quietly is still seen. Achieved rate = calls / wall time of the batch.

Against the sandbox (its rate limiting switched on through ``POST /sandbox/config``) when it is
available; otherwise against an in-process ``httpx.MockTransport`` that enforces the same limit
on the real clock (said so in the table).
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import Counter
from typing import Any

import httpx
from common import BASE_URL, Row
from cpu import ACCOUNTS_BODY, JSON_HEADERS, TOKEN_BODY
from sandbox_proc import CLIENT_ID, CLIENT_SECRET

from spectrocoin_async import GroupLimits, RateLimits, SpectroCoinClient

__all__ = ["CountingTransport", "SimulatedLimitServer", "measure_throttle"]

RATE = 20.0
CLIENT_BURST = 1
SERVER_BURST = 5  # the server's bucket, simulated or the sandbox's (its rateBurst)


class CountingTransport(httpx.AsyncBaseTransport):
    """Counts the status of every response the server sends (token requests apart)."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.statuses: Counter[int] = Counter()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        if not request.url.path.endswith("/oauth/token"):
            self.statuses[response.status_code] += 1
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()


class SimulatedLimitServer:
    """A token bucket of ``rate``/s and ``burst`` on the real clock; 429 with Retry-After."""

    def __init__(self, rate: float, burst: int, latency: float = 0.002) -> None:
        self.rate = rate
        self.burst = float(burst)
        self.tokens = float(burst)
        self.last = time.monotonic()
        self.latency = latency

    async def handler(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth/token"):
            return httpx.Response(200, content=TOKEN_BODY, headers=JSON_HEADERS)
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.last) * self.rate)
        self.last = now
        await asyncio.sleep(self.latency)
        if self.tokens < 1.0:
            retry_after = max(1, round((1.0 - self.tokens) / self.rate + 0.5))
            body = json.dumps({"errorCode": "429 Too Many Requests", "defaultMessage": "slow down"})
            return httpx.Response(
                429,
                content=body.encode(),
                headers={**JSON_HEADERS, "Retry-After": str(retry_after)},
            )
        self.tokens -= 1.0
        return httpx.Response(200, content=ACCOUNTS_BODY, headers=JSON_HEADERS)


def _limits() -> RateLimits:
    base = RateLimits()
    return RateLimits(
        default=base.default,
        groups={
            **base.groups,
            "accounts": GroupLimits(max_in_flight=50, rate=RATE, burst=CLIENT_BURST),
        },
        max_in_flight=100,
    )


async def _run(
    base_url: str, transport: CountingTransport, client_id: str, secret: str, calls: int
) -> float:
    async with SpectroCoinClient(
        client_id, secret, base_url=base_url, transport=transport, rate_limits=_limits()
    ) as sc:
        assert sc.tokens is not None
        await sc.tokens.get()  # the token first: the batch itself is only GET /accounts
        start = time.perf_counter()
        await asyncio.gather(*(sc.accounts.list_accounts() for _ in range(calls)))
        return time.perf_counter() - start


def run_simulated(calls: int) -> tuple[float, Counter[int]]:
    server = SimulatedLimitServer(RATE, SERVER_BURST)
    transport = CountingTransport(httpx.MockTransport(server.handler))
    elapsed = asyncio.run(_run(BASE_URL, transport, "bench-client", "bench-secret", calls))
    return elapsed, transport.statuses


def run_sandbox(base_url: str, calls: int) -> tuple[float, Counter[int]]:
    transport = CountingTransport(httpx.AsyncHTTPTransport())
    elapsed = asyncio.run(_run(base_url, transport, CLIENT_ID, CLIENT_SECRET, calls))
    return elapsed, transport.statuses


def rows_for(
    calls: int, elapsed: float, statuses: Counter[int], where: str, detail: str
) -> list[Row]:
    ok = statuses[200]
    achieved = ok / elapsed
    ratio = achieved / RATE
    other: dict[Any, int] = {k: v for k, v in statuses.items() if k not in (200, 429)}
    extra = f", other statuses {other}" if other else ""
    return [
        Row(
            f"{where} at {RATE:g} req/s, {calls} calls: achieved / allowed rate",
            f"{ratio:.3f} ({achieved:.2f} req/s)",
            "≥ 0.95",
            ratio >= 0.95 and ok == calls,
            [
                f"{ok} of {calls} calls OK in {elapsed:.1f} s{extra}; SDK limiter for the "
                f"accounts group: {RATE:g}/s, burst {CLIENT_BURST}; {detail}"
            ],
        ),
        Row(
            "429s seen in that run",
            str(statuses[429]),
            "0",
            statuses[429] == 0,
            ["counted by a wrapping transport, so retried 429s count too"],
        ),
    ]


def measure_throttle(calls: int, base_url: str | None, server_burst: int = 0) -> list[Row]:
    """Against the sandbox when ``base_url`` is given (rate limits already switched on)."""
    if base_url is None:
        elapsed, statuses = run_simulated(calls)
        where = "simulated server"
        detail = (
            f"sandbox not available, so an in-process MockTransport enforces {RATE:g}/s "
            f"(token bucket, burst {SERVER_BURST}) on the real clock"
        )
    else:
        elapsed, statuses = run_sandbox(base_url, calls)
        where = "sandbox"
        detail = f"sandbox bucket {RATE:g}/s, burst {server_burst}, over loopback"
    return rows_for(calls, elapsed, statuses, where, detail)
