"""The automatic fallback share: each RedisLimiter announces itself in the account's live set
every few seconds (inside the rate script), learns how many limiters share the allowance, and on
a Redis outage goes on alone at exactly 1/N of every rate. On a real Redis (and one test on the
local cluster), on asyncio and trio.

The limiters' clock is a fake one the tests move, so that "every 5 s" takes no time; Redis' own
clock (``TIME``) scores the members, so a stale one is written with an old score directly.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager

import coredis
import pytest

from spectrocoin_async import GroupLimits, RateLimits, RedisLimiter
from spectrocoin_async._redis import LIVENESS_WINDOW
from tests.support.redis import (  # noqa: F401
    LocalCluster,
    PrivateRedis,
    SteppingClock,
    cluster_prefix_fixture,
    cluster_servers_fixture,
    command,
    key_prefix_fixture,
    limiter_on,
    private_redis_fixture,
    redis_cluster_fixture,
    redis_server_fixture,
    redis_url_fixture,
)

pytestmark = pytest.mark.anyio

CLIENT = "client-1"
LOGGER = "spectrocoin_async.redis"
RATE, BURST = 40.0, 12


def limits(rate: float = RATE, burst: int = BURST) -> RateLimits:
    group = GroupLimits(max_in_flight=50, rate=rate, burst=burst)
    return RateLimits(default=group, groups={"accounts": group}, max_in_flight=200)


async def one_call(*limiters: RedisLimiter) -> None:
    for limiter in limiters:
        async with limiter.slot("accounts"):
            pass


@asynccontextmanager
async def limiters_on(
    url: str, count: int, clock: SteppingClock, **kwargs: object
) -> AsyncIterator[list[RedisLimiter]]:
    """``count`` limiters of one account, each with its own pool (as in its own process)."""
    async with AsyncExitStack() as stack:
        opened = []
        for _ in range(count):
            limiter = limiter_on(url, clock, **{"rate_limits": limits(), **kwargs})
            opened.append(await stack.enter_async_context(limiter))
        yield opened


def warnings_of(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == LOGGER]


def members(url: str, key: str) -> list[bytes]:
    return list(command(url, "ZRANGE", key, 0, -1))


# -- counting -------------------------------------------------------------------------------


async def test_each_limiter_learns_how_many_share_the_account(
    redis_url: str, key_prefix: str
) -> None:
    clock = SteppingClock()
    async with limiters_on(redis_url, 4, clock, client_id=CLIENT, key_prefix=key_prefix) as ls:
        assert [limiter.live_processes for limiter in ls] == [None] * 4
        for limiter in ls:  # each announces with its first call: it counts those before it
            await one_call(limiter)
        assert [limiter.live_processes for limiter in ls] == [1, 2, 3, 4]
        key = ls[0].live_key
        assert key == "{" + key_prefix + ":client-1}:live"
        assert len(members(redis_url, key)) == 4
        assert 0 < command(redis_url, "TTL", key) <= LIVENESS_WINDOW  # an idle account: gone
        clock.now += 5.0
        await one_call(*ls)
        assert [limiter.live_processes for limiter in ls] == [4, 4, 4, 4]
    # Each left on the way out; the set went with its last member.
    assert command(redis_url, "EXISTS", key) == 0


async def test_a_limiter_announces_at_most_once_every_five_seconds(
    redis_url: str, key_prefix: str
) -> None:
    clock = SteppingClock()
    roomy = limits(rate=1000, burst=50)  # 21 calls that never wait (a wait moves the clock)
    async with limiters_on(
        redis_url, 1, clock, client_id=CLIENT, key_prefix=key_prefix, rate_limits=roomy
    ) as ls:
        (limiter,) = ls
        await one_call(limiter)
        (member,) = members(redis_url, limiter.live_key)
        # Redis' clock does not move 5 s here: an old score tells whether it was written again.
        old = int(command(redis_url, "TIME")[0]) - 20
        command(redis_url, "ZADD", limiter.live_key, old, member)
        clock.now += 4.999
        for _ in range(20):
            await one_call(limiter)
        assert int(command(redis_url, "ZSCORE", limiter.live_key, member)) == old  # not yet
        assert limiter.stats["round_trips"] == 21
        clock.now += 0.001
        await one_call(limiter)
        assert int(command(redis_url, "ZSCORE", limiter.live_key, member)) > old
        assert members(redis_url, limiter.live_key) == [member]


async def test_a_closed_limiter_leaves_the_count(redis_url: str, key_prefix: str) -> None:
    clock = SteppingClock()
    async with limiters_on(redis_url, 3, clock, client_id=CLIENT, key_prefix=key_prefix) as ls:
        await one_call(*ls)
        clock.now += 5.0
        await one_call(*ls)
        assert [limiter.live_processes for limiter in ls] == [3, 3, 3]
        *staying, leaving = ls  # the last entered: pools are closed in the reverse order
        await leaving.__aexit__(None, None, None)
        assert len(members(redis_url, leaving.live_key)) == 2  # at once, not after the window
        await one_call(*staying)  # no announcement due, but every answer carries the count
        assert [limiter.live_processes for limiter in staying] == [2, 2]


async def test_a_fleet_that_starts_together_learns_its_size_at_once(
    redis_url: str, key_prefix: str
) -> None:
    clock = SteppingClock()
    async with limiters_on(redis_url, 3, clock, client_id=CLIENT, key_prefix=key_prefix) as ls:
        await one_call(*ls)  # each announces with its first call: the first saw only itself
        assert [limiter.live_processes for limiter in ls] == [1, 2, 3]
        await one_call(*ls)  # no announcement due (the clock has not moved)
        assert [limiter.live_processes for limiter in ls] == [3, 3, 3]
        assert all(limiter.stats["round_trips"] == 2 for limiter in ls)


async def test_a_member_older_than_the_window_is_pruned(redis_url: str, key_prefix: str) -> None:
    clock = SteppingClock()
    async with limiters_on(redis_url, 1, clock, client_id=CLIENT, key_prefix=key_prefix) as ls:
        (limiter,) = ls
        await one_call(limiter)
        assert limiter.live_processes == 1
        now = int(command(redis_url, "TIME")[0])
        # A worker killed 31 s ago (it never left), and one last seen 20 s ago.
        command(redis_url, "ZADD", limiter.live_key, now - LIVENESS_WINDOW - 1, "killed")
        command(redis_url, "ZADD", limiter.live_key, now - 20, "quiet")
        clock.now += 5.0
        await one_call(limiter)
        assert limiter.live_processes == 2
        assert command(redis_url, "ZSCORE", limiter.live_key, "killed") is None
        assert command(redis_url, "ZSCORE", limiter.live_key, "quiet") is not None


# -- the share on fallback ------------------------------------------------------------------


async def test_on_fallback_each_limiter_takes_exactly_its_share(
    private_redis: PrivateRedis, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger=LOGGER)
    clock = SteppingClock()
    async with limiters_on(private_redis.url, 3, clock, client_id=CLIENT) as ls:
        await one_call(*ls)
        clock.now += 5.0
        await one_call(*ls)
        private_redis.kill()
        await one_call(*ls)
        assert [limiter.stats["fallback"] for limiter in ls] == [1, 1, 1]
        for limiter in ls:
            assert limiter._fallback.bucket("accounts") == (RATE / 3, BURST / 3)
        # Counted in permits: after the burst of 4 (one spent above), 13.33/s on the clock.
        (first, *_) = ls
        start = clock.now
        for _ in range(3 + 40):
            await one_call(first)
        assert clock.now - start == pytest.approx(40 / (RATE / 3), abs=1e-9)
    logged = warnings_of(caplog)
    assert len(logged) == 3
    assert all(
        "rate limits fall back to this process' own limiter at 1/3 of the allowance: "
        "3 processes seen in the last 30 s, and Redis is skipped for 1000 s" in line
        for line in logged
    ), logged


async def test_alone_it_falls_back_to_the_whole_allowance(
    private_redis: PrivateRedis, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger=LOGGER)
    clock = SteppingClock()
    async with limiters_on(private_redis.url, 1, clock, client_id=CLIENT) as (limiter,):
        await one_call(limiter)
        private_redis.kill()
        await one_call(limiter)
        assert limiter._fallback.bucket("accounts") == (RATE, BURST)
    (logged,) = warnings_of(caplog)
    assert "own limiter at 1/1 of the allowance: 1 process seen in the last 30 s," in logged


async def test_before_any_count_the_share_is_a_quarter(
    private_redis: PrivateRedis, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger=LOGGER)
    clock = SteppingClock()
    private_redis.kill()
    async with limiters_on(private_redis.url, 1, clock, client_id=CLIENT) as (limiter,):
        await one_call(limiter)
        assert limiter.live_processes is None
        assert limiter._fallback.bucket("accounts") == (RATE * 0.25, BURST * 0.25)
    (logged,) = warnings_of(caplog)
    assert (
        "own limiter at 0.25 of the allowance: the default, as Redis has not counted the "
        "processes yet," in logged
    )


async def test_the_count_is_the_one_before_the_outage_that_opened_the_breaker(
    private_redis: PrivateRedis,
) -> None:
    """A count learned after one outage serves the next: 2, then 3 once a third one joins."""
    clock = SteppingClock()
    async with limiters_on(private_redis.url, 3, clock, client_id=CLIENT) as ls:
        a, b, c = ls
        await one_call(a, b)
        clock.now += 5.0
        await one_call(a)
        private_redis.kill()
        await one_call(a)
        assert a._fallback.bucket("accounts") == (RATE / 2, BURST / 2)
        private_redis.start()  # empty: everyone announces again as Redis answers
        clock.now += 1000.0  # the breaker's cooldown
        await one_call(a, b, c)
        clock.now += 5.0
        await one_call(a)
        assert a.live_processes == 3
        private_redis.kill()
        await one_call(a)
        assert a._fallback.bucket("accounts") == (RATE / 3, BURST / 3)


async def test_an_explicit_share_is_kept_whatever_the_count(
    private_redis: PrivateRedis, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger=LOGGER)
    clock = SteppingClock()
    async with limiters_on(private_redis.url, 4, clock, client_id=CLIENT, fallback_share=0.5) as ls:
        await one_call(*ls)
        clock.now += 5.0
        await one_call(*ls)
        assert [limiter.live_processes for limiter in ls] == [4, 4, 4, 4]  # counted all the same
        private_redis.kill()
        await one_call(*ls)
        for limiter in ls:
            assert limiter._fallback.bucket("accounts") == (RATE * 0.5, BURST * 0.5)
    logged = warnings_of(caplog)
    assert len(logged) == 4
    assert all(
        line.endswith(
            "rate limits fall back to this process' own limiter at 0.5 of the allowance, and "
            "Redis is skipped for 1000 s before it is tried again"
        )
        for line in logged
    ), logged


async def test_leaving_with_redis_down_neither_raises_nor_logs(
    private_redis: PrivateRedis, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger=LOGGER)
    clock = SteppingClock()
    limiter = limiter_on(
        private_redis.url, clock, client_id=CLIENT, fail_closed=True, rate_limits=limits()
    )
    async with limiter:
        await one_call(limiter)
        private_redis.kill()
    assert limiter.stats["redis_errors"] == 0
    assert warnings_of(caplog) == []


# -- Redis Cluster --------------------------------------------------------------------------


async def test_on_a_cluster_the_live_set_shares_the_accounts_slot(
    redis_cluster: LocalCluster, cluster_prefix: str
) -> None:
    clock = SteppingClock()
    async with AsyncExitStack() as stack:
        ls = []
        for _ in range(3):  # each client stands for one worker process
            redis = await stack.enter_async_context(
                coredis.RedisCluster("127.0.0.1", redis_cluster.ports[0])
            )
            ls.append(
                await stack.enter_async_context(
                    RedisLimiter(
                        redis,
                        client_id="c",
                        key_prefix=cluster_prefix,
                        rate_limits=limits(),
                        clock=clock,
                    )
                )
            )
        key = ls[0].live_key
        assert redis_cluster.keyslot(key) == redis_cluster.keyslot(ls[0].rate_key("accounts"))
        await one_call(*ls)
        clock.now += 5.0
        await one_call(*ls)
        assert [limiter.live_processes for limiter in ls] == [3, 3, 3]
        await ls[0].__aexit__(None, None, None)
        clock.now += 5.0
        await one_call(*ls[1:])
        assert [limiter.live_processes for limiter in ls[1:]] == [2, 2]
        node = redis_cluster.url(redis_cluster.node_of(key))
        assert len(members(node, key)) == 2
        assert all(limiter.stats["redis_errors"] == 0 for limiter in ls)


async def test_a_live_set_lost_without_an_error_is_rebuilt_by_the_next_answers(
    redis_url: str, key_prefix: str
) -> None:
    """The set can go while every limiter keeps answering (evicted under maxmemory, a restart
    that a pooled reconnect hides). Whoever announces first then counts 1; the others, with no
    announcement due, must not take that 1 for the fleet: each one is put back as it asks."""
    clocks = [SteppingClock(), SteppingClock()]
    async with AsyncExitStack() as stack:
        a, b = [
            await stack.enter_async_context(
                limiter_on(
                    redis_url, clock, client_id=CLIENT, key_prefix=key_prefix, rate_limits=limits()
                )
            )
            for clock in clocks
        ]
        await one_call(a, b, a)
        assert [a.live_processes, b.live_processes] == [2, 2]
        command(redis_url, "DEL", a.live_key)
        clocks[0].now += 5.0  # a's announcement is due, b's is not
        await one_call(a)
        assert a.live_processes == 1  # all it can see yet
        await one_call(b)
        assert b.live_processes == 2  # not 1: b was missing, and is back
        await one_call(a)
        assert a.live_processes == 2
        assert len(members(redis_url, a.live_key)) == 2
        assert 0 < command(redis_url, "TTL", a.live_key) <= LIVENESS_WINDOW
