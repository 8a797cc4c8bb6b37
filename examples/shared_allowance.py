"""A multi-process batch job sharing one rate allowance and one token through Redis.

    python examples/shared_allowance.py [--workers 4] [--calls 40] [--redis-url URL]

It starts the local sandbox with a rate limit of 20 req/s (a 429 for anything faster), then
starts worker processes, each with its own ``SpectroCoinClient`` (half on asyncio, half on
trio). Every worker paces itself with a ``RedisLimiter`` set to the account's 20 req/s and gets
its token from a ``RedisTokenStore``, so together they stay under the limit and log in once.
At the end it prints what the sandbox saw. Needs the ``redis`` and ``sandbox`` extras and a
Redis server (default ``REDIS_URL`` or ``redis://127.0.0.1:6379/0``).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import multiprocessing
import os
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import anyio
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run_demo import start_sandbox, stop

from spectrocoin_async import (
    GroupLimits,
    RateLimits,
    RedisLimiter,
    RedisTokenStore,
    SpectroCoinClient,
    SpectroCoinError,
)
from spectrocoin_async.sandbox import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET

RATE = 20.0  # the account's allowance, enforced by the sandbox and shared by all workers
LIMITS = RateLimits(
    default=GroupLimits(max_in_flight=8, rate=RATE, burst=1),
    groups={**RateLimits().groups, "accounts": GroupLimits(max_in_flight=8, rate=RATE, burst=1)},
)


async def work(index: int, base_url: str, redis_url: str, prefix: str, calls: int) -> str:
    """One worker: ``calls`` balance look-ups, as a reconciliation job would make."""
    failed = 0
    async with (
        RedisLimiter.from_url(
            redis_url,
            client_id=DEFAULT_CLIENT_ID,
            rate_limits=LIMITS,
            key_prefix=prefix,
        ) as limiter,
        RedisTokenStore.from_url(redis_url, client_id=DEFAULT_CLIENT_ID, key_prefix=prefix) as tok,
        SpectroCoinClient(
            DEFAULT_CLIENT_ID,
            DEFAULT_CLIENT_SECRET,
            base_url=base_url,
            limiter=limiter,
            token_store=tok,
        ) as sc,
    ):

        async def one() -> None:
            nonlocal failed
            try:
                await sc.accounts.list_accounts()
            except SpectroCoinError:
                failed += 1

        started = time.monotonic()
        async with anyio.create_task_group() as tg:
            for _ in range(calls):
                tg.start_soon(one)
        took = time.monotonic() - started
    return f"worker {index}: {calls - failed} of {calls} calls OK in {took:.1f} s"


def worker(index: int, base_url: str, redis_url: str, prefix: str, calls: int) -> str:
    backend = "trio" if index % 2 else "asyncio"
    line = anyio.run(work, index, base_url, redis_url, prefix, calls, backend=backend)
    return f"{line} ({backend})"


async def forget(redis_url: str, prefix: str) -> None:
    """Delete this run's keys (the token's would otherwise live on for its lifetime)."""
    import coredis

    async with coredis.Redis.from_url(redis_url) as redis:
        keys = [key async for key in redis.scan_iter(match="{" + prefix + ":*")]
        if keys:
            await redis.delete(keys)


def main(argv: list[str] | None = None) -> int:
    try:
        import coredis  # noqa: F401 - only to say which install is missing
    except ImportError:
        print(
            "shared_allowance.py: needs coredis: pip install 'spectrocoin-async[redis]'",
            file=sys.stderr,
        )
        return 2
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--calls", type=int, default=40, help="calls per worker")
    parser.add_argument(
        "--redis-url", default=os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
    )
    args = parser.parse_args(argv)
    prefix = f"example-{uuid.uuid4().hex[:8]}"  # a fresh allowance for this run
    proc, url = start_sandbox()
    try:
        control = url + "/sandbox"
        httpx.post(control + "/config", json={"rateLimit": RATE, "rateBurst": 5}, timeout=10)
        total = args.workers * args.calls
        print(f"{args.workers} worker processes, {total} calls, one allowance of {RATE:g} req/s")
        started = time.monotonic()
        context = multiprocessing.get_context("spawn")
        with concurrent.futures.ProcessPoolExecutor(args.workers, mp_context=context) as pool:
            jobs = [
                pool.submit(worker, i, url, args.redis_url, prefix, args.calls)
                for i in range(args.workers)
            ]
            for job in jobs:
                print(job.result())
        took = time.monotonic() - started
        ledger: dict[str, Any] = httpx.get(control + "/ledger", timeout=10).json()
    finally:
        stop(proc)
        anyio.run(forget, args.redis_url, prefix)
    print(
        f"the sandbox saw {ledger['requests']} requests in {took:.1f} s, "
        f"{ledger['rateLimited']} rate-limited (429), {ledger['tokensIssued']} token(s) issued"
    )
    return 0 if ledger["rateLimited"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
