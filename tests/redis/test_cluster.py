"""RedisLimiter and RedisTokenStore on a real Redis Cluster (three masters, no replicas, started
by redis_support.py), through ``coredis.RedisCluster``, on asyncio and trio.

Each coredis client stands for one worker process (its own connection pool and cluster layout);
one test runs real worker processes. Each test has its own key prefix, deleted afterwards.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import threading
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from pathlib import Path
from typing import Any

import anyio
import coredis
import pytest

from spectrocoin_async import (
    GroupLimits,
    RateLimits,
    RedisLimiter,
    RedisTokenStore,
    RedisUnavailableError,
)
from spectrocoin_async._redis import _RATE, _tag
from tests.support.redis import (  # noqa: F401
    LocalCluster,
    cluster_prefix_fixture,
    cluster_servers_fixture,
    cold_workers,
    command,
    private_cluster_fixture,
    redis_cluster_fixture,
    token,
)

pytestmark = pytest.mark.anyio

LOGGER = "spectrocoin_async.redis"
WORKER = Path(__file__).resolve().parent / "cluster_worker.py"


def limits(rate: float | None, burst: int = 1) -> RateLimits:
    group = GroupLimits(max_in_flight=50, rate=rate, burst=burst)
    return RateLimits(default=group, groups={"accounts": group}, max_in_flight=200)


@asynccontextmanager
async def cluster_client(cluster: LocalCluster) -> AsyncIterator[coredis.RedisCluster[bytes]]:
    """A coredis cluster client: its own pool and layout, as in one worker process."""
    async with coredis.RedisCluster("127.0.0.1", cluster.ports[0]) as redis:
        yield redis


def accounts_by_node(cluster: LocalCluster, prefix: str) -> dict[int, str]:
    """A client id per node (port) whose keys that node serves."""
    found: dict[int, str] = {}
    for i in range(200):
        client_id = f"acct-{i}"
        found.setdefault(cluster.node_of(_tag(prefix, client_id)), client_id)
        if len(found) == len(cluster.ports):
            return found
    raise AssertionError(f"no account on some node: {found}")


async def permits_within(limiter: RedisLimiter, tasks: int, seconds: float) -> int:
    """Permits ``tasks`` tasks take from ``limiter`` in ``seconds``, each asking again and again."""
    granted = 0

    async def task() -> None:
        nonlocal granted
        with anyio.move_on_after(seconds):
            while True:
                async with limiter.slot("accounts"):
                    granted += 1

    async with anyio.create_task_group() as tg:
        for _ in range(tasks):
            tg.start_soon(task)
    return granted


async def both(a: RedisLimiter, b: RedisLimiter, *, tasks: int, seconds: float) -> list[int]:
    """``permits_within`` of two limiters at the same time."""
    counts: list[int] = []

    async def run(limiter: RedisLimiter) -> None:
        counts.append(await permits_within(limiter, tasks, seconds))

    async with anyio.create_task_group() as tg:
        tg.start_soon(run, a)
        tg.start_soon(run, b)
    return counts


async def take(limiters: list[RedisLimiter], *, tasks: int, total: int) -> list[int]:
    """``tasks`` tasks per limiter take permits, asking again and again, until ``total`` are
    granted in all; the permits of each limiter. Counted, not timed: a busy machine only makes it
    take longer."""
    counts = [0] * len(limiters)
    async with anyio.create_task_group() as tg:

        async def task(index: int) -> None:
            while True:
                async with limiters[index].slot("accounts"):
                    counts[index] += 1
                    if sum(counts) >= total:
                        tg.cancel_scope.cancel()

        for index in range(len(limiters)):
            for _ in range(tasks):
                tg.start_soon(task, index)
    return counts


def warnings_of(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == LOGGER]


# -- the rate ------------------------------------------------------------------------------


async def test_two_clients_share_one_burst_exactly(
    redis_cluster: LocalCluster, cluster_prefix: str
) -> None:
    # One permit per 100 s: in half a second nothing refills, so the burst is all there is.
    async with cluster_client(redis_cluster) as one, cluster_client(redis_cluster) as two:
        a, b = (
            RedisLimiter(r, client_id="c", key_prefix=cluster_prefix, rate_limits=limits(0.01, 6))
            for r in (one, two)
        )
        counts = await take([a, b], tasks=5, total=6)
        # Nothing more: the next permit is 100 s away.
        assert await permits_within(a, 2, 0.2) + await permits_within(b, 2, 0.2) == 0
    assert sum(counts) == 6, counts
    assert a.stats["redis"] + b.stats["redis"] == 6
    assert a.stats["fallback"] + b.stats["fallback"] == 0
    assert a.stats["redis_errors"] + b.stats["redis_errors"] == 0


async def test_two_clients_keep_to_one_rate(
    redis_cluster: LocalCluster, cluster_prefix: str
) -> None:
    """10/s with a burst of 3: 7 permits take two clients at least 0.4 s on Redis' own clock (3
    at once, then one each 0.1 s), never less, and Redis' own record agrees: its theoretical
    arrival time moved by one interval per permit, at least. (Lower bounds only: a busy machine
    can only make it slower.)"""
    async with cluster_client(redis_cluster) as one, cluster_client(redis_cluster) as two:
        a, b = (
            RedisLimiter(r, client_id="c", key_prefix=cluster_prefix, rate_limits=limits(10, 3))
            for r in (one, two)
        )
        for limiter in (a, b):  # each pool's connection to the account's node, before the clock
            async with limiter.slot("warm-up"):
                pass
        node = redis_cluster.url(redis_cluster.node_of(a.rate_key("accounts")))
        seconds, micros = command(node, "TIME")
        start = int(seconds) * 1_000_000 + int(micros)
        counts = await take([a, b], tasks=4, total=7)
        seconds, micros = command(node, "TIME")
        end = int(seconds) * 1_000_000 + int(micros)
        tat = int(command(node, "GET", a.rate_key("accounts")))
    assert sum(counts) == 7, counts
    assert end - start >= 4 * 100_000 - 1_000, end - start  # Redis' TIME has microseconds
    assert tat - start >= 7 * 100_000 - 1_000, tat - start
    assert a.stats["redis"] + b.stats["redis"] == 2 + 7  # a warm-up each, then the 7


def test_worker_processes_share_one_allowance(
    redis_cluster: LocalCluster, cluster_prefix: str
) -> None:
    """Three OS processes (asyncio, trio, asyncio), four tasks each, one allowance of 2/s with a
    burst of 5, for 1.25 s from a common go: 5 at once, then one at 0.5 s and one at 1 s (250 ms
    to spare either side), to whichever worker asks first; nobody falls back."""
    workers = [
        subprocess.Popen(
            [sys.executable, str(WORKER), json.dumps(cfg)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for cfg in (
            {
                "port": redis_cluster.ports[0],
                "client_id": "c",
                "key_prefix": cluster_prefix,
                "rate": 2.0,
                "burst": 5,
                "tasks": 4,
                "window": 1.25,
                "backend": backend,
            }
            for backend in ("asyncio", "trio", "asyncio")
        )
    ]

    # A worker stuck before it says ready must not hang the suite.
    def kill_all() -> None:
        for worker in workers:
            worker.kill()

    watchdog = threading.Timer(60, kill_all)
    watchdog.start()
    try:
        for worker in workers:
            assert worker.stdout is not None
            line = worker.stdout.readline()
            assert line == "ready\n", (line, worker.communicate(timeout=10)[1][-2000:])
        for worker in workers:
            assert worker.stdin is not None
            worker.stdin.write("go\n")
            worker.stdin.flush()
        results = []
        for worker in workers:
            out, err = worker.communicate(timeout=30)
            assert worker.returncode == 0, err[-2000:]
            results.append(json.loads(out))
    finally:
        watchdog.cancel()
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
                worker.wait()
    assert sum(r["granted"] for r in results) == 7, results
    assert sum(r["stats"].get("redis", 0) for r in results) == 7, results
    assert all(r["stats"].get("fallback", 0) == 0 for r in results), results
    assert all(r["stats"].get("redis_errors", 0) == 0 for r in results), results


# -- the 429 pause --------------------------------------------------------------------------


async def test_a_pause_set_through_one_client_holds_back_the_other(
    redis_cluster: LocalCluster, cluster_prefix: str
) -> None:
    async with cluster_client(redis_cluster) as one, cluster_client(redis_cluster) as two:
        common: dict[str, Any] = {"client_id": "c", "key_prefix": cluster_prefix}
        a = RedisLimiter(one, rate_limits=limits(100, 5), **common)
        b = RedisLimiter(two, rate_limits=limits(100, 5), **common)
        unrated = RedisLimiter(two, rate_limits=limits(None), **common)
        # Long enough that the checks below all run inside it, however busy the machine.
        await a.pause("accounts", 2.0)
        node = redis_cluster.url(redis_cluster.node_of(a.pause_key("accounts")))
        assert 0 < command(node, "PTTL", a.pause_key("accounts")) <= 2000
        for limiter in (b, unrated):  # rated or not, nobody gets through while it lasts
            with anyio.move_on_after(0.15):
                async with limiter.slot("accounts"):
                    pytest.fail("a slot during the shared pause")
        async with b.slot("accounts") as waited:  # the rest of it
            # Granted only once the pause is over: its key is gone.
            assert command(node, "PTTL", a.pause_key("accounts")) == -2
        assert waited > 0
        assert b.stats["redis"] == 1 and b.stats["fallback"] == 0
        assert b.stats["redis_errors"] == unrated.stats["redis_errors"] == 0


# -- the token ------------------------------------------------------------------------------


async def test_eight_cold_workers_on_two_clients_fetch_one_token(
    redis_cluster: LocalCluster, cluster_prefix: str
) -> None:
    async with cluster_client(redis_cluster) as one, cluster_client(redis_cluster) as two:
        stores = [
            RedisTokenStore(r, client_id="c", key_prefix=cluster_prefix) for r in [one, two] * 4
        ]
        fetches, got = await cold_workers(stores)
        node = redis_cluster.url(redis_cluster.node_of(stores[0].token_key))
        assert command(node, "HGET", stores[0].token_key, "access_token") == b"tok-1"
        assert command(node, "EXISTS", stores[0].lock_key) == 0  # released
    assert fetches == 1
    assert got == ["tok-1"] * 8
    assert sum(s.stats["lock_acquired"] for s in stores) == 1
    assert sum(s.stats["redis_errors"] for s in stores) == 0


async def test_discard_deletes_only_the_token_that_failed(
    redis_cluster: LocalCluster, cluster_prefix: str
) -> None:
    async with cluster_client(redis_cluster) as one, cluster_client(redis_cluster) as two:
        a = RedisTokenStore(one, client_id="c", key_prefix=cluster_prefix)
        b = RedisTokenStore(two, client_id="c", key_prefix=cluster_prefix)
        node = redis_cluster.url(redis_cluster.node_of(a.token_key))
        await a.save(token("tok-1"))
        await b.discard("tok-0")  # an older token failed: the new one stays
        assert command(node, "HGET", a.token_key, "access_token") == b"tok-1"
        await b.save(token("tok-2"))  # b already replaced it...
        await a.discard("tok-1")  # ...when a's 401 for tok-1 comes in
        assert command(node, "HGET", a.token_key, "access_token") == b"tok-2"
        await a.discard("tok-2")
        assert command(node, "EXISTS", a.token_key) == 0
        await b.discard("tok-2")
        assert await b.load() is None
        assert a.stats["redis_errors"] == b.stats["redis_errors"] == 0


# -- slots and nodes ------------------------------------------------------------------------


async def test_each_account_keeps_every_key_in_one_slot_and_accounts_spread(
    redis_cluster: LocalCluster, cluster_prefix: str
) -> None:
    accounts = accounts_by_node(redis_cluster, cluster_prefix)
    slots: dict[str, int] = {}
    async with cluster_client(redis_cluster) as redis:
        for port, client_id in accounts.items():
            common: dict[str, Any] = {"client_id": client_id, "key_prefix": cluster_prefix}
            limiter = RedisLimiter(redis, rate_limits=limits(0.01, 2), **common)
            store = RedisTokenStore(redis, **common)
            for _ in range(2):
                async with limiter.slot("accounts"):
                    pass
            await limiter.pause("exports", 60)
            await store.save(token(f"tok-{client_id}"))
            async with store.fetch_lock():  # the lock key exists while it is held
                keys = [
                    limiter.rate_key("accounts"),
                    limiter.pause_key("exports"),
                    store.token_key,
                    store.lock_key,
                ]
                assert {redis_cluster.keyslot(k) for k in keys} == {
                    redis_cluster.keyslot(_tag(cluster_prefix, client_id))
                }
                # Each key is where the slot says, on the node itself (no redirection).
                assert [command(redis_cluster.url(port), "EXISTS", k) for k in keys] == [1] * 4
            slots[client_id] = redis_cluster.keyslot(keys[0])
            assert limiter.stats["redis"] == 2 and limiter.stats["redis_errors"] == 0
            assert store.stats["redis_errors"] == 0
    assert len(set(slots.values())) == 3  # three accounts, three slots on three nodes


async def test_a_slot_moved_to_another_node_keeps_its_state(
    redis_cluster: LocalCluster, cluster_prefix: str
) -> None:
    """Resharding while idle: the account's slot and keys move to a node whose script cache is
    empty; the client follows the MOVED reply, the script is loaded there, and the exhausted
    burst stays exhausted."""
    async with cluster_client(redis_cluster) as redis:
        limiter = RedisLimiter(
            redis, client_id="c", key_prefix=cluster_prefix, rate_limits=limits(0.01, 2)
        )
        store = RedisTokenStore(redis, client_id="c", key_prefix=cluster_prefix)
        assert await permits_within(limiter, 3, 0.2) == 2
        await store.save(token("tok-1"))
        slot = redis_cluster.keyslot(limiter.rate_key("accounts"))
        source = redis_cluster.owner(slot)
        target = next(port for port in redis_cluster.ports if port != source)
        command(redis_cluster.url(target), "SCRIPT", "FLUSH")
        move_slot(redis_cluster, slot, source, target)

        assert await permits_within(limiter, 3, 0.2) == 0  # the state came along
        other = RedisTokenStore(redis, client_id="c", key_prefix=cluster_prefix)
        loaded = await other.load()
        assert loaded is not None and loaded.access_token == "tok-1"
        target_url = redis_cluster.url(target)
        assert command(target_url, "EXISTS", limiter.rate_key("accounts")) == 1
        assert command(target_url, "SCRIPT", "EXISTS", _RATE.sha) == [1]
        assert limiter.stats["redis"] == 2 and limiter.stats["fallback"] == 0
        assert limiter.stats["redis_errors"] == other.stats["redis_errors"] == 0


def move_slot(cluster: LocalCluster, slot: int, source: int, target: int) -> None:
    """The steps of ``redis-cli --cluster reshard`` for one slot."""
    start_moving(cluster, slot, source, target)
    finish_moving(cluster, slot, target)


def start_moving(cluster: LocalCluster, slot: int, source: int, target: int) -> None:
    """``slot`` half moved: its keys on ``target``, which does not own it yet."""
    ids = cluster.node_ids()
    source_url, target_url = cluster.url(source), cluster.url(target)
    command(target_url, "CLUSTER", "SETSLOT", slot, "IMPORTING", ids[source])
    command(source_url, "CLUSTER", "SETSLOT", slot, "MIGRATING", ids[target])
    keys = command(source_url, "CLUSTER", "GETKEYSINSLOT", slot, 1000)
    if keys:
        command(source_url, "MIGRATE", "127.0.0.1", target, "", 0, 5000, "KEYS", *keys)


def finish_moving(cluster: LocalCluster, slot: int, target: int) -> None:
    target_id = cluster.node_ids()[target]
    for port in cluster.ports:
        command(cluster.url(port), "CLUSTER", "SETSLOT", slot, "NODE", target_id)
    assert cluster.owner(slot) == target


async def test_while_its_slot_is_half_moved_an_account_falls_back_then_comes_back(
    redis_cluster: LocalCluster, cluster_prefix: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Resharding while running, as it is: the rate script reads two keys (rate and pause, the
    pause one absent), and a cluster answers TRYAGAIN to a multi-key call while their slot is
    being moved. The limiter falls back as for any outage (one WARNING), and after its breaker's
    cooldown finds the moved slot and the state that came with it."""
    caplog.set_level(logging.WARNING, logger=LOGGER)
    async with cluster_client(redis_cluster) as redis:
        limiter = RedisLimiter(
            redis,
            client_id="c",
            key_prefix=cluster_prefix,
            rate_limits=limits(0.01, 2),
            fallback_share=0.5,
            breaker_cooldown=0.3,
        )
        for _ in range(2):  # the burst; the next permit is 100 s away
            async with limiter.slot("accounts"):
                pass
        slot = redis_cluster.keyslot(limiter.rate_key("accounts"))
        source = redis_cluster.owner(slot)
        target = next(port for port in redis_cluster.ports if port != source)
        start_moving(redis_cluster, slot, source, target)
        try:
            # A bound for a broken build only: it is the timeout at most, then the fallback's burst.
            with anyio.fail_after(30):
                async with limiter.slot("accounts"):
                    pass
            assert limiter.stats["redis_errors"] == 1 and limiter.stats["fallback"] == 1
        finally:
            finish_moving(redis_cluster, slot, target)
        await anyio.sleep(0.3)  # the breaker's cooldown
        assert await permits_within(limiter, 3, 0.2) == 0  # Redis again: the burst is spent
        assert limiter.stats["redis"] == 2 and limiter.stats["redis_errors"] == 1
    logged = warnings_of(caplog)
    assert len(logged) == 2, logged
    # TRYAGAIN, or coredis' retries of it used up; on a busy machine the 0.5 s timeout may come
    # first: an outage all the same.
    assert any(why in logged[0] for why in ("TRYAGAIN", "retries exhausted", "TimeoutError"))
    assert "answers again" in logged[1], logged


