"""RedisLimiter against a real Redis server, on asyncio and trio (spectrocoin_async._redis.limiter).

Each test has its own key prefix (so its own keys), deleted afterwards."""

from __future__ import annotations

import math
import time
import uuid
from collections.abc import Callable
from typing import Any

import anyio
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spectrocoin_async import (
    GroupLimits,
    RateLimits,
    RedisLimiter,
    RedisUnavailableError,
)
from spectrocoin_async._redis import _RATE
from tests.redis.support import (
    CLIENT,
    LOADED_TIMEOUT,
    limits,
    make_limiter_fixture,  # noqa: F401
    record_sleeps,
    warm,
)
from tests.support.redis import (  # noqa: F401
    cold_workers,
    command,
    delete_prefix,
    key_prefix_fixture,
    redis_server_fixture,
    redis_url_fixture,
    token,
)

pytestmark = pytest.mark.anyio


async def test_burst_then_paced_on_redis_time(
    make_limiter: Callable[..., RedisLimiter],
    redis_url: str,
) -> None:
    async with make_limiter(rate_limits=limits(rate=10, burst=3)) as limiter:
        await warm(limiter)
        sleeps: list[float] = []
        real_sleep = limiter._sleep

        async def sleep(seconds: float) -> None:
            sleeps.append(seconds)
            await real_sleep(seconds)

        limiter._sleep = sleep
        now_s, now_us = command(redis_url, "TIME")
        start = int(now_s) * 1_000_000 + int(now_us)
        for _ in range(3):
            async with limiter.slot("accounts"):
                pass
        assert sleeps == []  # the burst: granted at the first ask, no wait
        for _ in range(2):
            async with limiter.slot("accounts"):
                pass
        now_s, now_us = command(redis_url, "TIME")
        # Two more at 10/s after an empty bucket: at least 0.1 s apart on Redis' own clock (a
        # lower bound: a busy machine only makes it later).
        assert int(now_s) * 1_000_000 + int(now_us) - start >= 200_000 - 1_000
        assert limiter.stats["redis"] == 6
        ttl = command(redis_url, "PTTL", limiter.rate_key("accounts"))
        assert 0 < ttl <= 500  # the key lives only as long as it matters (TAT - now)


async def test_two_limiters_share_one_allowance(
    make_limiter: Callable[..., RedisLimiter],
) -> None:
    """Two limiters stand for two processes: together they keep to one rate."""
    rate, calls = 40.0, 40
    async with (
        make_limiter(rate_limits=limits(rate=rate, burst=1)) as a,
        make_limiter(rate_limits=limits(rate=rate, burst=1)) as b,
    ):
        sent: list[float] = []

        async def call(limiter: RedisLimiter) -> None:
            async with limiter.slot("accounts"):
                sent.append(time.monotonic())

        start = time.monotonic()
        async with anyio.create_task_group() as tg:
            for i in range(calls):
                tg.start_soon(call, a if i % 2 else b)
        elapsed = time.monotonic() - start
    assert len(sent) == calls
    minimum = (calls - 1) / rate
    assert elapsed >= minimum * 0.97, elapsed  # never faster than the one allowance
    # ...and it does use it: every permit came from Redis, from both (counted, not timed).
    assert a.stats["redis"] + b.stats["redis"] == calls
    assert a.stats["redis"] > 5 and b.stats["redis"] > 5


async def test_queued_tasks_share_round_trips_within_the_burst(
    make_limiter: Callable[..., RedisLimiter],
) -> None:
    """Ten tasks of one process at once, burst 10: one poller asks for the permits of everyone
    queued behind it, in a couple of round trips, not ten."""
    async with make_limiter(rate_limits=limits(rate=100, burst=10)) as limiter:
        await warm(limiter)
        sleeps = record_sleeps(limiter)
        entered = 0

        async def call() -> None:
            nonlocal entered
            async with limiter.slot("accounts"):
                entered += 1

        async with anyio.create_task_group() as tg:
            for _ in range(10):
                tg.start_soon(call)
        assert entered == 10 and sleeps == []  # all within the burst: nobody waited
        assert limiter.stats["redis"] == 11  # the warm-up's too
        assert limiter.stats["round_trips"] <= 4


