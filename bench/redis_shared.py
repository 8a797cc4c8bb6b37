"""The Redis measures: one allowance and one token shared by several worker processes.

- **shared rate**: 4 worker processes (separate OS processes, each with its own client, half on
  asyncio and half on trio) share one ``RedisLimiter`` allowance of 20 req/s against the sandbox
  enforcing 20 req/s (burst 5). Achieved rate = (sends - 1) / (last send - first send), over
  the send times of all four workers; 429s counted at each worker's transport and by the
  sandbox.
- **token**: 8 cold worker processes start at the same moment; the sandbox counts the tokens
  it issued.
- **Redis killed mid-run**: 4 workers against a Redis server of this measure alone, killed
  2.5 s into the run and started again 2.5 s later; every call must still complete.
- **cost**: client CPU per call (``time.process_time``) with ``RedisLimiter`` against
  ``InProcessLimiter``, both pacing the group (a rate too high to wait on), served in-process
  by a ``MockTransport``; the median of interleaved pairs. Redis' own CPU is not included.

Needs a Redis server (``REDIS_URL``, default ``redis://127.0.0.1:6379/0``); the kill measure
needs the ``redis-server`` binary to run one of its own.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
from common import BASE_URL, Row, not_measured, pairs
from cpu import handler
from sandbox_proc import sandbox, sandbox_config

__all__ = ["TARGETS", "measure_redis"]

HERE = Path(__file__).resolve().parent
RATE = 20.0
SERVER_BURST = 5
REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"

TARGETS = [
    ("Redis: 4 processes share 20 req/s: achieved / allowed", "0.90-1.00"),
    ("Redis: 429s in that run", "0"),
    ("Redis: token requests by 8 cold processes", "1"),
    ("Redis killed mid-run: calls completed (fail-open)", "all"),
    ("Redis: client CPU per call, RedisLimiter / InProcessLimiter", "report"),
]


# -- helpers ----------------------------------------------------------------------------------


def _ping(url: str) -> bool:
    parts = httpx.URL(url)
    try:
        with socket.create_connection((parts.host, parts.port or 6379), timeout=0.5) as sock:
            sock.sendall(b"*1\r\n$4\r\nPING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def _cleanup(url: str, prefix: str) -> None:
    """Delete this run's keys."""
    import coredis

    async def forget() -> None:
        async with coredis.Redis.from_url(url) as redis:
            keys = [key async for key in redis.scan_iter(match="{" + prefix + ":*", count=500)]
            if keys:
                await redis.delete(keys)

    asyncio.run(forget())


def _ledger(base_url: str) -> dict[str, Any]:
    return dict(httpx.get(base_url + "/sandbox/ledger", timeout=10).json())


def _reset(base_url: str) -> None:
    httpx.post(base_url + "/sandbox/reset", timeout=10).raise_for_status()


