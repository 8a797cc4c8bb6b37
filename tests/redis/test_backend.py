"""Configuration and the coredis client: options refused by name, the optional extra, the logger,
a caller's own client (spectrocoin_async._redis.backend)."""

from __future__ import annotations

import logging
import subprocess
import sys

import pytest

from spectrocoin_async import (
    MissingExtraError,
    RedisLimiter,
    RedisTokenStore,
    RedisUnavailableError,
    SpectroCoinError,
    ValidationError,
)
from tests.redis.support import CLIENT, limits
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
