"""Helpers of the RedisLimiter and RedisTokenStore tests: limits, makers bound to a test's keys."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from spectrocoin_async import (
    GroupLimits,
    RateLimits,
    RedisLimiter,
    RedisTokenStore,
)

CLIENT = "client-1"


def limits(rate: float | None, burst: int = 1, max_in_flight: int = 50) -> RateLimits:
    group = GroupLimits(max_in_flight=max_in_flight, rate=rate, burst=burst)
    return RateLimits(default=group, groups={"accounts": group}, max_in_flight=200)


async def warm(*limiters: RedisLimiter) -> None:
    """Open each pool's first connection, so that timings measure the limiter, not a connect."""
    for limiter in limiters:
        async with limiter.slot("warm-up"):
            pass


def record_sleeps(limiter: RedisLimiter) -> list[float]:
    """Every sleep ``limiter`` takes from now on (it still sleeps): "it never waited" counted,
    not timed."""
    sleeps: list[float] = []
    real = limiter._sleep

    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        await real(seconds)

    limiter._sleep = sleep
    limiter._local._sleep = sleep
    return sleeps


# Redis calls of tests that are not about timeouts get 5 s, not the 0.5 s default: on a busy
# machine a healthy Redis can take longer than that, and a test would see a fallback it never
# asked for. Tests of a hung or slow Redis pass their own timeout.
LOADED_TIMEOUT = 5.0


@pytest.fixture(name="make_limiter")
def make_limiter_fixture(redis_url: str, key_prefix: str) -> Callable[..., RedisLimiter]:
    def make(**kwargs: object) -> RedisLimiter:
        kwargs.setdefault("client_id", CLIENT)
        kwargs.setdefault("key_prefix", key_prefix)
        kwargs.setdefault("timeout", LOADED_TIMEOUT)
        return RedisLimiter.from_url(redis_url, **kwargs)  # type: ignore[arg-type]

    return make


@pytest.fixture(name="make_store")
def make_store_fixture(redis_url: str, key_prefix: str) -> Callable[..., RedisTokenStore]:
    def make(**kwargs: object) -> RedisTokenStore:
        kwargs.setdefault("client_id", CLIENT)
        kwargs.setdefault("key_prefix", key_prefix)
        kwargs.setdefault("timeout", LOADED_TIMEOUT)
        return RedisTokenStore.from_url(redis_url, **kwargs)  # type: ignore[arg-type]

    return make
