"""One rate allowance and one access token shared by every worker process, on Redis.

``RedisLimiter`` implements ``Limiter`` and ``RedisTokenStore`` implements ``TokenStore``; both
plug into ``SpectroCoinClient(limiter=..., token_store=...)``. Needs the ``redis`` extra
(coredis, which runs on anyio: asyncio and trio alike)::

    async with (
        RedisLimiter.from_url(url, client_id=cid, rate_limits=limits) as limiter,
        RedisTokenStore.from_url(url, client_id=cid) as tokens,
        SpectroCoinClient(cid, secret, limiter=limiter, token_store=tokens) as sc,
    ):
        ...

What is shared, and how:

- **Rate.** GCRA (a token bucket kept as one timestamp) in one short Lua script, run
  atomically with EVALSHA, on Redis' own clock (``TIME``), so host clocks do not matter. One
  task per group and process asks, for every task queued behind it (within the burst).
  One key per (client id, group): ``{sc:<client_id>}:rate:<group>``. The ``{...}`` hash tag
  puts every key of one account on one Redis Cluster node, so the script never crosses slots.
- **429 pause.** ``pause()`` sets ``{...}:pause:<group>`` with a TTL; the rate script refuses
  while it exists, so every worker holds back.
- **In-flight cap.** Stays per process (an ``InProcessLimiter`` with no rate): requests in flight
  are a property of one process' connection pool, not of the account.
- **Token.** One hash with a TTL of its lifetime minus the refresh margin. One worker fetches
  under a ``SET NX PX`` lock while the others poll (with jitter) until it appears; after a 401
  a Lua compare-and-delete drops it only if it is still the token that failed.

Redis down never hangs a request: every Redis call runs under a short timeout. By default the
limiter then fails open to an in-process limiter at ``fallback_share`` of each rate, and a
circuit breaker skips Redis for ``breaker_cooldown`` seconds; one WARNING line says so (and
which share), and one more when Redis answers again. The share is ``1 / N`` by default, N the
limiters of the account Redis last saw alive: every few seconds the rate script also records
this limiter in ``{...}:live`` (a sorted set scored by Redis' clock) and counts the others.
``fail_closed=True`` raises ``RedisUnavailableError`` instead. The token store falls back to a
token cached in this process (each process then fetches its own).
"""

from __future__ import annotations

import collections
import contextlib
import functools
import logging
import math
import random
import secrets
import time
import urllib.parse
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

import anyio
import attrs

from ._auth import Token
from ._errors import SpectroCoinError, ValidationError
from ._ratelimit import GroupLimits, InProcessLimiter, RateLimits

if TYPE_CHECKING:
    import coredis

__all__ = [
    "MissingExtraError",
    "RedisLimiter",
    "RedisTokenStore",
    "RedisUnavailableError",
]

logger = logging.getLogger("spectrocoin_async.redis")

DEFAULT_TIMEOUT = 0.5
DEFAULT_COOLDOWN = 5.0
DEFAULT_FALLBACK_SHARE = 0.25  # automatic share before any count of processes is known
LIVENESS_WINDOW = 30  # seconds a limiter counts as live after it last announced itself
_ANNOUNCE_EVERY = 5.0  # seconds between two announcements of one limiter, at least
_MAX_TOKEN_CHARS = 8192
_UNLIMITED = 1 << 30
_MAX_BATCH = 64  # permits asked for in one round trip, at most


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


# -- keys -----------------------------------------------------------------------------------


def _key_part(value: str) -> str:
    # Percent-encoding keeps braces out of the hash tag (and spaces, newlines, ... out of keys).
    return urllib.parse.quote(value, safe="-_.@")


def _check_prefix(key_prefix: str) -> str:
    if not key_prefix or any(c in key_prefix for c in "{}") or not key_prefix.isprintable():
        raise ValidationError(
            "key_prefix", f"must be non-empty printable text without braces, got {key_prefix!r}"
        )
    return key_prefix


def _resolve_client_id(client_id: str | None) -> str:
    import os

    value = client_id or os.environ.get("SPECTROCOIN_CLIENT_ID") or None
    if not value:
        raise ValidationError(
            "client_id",
            "needed to name the shared Redis keys (one allowance per account): pass client_id= "
            "or set SPECTROCOIN_CLIENT_ID",
        )
    return value


