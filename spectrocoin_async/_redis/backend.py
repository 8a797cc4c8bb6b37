"""The Redis connection every shared object stands on: the optional coredis import, the errors,
and ``_RedisBacked`` (one client, every call under a timeout, failures fed to the breaker)."""

from __future__ import annotations

import math
import urllib.parse
from collections import Counter
from collections.abc import Awaitable, Callable
from types import TracebackType
from typing import Any, Self

import anyio

from spectrocoin_async._errors import SpectroCoinError, ValidationError
from spectrocoin_async._redis.breaker import _Breaker, _describe
from spectrocoin_async._redis.keys import _resolve_client_id, _tag

DEFAULT_TIMEOUT = 0.5
DEFAULT_COOLDOWN = 5.0


class MissingExtraError(SpectroCoinError, ImportError):
    """An optional feature was used without its extra installed."""


class RedisUnavailableError(SpectroCoinError):
    """Redis did not answer (or the object was not opened) and ``fail_closed=True`` refuses to
    go on without it. Nothing was sent to the API: ``request_may_have_reached_server`` is
    False."""

    request_may_have_reached_server = False


def _coredis() -> Any:
    try:
        import coredis
    except ImportError:
        raise MissingExtraError(
            "sharing limits and tokens through Redis needs coredis: "
            "pip install 'spectrocoin-async[redis]'"
        ) from None
    return coredis


def _redis_errors() -> tuple[type[BaseException], ...]:
    coredis = _coredis()
    # OSError: a socket error coredis did not wrap; TimeoutError: ours or coredis' own.
    return (coredis.exceptions.RedisError, OSError, TimeoutError)


def _pool_is_open(redis: Any) -> bool:
    """False for a coredis client whose connection pool is not entered (or closed already);
    True when it is open, or when ``redis`` is no coredis client and cannot tell."""
    pool = getattr(redis, "connection_pool", None)
    if pool is None:
        return True
    try:
        return pool.task_group is not None  # coredis raises RuntimeError outside the pool
    except RuntimeError:
        return False


def _where(url: str) -> str:
    """host:port/db of a Redis URL, never its password."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme == "unix":
        return f"Redis at {parts.path}"
    host = parts.hostname or "localhost"
    port = parts.port or 6379
    db = parts.path.lstrip("/") or "0"
    return f"Redis at {host}:{port}/{db}"


class _RedisBacked:
    """Owns (or borrows) a coredis client, runs each call under a timeout, feeds the breaker."""

    _what_fails: str = ""

    def __init__(
        self,
        redis: Any,
        *,
        client_id: str | None,
        key_prefix: str,
        timeout: float,
        breaker_cooldown: float,
        fail_closed: bool,
        clock: Callable[[], float],
        owns: bool = False,
        where: str | None = None,
    ) -> None:
        if not timeout > 0 or not math.isfinite(timeout):
            raise ValidationError("timeout", f"must be a positive number of seconds, got {timeout}")
        if not breaker_cooldown >= 0 or not math.isfinite(breaker_cooldown):
            raise ValidationError(
                "breaker_cooldown",
                f"must be a non-negative number of seconds, got {breaker_cooldown}",
            )
        self._redis = redis
        self._owns = owns
        self._entered = not owns  # a borrowed client is the caller's to open
        self.client_id = _resolve_client_id(client_id)
        self._tag = _tag(key_prefix, self.client_id)
        self._timeout = timeout
        self._fail_closed = fail_closed
        self._clock = clock
        self._where = where or f"Redis ({type(redis).__name__})"
        self._errors = _redis_errors()
        self._breaker = _Breaker(self._where, self._without_redis, breaker_cooldown, clock)
        self.stats: Counter[str] = Counter()

    @staticmethod
    def _client_from_url(url: str, timeout: float) -> Any:
        coredis = _coredis()
        return coredis.Redis.from_url(
            url,
            connect_timeout=timeout,
            stream_timeout=timeout,
            pool_timeout=timeout,
            # One quick retry: a pooled connection that died with a restarted server is replaced
            # without tripping the breaker.
            retry_policy=coredis.retry.ConstantRetryPolicy(
                (coredis.exceptions.ConnectionError,), retries=1, delay=0
            ),
        )

    async def __aenter__(self) -> Self:
        if self._owns and not self._entered:
            await self._redis.__aenter__()
            self._entered = True
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._owns and self._entered:
            self._entered = False
            # The body's exception is not handed to coredis' task group, which would wrap it in
            # an ExceptionGroup: the caller gets their own exception back unchanged.
            await self._redis.__aexit__(None, None, None)

    def _without_redis(self) -> str:
        """Called as the breaker opens: what happens until Redis answers, for the log."""
        if self._fail_closed:
            return "calls raise RedisUnavailableError (fail_closed=True)"
        return self._fall_back()

    def _fall_back(self) -> str:
        """What this object does without Redis when it fails open (readied here)."""
        return self._what_fails

    def _not_open(self) -> RedisUnavailableError:
        name = type(self).__name__
        return RedisUnavailableError(
            f"{name} is not open: enter it with `async with {name}.from_url(...) as ...:` "
            "before the client uses it"
        )

    def _unavailable(self, exc: BaseException | None) -> RedisUnavailableError:
        why = _describe(exc) if exc is not None else "skipped after recent errors"
        return RedisUnavailableError(
            f"{self._where} unavailable ({why}); fail_closed=True refuses to go on without it"
        )

    async def _run(self, op: Callable[[Any], Awaitable[Any]]) -> Any:
        """One Redis operation under the timeout. Redis errors propagate (the caller decides
        between fallback and fail_closed); ``_failed`` / ``_succeeded`` feed the breaker."""
        if not self._entered:
            raise self._not_open()
        try:
            with anyio.fail_after(self._timeout):
                return await op(self._redis)
        except RuntimeError as exc:
            # coredis says so of a client that is not open (a caller's client not entered yet,
            # or closed already): a mistake in the set-up, not an outage to fail open through.
            raise self._not_entered(exc) from exc
        except self._errors as exc:
            # A RedisCluster nobody entered has no slot layout yet and says that instead
            # (RedisClusterError: "Local cluster layout cache is empty"); its pool tells.
            if not _pool_is_open(self._redis):
                raise self._not_entered(exc) from exc
            raise

    def _not_entered(self, exc: BaseException) -> RedisUnavailableError:
        return RedisUnavailableError(
            f"{self._where} refused the call ({_describe(exc)}); a coredis client passed to "
            f"{type(self).__name__} must be entered (`async with client:`) by its owner for "
            "as long as the SDK uses it"
        )

    def _failed(self, exc: BaseException) -> None:
        self.stats["redis_errors"] += 1
        self._breaker.failed(exc)
        if self._fail_closed:
            raise self._unavailable(exc) from exc

    def _skip(self) -> bool:
        """True when the breaker says to skip Redis now (raises under fail_closed)."""
        if self._breaker.allow():
            return False
        if self._fail_closed:
            raise self._unavailable(None)
        return True
