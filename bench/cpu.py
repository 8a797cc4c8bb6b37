"""Measure 1: client CPU time per request, SDK vs raw httpx, served in-process.

Both sides get the same ``httpx.MockTransport`` handler and the same canned JSON body, run the
same number of authenticated GETs with the same number of worker tasks, and are timed with
``time.process_time`` around the requests only (client construction, the SDK's one token fetch
and a short warm-up are outside the timed part).

The raw side is what a user would write by hand: ``httpx.AsyncClient`` with a fixed bearer
header, ``await client.get(...)`` and ``response.json()``. The SDK side is
``sc.accounts.list_accounts()``, which also validates, goes through the limiter, maps errors,
decodes numbers as ``Decimal`` and builds ``Account`` models.
"""

from __future__ import annotations

import asyncio
import cProfile
import io
import json
import pstats
import time
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

import httpx
from common import BASE_URL, Pair, Row, pairs

from spectrocoin_async import GroupLimits, RateLimits, SpectroCoinClient

__all__ = ["ACCOUNTS_BODY", "generous_limits", "measure_cpu", "profile_sdk"]

ACCOUNTS_BODY = json.dumps(
    [
        {
            "id": str(1843760 + i),
            "currencyCode": code,
            "currencyName": name,
            "balance": balance,
            "availableBalance": balance,
            "reservedAmount": 0,
        }
        for i, (code, name, balance) in enumerate(
            [
                ("EUR", "Euro", 25.76161379),
                ("USD", "US Dollar", 1020.5),
                ("BTC", "Bitcoin", 0.12345678),
                ("ETH", "Ether", 1.5),
                ("USDT", "Tether", 310.25),
            ]
        )
    ]
).encode()
TOKEN_BODY = json.dumps(
    {"access_token": "bench-token", "expires_in": 3600, "token_type": "bearer"}
).encode()
JSON_HEADERS = {"content-type": "application/json"}


def generous_limits() -> RateLimits:
    """Effectively unlimited, so the limiter costs its bookkeeping but never waits."""
    return RateLimits(default=GroupLimits(max_in_flight=1000, rate=None), max_in_flight=1000)


def handler(request: httpx.Request) -> httpx.Response:
    if request.url.path.endswith("/oauth/token"):
        return httpx.Response(200, content=TOKEN_BODY, headers=JSON_HEADERS)
    return httpx.Response(200, content=ACCOUNTS_BODY, headers=JSON_HEADERS)


async def _workers(total: int, concurrency: int, call: Callable[[], Awaitable[Any]]) -> None:
    per_worker, extra = divmod(total, concurrency)

    async def worker(n: int) -> None:
        for _ in range(n):
            await call()

    await asyncio.gather(*(worker(per_worker + (i < extra)) for i in range(concurrency)))


def sdk_client() -> SpectroCoinClient:
    return SpectroCoinClient(
        "bench-client",
        "bench-secret",
        base_url=BASE_URL,
        transport=httpx.MockTransport(handler),
        rate_limits=generous_limits(),
    )


def raw_client() -> httpx.AsyncClient:
    return httpx.AsyncClient(
        base_url=BASE_URL,
        transport=httpx.MockTransport(handler),
        headers={"Authorization": "Bearer bench-token"},
    )


async def _sdk_run(total: int, concurrency: int) -> float:
    async with sdk_client() as sc:
        await _workers(concurrency * 2, concurrency, sc.accounts.list_accounts)  # warm-up
        start = time.process_time()
        await _workers(total, concurrency, sc.accounts.list_accounts)
        return (time.process_time() - start) / total


async def _raw_run(total: int, concurrency: int) -> float:
    async with raw_client() as client:

        async def call() -> Any:
            response = await client.get("/accounts")
            return response.json()

        await _workers(concurrency * 2, concurrency, call)  # warm-up
        start = time.process_time()
        await _workers(total, concurrency, call)
        return (time.process_time() - start) / total