async def test_a_permit_whose_taker_left_during_the_round_trip_goes_back(
    make_limiter: Callable[..., RedisLimiter], redis_url: str
) -> None:
    """B asks Redis for itself and C, and C leaves (its deadline) while the answer is on its
    way. C's permit is given back: Redis ends holding A's and B's only. Driven by events: A's
    round trip is held until B and C queue behind it, B's until C has left."""
    async with make_limiter(rate_limits=limits(rate=2, burst=5)) as limiter:
        run = limiter._run
        rounds = 0
        asking = [anyio.Event(), anyio.Event()]  # A's, then B's round trip is on its way
        answer = [anyio.Event(), anyio.Event()]  # let it come back

        async def held(op: Any) -> Any:
            nonlocal rounds
            rounds += 1
            if rounds <= 2:  # A's, B's (for B and C); then C's refund goes through
                asking[rounds - 1].set()
                await answer[rounds - 1].wait()
            return await run(op)

        async with limiter.slot("warm-up"):  # the pool's first connection
            pass
        limiter._run = held  # type: ignore[method-assign]
        entered: list[str] = []

        async def call(name: str, scope: anyio.CancelScope) -> None:
            with scope:
                async with limiter.slot("accounts"):
                    entered.append(name)

        c_scope = anyio.CancelScope()
        async with anyio.create_task_group() as tg:
            tg.start_soon(call, "A", anyio.CancelScope())
            await asking[0].wait()
            tg.start_soon(call, "B", anyio.CancelScope())
            tg.start_soon(call, "C", c_scope)
            await anyio.wait_all_tasks_blocked()  # B and C queue behind A's round trip
            answer[0].set()
            await asking[1].wait()  # A has its permit; B asks for B and C
            after_a = int(command(redis_url, "GET", limiter.rate_key("accounts")))
            c_scope.cancel()  # C leaves while the answer is on its way
            await anyio.wait_all_tasks_blocked()
            answer[1].set()
        assert entered == ["A", "B"]
        assert limiter.stats["refunded"] == 1
        tat = int(command(redis_url, "GET", limiter.rate_key("accounts")))
        # B's and C's permits moved Redis' arrival time two intervals on, C's refund one back.
        assert tat - after_a == 500_000, tat - after_a


async def test_accounts_and_groups_do_not_share(make_limiter: Callable[..., RedisLimiter]) -> None:
    async with (
        make_limiter(rate_limits=limits(rate=1, burst=1)) as a,
        make_limiter(client_id="client-2", rate_limits=limits(rate=1, burst=1)) as b,
    ):
        await warm(a, b)
        # Each takes its own burst of one: granted at the first ask, one round trip each, where
        # a shared bucket would answer "wait" and need a second (counted, not timed).
        for limiter, group in ((a, "accounts"), (b, "accounts"), (a, "wallets")):
            before = limiter.stats["round_trips"]
            async with limiter.slot(group):
                pass
            assert limiter.stats["round_trips"] == before + 1


async def test_group_without_rate_takes_no_permit_but_honours_a_shared_pause(
    make_limiter: Callable[..., RedisLimiter],
    redis_url: str,
) -> None:
    async with (
        make_limiter(rate_limits=limits(rate=None)) as a,
        make_limiter(rate_limits=limits(rate=None)) as b,
    ):
        await warm(a, b)
        sleeps = record_sleeps(a)
        for _ in range(3):
            async with a.slot("accounts"):
                pass
        assert sleeps == []  # no rate: nothing to wait for
        assert a.stats["redis"] == 0
        assert command(redis_url, "EXISTS", a.rate_key("accounts")) == 0
        await b.pause("accounts", 0.3)
        async with a.slot("accounts") as waited:
            # Only once the pause is over (its key is gone), after waiting for it.
            assert command(redis_url, "PTTL", a.pause_key("accounts")) == -2
        assert sleeps and waited > 0


