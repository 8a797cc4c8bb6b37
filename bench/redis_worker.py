"""One worker process of the Redis measures (``redis_shared.py`` starts several of these).

    python bench/redis_worker.py '<json config>'

Each worker is its own OS process with its own ``SpectroCoinClient``, ``RedisLimiter`` and
``RedisTokenStore``. It waits for the common start time, makes its calls against the sandbox,
and prints one JSON line: the send time and status of every API request (token requests
counted apart), the limiter's and store's counters and the warnings the Redis layer logged.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import anyio
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sandbox_proc import CLIENT_ID, CLIENT_SECRET

from spectrocoin_async import (
    GroupLimits,
    RateLimits,
    RedisLimiter,
    RedisTokenStore,
    SpectroCoinClient,
)


class TimingTransport(httpx.AsyncBaseTransport):
    """Records when each API request left and what came back."""

    def __init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.sent: list[float] = []
        self.statuses: Counter[int] = Counter()
        self.token_requests = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth/token"):
            self.token_requests += 1
            return await self.inner.handle_async_request(request)
        self.sent.append(time.time())
        response = await self.inner.handle_async_request(request)
        self.statuses[response.status_code] += 1
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()


class Count(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


async def run(cfg: dict[str, Any]) -> dict[str, Any]:
    group = GroupLimits(max_in_flight=50, rate=cfg["rate"], burst=cfg["burst"])
    base = RateLimits()
    limits = RateLimits(
        default=base.default, groups={**base.groups, "accounts": group}, max_in_flight=100
    )
    transport = TimingTransport()
    common = {"client_id": CLIENT_ID, "key_prefix": cfg["key_prefix"]}
    failures: Counter[str] = Counter()
    async with (
        RedisLimiter.from_url(
            cfg["redis_url"],
            rate_limits=limits,
            fallback_share=cfg.get("fallback_share"),  # None: automatic, 1 / live limiters
            breaker_cooldown=cfg.get("breaker_cooldown", 5.0),
            **common,
        ) as limiter,
        RedisTokenStore.from_url(cfg["redis_url"], **common) as store,
        SpectroCoinClient(
            CLIENT_ID,
            CLIENT_SECRET,
            base_url=cfg["base_url"],
            transport=transport,
            limiter=limiter,
            token_store=store,
        ) as sc,
    ):
        await anyio.sleep(max(0.0, cfg["start_at"] - time.time()))

        async def call() -> None:
            try:
                await sc.accounts.list_accounts()
            except Exception as exc:
                failures[type(exc).__name__] += 1

        async with anyio.create_task_group() as tg:
            for _ in range(cfg["calls"]):
                tg.start_soon(call)
        finished = time.time()
    return {
        "sent": transport.sent,
        "statuses": dict(transport.statuses),
        "token_requests": transport.token_requests,
        "failures": dict(failures),
        "finished": finished,
        "limiter": dict(limiter.stats),
        "store": dict(store.stats),
    }


def main() -> None:
    cfg = json.loads(sys.argv[1])
    handler = Count()
    logging.getLogger("spectrocoin_async.redis").addHandler(handler)
    result = anyio.run(run, cfg, backend=cfg.get("backend", "asyncio"))
    result["warnings"] = handler.lines
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
