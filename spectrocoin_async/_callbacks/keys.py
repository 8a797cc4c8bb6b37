"""Where SpectroCoin's callback-signing public key comes from, cached and re-fetched on rotation."""

from __future__ import annotations

import logging
import math
import os
import time
from collections.abc import Callable
from typing import Final

import anyio
import httpx

from spectrocoin_async._callbacks.signature import _load_rsa_public_key
from spectrocoin_async._errors import (
    CallbackUnavailableError,
    CallbackVerificationError,
    ValidationError,
)
from spectrocoin_async._reading import (
    ACCEPT_ENCODING,
    BodyTooLarge,
    UnreadableBody,
    read_body,
)

# One logger for the whole package, named as before the split, so logging configuration holds.
logger = logging.getLogger("spectrocoin_async._callbacks")

SPECTROCOIN_PUBLIC_KEY_URL: Final = "https://spectrocoin.com/files/merchant.public.pem"
"""Where SpectroCoin publishes the public key that signs legacy (form) callbacks."""

DEFAULT_KEY_REFETCH_INTERVAL: Final = 60.0
"""Least seconds between two re-fetches of the callback key after signatures stop matching it."""


MAX_KEY_BYTES: Final = 64 * 1024
"""A PEM public key is a few KiB; a key URL answering more is refused, read no further."""


