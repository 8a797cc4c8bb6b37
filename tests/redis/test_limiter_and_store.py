"""RedisLimiter and RedisTokenStore against a real Redis server, on asyncio and trio.

Each test has its own key prefix (so its own keys), deleted afterwards; see redis_support.py.
"""

from __future__ import annotations

import contextlib
import logging
import math
import subprocess
import sys
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
    MissingExtraError,
    RateLimits,
    RedisLimiter,
    RedisTokenStore,
    RedisUnavailableError,
    SpectroCoinError,
    ValidationError,
)
from spectrocoin_async._redis import _RATE
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

CLIENT = "client-1"


def limits(rate: float | None, burst: int = 1, max_in_flight: int = 50) -> RateLimits:
    group = GroupLimits(max_in_flight=max_in_flight, rate=rate, burst=burst)
    return RateLimits(default=group, groups={"accounts": group}, max_in_flight=200)


async def warm(*limiters: RedisLimiter) -> None:
    """Open each pool's first connection, so that timings measure the limiter, not a connect."""
    for limiter in limiters:
        async with limiter.slot("warm-up"):
            pass


@pytest.fixture
def make_limiter(redis_url: str, key_prefix: str) -> Callable[..., RedisLimiter]:
    def make(**kwargs: object) -> RedisLimiter:
        kwargs.setdefault("client_id", CLIENT)
        kwargs.setdefault("key_prefix", key_prefix)
        return RedisLimiter.from_url(redis_url, **kwargs)  # type: ignore[arg-type]

    return make


@pytest.fixture
def make_store(redis_url: str, key_prefix: str) -> Callable[..., RedisTokenStore]:
    def make(**kwargs: object) -> RedisTokenStore:
        kwargs.setdefault("client_id", CLIENT)
        kwargs.setdefault("key_prefix", key_prefix)
        return RedisTokenStore.from_url(redis_url, **kwargs)  # type: ignore[arg-type]

    return make


# -- keys -----------------------------------------------------------------------------------


def crc16(data: bytes) -> int:
    """CRC16-CCITT (XModem), the Redis Cluster key hash."""
    crc = 0
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


def cluster_slot(key: str) -> int:
    raw = key.encode()
    start = raw.find(b"{")
    if start >= 0:
        end = raw.find(b"}", start + 1)
        if end > start + 1:
            raw = raw[start + 1 : end]
    return crc16(raw) % 16384


def test_crc16_matches_the_cluster_spec() -> None:
    # The Redis Cluster specification's own check value.
    assert crc16(b"123456789") == 0x31C3


async def test_every_key_of_one_account_has_one_hash_tag_and_one_slot(
    make_limiter: Callable[..., RedisLimiter], make_store: Callable[..., RedisTokenStore]
) -> None:
    limiter = make_limiter(client_id="acct {x}", key_prefix="sc")
    store = make_store(client_id="acct {x}", key_prefix="sc")
    keys = [
        limiter.rate_key("accounts"),
        limiter.rate_key("exports"),
        limiter.pause_key("accounts"),
        store.token_key,
        store.lock_key,
    ]
    assert keys[0] == "{sc:acct%20%7Bx%7D}:rate:accounts"
    assert store.token_key == "{sc:acct%20%7Bx%7D}:token"
    assert len({cluster_slot(k) for k in keys}) == 1
    other = make_limiter(client_id="acct-2", key_prefix="sc")
    assert other.rate_key("accounts") != keys[0]


# -- the shared rate ------------------------------------------------------------------------


async def test_burst_then_paced_on_redis_time(
    make_limiter: Callable[..., RedisLimiter],
    redis_url: str,
) -> None:
    async with make_limiter(rate_limits=limits(rate=10, burst=3)) as limiter:
        await warm(limiter)
        waits = []
        for _ in range(5):
            async with limiter.slot("accounts") as waited:
                waits.append(waited)
        assert all(w < 0.05 for w in waits[:3]), waits
        # Two more at 10/s after an empty bucket: the 4th about 0.1 s later, the 5th 0.1 s after.
        assert 0.06 < waits[3] < 0.2, waits
        assert 0.06 < waits[4] < 0.2, waits
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
    assert elapsed <= minimum * 2.0, elapsed  # and it does use it (slack for a busy machine)
    assert a.stats["redis"] + b.stats["redis"] == calls
    assert a.stats["redis"] > 5 and b.stats["redis"] > 5


