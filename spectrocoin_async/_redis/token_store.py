"""``RedisTokenStore``: one access token shared by every worker process, fetched under a lock."""

from __future__ import annotations

import contextlib
import math
import random
import secrets
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, Any

import anyio

from spectrocoin_async._auth import Token
from spectrocoin_async._errors import ValidationError
from spectrocoin_async._redis.backend import (
    DEFAULT_COOLDOWN,
    DEFAULT_TIMEOUT,
    _coredis,
    _RedisBacked,
    _where,
)
from spectrocoin_async._redis.scripts import _DISCARD_TOKEN, _RELEASE_LOCK, _SAVE_TOKEN

if TYPE_CHECKING:
    import coredis

_MAX_TOKEN_CHARS = 8192


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
