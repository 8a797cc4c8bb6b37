"""The fallback while Redis is away: the fleet, counted as a whole, stays within the account's
rate and burst from the first request of the outage on (issue 17, item 12).

No Redis server: a client that refuses every call at once stands for one that went away, and
the limiters run on a fake clock (virtual time, concurrent sleepers overlapping as in real time),
so the counts are exact.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import anyio
import pytest

from spectrocoin_async import GroupLimits, RateLimits, RedisLimiter
from tests.support.fakes import FakeClock

pytestmark = pytest.mark.anyio


class GoneRedis:
    """A Redis that refuses every command the limiter sends, at once: no socket, no real time."""

    connection_pool = None

    async def evalsha(self, *args: Any, **kwargs: Any) -> Any:
        raise ConnectionRefusedError(111, "Connection refused")

    eval = pttl = zrem = evalsha


async def fleet_during_an_outage(
    group: str, limits: GroupLimits, processes: int, *, until: float, workers: int = 3
) -> list[float]:
    """``processes`` limiters of one account, counted by Redis before it went away, each with
    ``workers`` tasks taking permits of ``group`` as fast as they are let; the virtual time of
    every permit, from the start of the outage."""
    clock = FakeClock()
    rate_limits = RateLimits(
        default=GroupLimits(), groups={group: attrs_copy(limits)}, max_in_flight=1000
    )
    fleet = []
    for _ in range(processes):
        limiter = RedisLimiter(
            GoneRedis(),
            client_id="fleet",
            rate_limits=rate_limits,
            clock=clock,
            sleep=clock.sleep,
            breaker_cooldown=10_000,
        )
        limiter.live_processes = processes  # as Redis counted them before it went away
        fleet.append(limiter)
    sent: list[float] = []

    async def work(limiter: RedisLimiter) -> None:
        while clock.now < until:
            async with limiter.slot(group):
                sent.append(clock.now)

    async with anyio.create_task_group() as tg:
        for limiter in fleet:
            for _ in range(workers):
                tg.start_soon(work, limiter)
    assert all(limiter.stats["fallback"] == len(sent) // processes for limiter in fleet)
    return sent


def attrs_copy(limits: GroupLimits) -> GroupLimits:
    return GroupLimits(max_in_flight=100, rate=limits.rate, burst=limits.burst)


def assert_within_the_allowance(sent: list[float], limits: GroupLimits) -> None:
    """At every moment, at most ``burst + rate * t`` permits since the outage began."""
    assert limits.rate is not None
    times = sorted(sent)
    for count, t in enumerate(times, start=1):
        assert count <= limits.burst + limits.rate * t + 1e-9, (count, t)


@pytest.mark.parametrize(
    ("group", "limits", "processes", "until", "schedule"),
    [
        # The numbers: 30 processes sent 30 accounts requests in the first 0.3 s where
        # the account allows 13 (burst 10 + 10/s); each now holds 1/3 of a request and gains
        # 1/3 a second, so all 30 send at 2 s, 5 s, 8 s: 30 at 2 s is exactly 10 + 10 * 2.
        ("accounts", GroupLimits(rate=10.0, burst=10), 30, 9.0, {2.0: 30, 5.0: 30, 8.0: 30}),
        # 4 exports processes sent 4 where 2.3 were allowed (burst 2 + 1/s for 0.3 s); each now
        # holds half a request and gains a quarter a second: 4 at 2 s (2 + 1 * 2), 4 at 6 s.
        ("exports", GroupLimits(rate=1.0, burst=2), 4, 9.0, {2.0: 4, 6.0: 4}),
        # Fewer processes than the burst: each starts with 2.5 requests of it, so 2 each at
        # once (8 of the 10), then one every 0.4 s per process (10 + 10 * t, never more).
        ("accounts", GroupLimits(rate=10.0, burst=10), 4, 0.5, {0.0: 8, 0.2: 4}),
    ],
    ids=["30-processes", "4-exports-processes", "4-processes"],
)
async def test_the_fleets_fallback_stays_within_the_accounts_rate_and_burst(
    group: str,
    limits: GroupLimits,
    processes: int,
    until: float,
    schedule: dict[float, int],
) -> None:
    sent = await fleet_during_an_outage(group, limits, processes, until=until)
    assert_within_the_allowance(sent, limits)
    assert Counter(round(t, 9) for t in sent if t < until) == schedule
    assert not [t for t in sent if t < 0.3 and processes > limits.burst]  # none in 0.3 s


@pytest.mark.parametrize(
    ("share", "processes", "bucket"),
    [
        (1.0, 3, (40 / 3, 4.0)),
        (1.0, 30, (40 / 30, 12 / 30)),
        (0.25, 1, (10.0, 3.0)),  # the default share, before Redis counted the processes
        (0.1, 1, (4.0, 1.2000000000000002)),
    ],
)
def test_each_process_takes_its_share_of_rate_and_burst_with_the_fractions(
    share: float, processes: int, bucket: tuple[float, float]
) -> None:
    from spectrocoin_async._redis.fallback import FallbackLimiter

    limits = RateLimits(default=GroupLimits(max_in_flight=5, rate=40.0, burst=12), groups={})
    fallback = FallbackLimiter(limits, share, processes, clock=FakeClock(), sleep=anyio.sleep)
    assert fallback.bucket("accounts") == bucket
    assert fallback.bucket("exports") == (1.0 * share / processes, 2 * share / processes)
    # The in-flight caps stay with RedisLimiter's own in-process limiter: none here.
    assert fallback.limits.for_group("accounts").max_in_flight == 1 << 30
