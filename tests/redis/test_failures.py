"""Redis down, hung, restarted in the middle of a run: the limiter and the token store never
hang, fall back (or, with ``fail_closed=True``, raise a typed error), say so once, and come back.

Each test runs its own ``redis-server`` (``private_redis``) so that it may kill and restart it;
the shared server is never touched.
"""

from __future__ import annotations

import logging
import time

import anyio
import pytest

from spectrocoin_async import (
    GroupLimits,
    RateLimits,
    RedisLimiter,
    RedisTokenStore,
    RedisUnavailableError,
    SpectroCoinError,
    Token,
)
from spectrocoin_async._redis import _RATE
from tests.support.redis import (  # noqa: F401
    PrivateRedis,
    SteppingClock,
    command,
    limiter_on,
    private_redis_fixture,
)

pytestmark = pytest.mark.anyio

CLIENT = "client-1"
LOGGER = "spectrocoin_async.redis"


def limits(rate: float, burst: int = 1) -> RateLimits:
    group = GroupLimits(max_in_flight=50, rate=rate, burst=burst)
    return RateLimits(default=group, groups={"accounts": group}, max_in_flight=200)


def warnings_of(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == LOGGER]


async def test_restart_mid_run_falls_back_once_and_comes_back(
    private_redis: PrivateRedis, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger=LOGGER)
    # The breaker's cooldown runs on the limiter's clock, moved by the test: however slow the
    # machine, the 20 fallback calls all fall inside it and the next one comes after it.
    clock = SteppingClock()
    limiter = limiter_on(
        private_redis.url,
        clock,
        client_id=CLIENT,
        rate_limits=limits(rate=200, burst=10),
        fallback_share=0.5,
        breaker_cooldown=1.0,
        _where=f"Redis at 127.0.0.1:{private_redis.port}/0",
    )
    async with limiter:
        for _ in range(3):
            async with limiter.slot("accounts"):
                pass
        assert limiter.stats["redis"] == 3
        private_redis.kill()
        start = clock.now
        for _ in range(20):
            async with limiter.slot("accounts"):
                pass
        assert limiter.stats["fallback"] == 20
        assert limiter.stats["redis_errors"] == 1  # the breaker skips Redis after the first
        logged = warnings_of(caplog)
        assert len(logged) == 1
        assert logged[0].startswith(f"Redis at 127.0.0.1:{private_redis.port}/0 did not answer")
        assert "fall back to this process' own limiter at 0.5 of the allowance" in logged[0]
        # A burst of 5, then 100/s: 0.15 s on the limiter's clock, inside the 1 s cooldown.
        assert clock.now - start == pytest.approx(0.15, abs=1e-9)
        private_redis.start()  # same port, empty: the scripts are gone too (NOSCRIPT path)
        clock.now = start + 1.0  # the cooldown is over
        async with limiter.slot("accounts"):
            pass
        assert limiter.stats["redis"] == 4
        logged = warnings_of(caplog)
        assert len(logged) == 2
        assert logged[1] == (
            f"Redis at 127.0.0.1:{private_redis.port}/0 answers again; shared state is back in use"
        )
        # The fresh server had no scripts: NOSCRIPT, then EVAL, which cached it again.
        assert command(private_redis.url, "SCRIPT", "EXISTS", _RATE.sha) == [1]


async def test_a_hung_redis_costs_one_timeout_then_is_skipped(private_redis: PrivateRedis) -> None:
    limiter = RedisLimiter.from_url(
        private_redis.url,
        client_id=CLIENT,
        rate_limits=limits(rate=1000, burst=50),
        timeout=0.2,
        breaker_cooldown=10,
    )
    async with limiter:
        async with limiter.slot("accounts"):
            pass
        private_redis.hang()
        try:
            start = time.monotonic()
            async with limiter.slot("accounts"):
                pass
            first = time.monotonic() - start
            for _ in range(10):
                async with limiter.slot("accounts"):
                    pass
        finally:
            private_redis.resume()
    assert first >= 0.2 * 0.95, first  # it did wait for the timeout (a lower bound: load-proof)
    # ...once: the breaker skipped Redis for the other ten (each try would be another timeout
    # and another error).
    assert limiter.stats["redis_errors"] == 1
    assert limiter.stats["fallback"] == 11


async def test_fail_closed_raises_a_typed_error_and_sends_nothing(
    private_redis: PrivateRedis, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger=LOGGER)
    limiter = RedisLimiter.from_url(
        private_redis.url,
        client_id=CLIENT,
        rate_limits=limits(rate=100),
        fail_closed=True,
        breaker_cooldown=10,
    )
    async with limiter:
        private_redis.kill()
        entered = 0
        for _ in range(2):
            with pytest.raises(RedisUnavailableError) as info:
                async with limiter.slot("accounts"):
                    entered += 1
            assert isinstance(info.value, SpectroCoinError)
            assert info.value.request_may_have_reached_server is False
        assert entered == 0
        assert f"Redis at 127.0.0.1:{private_redis.port}/0 unavailable (" in str(info.value)
        assert "fail_closed=True refuses to go on without it" in str(info.value)
        # While the breaker is open the error comes at once, without trying Redis again.
        assert limiter.stats["redis_errors"] == 1
        with pytest.raises(RedisUnavailableError, match="skipped after recent errors"):
            await limiter.pause("accounts", 1.0)
    # The one WARNING says what happens: errors, not a fallback that does not exist.
    (logged,) = warnings_of(caplog)
    assert "; calls raise RedisUnavailableError (fail_closed=True), and Redis is skipped" in logged
    assert "fall back" not in logged


