"""``http="aiohttp"``: aiohttp's connection pool under httpx's API (the ``aiohttp`` extra).

httpx's own pool costs several times more client CPU per request than the whole SDK adds on top
of it; aiohttp's costs a fraction. ``httpx-aiohttp`` adapts aiohttp to an httpx transport. What
this module adds is what the SDK's retry rules depend on:

- **The right httpx error for each aiohttp error.** The pipeline retries a request that may have
  reached the server only when it is safe, and tells the two apart by the httpx error type
  (``ConnectError``, ``ConnectTimeout`` and ``PoolTimeout`` mean nothing was sent). httpx-aiohttp
  maps every ``ClientConnectionError`` it does not know better, a server that hung up after
  reading the request included, to ``ConnectTimeout``: a payment would be sent again. Here each
  aiohttp error becomes the httpx error of the same meaning, with the aiohttp error (and its
  ``OSError``) as the cause, so messages name the host and the cause as on httpx's transport.
- **No silent resend.** aiohttp sends a PUT or DELETE again by itself when a kept-alive
  connection fails; that is switched off, so the SDK's retry policy is the only one.
- **asyncio only.** aiohttp needs asyncio. On trio the transport warns once and uses httpx's own
  transport, with the same pool size and TLS settings.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    import aiohttp

__all__ = ["AiohttpTransport", "TransportFallbackWarning", "check_available"]


class TransportFallbackWarning(RuntimeWarning):
    """``http="aiohttp"`` on an event loop other than asyncio: httpx's own transport is used."""


def check_available() -> None:
    """Raise ImportError naming the extra when aiohttp or httpx-aiohttp is missing."""
    try:
        import aiohttp  # noqa: F401
        import httpx_aiohttp  # noqa: F401
    except ImportError as exc:
        raise ImportError(
            f"http='aiohttp' needs the aiohttp extra ({exc.name} is not installed): "
            "pip install 'spectrocoin-async[aiohttp]'"
        ) from None


def _on_asyncio() -> bool:
    asyncio = sys.modules.get("asyncio")  # never imported here: trio programs need not load it
    return asyncio is not None and asyncio._get_running_loop() is not None


def _httpx_error(error: aiohttp.ClientError) -> type[httpx.TransportError]:
    """The httpx error that means what ``error`` means, for the pipeline's reached-the-server
    rule: only a failure before anything was written is a ConnectError/ConnectTimeout."""
    import aiohttp

    if isinstance(error, aiohttp.ConnectionTimeoutError):  # waiting for a slot or connecting
        return httpx.ConnectTimeout
    if isinstance(error, aiohttp.ServerTimeoutError):  # the request was written
        return httpx.ReadTimeout
    if isinstance(error, aiohttp.ClientConnectorError | aiohttp.ServerFingerprintMismatch):
        return httpx.ConnectError  # refused, DNS, TLS: before the request
    if isinstance(error, aiohttp.ClientHttpProxyError):
        return httpx.ProxyError
    if isinstance(error, aiohttp.ServerDisconnectedError | aiohttp.ClientResponseError):
        return httpx.RemoteProtocolError
    if isinstance(error, aiohttp.InvalidURL | aiohttp.NonHttpUrlClientError):
        return httpx.UnsupportedProtocol
    # Reset mid-exchange, a truncated body, anything else: it may have reached the server.
    return httpx.ReadError


def _remapped(exc: Exception, request: httpx.Request) -> httpx.TransportError | None:
    """The httpx error for an aiohttp failure (raw, or as httpx-aiohttp wrapped it)."""
    import aiohttp

    cause: BaseException | None = exc
    if not isinstance(exc, aiohttp.ClientError):
        cause = exc.__cause__
    if not isinstance(cause, aiohttp.ClientError):
        return None
    error = _httpx_error(cause)(str(cause) or type(cause).__name__, request=request)
    error.__cause__ = cause
    return error


class _Stream(httpx.AsyncByteStream):
    """The response body, with aiohttp's errors mapped as in the request."""

    def __init__(self, inner: httpx.AsyncByteStream, request: httpx.Request) -> None:
        self._inner = inner
        self._request = request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self._inner:
                yield chunk
        except Exception as exc:
            error = _remapped(exc, self._request)
            if error is None:
                raise
            raise error from error.__cause__

    async def aclose(self) -> None:
        try:
            await self._inner.aclose()
        except Exception as exc:
            error = _remapped(exc, self._request)
            if error is None:
                raise
            raise error from error.__cause__


class AiohttpTransport(httpx.AsyncBaseTransport):
    """aiohttp on asyncio, httpx's own transport (with a warning) elsewhere.

    The inner transport is chosen on the first request, when the event loop is known.
    """

    def __init__(self, *, limits: httpx.Limits, verify: bool = True) -> None:
        self._limits = limits
        self._verify = verify
        self._inner: httpx.AsyncBaseTransport | None = None
        self._aiohttp = False

    def _choose(self) -> httpx.AsyncBaseTransport:
        if not _on_asyncio():
            warnings.warn(
                "http='aiohttp' runs on asyncio only; this event loop is not asyncio (trio?), "
                "so this client uses httpx's own transport",
                TransportFallbackWarning,
                stacklevel=2,
            )
            return httpx.AsyncHTTPTransport(limits=self._limits, verify=self._verify)
        import aiohttp
        from httpx_aiohttp import AiohttpTransport as Adapter

        adapter = Adapter(limits=self._limits, verify=self._verify)
        limits = self._limits

        def session() -> aiohttp.ClientSession:
            connector = aiohttp.TCPConnector(
                limit=limits.max_connections or 0,  # 0: no limit, as None is in httpx
                keepalive_timeout=limits.keepalive_expiry or 0,
                ssl=adapter.ssl_context,
            )
            # Proxies from the environment, as httpx honours them by default.
            made = aiohttp.ClientSession(connector=connector, trust_env=True)
            # aiohttp resends a PUT or DELETE on its own when a kept-alive connection fails;
            # the SDK's retry policy must be the only one (aiohttp's own test client does this).
            made._retry_connection = False
            return made

        adapter.client = session
        self._aiohttp = True
        return adapter

    @property
    def on_aiohttp(self) -> bool:
        """Whether requests went through aiohttp (False before the first, and on trio)."""
        return self._aiohttp

    @property
    def closed(self) -> bool:
        """Whether the pool is closed (aiohttp's session; True before any request)."""
        session = getattr(self._inner, "client", None)
        return session is None or not hasattr(session, "closed") or bool(session.closed)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        inner = self._inner
        if inner is None:
            inner = self._inner = self._choose()
        if not self._aiohttp:
            return await inner.handle_async_request(request)
        try:
            response = await inner.handle_async_request(request)
        except Exception as exc:
            error = _remapped(exc, request)
            if error is None:
                raise
            raise error from error.__cause__
        assert isinstance(response.stream, httpx.AsyncByteStream)
        response.stream = _Stream(response.stream, request)
        return response

    async def aclose(self) -> None:
        if self._inner is not None:
            await self._inner.aclose()