class PublicKeySource:
    """Where SpectroCoin's callback-signing public key comes from: ``pem``, ``path`` or ``url``.

    Give at most one; with none, the key is fetched from :data:`SPECTROCOIN_PUBLIC_KEY_URL`.
    The key is read or fetched on first use and cached; concurrent first loads share one fetch.
    A failed fetch of a ``url`` (a 503, an HTML page, no connection) is remembered for
    ``refetch_interval`` seconds: callbacks inside that window raise the same
    ``CallbackUnavailableError`` at once, with no new fetch, so that forged callbacks sent during
    a key outage cannot make the receiver fetch once per callback. The first callback after the
    window tries again. (A ``path`` is read again at once: a local read amplifies nothing, and
    a key file put in place should work for the next callback.)

    Key rotation: when a legacy callback's signature does not match the cached key,
    :func:`verify_callback` asks :meth:`refetch` for a fresher one and verifies once more. A
    ``url`` is fetched again and a ``path`` read again (a key file replaced on disk); a ``pem``
    given in code never changes. Such re-fetches happen at most once per ``refetch_interval``
    seconds (default 60), counted from the last try, failed or not, so a flood of forged
    callbacks costs at most one request per interval; concurrent mismatches share one try. The
    interval is short because a genuine callback signed with a new key that arrives inside it
    is rejected, while one GET of a static file a minute costs nothing. If that try fails (the
    URL is down, the file is gone or is not a key), the old key is kept and the callback is
    rejected like any mismatch (``CallbackVerificationError``, a 400 from
    :func:`callback_app`), not answered 503: the key held is a valid key that the signature
    does not match, and a 503 would let anyone turn forged callbacks into key-outage alarms.
    The failure is logged as a warning; a genuine callback caught by it is marked failed at
    SpectroCoin and can be resent from its dashboard. ``clock`` (monotonic seconds) is
    injectable for tests.
    """

    def __init__(
        self,
        *,
        pem: bytes | None = None,
        path: str | os.PathLike[str] | None = None,
        url: str | None = None,
        refetch_interval: float = DEFAULT_KEY_REFETCH_INTERVAL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        given = [name for name, v in (("pem", pem), ("path", path), ("url", url)) if v is not None]
        if len(given) > 1:
            raise ValueError(f"PublicKeySource takes one of pem=, path= or url=, got {given}")
        if (
            isinstance(refetch_interval, bool)
            or not isinstance(refetch_interval, int | float)
            or not math.isfinite(refetch_interval)
            or refetch_interval <= 0
        ):
            raise ValidationError(
                "refetch_interval",
                f"must be a finite number of seconds above 0; got {refetch_interval!r}",
            )
        if not given:
            url = SPECTROCOIN_PUBLIC_KEY_URL
        self._path = path
        self._url = url
        self._cached: bytes | None = pem
        self._lock = anyio.Lock()
        self._refetch_interval = float(refetch_interval)
        self._clock = clock
        # Monotonic time before which the key is not fetched again: after a re-fetch (a key is
        # held) or a failed load (none is; ``_failure`` says why).
        self._next_fetch = -math.inf
        self._failure: str | None = None

    def __repr__(self) -> str:
        if self._url is not None:
            return f"PublicKeySource(url={self._url!r})"
        if self._path is not None:
            return f"PublicKeySource(path={os.fspath(self._path)!r})"
        return "PublicKeySource(pem=...)"

    async def load(self, http: httpx.AsyncClient | None = None) -> bytes:
        """Return the PEM bytes, reading or fetching them on first use.

        ``http`` is used for a ``url`` source (without it, a short-lived client is made). A read
        or fetch that fails, or that yields something other than an RSA public key, raises
        :class:`~spectrocoin_async._errors.CallbackUnavailableError`: it says nothing about the
        callback, which should be answered 503 (marked failed, to be resent).
        """
        if self._cached is not None:
            return self._cached
        async with self._lock:  # single flight: concurrent first loads wait for one try
            if self._cached is None:
                now = self._clock()
                if self._failure is not None and now < self._next_fetch:
                    raise CallbackUnavailableError(
                        f"{self._failure} (remembered: tried again in "
                        f"{self._next_fetch - now:.0f} s at the earliest)"
                    )
                try:
                    self._cached = await self._read_key(http)
                except CallbackUnavailableError as exc:
                    if self._url is not None:
                        self._failure = str(exc)
                        self._next_fetch = now + self._refetch_interval
                    raise
                self._failure = None
            return self._cached

    async def refetch(self, stale: bytes, http: httpx.AsyncClient | None = None) -> bytes | None:
        """A newer key, after a signature did not match ``stale``; ``None`` if there is none.

        Returns the key another caller already fetched, if it differs from ``stale``;
        otherwise fetches or reads the key again, unless that was tried less than
        ``refetch_interval`` seconds ago, and returns it if it differs from ``stale``. Never
        raises for a failed fetch: the old key stays and ``None`` is returned (see the class
        docstring). A ``pem`` source always returns ``None``.
        """
        if self._url is None and self._path is None:
            return None
        async with self._lock:  # single flight: concurrent mismatches wait for one try
            held = self._cached
            if held is not None and held != stale:
                return held
            now = self._clock()
            if now < self._next_fetch:
                return None
            self._next_fetch = now + self._refetch_interval
            try:
                fresh = await self._read_key(http)
            except CallbackUnavailableError as exc:
                logger.warning(
                    "kept the cached callback public key; fetching it again failed: %s", exc
                )
                return None
            if fresh == stale:
                return None
            logger.warning(
                "SpectroCoin's callback public key changed; using the new one (%r)", self
            )
            self._cached = fresh
            return fresh

    async def _read_key(self, http: httpx.AsyncClient | None) -> bytes:
        pem = await self._read(http)
        try:
            _load_rsa_public_key(pem)
        except CallbackVerificationError as exc:
            raise CallbackUnavailableError(f"{exc} ({self!r})") from exc
        return pem

    async def _read(self, http: httpx.AsyncClient | None) -> bytes:
        if self._path is not None:
            try:
                return await anyio.Path(self._path).read_bytes()
            except OSError as exc:
                raise CallbackUnavailableError(
                    f"cannot read the callback public key from {os.fspath(self._path)!r}: {exc}"
                ) from exc
        assert self._url is not None
        if http is None:
            async with httpx.AsyncClient(timeout=10.0) as client:
                return await self._fetch(client, self._url)
        return await self._fetch(http, self._url)

    @staticmethod
    async def _fetch(http: httpx.AsyncClient, url: str) -> bytes:
        # Read like every other body the SDK reads: bounded as it is inflated, so a forged or
        # broken key URL cannot make the receiver inflate a decompression bomb.
        request = http.build_request("GET", url, headers={"Accept-Encoding": ACCEPT_ENCODING})
        try:
            # auth=None: the SDK's bearer token has no business on a static file.
            response = await http.send(request, auth=None, follow_redirects=True, stream=True)
            if response.is_error:
                await response.aclose()
                response.raise_for_status()
            return await read_body(response, MAX_KEY_BYTES)
        except httpx.HTTPError as exc:
            raise CallbackUnavailableError(
                f"cannot fetch the callback public key from {url}: {type(exc).__name__}: {exc}"
            ) from exc
        except (BodyTooLarge, UnreadableBody) as exc:
            raise CallbackUnavailableError(
                f"cannot fetch the callback public key from {url}: {exc}"
            ) from None