def measure_cpu(total: int, concurrency: int, n_pairs: int) -> tuple[list[Row], Pair]:
    result = pairs(
        n_pairs,
        lambda: asyncio.run(_sdk_run(total, concurrency)),
        lambda: asyncio.run(_raw_run(total, concurrency)),
    )
    ratio = result.ratio
    row = Row(
        f"client CPU per request, SDK / raw httpx ({total:,} GETs, concurrency {concurrency})",
        f"{ratio:.2f} ({result.median_a * 1e6:.0f} vs {result.median_b * 1e6:.0f} µs/call)",
        "≤ 1.25",
        ratio <= 1.25,
        [f"in-process httpx.MockTransport, same canned body; {result.spread()}"],
    )
    return [row], result


def _profile(run: Callable[[cProfile.Profile], Coroutine[Any, Any, None]]) -> pstats.Stats:
    profiler = cProfile.Profile()
    asyncio.run(run(profiler))
    return pstats.Stats(profiler)


def _where(key: tuple[str, int, str]) -> str:
    filename, line, name = key
    for marker in ("site-packages/", "/spectrocoin_async/", "/lib/python"):
        if marker in filename:
            filename = filename.split(marker, 1)[1]
            if marker == "/spectrocoin_async/":
                filename = "spectrocoin_async/" + filename
            break
    return f"{filename}:{line}({name})"


def profile_sdk(total: int, concurrency: int, top: int = 25) -> str:
    """cProfile the SDK run and the raw run; return where the SDK spends its extra time.

    Two listings: the SDK's own functions by cumulative time, and every function by how much
    more own time (tottime) per request it takes in the SDK run than in the raw run. Profiling
    inflates small functions, so read the µs as relative weights, not as the real overhead.
    """

    async def sdk(profiler: cProfile.Profile) -> None:
        async with sdk_client() as sc:
            await _workers(concurrency * 2, concurrency, sc.accounts.list_accounts)
            profiler.enable()
            await _workers(total, concurrency, sc.accounts.list_accounts)
            profiler.disable()

    async def raw(profiler: cProfile.Profile) -> None:
        async with raw_client() as client:

            async def call() -> Any:
                response = await client.get("/accounts")
                return response.json()

            await _workers(concurrency * 2, concurrency, call)
            profiler.enable()
            await _workers(total, concurrency, call)
            profiler.disable()

    sdk_stats, raw_stats = _profile(sdk), _profile(raw)
    out = io.StringIO()
    per = 1e6 / total
    sdk_us, raw_us = sdk_stats.total_tt * per, raw_stats.total_tt * per  # type: ignore[attr-defined]
    out.write(f"cProfile, {total:,} calls at concurrency {concurrency}: ")
    out.write(f"SDK {sdk_us:.0f} µs/call, raw {raw_us:.0f} µs/call (profiled, so inflated)\n\n")
    out.write(f"SDK layer (spectrocoin_async), top {top} by cumulative µs per call:\n")
    ours = [
        (v[3], v[2], k)
        for k, v in sdk_stats.stats.items()  # type: ignore[attr-defined]
        if "spectrocoin_async" in k[0]
    ]
    for cum, own, key in sorted(ours, reverse=True)[:top]:
        out.write(f"  {cum * per:8.1f} cum {own * per:7.1f} own  {_where(key)}\n")
    out.write(f"\nExtra own time in the SDK run vs the raw run, top {top}, µs per call:\n")
    sdk_own = {_where(k): v[2] for k, v in sdk_stats.stats.items()}  # type: ignore[attr-defined]
    raw_own = {_where(k): v[2] for k, v in raw_stats.stats.items()}  # type: ignore[attr-defined]
    diff = sorted(
        ((sdk_own.get(k, 0.0) - raw_own.get(k, 0.0), k) for k in sdk_own.keys() | raw_own.keys()),
        reverse=True,
    )
    for delta, key in diff[:top]:
        out.write(f"  {delta * per:+8.1f}  {key}\n")
    saved = sum(d for d, _ in diff if d < 0)
    out.write(f"  (functions cheaper in the SDK run: {saved * per:+.1f} µs per call in all)\n")
    return out.getvalue()