def _tag(key_prefix: str, client_id: str) -> str:
    """The hash tag of one account: every key of it lands on the same Redis Cluster slot."""
    return "{" + _check_prefix(key_prefix) + ":" + _key_part(client_id) + "}"


# -- Lua scripts ----------------------------------------------------------------------------


class _Script:
    """A Lua script run with EVALSHA; on NOSCRIPT (a restarted or flushed server) with EVAL,
    which also caches it again."""

    __slots__ = ("sha", "source")

    def __init__(self, source: str) -> None:
        import hashlib

        self.source = source
        self.sha = hashlib.sha1(source.encode()).hexdigest()

    async def __call__(
        self, redis: Any, keys: Sequence[str], args: Sequence[str | int | float]
    ) -> Any:
        coredis = _coredis()
        try:
            return await redis.evalsha(self.sha, keys=keys, args=args)
        except coredis.exceptions.NoScriptError:
            return await redis.eval(self.source, keys=keys, args=args)


# GCRA: the key holds the theoretical arrival time (TAT) in microseconds of Redis' clock. The
# j-th of ``wanted`` permits is allowed when TAT + j * interval - burst * interval <= now, which
# is exactly a token bucket of ``burst`` tokens refilled at ``1 / interval``; several permits in
# one round trip serve the tasks queued in one process. A live pause key refuses everything.
# Every few seconds a limiter also announces itself (ARGV[4]: its id, ARGV[5]: the liveness
# window in seconds, ARGV[6] set when due): KEYS[3] is a sorted set of limiter ids scored by the
# second each was last seen; older members are pruned then. A caller missing from the set (it
# was evicted, or Redis restarted behind a pooled reconnect) is put back at once, whether due or
# not: otherwise it would take the others' count for the fleet's until its next announcement.
# Every answer carries the count (O(1)): how many processes share the allowance now (1 / that
# is the fallback's share). It expires with the window: an idle account leaves nothing behind.
# Returns {granted, retry_after_us, remaining, now_us, live_limiters}.
_RATE = _Script(
    """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
if ARGV[4] and (ARGV[6] or not redis.call('ZSCORE', KEYS[3], ARGV[4])) then
  local window = tonumber(ARGV[5])
  redis.call('ZADD', KEYS[3], t[1], ARGV[4])
  redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', '(' .. (tonumber(t[1]) - window))
  redis.call('EXPIRE', KEYS[3], window)
end
local live = redis.call('ZCARD', KEYS[3])
local pause = redis.call('PTTL', KEYS[2])
if pause > 0 then return {0, pause * 1000, 0, now, live} end
local interval = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local wanted = tonumber(ARGV[3])
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
local granted = math.min(wanted, math.floor((now - tat) / interval + burst))
if granted < 1 then
  return {0, math.ceil(tat + interval - burst * interval - now), 0, now, live}
end
local new_tat = tat + granted * interval
redis.call('SET', KEYS[1], string.format('%.0f', new_tat), 'PX',
           math.ceil((new_tat - now) / 1000))
return {granted, 0, math.floor((now - new_tat) / interval + burst), now, live}
"""
)

# Gives back permits that were granted but never used (their takers left).
_REFUND = _Script(
    """
local tat = redis.call('GET', KEYS[1])
if not tat then return 0 end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local new_tat = tonumber(tat) - tonumber(ARGV[1]) * tonumber(ARGV[2])
if new_tat <= now then
  redis.call('DEL', KEYS[1])
else
  redis.call('SET', KEYS[1], string.format('%.0f', new_tat), 'PX',
             math.ceil((new_tat - now) / 1000))
end
return 1
"""
)

# A pause never shortens a longer one already set by another worker.
_PAUSE = _Script(
    """
local ms = tonumber(ARGV[1])
if redis.call('PTTL', KEYS[1]) < ms then
  redis.call('SET', KEYS[1], '1', 'PX', ms)
  return 1
end
return 0
"""
)

_SAVE_TOKEN = _Script(
    """
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'access_token', ARGV[1], 'expires_at', ARGV[2], 'lifetime', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1
"""
)

# Compare-and-delete: after a 401, drop the token only if it is still the one that failed;
# another worker may already have stored a new one.
_DISCARD_TOKEN = _Script(
    """
if redis.call('HGET', KEYS[1], 'access_token') == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
"""
)