# -- set-up mistakes and outages ------------------------------------------------------------


async def test_a_cluster_client_nobody_entered_is_a_typed_error(
    redis_cluster: LocalCluster, cluster_prefix: str, caplog: pytest.LogCaptureFixture
) -> None:
    """A RedisCluster that was never entered has no layout: a set-up mistake, reported as such,
    never an outage to fail open through (it would go on at a quarter of the rate, silently
    and for good)."""
    caplog.set_level(logging.WARNING, logger=LOGGER)
    redis: coredis.RedisCluster[bytes] = coredis.RedisCluster("127.0.0.1", redis_cluster.ports[0])
    common: dict[str, Any] = {"client_id": "c", "key_prefix": cluster_prefix}
    limiter = RedisLimiter(redis, rate_limits=limits(10), **common)
    unrated = RedisLimiter(redis, rate_limits=limits(None), **common)
    store = RedisTokenStore(redis, **common)
    calls = {
        "slot": lambda: limiter.slot("accounts").__aenter__(),
        "unrated slot": lambda: unrated.slot("accounts").__aenter__(),
        "pause": lambda: limiter.pause("exports", 1.0),  # not the group used below
        "load": store.load,
    }
    for name, call in calls.items():
        with pytest.raises(
            RedisUnavailableError, match=r"must be entered \(`async with client:`\)"
        ):
            await call()
        assert limiter.stats["fallback"] == 0, name
    assert warnings_of(caplog) == []
    async with redis:
        async with limiter.slot("accounts"):
            pass
    assert limiter.stats["redis"] == 1
    with pytest.raises(RedisUnavailableError, match="must be entered"):  # closed again
        await store.load()