async def test_in_flight_cap_stays_per_process(make_limiter: Callable[..., RedisLimiter]) -> None:
    async with make_limiter(rate_limits=limits(rate=None, max_in_flight=2)) as limiter:
        inside = peak = 0

        async def call() -> None:
            nonlocal inside, peak
            async with limiter.slot("accounts"):
                inside += 1
                peak = max(peak, inside)
                await anyio.sleep(0.02)
                inside -= 1

        async with anyio.create_task_group() as tg:
            for _ in range(6):
                tg.start_soon(call)
        assert peak == 2


async def test_pause_in_one_worker_holds_back_every_worker(
    make_limiter: Callable[..., RedisLimiter],
    redis_url: str,
) -> None:
    async with (
        make_limiter(rate_limits=limits(rate=100, burst=5)) as a,
        make_limiter(rate_limits=limits(rate=100, burst=5)) as b,
    ):
        # Long enough for the checks below to run inside it, however busy the machine.
        await a.pause("accounts", 2.0)
        assert 0 < command(redis_url, "PTTL", a.pause_key("accounts")) <= 2000
        # A shorter pause never cuts a longer one short.
        await b.pause("accounts", 0.05)
        assert command(redis_url, "PTTL", a.pause_key("accounts")) > 50
        async with b.slot("accounts") as waited:
            # Only once the pause is over: its key is gone.
            assert command(redis_url, "PTTL", a.pause_key("accounts")) == -2
        assert waited > 0
        # Other groups are not paused.
        sleeps = record_sleeps(b)
        async with b.slot("wallets"):
            pass
        assert sleeps == []


async def test_cancelled_waiters_spend_nothing(
    make_limiter: Callable[..., RedisLimiter],
    redis_url: str,
) -> None:
    """20 callers give up while waiting at 2 req/s; the allowance they never used is still
    there: the next call waits one interval, not ten seconds."""
    async with make_limiter(rate_limits=limits(rate=2, burst=1)) as limiter:
        async with limiter.slot("accounts"):
            pass
        gave_up = 0

        async def impatient() -> None:
            nonlocal gave_up
            with anyio.move_on_after(0.05) as scope:
                async with limiter.slot("accounts"):
                    raise AssertionError("no permit should be free within 50 ms")
            gave_up += scope.cancelled_caught

        async with anyio.create_task_group() as tg:
            for _ in range(20):
                tg.start_soon(impatient)
        assert gave_up == 20
        tat = int(command(redis_url, "GET", limiter.rate_key("accounts")))
        now_s, now_us = command(redis_url, "TIME")
        now = int(now_s) * 1_000_000 + int(now_us)
        assert tat - now <= 500_000  # at most the one permit taken above
        async with limiter.slot("accounts") as waited:
            assert waited <= 0.55, waited
        assert limiter.stats["redis"] == 2


async def test_slot_of_an_unopened_limiter_is_a_typed_error(
    make_limiter: Callable[..., RedisLimiter],
) -> None:
    limiter = make_limiter(rate_limits=limits(rate=10))
    with pytest.raises(RedisUnavailableError, match="RedisLimiter is not open: enter it with"):
        async with limiter.slot("accounts"):
            pass


async def test_the_body_s_own_exception_comes_out_unchanged(
    make_limiter: Callable[..., RedisLimiter],
) -> None:
    # coredis' task group would wrap it in an ExceptionGroup if the limiter handed it on.
    with pytest.raises(KeyError, match="mine"):
        async with make_limiter(rate_limits=limits(rate=10)):
            raise KeyError("mine")