async def test_the_fallback_keeps_to_its_share_of_the_rate(private_redis: PrivateRedis) -> None:
    clock = SteppingClock()
    limiter = limiter_on(
        private_redis.url,
        clock,
        client_id=CLIENT,
        rate_limits=limits(rate=40, burst=1),
        fallback_share=0.25,
    )
    private_redis.kill()
    async with limiter:
        for _ in range(6):
            async with limiter.slot("accounts"):
                pass
    # 10/s alone, with a quarter of the burst of 1: the first after 0.075 s (the quarter grows to
    # one request), then 5 intervals of 0.1 s.
    assert clock.now == pytest.approx(0.575, abs=1e-9)
    assert limiter.stats["fallback"] == 6


async def test_pause_still_works_in_this_process_with_redis_down(
    private_redis: PrivateRedis,
) -> None:
    limiter = RedisLimiter.from_url(
        private_redis.url, client_id=CLIENT, rate_limits=limits(rate=100, burst=5)
    )
    private_redis.kill()
    async with limiter:
        await limiter.pause("accounts", 0.3)
        async with limiter.slot("accounts") as waited:
            assert 0.25 < waited < 0.6


async def test_noscript_after_a_flush_falls_back_to_eval(private_redis: PrivateRedis) -> None:
    limiter = RedisLimiter.from_url(
        private_redis.url, client_id=CLIENT, rate_limits=limits(rate=100, burst=5)
    )
    async with limiter:
        async with limiter.slot("accounts"):
            pass
        assert command(private_redis.url, "SCRIPT", "FLUSH") == "OK"
        async with limiter.slot("accounts"):
            pass
        assert limiter.stats["redis"] == 2
        assert limiter.stats["redis_errors"] == 0


async def test_token_store_falls_back_to_this_process(
    private_redis: PrivateRedis, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    store = RedisTokenStore.from_url(
        private_redis.url, client_id=CLIENT, timeout=0.2, breaker_cooldown=10
    )
    async with store:
        private_redis.kill()
        assert await store.load() is None
        assert store.stats["redis_errors"] == 1
        async with store.fetch_lock():  # no lock to be had: this process fetches on its own
            pass
        assert store.stats["redis_errors"] == 1  # the open breaker skipped Redis: no wait
        tok = Token("tok-local-secret", time.time() + 600, 600)
        await store.save(tok)
        assert await store.load() is tok
        await store.discard("tok-local-secret")
        assert await store.load() is None
    logged = warnings_of(caplog)
    assert len(logged) == 1
    assert "access tokens are fetched and cached by each process on its own" in logged[0]
    assert "tok-local-secret" not in caplog.text


async def test_token_store_fail_closed(private_redis: PrivateRedis) -> None:
    store = RedisTokenStore.from_url(private_redis.url, client_id=CLIENT, fail_closed=True)
    private_redis.kill()
    async with store:
        with pytest.raises(RedisUnavailableError, match="fail_closed=True"):
            await store.load()
        with pytest.raises(RedisUnavailableError, match="fail_closed=True"):
            async with store.fetch_lock():
                pass


async def test_token_store_fail_closed_still_keeps_a_fetched_token(
    private_redis: PrivateRedis,
) -> None:
    """A token already fetched is not thrown away because Redis is down: save() and discard()
    only feed the breaker, even under fail_closed=True, and this process keeps using it."""
    store = RedisTokenStore.from_url(
        private_redis.url, client_id=CLIENT, fail_closed=True, timeout=0.2, breaker_cooldown=10
    )
    async with store:
        private_redis.kill()
        tok = Token("tok-fetched", time.time() + 600, 600)
        await store.save(tok)  # Redis refuses the write: no raise
        assert store.stats["redis_errors"] == 1
        assert await store.load() is tok  # fresh in this process: no Redis needed
        await store.discard("tok-fetched")  # the open breaker skips Redis: no raise
        assert store.stats["redis_errors"] == 1
        with pytest.raises(RedisUnavailableError, match="fail_closed=True"):
            await store.load()  # nothing held here any more: now fail_closed refuses


async def test_a_long_fallback_queue_goes_back_to_redis_when_it_returns(
    private_redis: PrivateRedis,
) -> None:
    """At a tenth of 10 req/s, six callers would need five seconds in the fallback; Redis is back
    after 0.2 s, so after the cooldown they take the shared allowance again."""
    limiter = RedisLimiter.from_url(
        private_redis.url,
        client_id=CLIENT,
        rate_limits=limits(rate=10, burst=1),
        fallback_share=0.1,
        breaker_cooldown=0.5,
    )
    async with limiter:
        private_redis.kill()
        async with anyio.create_task_group() as tg:
            for _ in range(6):
                tg.start_soon(_one_slot, limiter)
            await anyio.sleep(0.2)
            private_redis.start()  # blocks the loop until Redis answers: back before the cooldown
    # Counted, not timed: at least four of the six took Redis' allowance once it was back, so
    # they did not wait out their places in the fallback (a fifth of a second, then one a second).
    assert limiter.stats["fallback"] + limiter.stats["redis"] == 6
    assert limiter.stats["redis"] >= 4


async def _one_slot(limiter: RedisLimiter) -> None:
    async with limiter.slot("accounts"):
        pass
