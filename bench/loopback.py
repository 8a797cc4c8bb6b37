"""Measure 2: the measure-1 calls over loopback against the sandbox, wall time SDK / raw httpx.

Both clients keep the same pool size, are warmed up (connections open, SDK token fetched) before
the timed part, and run the same number of ``GET /accounts`` with the same number of workers.
The sandbox runs in its own process, so on two cores the client and the server each get one.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

import httpx
from common import Row, pairs
from cpu import _workers, generous_limits
from sandbox_proc import CLIENT_ID, CLIENT_SECRET, fetch_token

from spectrocoin_async import SpectroCoinClient

__all__ = ["measure_loopback"]

POOL = 100  # the SDK's default max_connections


async def _sdk_run(base_url: str, total: int, concurrency: int) -> float:
    async with SpectroCoinClient(
        CLIENT_ID,
        CLIENT_SECRET,
        base_url=base_url,
        rate_limits=generous_limits(),
        max_connections=POOL,
    ) as sc:
        await _workers(concurrency * 2, concurrency, sc.accounts.list_accounts)
        start = time.perf_counter()
        await _workers(total, concurrency, sc.accounts.list_accounts)
        return time.perf_counter() - start


async def _raw_run(base_url: str, token: str, total: int, concurrency: int) -> float:
    async with httpx.AsyncClient(
        base_url=base_url,
        headers={"Authorization": f"Bearer {token}"},
        limits=httpx.Limits(max_connections=POOL, max_keepalive_connections=POOL),
    ) as client:

        async def call() -> Any:
            response = await client.get("/accounts")
            response.raise_for_status()
            return response.json()

        await _workers(concurrency * 2, concurrency, call)
        start = time.perf_counter()
        await _workers(total, concurrency, call)
        return time.perf_counter() - start


def measure_loopback(base_url: str, total: int, concurrency: int, n_pairs: int) -> list[Row]:
    token = fetch_token(base_url)
    result = pairs(
        n_pairs,
        lambda: asyncio.run(_sdk_run(base_url, total, concurrency)),
        lambda: asyncio.run(_raw_run(base_url, token, total, concurrency)),
    )
    ratio = result.ratio
    return [
        Row(
            f"loopback wall time, SDK / raw httpx ({total:,} GETs, concurrency {concurrency})",
            f"{ratio:.2f} ({result.median_a / total * 1e6:.0f} vs "
            f"{result.median_b / total * 1e6:.0f} µs/call)",
            "≤ 1.10",
            ratio <= 1.10,
            [f"against the sandbox over 127.0.0.1; {result.spread()}"],
        )
    ]
