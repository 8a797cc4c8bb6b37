"""OAuth2 client-credentials tokens: fetched lazily, cached, refreshed ahead of expiry, once.

``TokenManager.get()`` is the only call on the request path. With a fresh cached token it is a
dictionary-free attribute check. When no token exists, exactly one caller fetches it while the
others wait on the lock; when the token is only *due* for refresh, one caller refreshes and the
others keep using the still-valid token.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Protocol

import anyio
from attrs import field, frozen

__all__ = [
    "InMemoryTokenStore",
    "Secret",
    "Token",
    "TokenManager",
    "TokenStore",
]


class Secret:
    """A string that never shows itself in ``repr()``, ``str()``, f-strings or logs."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('**********')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __bool__(self) -> bool:
        return bool(self._value)


@frozen
class Token:
    """An access token. ``expires_at`` is on the manager's clock (monotonic by default)."""

    access_token: str = field(repr=False)
    expires_at: float
    lifetime: float


class TokenStore(Protocol):
    """Where tokens live. In memory by default; a shared store (Redis, a database) lets several
    processes use one token: implement these two methods and pass it as ``token_store=``. A shared
    store must translate ``expires_at`` to and from its own clock (wall time)."""

    async def load(self) -> Token | None: ...

    async def save(self, token: Token | None) -> None: ...


class InMemoryTokenStore:
    __slots__ = ("_token",)

    def __init__(self) -> None:
        self._token: Token | None = None

    async def load(self) -> Token | None:
        return self._token

    async def save(self, token: Token | None) -> None:
        self._token = token

    def __repr__(self) -> str:
        return "InMemoryTokenStore()"


Fetch = Callable[[], Awaitable[tuple[str, float]]]
"""Fetches a new token from the API: returns ``(access_token, expires_in_seconds)``."""


class TokenManager:
    """Single-flight token cache with proactive refresh.

    ``refresh_margin``: refresh when less than this many seconds remain. ``None`` means
    ``min(60, lifetime / 10)``, so a 1-hour token refreshes a minute early and a 30-second test
    token three seconds early.
    """

    def __init__(
        self,
        fetch: Fetch,
        *,
        store: TokenStore | None = None,
        refresh_margin: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._fetch = fetch
        self._store: TokenStore = store or InMemoryTokenStore()
        self._margin = refresh_margin
        self._clock = clock
        self._lock = anyio.Lock()
        self.fetch_count = 0

    def __repr__(self) -> str:
        return f"TokenManager(store={self._store!r}, fetches={self.fetch_count})"

    def _due_at(self, token: Token) -> float:
        margin = self._margin if self._margin is not None else min(60.0, token.lifetime / 10)
        return token.expires_at - margin

    async def get(self) -> str:
        token = await self._store.load()
        now = self._clock()
        if (
            token is not None
            and now < token.expires_at
            and (now < self._due_at(token) or self._lock.locked())
        ):
            # Fresh, or due but someone is already refreshing: this one is still valid.
            return token.access_token
        async with self._lock:
            token = await self._store.load()
            if token is not None and self._clock() < self._due_at(token):
                return token.access_token
            return (await self._refresh()).access_token

    async def invalidate(self, failed: str) -> None:
        """After a 401: drop the token only if the one that failed is still the cached one, so
        that a burst of 401s for the same stale token leads to one refresh, not one each."""
        async with self._lock:
            token = await self._store.load()
            if token is not None and token.access_token == failed:
                await self._store.save(None)

    async def _refresh(self) -> Token:
        self.fetch_count += 1
        access_token, expires_in = await self._fetch()
        lifetime = max(float(expires_in), 0.0)
        token = Token(access_token, self._clock() + lifetime, lifetime)
        await self._store.save(token)
        return token