async def test_queued_tasks_share_round_trips_within_the_burst(
    make_limiter: Callable[..., RedisLimiter],
) -> None:
    """Ten tasks of one process at once, burst 10: one poller asks for the permits of everyone
    queued behind it, in a couple of round trips, not ten."""
    async with make_limiter(rate_limits=limits(rate=100, burst=10)) as limiter:
        await warm(limiter)
        waits: list[float] = []

        async def call() -> None:
            async with limiter.slot("accounts") as waited:
                waits.append(waited)

        async with anyio.create_task_group() as tg:
            for _ in range(10):
                tg.start_soon(call)
        assert len(waits) == 10 and max(waits) < 0.05, waits
        assert limiter.stats["redis"] == 11  # the warm-up's too
        assert limiter.stats["round_trips"] <= 4


async def test_a_permit_whose_taker_left_during_the_round_trip_goes_back(
    make_limiter: Callable[..., RedisLimiter], redis_url: str
) -> None:
    """A slow Redis (100 ms a call): B asks for itself and C, and C's deadline passes while the
    answer is on its way. C's permit is given back: Redis ends holding A's and B's only."""
    async with make_limiter(rate_limits=limits(rate=2, burst=5)) as limiter:
        run = limiter._run

        async def slow(op: Any) -> Any:
            await anyio.sleep(0.1)
            return await run(op)

        async with limiter.slot("warm-up"):  # the pool's first connection, before the clock
            pass
        limiter._run = slow  # type: ignore[method-assign]
        now_s, now_us = command(redis_url, "TIME")
        start = int(now_s) * 1_000_000 + int(now_us)
        entered: list[str] = []

        async def call(name: str, deadline: float) -> None:
            with anyio.move_on_after(deadline):
                async with limiter.slot("accounts"):
                    entered.append(name)

        async with anyio.create_task_group() as tg:
            tg.start_soon(call, "A", 5)
            await anyio.sleep(0.02)
            tg.start_soon(call, "B", 5)
            tg.start_soon(call, "C", 0.15)
        assert entered == ["A", "B"]
        assert limiter.stats["refunded"] == 1
        tat = int(command(redis_url, "GET", limiter.rate_key("accounts")))
        # A's permit at ~0.1 s, then B's and C's at ~0.2 s, C's given back: two intervals on.
        assert abs(tat - start - 0.1e6 - 2 * 500_000) < 100_000, tat - start


async def test_accounts_and_groups_do_not_share(make_limiter: Callable[..., RedisLimiter]) -> None:
    async with (
        make_limiter(rate_limits=limits(rate=1, burst=1)) as a,
        make_limiter(client_id="client-2", rate_limits=limits(rate=1, burst=1)) as b,
    ):
        await warm(a, b)
        for limiter, group in ((a, "accounts"), (b, "accounts"), (a, "wallets")):
            with anyio.fail_after(0.5):
                async with limiter.slot(group) as waited:
                    assert waited < 0.1


async def test_group_without_rate_takes_no_permit_but_honours_a_shared_pause(
    make_limiter: Callable[..., RedisLimiter],
    redis_url: str,
) -> None:
    async with (
        make_limiter(rate_limits=limits(rate=None)) as a,
        make_limiter(rate_limits=limits(rate=None)) as b,
    ):
        await warm(a, b)
        for _ in range(3):
            async with a.slot("accounts") as waited:
                assert waited < 0.05
        assert a.stats["redis"] == 0
        assert command(redis_url, "EXISTS", a.rate_key("accounts")) == 0
        await b.pause("accounts", 0.3)
        async with a.slot("accounts") as waited:
            assert 0.2 < waited < 0.5, waited


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
        await a.pause("accounts", 0.4)
        assert 300 < command(redis_url, "PTTL", a.pause_key("accounts")) <= 400
        # A shorter pause never cuts a longer one short.
        await b.pause("accounts", 0.05)
        assert command(redis_url, "PTTL", a.pause_key("accounts")) > 300
        async with b.slot("accounts") as waited:
            assert 0.3 < waited < 0.6, waited
        # Other groups are not paused.
        async with b.slot("wallets") as waited:
            assert waited < 0.05


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


