"""Real-socket rows: client CPU per call and wall time against a fast local responder.

Over real sockets the transport dominates the client's CPU, which the in-process measure 1
leaves out. Three clients make the same ``GET /accounts`` calls at the same concurrency against
``fastserver.py`` (its own process, so client and server each get a core): raw httpx with its
own transport, the SDK on httpx's transport, and the SDK with ``http="aiohttp"``. They run
interleaved (raw, SDK, SDK-aiohttp, raw, …); each ratio is the median of the per-round ratios to
the raw run of the same round. Client CPU is ``time.process_time`` of this process around the
calls only (set-up, the token and a warm-up that opens the connections are outside).
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
from common import Row
from cpu import _workers, generous_limits
from fastserver import fast_server

from spectrocoin_async import SpectroCoinClient

__all__ = ["HTTPX_TARGET", "AIOHTTP_TARGET", "measure_sockets"]

HTTPX_TARGET = 1.05
AIOHTTP_TARGET = 0.35
POOL = 100


async def _timed(
    call: Callable[[], Awaitable[Any]], total: int, concurrency: int
) -> tuple[float, float]:
    await _workers(concurrency * 2, concurrency, call)  # connections open, token fetched
    cpu, wall = time.process_time(), time.perf_counter()
    await _workers(total, concurrency, call)
    return (time.process_time() - cpu) / total, time.perf_counter() - wall


async def _raw(url: str, total: int, concurrency: int) -> tuple[float, float]:
    limits = httpx.Limits(max_connections=POOL, max_keepalive_connections=POOL)
    headers = {"Authorization": "Bearer bench-token"}
    async with httpx.AsyncClient(base_url=url, headers=headers, limits=limits) as client:

        async def call() -> Any:
            response = await client.get("/accounts")
            response.raise_for_status()
            return response.json()

        return await _timed(call, total, concurrency)


async def _sdk(url: str, total: int, concurrency: int, http: str) -> tuple[float, float]:
    async with SpectroCoinClient(
        "bench-client",
        "bench-secret",
        base_url=url,
        rate_limits=generous_limits(),
        max_connections=POOL,
        http=http,  # type: ignore[arg-type]
    ) as sc:
        return await _timed(sc.accounts.list_accounts, total, concurrency)


def measure_sockets(cpu_calls: int, wall_calls: int, concurrency: int, rounds: int) -> list[Row]:
    runs = {"raw": _raw, "httpx": _httpx_sdk, "aiohttp": _aiohttp_sdk}
    cpu: dict[str, list[float]] = {name: [] for name in runs}
    wall: dict[str, list[float]] = {name: [] for name in runs}
    with fast_server() as url:
        for _ in range(rounds):
            for name, run in runs.items():
                cpu[name].append(asyncio.run(run(url, cpu_calls, concurrency))[0])
            for name, run in runs.items():
                wall[name].append(asyncio.run(run(url, wall_calls, concurrency))[1])

    def ratio(values: dict[str, list[float]], name: str) -> tuple[float, str]:
        ratios = sorted(a / b for a, b in zip(values[name], values["raw"], strict=True))
        return statistics.median(ratios), f"{ratios[0]:.2f}-{ratios[-1]:.2f}"

    def us(name: str) -> float:
        return statistics.median(cpu[name]) * 1e6

    rows = []
    for name, target in (("httpx", HTTPX_TARGET), ("aiohttp", AIOHTTP_TARGET)):
        value, spread = ratio(cpu, name)
        rows.append(
            Row(
                f"real sockets: client CPU per call, SDK on {name}'s pool / raw httpx "
                f"({cpu_calls:,} GETs, concurrency {concurrency}; timed)",
                f"{value:.2f} ({us(name):.0f} vs {us('raw'):.0f} µs/call)",
                f"≤ {target:.2f}",
                value <= target,
                [f"fastserver.py in its own process; {rounds} rounds, ratio range {spread}"],
            )
        )
    for name in ("httpx", "aiohttp"):
        value, spread = ratio(wall, name)
        ms = statistics.median(wall[name]) * 1e3
        raw_ms = statistics.median(wall["raw"]) * 1e3
        rows.append(
            Row(
                f"real sockets: wall time of {wall_calls:,} GETs, SDK on {name}'s pool / raw "
                f"httpx (concurrency {concurrency}; timed)",
                f"{value:.2f} ({ms:.0f} vs {raw_ms:.0f} ms)",
                "report",
                None,
                [f"{rounds} rounds, ratio range {spread}"],
            )
        )
    return rows


async def _httpx_sdk(url: str, total: int, concurrency: int) -> tuple[float, float]:
    return await _sdk(url, total, concurrency, "httpx")


async def _aiohttp_sdk(url: str, total: int, concurrency: int) -> tuple[float, float]:
    return await _sdk(url, total, concurrency, "aiohttp")