def _start_workers(configs: list[dict[str, Any]]) -> list[subprocess.Popen[str]]:
    return [
        subprocess.Popen(
            [sys.executable, str(HERE / "redis_worker.py"), json.dumps(cfg)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for cfg in configs
    ]


def _collect(procs: list[subprocess.Popen[str]], timeout: float = 120) -> list[dict[str, Any]]:
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=timeout)
        if proc.returncode != 0 or not out.strip():
            raise RuntimeError(f"a worker failed ({proc.returncode}): {err.strip()[-400:]}")
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


def _configs(
    n: int, base_url: str, redis_url: str, prefix: str, calls: int, start_in: float, **extra: Any
) -> list[dict[str, Any]]:
    start_at = time.time() + start_in
    return [
        {
            "base_url": base_url,
            "redis_url": redis_url,
            "key_prefix": prefix,
            "calls": calls,
            "rate": RATE,
            "burst": 1,
            "start_at": start_at,
            "backend": "trio" if i % 2 else "asyncio",
            **extra,
        }
        for i in range(n)
    ]


@contextlib.contextmanager
def _private_redis() -> Iterator[tuple[str, Any]]:
    binary = shutil.which("redis-server")
    if binary is None:
        raise RuntimeError("no redis-server binary to run a server that may be killed")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"redis://127.0.0.1:{port}/0"
    command = [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly"]
    command.append("no")
    procs: list[subprocess.Popen[bytes]] = []

    def start() -> None:
        procs.append(subprocess.Popen(command, stdout=subprocess.DEVNULL))
        deadline = time.monotonic() + 10
        while not _ping(url):
            if time.monotonic() > deadline:
                raise RuntimeError(f"redis-server on port {port} did not start")
            time.sleep(0.02)

    def kill() -> None:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()

    start()
    try:
        yield url, (start, kill)
    finally:
        kill()


# -- the measures -------------------------------------------------------------------------------


def shared_rate(base_url: str, redis_url: str, calls_per_worker: int) -> list[Row]:
    _reset(base_url)
    sandbox_config(base_url, {"rateLimit": RATE, "rateBurst": SERVER_BURST})
    prefix = f"bench-{uuid.uuid4().hex[:12]}"
    try:
        results = _collect(
            _start_workers(_configs(4, base_url, redis_url, prefix, calls_per_worker, 4.0))
        )
    finally:
        _cleanup(redis_url, prefix)
    ledger = _ledger(base_url)
    sent = sorted(t for r in results for t in r["sent"])
    total = 4 * calls_per_worker
    achieved = (len(sent) - 1) / (sent[-1] - sent[0])
    ratio = achieved / RATE
    ok = sum(r["statuses"].get("200", 0) for r in results)
    seen_429 = sum(r["statuses"].get("429", 0) for r in results)
    failures = {k: v for r in results for k, v in r["failures"].items()}
    per_worker = [len(r["sent"]) for r in results]
    return [
        Row(
            f"Redis: 4 processes share {RATE:g} req/s, {total} calls: achieved / allowed",
            f"{ratio:.3f} ({achieved:.2f} req/s)",
            "0.90-1.00",
            0.90 <= ratio <= 1.00 and ok == total,
            [
                f"{ok} of {total} calls OK, sends per worker {per_worker}, failures "
                f"{failures or 'none'}; 2 workers on asyncio, 2 on trio; achieved = (sends - 1) "
                "/ (last send - first send) over all workers' send times; sandbox bucket "
                f"{RATE:g}/s burst {SERVER_BURST}; RedisLimiter accounts group {RATE:g}/s burst 1"
            ],
        ),
        Row(
            "Redis: 429s in that run",
            f"{seen_429} (sandbox counted {ledger.get('rateLimited')})",
            "0",
            seen_429 == 0 and ledger.get("rateLimited") == 0,
            ["counted at each worker's transport (so retried 429s count) and by the sandbox"],
        ),
    ]


def cold_tokens(base_url: str, redis_url: str) -> list[Row]:
    _reset(base_url)
    prefix = f"bench-{uuid.uuid4().hex[:12]}"
    try:
        results = _collect(_start_workers(_configs(8, base_url, redis_url, prefix, 1, 4.0)))
    finally:
        _cleanup(redis_url, prefix)
    issued = _ledger(base_url).get("tokensIssued")
    asked = sum(r["token_requests"] for r in results)
    waits = sum(r["store"].get("lock_waits", 0) for r in results)
    ok = sum(r["statuses"].get("200", 0) for r in results)
    return [
        Row(
            "Redis: token requests by 8 cold processes",
            f"{issued} (sent: {asked})",
            "1",
            issued == 1 and asked == 1 and ok == 8,
            [
                f"8 processes start their first call at the same moment; {ok} of 8 calls OK; "
                f"the sandbox issued {issued} token(s); the 7 others polled the lock "
                f"{waits} times in all until the token appeared"
            ],
        )
    ]


_SHARE = re.compile(r"at (\S+) of the allowance")


def redis_killed(base_url: str, calls_per_worker: int) -> list[Row]:
    _reset(base_url)
    sandbox_config(base_url, {"rateLimit": RATE, "rateBurst": SERVER_BURST})
    with _private_redis() as (url, (start, kill)):
        configs = _configs(
            4,
            base_url,
            url,
            "bench",
            calls_per_worker,
            4.0,
            breaker_cooldown=1.0,  # the fallback's share is left automatic, as by default
        )
        procs = _start_workers(configs)
        t0 = configs[0]["start_at"]
        time.sleep(max(0.0, t0 + 2.5 - time.time()))
        kill()
        time.sleep(2.5)
        start()
        results = _collect(procs)
    ledger = _ledger(base_url)
    total = 4 * calls_per_worker
    ok = sum(r["statuses"].get("200", 0) for r in results)
    failures = {k: v for r in results for k, v in r["failures"].items()}
    via_redis = sum(r["limiter"].get("redis", 0) for r in results)
    via_fallback = sum(r["limiter"].get("fallback", 0) for r in results)
    errors = sum(r["limiter"].get("redis_errors", 0) for r in results)
    warnings = [len(r["warnings"]) for r in results]
    seen_429 = sum(r["statuses"].get("429", 0) for r in results)
    shares = sorted({m[1] for r in results for line in r["warnings"] if (m := _SHARE.search(line))})
    return [
        Row(
            "Redis killed mid-run: calls completed (fail-open)",
            f"{ok} / {total}",
            "all",
            ok == total and not failures,
            [
                f"4 workers, {RATE:g} req/s shared; Redis killed 2.5 s in, back 2.5 s later; "
                f"rate permits: {via_redis} from Redis, {via_fallback} from the in-process "
                f"fallback at {' / '.join(shares) or '?'} of the rate each (automatic: the live "
                f"limiters Redis counted); {errors} Redis errors in all (the breaker "
                f"skips Redis for 1 s after each); WARNING lines per worker {warnings} (one "
                f"down, one back); 429s: {seen_429} (sandbox: {ledger.get('rateLimited')}); "
                f"failures: {failures or 'none'}"
            ],
        )
    ]


def cost(redis_url: str, calls: int, n_pairs: int) -> list[Row]:
    from spectrocoin_async import (
        GroupLimits,
        InProcessLimiter,
        Limiter,
        RateLimits,
        RedisLimiter,
        SpectroCoinClient,
    )

    fast = GroupLimits(max_in_flight=1000, rate=1e6, burst=1_000_000)
    limits = RateLimits(default=fast, groups={"accounts": fast}, max_in_flight=1000)
    prefix = f"bench-{uuid.uuid4().hex[:12]}"
    trips: list[float] = []

    async def run(use_redis: bool) -> float:
        async with contextlib.AsyncExitStack() as stack:
            limiter: Limiter
            if use_redis:
                shared = RedisLimiter.from_url(
                    redis_url, client_id="bench", key_prefix=prefix, rate_limits=limits
                )
                limiter = await stack.enter_async_context(shared)
            else:
                limiter = InProcessLimiter(limits)
            sc = await stack.enter_async_context(
                SpectroCoinClient(
                    "bench",
                    "bench-secret",
                    base_url=BASE_URL,
                    transport=httpx.MockTransport(handler),
                    limiter=limiter,
                )
            )
            for _ in range(20):
                await sc.accounts.list_accounts()
            started = time.process_time()

            async def worker(n: int) -> None:
                for _ in range(n):
                    await sc.accounts.list_accounts()

            before = shared.stats["round_trips"] if use_redis else 0
            await asyncio.gather(*(worker(calls // 50) for _ in range(50)))
            spent = (time.process_time() - started) / (calls // 50 * 50)
            if use_redis:
                trips.append((shared.stats["round_trips"] - before) / (calls // 50 * 50))
            return spent

    try:
        result = pairs(n_pairs, lambda: asyncio.run(run(True)), lambda: asyncio.run(run(False)))
    finally:
        _cleanup(redis_url, prefix)
    return [
        Row(
            "Redis: client CPU per call, RedisLimiter / InProcessLimiter",
            f"{result.ratio:.2f} ({result.median_a * 1e6:.0f} vs {result.median_b * 1e6:.0f} µs)",
            "report",
            None,
            [
                f"{calls} GETs, 50 tasks, in-process MockTransport, both limiters pacing the "
                f"group at a rate too high to wait on; {statistics.median(trips):.2f} EVALSHA "
                "round trips per call (one asks for every task queued behind it); "
                f"{result.spread()}; Redis server CPU not included"
            ],
        )
    ]


def measure_redis(quick: bool) -> list[Row]:
    if not _ping(REDIS_URL):
        return [not_measured(m, t, f"no Redis answers at {REDIS_URL}") for m, t in TARGETS]
    rows: list[Row] = []
    with sandbox() as url:
        rows += shared_rate(url, REDIS_URL, 30 if quick else 50)
        rows += cold_tokens(url, REDIS_URL)
        try:
            rows += redis_killed(url, 30 if quick else 40)
        except RuntimeError as exc:
            rows.append(not_measured(TARGETS[3][0], TARGETS[3][1], str(exc)))
    rows += cost(REDIS_URL, 2000 if quick else 5000, 3 if quick else 5)
    return rows
