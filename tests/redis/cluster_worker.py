"""One worker process of ``test_redis_cluster.py``: a RedisLimiter on a RedisCluster client of its
own, taking permits for ``window`` seconds from the moment the test says go.

    python tests/redis/cluster_worker.py '<json config>'

Prints ``ready`` once its connections are open, waits for a line on stdin, then prints one JSON
line: the permits its tasks got and the limiter's counters.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import anyio
import coredis

from spectrocoin_async import GroupLimits, RateLimits, RedisLimiter


async def run(cfg: dict[str, Any]) -> dict[str, Any]:
    group = GroupLimits(max_in_flight=50, rate=cfg["rate"], burst=cfg["burst"])
    unrated = GroupLimits(max_in_flight=50, rate=None)
    limits = RateLimits(default=unrated, groups={"accounts": group}, max_in_flight=100)
    granted = 0

    async def task(limiter: RedisLimiter) -> None:
        nonlocal granted
        with anyio.move_on_after(cfg["window"]):
            while True:
                async with limiter.slot("accounts"):
                    granted += 1

    async with coredis.RedisCluster("127.0.0.1", cfg["port"]) as redis:
        limiter = RedisLimiter(
            redis, client_id=cfg["client_id"], key_prefix=cfg["key_prefix"], rate_limits=limits
        )
        async with limiter.slot("warm-up"):  # no rate: one PTTL opens the connection
            pass
        print("ready", flush=True)
        await anyio.to_thread.run_sync(sys.stdin.readline)
        async with anyio.create_task_group() as tg:
            for _ in range(cfg["tasks"]):
                tg.start_soon(task, limiter)
    return {"granted": granted, "stats": dict(limiter.stats)}


def main() -> None:
    cfg = json.loads(sys.argv[1])
    print(json.dumps(anyio.run(run, cfg, backend=cfg["backend"])), flush=True)


if __name__ == "__main__":
    main()