# -- GCRA against a reference model ---------------------------------------------------------


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


# -- the shared token -----------------------------------------------------------------------


async def test_a_saved_token_is_shared_with_a_ttl_of_lifetime_minus_margin(
    make_store: Callable[..., RedisTokenStore],
    redis_url: str,
) -> None:
    async with make_store() as a, make_store() as b:
        assert await b.load() is None
        await a.save(token("tok-1", lifetime=600))
        loaded = await b.load()
        assert loaded is not None and loaded.access_token == "tok-1"
        assert loaded.lifetime == 600
        # Margin min(60, 600/10) = 60 s: the key lives 540 s.
        ttl = command(redis_url, "PTTL", a.token_key)
        assert 538_000 < ttl <= 540_000
        # The fresh copy is used as it is: no second round trip.
        assert await b.load() is loaded
        assert b.stats["shared_loads"] == 1


async def test_eight_cold_workers_fetch_one_token(
    make_store: Callable[..., RedisTokenStore],
) -> None:
    async with contextlib.AsyncExitStack() as stack:
        stores = [await stack.enter_async_context(make_store()) for _ in range(8)]
        fetches, got = await cold_workers(stores)
    assert fetches == 1
    assert got == ["tok-1"] * 8


async def test_a_stale_lock_expires_and_the_waiter_fetches(
    make_store: Callable[..., RedisTokenStore],
    redis_url: str,
) -> None:
    async with make_store(lock_timeout=0.3) as store:
        # A worker that took the lock and died.
        assert command(redis_url, "SET", store.lock_key, "dead", "PX", 300, "NX") == "OK"
        start = time.monotonic()
        async with store.fetch_lock():
            waited = time.monotonic() - start
            assert command(redis_url, "GET", store.lock_key) not in (None, b"dead")
        assert 0.2 < waited < 0.8, waited
        assert store.stats["lock_acquired"] == 1
        assert command(redis_url, "EXISTS", store.lock_key) == 0  # released on exit


async def test_discard_deletes_only_the_token_that_failed(
    make_store: Callable[..., RedisTokenStore],
    redis_url: str,
) -> None:
    async with make_store() as a, make_store() as b:
        await a.save(token("tok-1"))
        await b.discard("tok-0")  # an older token failed: the new one stays
        assert command(redis_url, "HGET", a.token_key, "access_token") == b"tok-1"
        await b.save(token("tok-2"))  # b already replaced it...
        await a.discard("tok-1")  # ...when a's 401 for tok-1 comes in
        assert command(redis_url, "HGET", a.token_key, "access_token") == b"tok-2"
        loaded = await a.load()
        assert loaded is not None and loaded.access_token == "tok-2"
        await a.discard("tok-2")
        assert command(redis_url, "EXISTS", a.token_key) == 0
        assert await b.load() is not None  # b's copy stays until b sees its own 401
        await b.discard("tok-2")
        assert await b.load() is None


@pytest.mark.parametrize(
    "fields",
    [
        ["access_token", "tok", "expires_at", "nan", "lifetime", "60"],
        ["access_token", "tok", "expires_at", "1e999", "lifetime", "60"],
        ["access_token", "tok", "expires_at", "soon", "lifetime", "60"],
        ["access_token", "x" * 9000, "expires_at", "1", "lifetime", "60"],
        ["access_token", "tok", "lifetime", "60"],
        ["access_token", "", "expires_at", "1", "lifetime", "60"],
    ],
)
async def test_a_malformed_shared_token_counts_as_none(
    make_store: Callable[..., RedisTokenStore],
    redis_url: str,
    fields: list[str],
) -> None:
    async with make_store() as store:
        command(redis_url, "HSET", store.token_key, *fields)
        assert await store.load() is None