async def test_a_dead_node_fails_open_for_its_accounts_and_closed_when_asked(
    private_cluster: LocalCluster, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger=LOGGER)
    accounts = accounts_by_node(private_cluster, "sc")
    dead, alive = private_cluster.ports[-1], private_cluster.ports[0]
    async with AsyncExitStack() as stack:
        redis = await stack.enter_async_context(cluster_client(private_cluster))

        def limiter(port: int, fail_closed: bool = False) -> RedisLimiter:
            return RedisLimiter(
                redis,
                client_id=accounts[port],
                rate_limits=limits(100, 5),
                fail_closed=fail_closed,
            )

        doomed, spared, strict = limiter(dead), limiter(alive), limiter(dead, fail_closed=True)
        store = RedisTokenStore(redis, client_id=accounts[dead])
        strict_store = RedisTokenStore(redis, client_id=accounts[dead], fail_closed=True)
        for each in (doomed, spared, strict):
            async with each.slot("accounts"):
                pass
        await store.save(token("tok-1"))

        private_cluster.kill(dead)
        # The other nodes take 2 s (cluster-node-timeout) to call the cluster down; until then
        # the accounts they serve go on through Redis.
        async with spared.slot("accounts"):
            pass
        assert spared.stats["redis"] == 2 and spared.stats["redis_errors"] == 0
        for _ in range(3):
            async with doomed.slot("accounts"):
                pass
        assert (doomed.stats["redis"], doomed.stats["fallback"]) == (1, 3)
        assert doomed.stats["redis_errors"] == 1  # then the breaker skips Redis
        with pytest.raises(RedisUnavailableError, match="fail_closed=True"):
            async with strict.slot("accounts"):
                pass
        with pytest.raises(RedisUnavailableError, match="fail_closed=True"):
            await strict_store.load()
        loaded = await store.load()  # its own copy is fresh: no Redis needed
        assert loaded is not None and loaded.access_token == "tok-1"
        assert store.stats["redis_errors"] == 0
    logged = warnings_of(caplog)
    assert len(logged) == 3, logged  # once per limiter or store that met the dead node
    assert all("did not answer" in line for line in logged), logged
    assert sum("rate limits fall back" in line for line in logged) == 1, logged
    # The fail_closed limiter and store say that calls raise, not that they fall back.
    assert sum("calls raise RedisUnavailableError (fail_closed=True)" in x for x in logged) == 2