_RELEASE_LOCK = _Script(
    """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""
)


# -- connection, timeouts, circuit breaker --------------------------------------------------


class _Breaker:
    """Open after a Redis error: skip Redis for ``cooldown`` seconds, then let one call probe.
    One WARNING when it opens, one when Redis answers again; nothing in between. ``fallback``
    is called as it opens: it readies what stands in for Redis and says what that is."""

    __slots__ = ("_clock", "_cooldown", "_fallback", "_open_until", "_what")

    def __init__(
        self,
        what: str,
        fallback: Callable[[], str],
        cooldown: float,
        clock: Callable[[], float],
    ):
        self._what = what
        self._fallback = fallback
        self._cooldown = cooldown
        self._clock = clock
        self._open_until: float | None = None

    @property
    def is_open(self) -> bool:
        return self._open_until is not None

    def allow(self) -> bool:
        if self._open_until is None:
            return True
        now = self._clock()
        if now >= self._open_until:
            self._open_until = now + self._cooldown  # one probe per cooldown, not a stampede
            return True
        return False

    def retry_in(self) -> float:
        """Seconds until Redis is to be tried again (0 when closed or due)."""
        if self._open_until is None:
            return 0.0
        return max(0.0, self._open_until - self._clock())

    def failed(self, exc: BaseException) -> None:
        if self._open_until is None:
            logger.warning(
                "%s did not answer (%s); %s, and Redis is skipped for %g s before it is tried "
                "again",
                self._what,
                _describe(exc),
                self._fallback(),
                self._cooldown,
            )
        self._open_until = self._clock() + self._cooldown

    def succeeded(self) -> None:
        if self._open_until is not None:
            self._open_until = None
            logger.warning("%s answers again; shared state is back in use", self._what)


def _describe(exc: BaseException) -> str:
    text = str(exc)
    return f"{type(exc).__name__}: {text[:200]}" if text else type(exc).__name__


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


# -- the limiter ----------------------------------------------------------------------------


def _local_limits(limits: RateLimits) -> RateLimits:
    """The per-process in-flight caps of each group of ``limits``, with no rate (Redis paces)
    and no global cap (``RedisLimiter`` takes that last, by a request ready to go)."""
    return RateLimits(
        default=attrs.evolve(limits.default, rate=None),
        groups={name: attrs.evolve(g, rate=None) for name, g in limits.groups.items()},
        max_in_flight=_UNLIMITED,
    )


def _fallback_limits(limits: RateLimits, share: float, processes: int = 1) -> RateLimits:
    """``share / processes`` of every rate and burst, and no in-flight cap (``_local_limits``
    has that). Multiplied, then divided: an explicit share and ``1 / processes`` are each exact
    (``rate * 1.0 / 3`` is ``rate / 3``; ``rate * 0.25 / 1`` is ``rate * 0.25``)."""

    def scaled(g: GroupLimits) -> GroupLimits:
        if g.rate is None:
            return GroupLimits(max_in_flight=_UNLIMITED, rate=None, burst=g.burst)
        return GroupLimits(
            max_in_flight=_UNLIMITED,
            rate=g.rate * share / processes,
            burst=max(1, math.floor(g.burst * share / processes)),
        )

    return RateLimits(
        default=scaled(limits.default),
        groups={name: scaled(g) for name, g in limits.groups.items()},
        max_in_flight=_UNLIMITED,
    )


class _Waiter:
    __slots__ = ("granted", "wake")

    def __init__(self) -> None:
        self.granted = False
        self.wake = anyio.Event()


class _Queue:
    """The tasks of one process waiting for permits of one group, in order of arrival."""

    __slots__ = ("polling", "waiters")

    def __init__(self) -> None:
        self.waiters: collections.deque[_Waiter] = collections.deque()
        self.polling = False

    def grant(self, count: int) -> int:
        """Hand ``count`` permits to the first waiters; return how many found no taker."""
        while count and self.waiters:
            waiter = self.waiters.popleft()
            waiter.granted = True
            waiter.wake.set()
            count -= 1
        return count

    def leave(self, waiter: _Waiter) -> None:
        with contextlib.suppress(ValueError):
            self.waiters.remove(waiter)
        self.hand_over()

    def hand_over(self) -> None:
        """Wake the first waiter so that it asks Redis next (nobody is asking now)."""
        if not self.polling and self.waiters:
            self.waiters[0].wake.set()


class RedisLimiter(_RedisBacked):
    """A ``Limiter`` whose rates (and 429 pauses) are shared through Redis by every process
    using the same ``client_id``; the in-flight cap stays per process.

    Use it as an async context manager (it owns a connection pool when made by ``from_url``).

    Args:
        redis: a coredis client (``Redis`` or ``RedisCluster``, bytes responses). When passed
            here, its owner enters and closes it; ``from_url`` makes one this object owns.
        client_id: the API client id; names the keys. Default: ``SPECTROCOIN_CLIENT_ID``.
        rate_limits: the account's limits, the same ``RateLimits`` as for one process. The
            rates and bursts are the whole account's; in-flight caps are per process.
        key_prefix: the first part of every key's hash tag (default ``sc``).
        timeout: seconds any one Redis call may take (default 0.5).
        fallback_share: with Redis unavailable, each process goes on alone at this share of
            every rate. Default ``None``, automatic: ``1 / N``, N the limiters of this account
            seen in the last ``LIVENESS_WINDOW`` (30) seconds, as last counted while Redis
            answered; before any count, ``DEFAULT_FALLBACK_SHARE`` (0.25). A number fixes it.
        fail_closed: raise ``RedisUnavailableError`` instead of falling back.
        breaker_cooldown: seconds Redis is skipped after an error before it is tried again.

    While Redis answers, each limiter announces itself every few seconds in the rate script
    (``{<prefix>:<client_id>}:live``, a sorted set of limiter ids that expires when nobody is
    left) and learns how many are live: ``live_processes``, None until it knows. Leaving the
    context removes it from the count at once.
    """

    def __init__(
        self,
        redis: coredis.Redis[bytes] | coredis.RedisCluster[bytes] | Any,
        *,
        client_id: str | None = None,
        rate_limits: RateLimits | None = None,
        key_prefix: str = "sc",
        timeout: float = DEFAULT_TIMEOUT,
        fallback_share: float | None = None,
        fail_closed: bool = False,
        breaker_cooldown: float = DEFAULT_COOLDOWN,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = anyio.sleep,
        _owns: bool = False,
        _where: str | None = None,
    ) -> None:
        if fallback_share is not None:
            if not (0 < fallback_share <= 1):
                raise ValidationError(
                    "fallback_share", f"must be more than 0 and at most 1, got {fallback_share}"
                )
            if not math.isfinite(fallback_share):
                raise ValidationError("fallback_share", f"must be finite, got {fallback_share}")
        super().__init__(
            redis,
            client_id=client_id,
            key_prefix=key_prefix,
            timeout=timeout,
            breaker_cooldown=breaker_cooldown,
            fail_closed=fail_closed,
            clock=clock,
            owns=_owns,
            where=_where,
        )
        self.limits = rate_limits or RateLimits()
        self.fallback_share = fallback_share
        self.live_key = f"{self._tag}:live"
        self.live_processes: int | None = None  # limiters of this account, as last counted
        self._member = secrets.token_hex(8)  # this limiter in the live set
        self._announce_due = -math.inf  # the clock time to announce again: the first call does
        self._announced = False
        self._sleep = sleep
        self._local = InProcessLimiter(_local_limits(self.limits), clock=clock, sleep=sleep)
        self._global = anyio.Semaphore(self.limits.max_in_flight, fast_acquire=True)
        self._fallback_split = self._split()
        self._fallback = InProcessLimiter(
            _fallback_limits(self.limits, *self._fallback_split), clock=clock, sleep=sleep
        )
        # One task per group and process asks Redis at a time; the others queue here (FIFO).
        self._queues: dict[str, _Queue] = {}

    @classmethod
    def from_url(
        cls,
        url: str,
        *,
        client_id: str | None = None,
        rate_limits: RateLimits | None = None,
        key_prefix: str = "sc",
        timeout: float = DEFAULT_TIMEOUT,
        fallback_share: float | None = None,
        fail_closed: bool = False,
        breaker_cooldown: float = DEFAULT_COOLDOWN,
    ) -> RedisLimiter:
        """A limiter with its own connection pool to ``url`` (``redis://host:port/db``,
        ``rediss://`` for TLS, ``unix://``)."""
        return cls(
            cls._client_from_url(url, timeout),
            client_id=client_id,
            rate_limits=rate_limits,
            key_prefix=key_prefix,
            timeout=timeout,
            fallback_share=fallback_share,
            fail_closed=fail_closed,
            breaker_cooldown=breaker_cooldown,
            _owns=True,
            _where=_where(url),
        )

    def __repr__(self) -> str:
        return f"RedisLimiter({self._where}, keys={self._tag}:rate:*)"

    def rate_key(self, group: str) -> str:
        return f"{self._tag}:rate:{_key_part(group)}"

    def pause_key(self, group: str) -> str:
        return f"{self._tag}:pause:{_key_part(group)}"

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            await self._leave()
        finally:
            await super().__aexit__(exc_type, exc, tb)

    async def _leave(self) -> None:
        """Best effort, under the usual timeout: a limiter closed cleanly stops counting at
        once. Skipped while Redis is failing; the member then expires with the window."""
        if not self._announced or not self._entered or self._breaker.is_open:
            return
        self._announced = False
        self._announce_due = -math.inf  # entered again, it announces again at once
        errors = (*self._errors, RedisUnavailableError)
        with anyio.CancelScope(shield=True), contextlib.suppress(*errors):
            await self._run(lambda r: r.zrem(self.live_key, [self._member]))

    # -- the fallback's share ---------------------------------------------------------------

    def _split(self) -> tuple[float, int]:
        """(share, processes): the fallback takes ``share / processes`` of every rate."""
        if self.fallback_share is not None:
            return self.fallback_share, 1
        if self.live_processes is None:
            return DEFAULT_FALLBACK_SHARE, 1
        return 1.0, self.live_processes

    def _fall_back(self) -> str:
        split = self._split()
        if split != self._fallback_split:
            self._fallback_split = split
            self._fallback = InProcessLimiter(
                _fallback_limits(self.limits, *split), clock=self._clock, sleep=self._sleep
            )
        what = "rate limits fall back to this process' own limiter at"
        if self.fallback_share is not None:
            return f"{what} {self.fallback_share:g} of the allowance"
        n = self.live_processes
        if n is None:
            return (
                f"{what} {DEFAULT_FALLBACK_SHARE:g} of the allowance: the default, as Redis has "
                "not counted the processes yet"
            )
        return (
            f"{what} 1/{n} of the allowance: {n} process{'es' if n != 1 else ''} seen in the "
            f"last {LIVENESS_WINDOW} s"
        )

    # -- Limiter ----------------------------------------------------------------------------

    def slot(self, group: str) -> contextlib.AbstractAsyncContextManager[float]:
        return self._slot(group)

    @contextlib.asynccontextmanager
    async def _slot(self, group: str) -> AsyncIterator[float]:
        if not self._entered:
            raise self._not_open()
        start = self._clock()
        # The group's in-flight slot first, as in one process: at most max_in_flight tasks per
        # group and process wait on the shared rate, and a request holds the slot until it is
        # done. The global slot last, by a request ready to go: a paused or throttled group
        # never holds global slots the other groups could use.
        async with self._local.slot(group):
            limits = self.limits.for_group(group)
            if limits.rate is not None:
                shared = await self._take(group, limits.rate, limits.burst)
                try:
                    await self._global.acquire()
                except BaseException:
                    if shared:  # a shared permit that was never used goes back
                        await self._refund(group, limits.rate, 1)
                    raise
            else:
                await self._honour_pause(group)
                await self._global.acquire()
            try:
                yield self._clock() - start
            finally:
                self._global.release()

    async def pause(self, group: str, seconds: float) -> None:
        """Hold back ``group`` for ``seconds`` in this process at once, and in every process
        through Redis."""
        if not seconds > 0:
            return
        await self._local.pause(group, seconds)
        if self._skip():
            return
        ms = max(1, math.ceil(seconds * 1000))
        try:
            await self._run(lambda r: _PAUSE(r, [self.pause_key(group)], [ms]))
        except self._errors as exc:
            self._failed(exc)
        else:
            self._breaker.succeeded()

    # -- internals --------------------------------------------------------------------------

    async def _take(self, group: str, rate: float, burst: int) -> bool:
        """One permit of ``group``'s shared rate: True from Redis, False from the fallback. One
        task per group and process (the poller) asks Redis, for as many permits as tasks are
        queued, and hands them out in order."""
        queue = self._queues.get(group)
        if queue is None:
            queue = self._queues[group] = _Queue()
        me = _Waiter()
        queue.waiters.append(me)
        try:
            while not me.granted:
                if self._skip():
                    queue.leave(me)
                    if await self._take_fallback(group):
                        return False
                    queue.waiters.append(me)  # Redis is due for another try: ask it again
                    continue
                if queue.polling:
                    await me.wake.wait()
                    me.wake = anyio.Event()
                    continue
                queue.polling = True
                try:
                    await self._poll(queue, group, rate, burst, me)
                finally:
                    queue.polling = False
                    queue.hand_over()
            # A permit handed over while this caller was being cancelled goes back (below).
            await anyio.lowlevel.checkpoint_if_cancelled()
        except BaseException:
            if me.granted:
                await self._refund(group, rate, 1)
            else:
                queue.leave(me)
            raise
        self.stats["redis"] += 1
        return True

    async def _poll(self, queue: _Queue, group: str, rate: float, burst: int, me: _Waiter) -> None:
        """Ask Redis until ``me`` has its permit, or Redis fails (the breaker then opens and
        the caller falls back)."""
        keys = [self.rate_key(group), self.pause_key(group), self.live_key]
        spacing = f"{1_000_000.0 / rate:.3f}"
        while not me.granted:
            wanted = min(len(queue.waiters), burst, _MAX_BATCH)
            args: list[str | int | float] = [spacing, burst, wanted, self._member, LIVENESS_WINDOW]
            now = self._clock()
            if now >= self._announce_due:  # one call every few seconds, not every call
                self._announce_due = now + _ANNOUNCE_EVERY
                self._announced = True
                args.append(1)
            try:
                # Shielded: permits the script granted reach their takers (or go back), never
                # lost to a cancellation that lands while the answer is on its way.
                with anyio.CancelScope(shield=True):
                    granted, retry_us, _remaining, _now, live = await self._run(
                        functools.partial(_RATE, keys=keys, args=args)
                    )
            except self._errors as exc:
                # Announce with the first call Redis answers: it may come back empty.
                self._announce_due = -math.inf
                self._failed(exc)
                return  # the breaker is open now: everyone falls back
            self._breaker.succeeded()
            self.stats["round_trips"] += 1
            # Counted on every answer (ZCARD is O(1)), announced only every few seconds: a
            # fleet that starts together learns its size at once, not 5 s later. The count
            # includes this limiter (the script puts it back if it was missing).
            self.live_processes = max(1, int(live))
            if granted:
                unused = queue.grant(int(granted))
                if unused:  # their takers left while Redis answered
                    await self._refund(group, rate, unused)
            else:
                await self._sleep(int(retry_us) / 1_000_000)

    async def _refund(self, group: str, rate: float, count: int) -> None:
        spacing = f"{1_000_000.0 / rate:.3f}"
        with anyio.CancelScope(shield=True), contextlib.suppress(*self._errors):
            await self._run(lambda r: _REFUND(r, [self.rate_key(group)], [spacing, count]))
        self.stats["refunded"] += count

    async def _honour_pause(self, group: str) -> None:
        """A group without a rate still waits out a 429 pause set by any worker."""
        key = self.pause_key(group)
        while not self._skip():
            try:
                left_ms = await self._run(lambda r: r.pttl(key))
            except self._errors as exc:
                self._failed(exc)
                return
            self._breaker.succeeded()
            if left_ms <= 0:
                return
            await self._sleep(left_ms / 1000)

    async def _take_fallback(self, group: str) -> bool:
        """A permit from this process' own limiter: True. False when Redis is due for another
        try first (a long fallback queue must not outlast an outage)."""
        wait = self._breaker.retry_in() or math.inf
        with anyio.move_on_after(wait):
            async with self._fallback.slot(group):
                self.stats["fallback"] += 1
                return True
        return False


# -- the token store ------------------------------------------------------------------------


def _parse_token(fields: Sequence[bytes | str | None]) -> Token | None:
    """A token from its hash fields; None for anything missing or malformed."""
    if len(fields) != 3 or any(f is None for f in fields):
        return None
    raw = [f.decode("utf-8", "replace") if isinstance(f, bytes) else str(f) for f in fields]
    access_token, expires_at_text, lifetime_text = raw
    if not access_token or len(access_token) > _MAX_TOKEN_CHARS:
        return None
    if len(expires_at_text) > 32 or len(lifetime_text) > 32:
        return None
    try:
        expires_at = float(expires_at_text)
        lifetime = float(lifetime_text)
    except ValueError:
        return None
    if not (math.isfinite(expires_at) and math.isfinite(lifetime) and lifetime >= 0):
        return None
    return Token(access_token, expires_at, lifetime)


class RedisTokenStore(_RedisBacked):
    """A ``TokenStore`` shared by every process using the same ``client_id``.

    A token is stored with a TTL of its lifetime minus the refresh margin, so it is gone from
    Redis when it is due; each process keeps a copy and asks Redis again only then (or after a
    401). ``fetch_lock()`` lets one process fetch while the others wait for its token.

    Args:
        redis, client_id, key_prefix, timeout, breaker_cooldown: as for ``RedisLimiter``.
        refresh_margin: seconds before expiry a token is due; match the client's
            ``token_refresh_margin`` (default: ``min(60, lifetime / 10)``).
        lock_timeout: how long the fetching process holds the lock at most (seconds); the
            others wait for the token that long at most before fetching themselves.
        fail_closed: raise ``RedisUnavailableError`` when Redis does not answer, instead of
            fetching a token in this process.
    """

    _what_fails = "access tokens are fetched and cached by each process on its own"

    def __init__(
        self,
        redis: coredis.Redis[bytes] | coredis.RedisCluster[bytes] | Any,
        *,
        client_id: str | None = None,
        key_prefix: str = "sc",
        refresh_margin: float | None = None,
        lock_timeout: float = 10.0,
        timeout: float = DEFAULT_TIMEOUT,
        fail_closed: bool = False,
        breaker_cooldown: float = DEFAULT_COOLDOWN,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
        sleep: Callable[[float], Awaitable[None]] = anyio.sleep,
        rng: random.Random | None = None,
        _owns: bool = False,
        _where: str | None = None,
    ) -> None:
        if refresh_margin is not None and not (
            refresh_margin >= 0 and math.isfinite(refresh_margin)
        ):
            raise ValidationError(
                "refresh_margin", f"must be a non-negative number of seconds, got {refresh_margin}"
            )
        if not (lock_timeout > 0 and math.isfinite(lock_timeout)):
            raise ValidationError(
                "lock_timeout", f"must be a positive number of seconds, got {lock_timeout}"
            )
        super().__init__(
            redis,
            client_id=client_id,
            key_prefix=key_prefix,
            timeout=timeout,
            breaker_cooldown=breaker_cooldown,
            fail_closed=fail_closed,
            clock=clock,
            owns=_owns,
            where=_where,
        )
        self.token_key = f"{self._tag}:token"
        self.lock_key = f"{self._tag}:token:lock"
        self._margin = refresh_margin
        self._lock_ms = math.ceil(lock_timeout * 1000)
        self._wall = wall_clock
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._token: Token | None = None  # this process' copy
        self._token_until = 0.0  # wall time its Redis copy expires (the token is due)

    @classmethod
    def from_url(
        cls,
        url: str,
        *,
        client_id: str | None = None,
        key_prefix: str = "sc",
        refresh_margin: float | None = None,
        lock_timeout: float = 10.0,
        timeout: float = DEFAULT_TIMEOUT,
        fail_closed: bool = False,
        breaker_cooldown: float = DEFAULT_COOLDOWN,
    ) -> RedisTokenStore:
        """A store with its own connection pool to ``url``."""
        return cls(
            cls._client_from_url(url, timeout),
            client_id=client_id,
            key_prefix=key_prefix,
            refresh_margin=refresh_margin,
            lock_timeout=lock_timeout,
            timeout=timeout,
            fail_closed=fail_closed,
            breaker_cooldown=breaker_cooldown,
            _owns=True,
            _where=_where(url),
        )

    def __repr__(self) -> str:
        return f"RedisTokenStore({self._where}, key={self.token_key})"

    def _due_at(self, token: Token) -> float:
        if self._margin is not None:
            margin = min(self._margin, token.lifetime / 2)
        else:
            margin = min(60.0, token.lifetime / 10)
        return token.expires_at - margin

    def _keep(self, token: Token | None) -> None:
        self._token = token
        self._token_until = self._due_at(token) if token is not None else 0.0

    # -- TokenStore -------------------------------------------------------------------------

    async def load(self) -> Token | None:
        if not self._entered:
            raise self._not_open()
        local = self._token
        if local is not None and self._wall() < self._token_until:
            return local  # fresh: no Redis round trip on the request path
        shared = await self._load_shared()
        if shared is not None:
            return shared
        if local is not None and self._wall() < local.expires_at:
            # Due but still valid, and no newer one shared yet: the client keeps using it while
            # one refresh runs (in one process of all, thanks to the lock).
            return local
        self._keep(None)
        return None

    async def _load_shared(self) -> Token | None:
        """The token in Redis (kept as this process' copy), or None: none there, or Redis is
        not answering (raises instead under fail_closed)."""
        if self._skip():
            return None
        try:
            fields = await self._run(
                lambda r: r.hmget(self.token_key, ["access_token", "expires_at", "lifetime"])
            )
        except self._errors as exc:
            self._failed(exc)
            return None
        self._breaker.succeeded()
        token = _parse_token(fields)
        if token is not None:
            self.stats["shared_loads"] += 1
            self._keep(token)
        return token

    async def save(self, token: Token) -> None:
        if not self._entered:
            raise self._not_open()
        self._keep(token)
        ttl_ms = math.floor((self._due_at(token) - self._wall()) * 1000)
        if ttl_ms <= 0:
            return
        args: list[str | int | float] = [
            token.access_token,
            repr(token.expires_at),
            repr(token.lifetime),
            ttl_ms,
        ]
        await self._write(lambda r: _SAVE_TOKEN(r, [self.token_key], args))

    async def discard(self, failed: str) -> None:
        if self._token is not None and self._token.access_token == failed:
            self._keep(None)
        if self._entered:
            await self._write(lambda r: _DISCARD_TOKEN(r, [self.token_key], [failed]))

    async def _write(self, op: Callable[[Any], Awaitable[Any]]) -> None:
        """A write of what this process already holds: skipped while the breaker is open,
        shielded from cancellation, and a Redis error only feeds the breaker, even under
        fail_closed (the token this process has stays usable)."""
        if not self._breaker.allow():
            return
        try:
            with anyio.CancelScope(shield=True):
                await self._run(op)
        except self._errors as exc:
            self.stats["redis_errors"] += 1
            self._breaker.failed(exc)
        else:
            self._breaker.succeeded()

    def fetch_lock(self) -> contextlib.AbstractAsyncContextManager[None]:
        return self._fetch_lock()

    @contextlib.asynccontextmanager
    async def _fetch_lock(self) -> AsyncIterator[None]:
        if not self._entered:
            raise self._not_open()
        owner = secrets.token_hex(16)
        held = await self._acquire(owner)
        try:
            if held:
                # What another worker saved just before releasing the lock is what load() gives.
                await self._load_shared()
            yield
        finally:
            if held:
                with anyio.CancelScope(shield=True), contextlib.suppress(*self._errors):
                    await self._run(lambda r: _RELEASE_LOCK(r, [self.lock_key], [owner]))

    async def _acquire(self, owner: str) -> bool:
        """True when this process holds the lock; False when a new token appeared, the wait
        ran out, or Redis is not answering (the caller then fetches on its own)."""
        coredis = _coredis()
        # A token the client finds due may still be in Redis (its refresh margin can be longer
        # than this store's): only a token other than that one ends the wait.
        before = self._token.access_token if self._token is not None else None
        give_up = self._clock() + self._lock_ms / 1000 + self._timeout
        delay = 0.02
        while True:
            if self._skip():
                return False
            try:
                got = await self._run(
                    lambda r: r.set(
                        self.lock_key, owner, condition=coredis.PureToken.NX, px=self._lock_ms
                    )
                )
            except self._errors as exc:
                self._failed(exc)
                return False
            self._breaker.succeeded()
            if got:
                self.stats["lock_acquired"] += 1
                return True
            # Another process is fetching: wait (with jitter, so waiters do not move in step)
            # until its token appears, or its lock expires and this one can take it.
            self.stats["lock_waits"] += 1
            await self._sleep(delay * (0.5 + self._rng.random()))
            delay = min(delay * 1.5, 0.25)
            shared = await self._load_shared()
            if shared is not None and shared.access_token != before:
                return False
            if self._clock() >= give_up:
                return False