async def test_the_token_never_shows(
    make_store: Callable[..., RedisTokenStore],
    redis_url: str,
) -> None:
    secret_url = redis_url.replace("redis://", "redis://:hunter2pw@")
    store = RedisTokenStore.from_url(secret_url, client_id=CLIENT)
    assert "hunter2pw" not in repr(store)
    async with make_store() as store:
        await store.save(token("tok-never-shown"))
        assert "tok-never-shown" not in repr(store)
        loaded = await store.load()
        assert "tok-never-shown" not in repr(loaded)


# -- configuration errors -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"fallback_share": 0}, "fallback_share"),
        ({"fallback_share": 1.5}, "fallback_share"),
        ({"fallback_share": float("nan")}, "fallback_share"),
        ({"timeout": 0}, "timeout"),
        ({"timeout": float("inf")}, "timeout"),
        ({"breaker_cooldown": -1}, "breaker_cooldown"),
        ({"key_prefix": "a{b"}, "key_prefix"),
        ({"key_prefix": ""}, "key_prefix"),
    ],
)
def test_bad_limiter_options_are_refused_by_name(
    redis_url: str,
    kwargs: dict[str, object],
    field: str,
) -> None:
    with pytest.raises(ValidationError) as info:
        RedisLimiter.from_url(redis_url, client_id=CLIENT, **kwargs)  # type: ignore[arg-type]
    assert info.value.field == field