class TokenBucket:
    """The reference: a plain token bucket of ``burst`` tokens refilled at ``rate``."""

    def __init__(self, rate: float, burst: int) -> None:
        self.interval = 1_000_000 / rate
        self.burst = float(burst)
        self.tokens = float(burst)
        self.last: float | None = None

    def level(self, now: float) -> float:
        if self.last is None:
            return self.tokens
        return min(self.burst, self.tokens + (now - self.last) / self.interval)

    def take(self, now: float, wanted: int) -> tuple[int, float, float]:
        """(granted, retry-after µs, tokens left)."""
        tokens = self.level(now)
        self.last = now
        granted = min(wanted, math.floor(tokens))
        self.tokens = tokens - granted
        retry = 0.0 if granted else (1 - tokens) * self.interval
        return granted, retry, self.tokens


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    rate=st.integers(min_value=50, max_value=400),
    burst=st.integers(min_value=1, max_value=5),
    steps=st.lists(
        st.tuples(st.floats(min_value=0.0, max_value=2.5), st.integers(min_value=1, max_value=4)),
        min_size=1,
        max_size=14,
    ),
)
def test_gcra_script_agrees_with_a_token_bucket(
    redis_url: str,
    backend: str,
    rate: int,
    burst: int,
    steps: list[tuple[float, int]],
) -> None:
    """Every answer of the Lua script (permits granted out of those wanted, retry-after,
    remaining), replayed on the times Redis itself reported, matches a token bucket; answers
    within 10 µs of a boundary are not judged."""
    import coredis

    prefix = f"t-{uuid.uuid4().hex[:16]}"
    keys = ["{" + prefix + ":c}:rate:g", "{" + prefix + ":c}:pause:g", "{" + prefix + ":c}:live"]
    model = TokenBucket(rate, burst)
    interval = 1_000_000 / rate
    tolerance = 10 / interval  # 10 µs, in tokens

    async def scenario() -> int:
        judged = 0
        async with coredis.Redis.from_url(redis_url) as redis:
            for gap, wanted in steps:
                await anyio.sleep(gap * interval / 1_000_000)
                granted, retry_us, remaining, now, live = await _RATE(
                    redis, keys, [f"{interval:.3f}", burst, wanted]
                )
                assert live == 0  # no announcement asked for, none counted
                level = model.level(now)
                expected, expected_retry, left = model.take(now, wanted)
                if abs(level - round(level)) < tolerance:
                    model.tokens = level - granted  # follow the script across the boundary
                    continue
                judged += 1
                assert granted == expected, (level, wanted, granted)
                assert abs(retry_us - expected_retry) <= 10, (retry_us, expected_retry)
                if abs(left - round(left)) > tolerance:
                    assert remaining == math.floor(left), (remaining, left)
        return judged

    try:
        anyio.run(scenario, backend=backend)
    finally:
        delete_prefix(redis_url, "{" + prefix + ":*")


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    deadlines=st.lists(
        st.one_of(st.none(), st.floats(min_value=0.0, max_value=0.35)), min_size=1, max_size=6
    )
)
def test_cancelled_waiters_never_leak_a_permit(
    redis_url: str, backend: str, deadlines: list[float | None]
) -> None:
    """Callers start at once at 10 req/s (burst 3), some with a deadline that may expire while
    they wait. Afterwards Redis holds exactly one permit per caller that got through: its
    theoretical arrival time is the start plus that many intervals (a leaked permit would add a
    whole 100 ms interval, a lost one take it away)."""
    prefix = f"t-{uuid.uuid4().hex[:16]}"
    entered = granted = refunded = 0
    interval_us = 100_000

    async def scenario() -> int:
        nonlocal entered
        limiter = RedisLimiter.from_url(
            redis_url,
            client_id=CLIENT,
            key_prefix=prefix,
            rate_limits=limits(rate=10, burst=3),
            timeout=LOADED_TIMEOUT,
        )
        async with limiter:
            async with limiter.slot("warm-up"):  # the pool's first connection, before the clock
                pass
            now_s, now_us = command(redis_url, "TIME")
            start = int(now_s) * 1_000_000 + int(now_us)

            async def caller(deadline: float | None) -> None:
                nonlocal entered
                with anyio.move_on_after(deadline if deadline is not None else math.inf):
                    async with limiter.slot("accounts"):
                        entered += 1

            async with anyio.create_task_group() as tg:
                for deadline in deadlines:
                    tg.start_soon(caller, deadline)
            tat = command(redis_url, "GET", limiter.rate_key("accounts"))
        nonlocal granted, refunded
        granted = limiter.stats["redis"] - 1  # the warm-up's is not a caller's
        refunded = limiter.stats["refunded"]
        assert limiter.stats["fallback"] == 0
        return (int(tat) if tat is not None else start) - start

    try:
        advance = anyio.run(scenario, backend=backend)
    finally:
        delete_prefix(redis_url, "{" + prefix + ":*")
    # None lost: Redis' arrival time moved at least one interval per caller that got through
    # (a busy machine can only move it further), and every permit used was a caller's.
    assert advance >= entered * interval_us - 20_000, (advance, entered, deadlines)
    assert granted == entered, (granted, refunded, entered)
    assert entered >= sum(d is None for d in deadlines)


