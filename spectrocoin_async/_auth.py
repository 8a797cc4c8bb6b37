"""OAuth2 client-credentials tokens: fetched lazily, cached, refreshed ahead of expiry, once.

``TokenManager.get()`` is the only call on the request path. With a fresh cached token it is one
store read and a comparison. Otherwise there is at most one fetch in flight per manager (a
"flight"): it runs in its own task, shielded from every caller, under its own timeout, and its
result *or its exception* goes to every caller waiting on it. Each caller waits under its own
deadline; one that gives up leaves the fetch running for the others. A token that is only *due*
for refresh keeps serving while the flight fetches its successor.

A 4xx from the token endpoint (a wrong secret, a revoked key) is remembered for
``failure_ttl`` seconds and raised again at once, so a batch of ten thousand calls with a bad
secret costs one token request per window, not ten thousand. A 429 whose ``Retry-After`` is
longer is remembered for that long instead (capped at ``retry_after_cap``), as the
:class:`~spectrocoin_async.RateLimitError` it is.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, Protocol

import anyio
from attrs import field, frozen

from ._errors import (
    APIError,
    APITimeoutError,
    ClientClosedError,
    RateLimitError,
    SpectroCoinError,
)
from ._redaction import RedactedText, Secret

__all__ = [
    "InMemoryTokenStore",
    "Secret",
    "Token",
    "TokenManager",
    "TokenStore",
]


@frozen
class Token:
    """An access token. ``expires_at`` is wall-clock epoch seconds (``time.time()``), so that
    several processes sharing a store agree on it; ``lifetime`` is ``expires_in`` as granted."""

    # Its repr hides it wherever it is held: in frame locals (``token``) an error reporter
    # captures, too.
    access_token: str = field(repr=False, converter=RedactedText)
    expires_at: float
    lifetime: float


class TokenStore(Protocol):
    """Where tokens live. In memory by default; a shared store (Redis, a database) lets several
    processes use one token: implement these methods and pass it as ``token_store=``."""

    async def load(self) -> Token | None: ...

    async def save(self, token: Token) -> None: ...

    async def discard(self, failed: str) -> None:
        """Forget the cached token only if its access_token is still ``failed`` (after a 401)."""
        ...

    def fetch_lock(self) -> contextlib.AbstractAsyncContextManager[None]:
        """Entered by the one task of this process about to fetch a token; the manager calls
        ``load()`` again inside it and fetches only if nothing fresh is there. In memory a no-op;
        a shared store makes it a cross-process lock."""
        ...


class InMemoryTokenStore:
    __slots__ = ("_token",)

    def __init__(self) -> None:
        self._token: Token | None = None

    async def load(self) -> Token | None:
        return self._token

    async def save(self, token: Token) -> None:
        self._token = token

    async def discard(self, failed: str) -> None:
        token = self._token
        if token is not None and token.access_token == failed:
            self._token = None

    @contextlib.asynccontextmanager
    async def _no_lock(self) -> AsyncIterator[None]:
        yield

    def fetch_lock(self) -> contextlib.AbstractAsyncContextManager[None]:
        # One process: the manager's own single flight is the whole lock.
        return self._no_lock()

    def __repr__(self) -> str:
        return "InMemoryTokenStore()"


Fetch = Callable[[], Awaitable[tuple[str, float]]]
"""Fetches a new token from the API: returns ``(access_token, expires_in_seconds)``."""


class _Flight:
    """One token fetch in flight; its outcome is read by every caller that waited on it."""

    __slots__ = ("done", "error", "scope", "token")

    def __init__(self) -> None:
        self.done = anyio.Event()
        self.token: Token | None = None
        self.error: BaseException | None = None
        # Made here, entered by the fetch's own task: aclose() can cancel it even before the
        # task has started.
        self.scope = anyio.CancelScope()


def _spawn(run: Callable[[], Awaitable[None]]) -> Any:
    """Start ``run`` in a task of its own that no caller's cancellation reaches.

    anyio has no detached task; the manager needs one so that the caller who happened to start a
    fetch can leave (its deadline) without taking the fetch with it.
    """
    trio = sys.modules.get("trio")
    if trio is not None:
        try:
            trio.lowlevel.current_task()
        except RuntimeError:
            pass
        else:
            trio.lowlevel.spawn_system_task(run)
            return None
    import asyncio

    return asyncio.get_running_loop().create_task(run())  # type: ignore[arg-type]


class TokenManager:
    """Single-flight token cache with proactive refresh.

    ``refresh_margin``: refresh when less than this many seconds remain, capped at half the
    token's lifetime (a larger margin would refetch on every call). ``None`` means
    ``min(60, lifetime / 10)``. ``fetch_timeout`` bounds one fetch (its retries included),
    whoever waits for it. ``failure_ttl``: how long a 4xx from the token endpoint is remembered,
    and how long a token that is due but still valid keeps serving, with no new try, after a
    refresh failed. A :class:`RateLimitError` with a longer ``retry_after`` is remembered, and
    holds back the background refresh, for ``retry_after`` seconds instead, at most
    ``retry_after_cap`` (the retry policy's cap).
    ``clock`` is monotonic (for the remembered failure); ``wall_clock`` is epoch seconds (for
    ``Token.expires_at``).
    """

    def __init__(
        self,
        fetch: Fetch,
        *,
        store: TokenStore | None = None,
        refresh_margin: float | None = None,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
        fetch_timeout: float = 60.0,
        failure_ttl: float = 5.0,
        retry_after_cap: float = 60.0,
    ) -> None:
        self._fetch = fetch
        self._store: TokenStore = store if store is not None else InMemoryTokenStore()
        # The default store is read directly on the hot path (no coroutine per call).
        self._memory = self._store if type(self._store) is InMemoryTokenStore else None
        self._due_for: Token | None = None
        self._due = 0.0
        self._margin = refresh_margin
        self._clock = clock
        self._wall = wall_clock
        self._fetch_timeout = fetch_timeout
        self._failure_ttl = failure_ttl
        self._retry_after_cap = retry_after_cap
        self._flight: _Flight | None = None
        self._task: Any = None  # keeps an asyncio task referenced until it ends
        # The refusal being remembered, until when, and when it came (monotonic).
        self._failure: tuple[BaseException, float, float] | None = None
        # After a failed fetch, a token that is only due waits this long (monotonic) before
        # the next background refresh: a still-valid token must not turn every call into a
        # token request while the endpoint refuses or fails.
        self._quiet_until = 0.0
        self._closed = False
        self.fetch_count = 0

    def __repr__(self) -> str:
        return f"TokenManager(store={self._store!r}, fetches={self.fetch_count})"

    async def aclose(self) -> None:
        """Cancel the fetch in flight, if any, and return once it has ended; ``get()`` then
        raises :class:`ClientClosedError`. Waiters of the cancelled fetch get that error too."""
        self._closed = True
        flight = self._flight
        if flight is not None:
            flight.scope.cancel()
            with anyio.CancelScope(shield=True):
                await flight.done.wait()

    async def wait_for_fetch(self) -> None:
        """Wait until no token fetch is in flight (a background refresh included)."""
        while (flight := self._flight) is not None:
            await flight.done.wait()

    def _due_at(self, token: Token) -> float:
        lifetime = token.lifetime
        margin = self._margin if self._margin is not None else min(60.0, lifetime / 10)
        return token.expires_at - min(margin, lifetime / 2)

    async def get(self) -> str:
        memory = self._memory
        token = memory._token if memory is not None else await self._store.load()
        if token is not None:
            now = self._wall()
            if now < token.expires_at:
                if token is not self._due_for:
                    self._due_for, self._due = token, self._due_at(token)
                if (
                    now >= self._due
                    and self._flight is None
                    and self._clock() >= self._quiet_until
                    and not self._closed
                ):
                    # Due but valid: keep serving it while one flight fetches the next.
                    self._start()
                return token.access_token
        failure = self._failure
        if failure is not None:
            now = self._clock()
            error, until, since = failure
            if now < until:
                raise _remembered(error, now - since).with_traceback(None)
            self._failure = None
        flight = self._flight or self._start()
        # Each caller waits under its own deadline; leaving does not cancel the fetch.
        await flight.done.wait()
        if flight.error is not None:
            raise flight.error.with_traceback(None)
        assert flight.token is not None
        return flight.token.access_token

    async def invalidate(self, failed: str) -> None:
        """After a 401: drop the token only if the one that failed is still the cached one, so
        that a burst of 401s for the same stale token leads to one refresh, not one each."""
        await self._store.discard(failed)

    def _start(self) -> _Flight:
        if self._closed:
            raise ClientClosedError("the client is closed: no token is fetched any more")
        flight = self._flight = _Flight()
        self._task = _spawn(lambda: self._run(flight))
        return flight

    async def _run(self, flight: _Flight) -> None:
        try:
            with flight.scope:
                await self._fetch_into(flight)
            if flight.token is None and flight.error is None:  # aclose() cancelled the scope
                flight.error = ClientClosedError(
                    "the client was closed while its token request was in flight",
                    operation="getAccessToken",
                )
        except BaseException:
            # Shut down with the event loop: waiters must not hang.
            flight.error = SpectroCoinError("the token request was cancelled")
            raise
        finally:
            self._flight = None
            self._task = None
            flight.done.set()

    async def _fetch_into(self, flight: _Flight) -> None:
        try:
            with anyio.fail_after(self._fetch_timeout):
                flight.token = await self._refresh()
        except TimeoutError:
            flight.error = APITimeoutError(
                f"the token request did not finish within {self._fetch_timeout}s",
                operation="getAccessToken",
                request_may_have_reached_server=False,  # the caller's own request: never sent
            )
            self._quiet_until = self._clock() + self._failure_ttl
        except Exception as exc:
            flight.error = exc
            window = self._failure_ttl
            if isinstance(exc, RateLimitError) and exc.retry_after is not None:
                # The endpoint said how long (Retry-After, already parsed by the pipeline):
                # asking again sooner would only be refused again. Never shorter than
                # failure_ttl: "Retry-After: 0" must not make every call a token request.
                window = max(window, min(exc.retry_after, self._retry_after_cap))
            until = self._clock() + window
            self._quiet_until = until
            if isinstance(exc, APIError) and 400 <= exc.status_code < 500:
                # Refused credentials stay refused for a while: fail fast, do not hammer.
                self._failure = (exc, until, self._clock())

    async def _refresh(self) -> Token:
        async with self._store.fetch_lock():
            # Another process (shared store) may have fetched while this one waited.
            token = await self._store.load()
            if token is not None and self._wall() < self._due_at(token):
                return token
            self.fetch_count += 1
            access_token, expires_in = await self._fetch()
            lifetime = max(float(expires_in), 0.0)
            token = Token(access_token, self._wall() + lifetime, lifetime)
            await self._store.save(token)
            return token


def _remembered(exc: BaseException, elapsed: float) -> BaseException:
    """A remembered failure as raised again, ``elapsed`` seconds later: a 429's ``retry_after``
    is what is left of the server's, so whoever sleeps for it does not sleep it twice."""
    if not isinstance(exc, RateLimitError) or exc.retry_after is None:
        return exc
    # A copy: callers share the remembered error. (copy.copy would call __init__ with args only.)
    clone = RateLimitError.__new__(type(exc))
    clone.__dict__.update(vars(exc))
    clone.args = exc.args
    clone.__cause__ = exc.__cause__
    clone.retry_after = max(exc.retry_after - elapsed, 0.0)
    return clone