def test_a_client_id_is_required(
    redis_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SPECTROCOIN_CLIENT_ID", raising=False)
    with pytest.raises(ValidationError, match="client_id: needed to name the shared Redis keys"):
        RedisTokenStore.from_url(redis_url)
    monkeypatch.setenv("SPECTROCOIN_CLIENT_ID", "from-env")
    assert RedisTokenStore.from_url(redis_url).token_key == "{sc:from-env}:token"


def test_without_coredis_a_typed_error_says_what_to_install(
    redis_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "coredis", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'spectrocoin-async\[redis\]'") as e:
        RedisLimiter.from_url(redis_url, client_id=CLIENT)
    assert isinstance(e.value, SpectroCoinError) and isinstance(e.value, ImportError)


def test_importing_the_package_does_not_import_coredis() -> None:
    code = (
        "import sys, spectrocoin_async as s; assert 'coredis' not in sys.modules; "
        "assert 'spectrocoin_async._redis' not in sys.modules; s.RedisLimiter; "
        "assert 'coredis' not in sys.modules; print('ok')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.stdout.strip() == "ok", out.stderr


def test_log_records_are_in_the_redis_logger(caplog: pytest.LogCaptureFixture) -> None:
    from spectrocoin_async import _redis

    assert _redis.logger.name == "spectrocoin_async.redis"
    assert logging.getLogger("spectrocoin_async.redis") is _redis.logger


async def test_a_due_token_is_served_from_this_process_until_it_expires(
    make_store: Callable[..., RedisTokenStore], redis_url: str
) -> None:
    """Gone from Redis at its due time, the token is still valid: the store keeps serving this
    process' copy (the client refreshes in the background meanwhile) until it expires."""
    async with make_store(refresh_margin=0.3) as store:
        tok = token("tok-due", lifetime=0.6)
        await store.save(tok)
        assert 0 < command(redis_url, "PTTL", store.token_key) <= 300
        await anyio.sleep(0.35)
        assert command(redis_url, "EXISTS", store.token_key) == 0
        assert await store.load() is tok
        await anyio.sleep(0.3)
        assert await store.load() is None


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
    entered = 0
    interval_us = 100_000

    async def scenario() -> int:
        nonlocal entered
        limiter = RedisLimiter.from_url(
            redis_url, client_id=CLIENT, key_prefix=prefix, rate_limits=limits(rate=10, burst=3)
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
        return (int(tat) if tat is not None else start) - start

    try:
        advance = anyio.run(scenario, backend=backend)
    finally:
        delete_prefix(redis_url, "{" + prefix + ":*")
    assert abs(advance - entered * interval_us) <= 20_000, (advance, entered, deadlines)
    assert entered >= sum(d is None for d in deadlines)


async def test_a_client_of_the_caller_is_used_and_left_open(
    redis_url: str, key_prefix: str
) -> None:
    """``RedisLimiter(client)``: the caller owns the coredis client (a RedisCluster would be
    passed the same way); the limiter neither opens nor closes it."""
    import coredis

    async with coredis.Redis.from_url(redis_url) as redis:
        limiter = RedisLimiter(
            redis, client_id=CLIENT, key_prefix=key_prefix, rate_limits=limits(rate=10, burst=2)
        )
        store = RedisTokenStore(redis, client_id=CLIENT, key_prefix=key_prefix)
        async with limiter.slot("accounts"):  # usable without `async with limiter`
            pass
        async with limiter, store:
            await store.save(token("tok-borrowed"))
        assert await redis.ping() == b"PONG"  # still open
        assert (await redis.hget(store.token_key, "access_token")) == b"tok-borrowed"
        assert limiter.stats["redis"] == 1
        assert "Redis (Redis)" in repr(limiter)


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


async def test_a_due_token_is_refreshed_once_across_workers_whatever_the_store_margin(
    redis_url: str, key_prefix: str
) -> None:
    # The client refreshes 300 s ahead, the store keeps its default margin (60 s): the old token
    # is still in Redis when the workers find it due. The workers waiting for the lock wait for
    # a new token, not for any token, so the one refresh serves them all.
    from spectrocoin_async._auth import TokenManager

    wall = [1_700_000_000.0]
    fetches = 0

    async def fetch() -> tuple[str, float]:
        nonlocal fetches
        fetches += 1
        await anyio.sleep(0.1)
        return f"tok-{fetches}", 3600.0

    stores = [
        RedisTokenStore(
            RedisTokenStore._client_from_url(redis_url, 0.5),
            client_id=CLIENT,
            key_prefix=key_prefix,
            wall_clock=lambda: wall[0],
            _owns=True,
        )
        for _ in range(6)
    ]
    managers = [
        TokenManager(fetch, store=store, refresh_margin=300, wall_clock=lambda: wall[0])
        for store in stores
    ]
    async with contextlib.AsyncExitStack() as stack:
        for store in stores:
            await stack.enter_async_context(store)
        assert [await m.get() for m in managers] == ["tok-1"] * 6
        assert fetches == 1
        wall[0] += 3600 - 200  # due for the client, fresh for the store
        async with anyio.create_task_group() as tg:
            for manager in managers:
                tg.start_soon(manager.get)
        with anyio.fail_after(5):
            for manager in managers:
                await manager.wait_for_fetch()
        assert fetches == 2
        assert [await m.get() for m in managers] == ["tok-2"] * 6


async def test_a_callers_client_that_is_not_open_is_a_typed_error(
    redis_url: str, key_prefix: str
) -> None:
    # coredis raises a bare RuntimeError for a client nobody entered (or one already closed).
    import coredis

    redis = coredis.Redis.from_url(redis_url)
    limiter = RedisLimiter(redis, client_id=CLIENT, key_prefix=key_prefix, rate_limits=limits(10))
    unrated = RedisLimiter(redis, client_id=CLIENT, key_prefix=key_prefix, rate_limits=limits(None))
    store = RedisTokenStore(redis, client_id=CLIENT, key_prefix=key_prefix)
    calls = {
        "slot": lambda: limiter.slot("accounts").__aenter__(),
        "unrated slot": lambda: unrated.slot("accounts").__aenter__(),
        "pause": lambda: limiter.pause("accounts", 1.0),
        "load": store.load,
    }
    for name, call in calls.items():
        with pytest.raises(
            RedisUnavailableError, match=r"must be entered \(`async with client:`\)"
        ):
            await call()
        assert limiter.stats["redis"] == 0, name
    async with redis:
        async with limiter.slot("accounts"):
            pass
    with pytest.raises(RedisUnavailableError, match="must be entered"):  # closed again
        await store.load()