@pytest.mark.parametrize("rate", [100.0, None])
async def test_a_paused_group_holds_no_global_slot_the_others_need(
    make_limiter: Callable[..., RedisLimiter], redis_url: str, rate: float | None
) -> None:
    # As in one process: tasks waiting out a shared pause (or the shared rate) hold their
    # group's in-flight slots, never the global ones every other group needs.
    group = GroupLimits(max_in_flight=50, rate=rate, burst=5)
    limits = RateLimits(default=group, groups={"accounts": group}, max_in_flight=2)
    async with (
        make_limiter(rate_limits=limits) as limiter,
        make_limiter(rate_limits=limits) as other_worker,
    ):
        await warm(limiter)
        await other_worker.pause("accounts", 5.0)
        entered = 0

        async def paused_call() -> None:
            nonlocal entered
            async with limiter.slot("accounts"):
                entered += 1

        async with anyio.create_task_group() as tg:
            for _ in range(2):
                tg.start_soon(paused_call)
            await anyio.sleep(0.1)  # both are waiting on the pause now
            with anyio.fail_after(2):
                async with limiter.slot("wallets"):
                    # Obtained while the pause still runs: nobody waited for it to end.
                    assert command(redis_url, "PTTL", limiter.pause_key("accounts")) > 2000
            tg.cancel_scope.cancel()
        assert entered == 0
        # The global cap still holds, over every group.
        inside = peak = 0

        async def call(name: str) -> None:
            nonlocal inside, peak
            async with limiter.slot(name):
                inside += 1
                peak = max(peak, inside)
                await anyio.sleep(0.02)
                inside -= 1

        async with anyio.create_task_group() as tg:
            for name in ("wallets", "orders", "rates") * 2:
                tg.start_soon(call, name)
        assert peak == 2


async def test_a_permit_taken_while_waiting_for_a_global_slot_goes_back_when_cancelled(
    make_limiter: Callable[..., RedisLimiter], redis_url: str
) -> None:
    group = GroupLimits(max_in_flight=5, rate=2, burst=1)
    limits = RateLimits(default=group, groups={"accounts": group}, max_in_flight=1)
    async with make_limiter(rate_limits=limits) as limiter:
        await warm(limiter)
        async with limiter.slot("wallets"):  # holds the one global slot (wallets' own key)
            with anyio.move_on_after(0.2) as scope:
                async with limiter.slot("accounts"):
                    raise AssertionError("the global slot is taken")
            assert scope.cancelled_caught
            assert limiter.stats["redis"] == 3  # warm-up, wallets, accounts: all took a permit
        # The accounts permit was given back: its key is gone (the one permit was the burst).
        assert command(redis_url, "EXISTS", limiter.rate_key("accounts")) == 0
        assert limiter.stats["refunded"] == 1
