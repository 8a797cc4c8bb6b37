"""``SpectroCoinClient``: one long-lived httpx client, tokens, limits, retries, namespaces."""

from __future__ import annotations

import math
import os
import random
import re
import sys
import time
from collections.abc import Awaitable, Callable, Mapping
from contextvars import ContextVar
from decimal import Decimal
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final, Literal, Self, get_args

import anyio
import httpx
from httpx._client import UseClientDefault

from ._auth import Secret, TokenManager, TokenStore
from ._encoding import ArrayFormat
from ._errors import (
    APIConnectionError,
    APIError,
    AuthenticationError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
    ValidationError,
)
from ._exports import ExportsNamespace
from ._generated._operations import OPERATIONS
from ._generated.api import Namespaces
from ._json import decode_json
from ._merchant import MerchantNamespace
from ._pipeline import BodyEncoding, Pipeline, check_headers
from ._ratelimit import InProcessLimiter, Limiter, RateLimits
from ._reading import ACCEPT_ENCODING
from ._retry import RetryPolicy, check_seconds, check_whole_number
from ._types import CallOptions, Operation
from ._version import __version__

if TYPE_CHECKING:
    from ._callbacks import PublicKeySource

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_DEADLINE",
    "DEFAULT_EXPORT_DEADLINE",
    "DEFAULT_TIMEOUT",
    "SpectroCoinClient",
]

DEFAULT_BASE_URL = "https://spectrocoin.com/api/public"
DEFAULT_TIMEOUT = httpx.Timeout(connect=5.0, read=30.0, write=30.0, pool=10.0)
DEFAULT_DEADLINE = 300.0
"""Seconds a call may take in all (token, limiter waits, retries, every byte): a server that
drips a byte within each read timeout cannot hold a call forever."""
DEFAULT_EXPORT_DEADLINE = 3600.0
"""The same for a streamed export, from the request to the last byte of the body."""
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_ANY_2XX = tuple(range(200, 300))


def _check_base_url(url: str) -> str:
    """Refuse a base URL httpx would only fail on later (no scheme, no host)."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as exc:
        raise ValidationError("base_url", f"{url!r} is not a URL: {exc}") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise ValidationError(
            "base_url",
            f"{url!r} needs an http:// or https:// scheme and a host, e.g. {DEFAULT_BASE_URL!r}",
        )
    return url.rstrip("/")


MAX_TOKEN_LIFETIME = 366 * 24 * 3600
"""Seconds: a longer ``expires_in`` is not a real lifetime, and refused."""


_DIGITS: Final = re.compile(r"[0-9]+")


def _lifetime(value: Any, status: int) -> float:
    """``expires_in`` as seconds, bounded before any conversion: a 400-digit integer or
    ``1e1000000`` must fail fast and typed, never as OverflowError or a slow int()."""
    # ASCII digits only: str.isdigit() is also true of "²" (which int() refuses) and "١٢".
    if isinstance(value, str) and len(value) <= 20 and _DIGITS.fullmatch(value.strip()):
        value = int(value)
    number: float | None = None
    exact = (isinstance(value, int) and not isinstance(value, bool)) or (
        isinstance(value, Decimal) and value.is_finite()
    )
    if exact and 0 < value <= MAX_TOKEN_LIFETIME:
        number = float(value)
    if number is None:
        raise ResponseValidationError(
            f"token response expires_in must be seconds between 1 and {MAX_TOKEN_LIFETIME}, "
            f"got {str(value)[:40]!r}",
            status_code=status,
            operation="getAccessToken",
        )
    return number


def _default_deadline(name: str, value: float | None) -> float | None:
    if value is None:
        return None
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or value <= 0
    ):
        raise ValidationError(name, f"must be a positive number of seconds or None, got {value!r}")
    return float(value)


def _check_encodings(
    body_encodings: Mapping[str, BodyEncoding] | None, array_format: ArrayFormat
) -> dict[str, BodyEncoding]:
    """Refuse what would otherwise fail only at call time (a KeyError) or quietly drop data (an
    unknown array format sent no array at all)."""
    formats = get_args(ArrayFormat)
    if array_format not in formats:
        raise ValidationError(
            "array_format", f"must be one of {', '.join(formats)}; got {array_format!r}"
        )
    encodings = dict(body_encodings or {})
    for key, encoding in encodings.items():
        if not isinstance(key, str) or encoding not in get_args(BodyEncoding):
            raise ValidationError(
                "body_encodings",
                f"maps an operation name, operationId or tag to 'json' or 'form'; got "
                f"{key!r}: {encoding!r}",
            )
    return encodings


def _transport_for(
    http: str, transport: httpx.AsyncBaseTransport | None, limits: httpx.Limits
) -> httpx.AsyncBaseTransport | None:
    """The transport of the client built here: the caller's, httpx's own (None), or aiohttp."""
    if http == "httpx":
        return transport
    if http != "aiohttp":
        raise ValidationError("http", f"must be 'httpx' or 'aiohttp', got {http!r}")
    from ._transport import AiohttpTransport, check_available  # loads with the first use

    if transport is not None:
        raise ValidationError("transport", "http='aiohttp' brings its own transport: pass one")
    try:
        check_available()
    except ImportError as exc:
        from ._redis.backend import MissingExtraError  # the SDK's error for a missing extra

        raise MissingExtraError(str(exc)) from None
    return AiohttpTransport(limits=limits)


def _user_agent() -> str:
    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    return f"spectrocoin-async/{__version__} python/{python} httpx/{httpx.__version__}"


# The clock, sleep, wall clock and jitter randomness a client is built with: the real ones,
# unless SpectroCoinClient._testing sets them for the construction it wraps.
_HOOKS: ContextVar[
    tuple[
        Callable[[], float],
        Callable[[float], Awaitable[None]],
        Callable[[], float],
        random.Random | None,
    ]
] = ContextVar("spectrocoin_client_hooks", default=(time.monotonic, anyio.sleep, time.time, None))


class SpectroCoinClient(Namespaces):
    """Async client for the SpectroCoin Public API.

    ::

        async with SpectroCoinClient() as sc:  # credentials from SPECTROCOIN_CLIENT_ID/_SECRET
            accounts = await sc.accounts.list_accounts()

    Every operation of the spec is a method of a namespace named after its tag
    (``sc.merchant.create_order``); each also has a ``*_detailed`` variant that returns the parsed
    body with status, headers and trace id. Every method takes per-call ``timeout=``,
    ``deadline=``, ``headers=`` and ``max_attempts=``.

    Args:
        client_id, client_secret: API credentials. Default: ``SPECTROCOIN_CLIENT_ID`` and
            ``SPECTROCOIN_CLIENT_SECRET``. Public operations work without them.
        project_id: the merchant project, for callback checks. Default: ``SPECTROCOIN_PROJECT_ID``.
        base_url: the API root (http or https, with a host). Default: production, or
            ``SPECTROCOIN_BASE_URL``.
        api_version: when set, sent in the ``api_version_header`` header on every request.
        timeout: default httpx timeout (connect 5 s, read 30 s, write 30 s, pool 10 s);
            ``None`` means no timeout, as in httpx.
        deadline: the default total deadline of a call, in seconds (300); ``None``: none. A
            call's own ``deadline=`` replaces it.
        export_deadline: the same for streamed exports, body included (3600).
        retry: the retry policy (3 attempts, full-jitter backoff, Retry-After capped at 60 s).
        rate_limits: per-group and global limits for the in-process limiter.
        limiter: a replacement limiter (for example one shared between processes).
        token_store: where tokens are cached (in memory by default).
        token_refresh_margin: refresh this many seconds before expiry (default
            ``min(60, lifetime / 10)``), at most half the token's lifetime.
        body_encodings: per operation (name or operationId) or per tag, ``"json"`` or ``"form"``,
            overriding the spec, e.g. ``{"exchanges": "json"}``. No regeneration needed.
        array_format: how form bodies encode arrays: indices, brackets, repeat or comma.
        transport, max_connections: the transport (tests, proxies) and pool size (default 100)
            of the httpx client built here.
        http: ``"httpx"`` (default) or ``"aiohttp"``: the connection pool of the httpx client
            built here. ``"aiohttp"`` (the ``aiohttp`` extra) costs a fraction of the client
            CPU per request; asyncio only: on trio it warns (``TransportFallbackWarning``) and
            uses httpx's. Not with ``transport`` or ``http_client``.
        http_client: an httpx.AsyncClient to use as it is: its timeout, pool, transport and
            headers hold, it is never modified (our User-Agent and Accept go with each request
            unless it sets its own) and never closed. Passing ``timeout``, ``transport`` or
            ``max_connections`` as well is a ValidationError, since they would be ignored.
        public_key_pem, public_key_path, public_key_url: SpectroCoin's key for legacy callbacks
            (default: the published URL, fetched on first use and again, at most once a
            minute, when a signature stops matching it).

    Namespaces (one per tag of the spec): ``accounts``, ``auth``, ``currencies``, ``deposits``,
    ``exchanges``, ``exports`` (streamed CSV/PDF downloads), ``gift_cards``, ``merchant`` (orders,
    refunds and ``verify_callback``), ``payment_methods``, ``rates``, ``transactions`` and
    ``withdrawals``; and ``request()`` for a path the spec lacks.
    """

    merchant: MerchantNamespace
    exports: ExportsNamespace

    @classmethod
    def _testing(
        cls,
        *args: Any,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = anyio.sleep,
        wall_clock: Callable[[], float] = time.time,
        rng: random.Random | None = None,
        **kwargs: Any,
    ) -> Self:
        """A client whose time and randomness the tests control: ``clock`` (monotonic seconds),
        ``sleep`` (an async sleep), ``wall_clock`` (epoch seconds, for HTTP-date
        ``Retry-After``) and ``rng`` (the backoff jitter). Kept out of ``__init__``, which is
        what users read."""
        token = _HOOKS.set((clock, sleep, wall_clock, rng))
        try:
            return cls(*args, **kwargs)
        finally:
            _HOOKS.reset(token)

    def __init__(
        self,
        client_id: str | None = None,
        client_secret: str | None = None,
        *,
        project_id: str | None = None,
        base_url: str | None = None,
        api_version: str | None = None,
        api_version_header: str = "SpectroCoin-Version",
        timeout: httpx.Timeout | float | None = DEFAULT_TIMEOUT,
        deadline: float | None = DEFAULT_DEADLINE,
        export_deadline: float | None = DEFAULT_EXPORT_DEADLINE,
        retry: RetryPolicy | None = None,
        rate_limits: RateLimits | None = None,
        limiter: Limiter | None = None,
        token_store: TokenStore | None = None,
        token_refresh_margin: float | None = None,
        body_encodings: Mapping[str, BodyEncoding] | None = None,
        array_format: ArrayFormat = "indices",
        transport: httpx.AsyncBaseTransport | None = None,
        http_client: httpx.AsyncClient | None = None,
        max_connections: int | None = None,
        http: Literal["httpx", "aiohttp"] = "httpx",
        public_key_pem: bytes | None = None,
        public_key_path: str | os.PathLike[str] | None = None,
        public_key_url: str | None = None,
    ) -> None:
        clock, sleep, wall_clock, rng = _HOOKS.get()
        env = os.environ
        self.client_id = client_id or env.get("SPECTROCOIN_CLIENT_ID") or None
        secret = client_secret or env.get("SPECTROCOIN_CLIENT_SECRET") or None
        self._client_secret = Secret(secret) if secret else None
        self.project_id = project_id or env.get("SPECTROCOIN_PROJECT_ID") or None
        self.base_url = _check_base_url(
            base_url or env.get("SPECTROCOIN_BASE_URL") or DEFAULT_BASE_URL
        )
        body_encodings = _check_encodings(body_encodings, array_format)
        if max_connections is not None:
            check_whole_number("max_connections", max_connections)
        if token_refresh_margin is not None:
            check_seconds("token_refresh_margin", token_refresh_margin)
        # Accept-Encoding: only what _reading can inflate with a bound (never br or zstd).
        headers = {
            "User-Agent": _user_agent(),
            "Accept": "application/json",
            "Accept-Encoding": ACCEPT_ENCODING,
        }
        if api_version:
            headers[api_version_header] = api_version
            check_headers({api_version_header: api_version})
        self._owns_http = http_client is None
        per_request: dict[str, str] = {}
        if http_client is None:
            limits = httpx.Limits(
                max_connections=max_connections or 100,
                max_keepalive_connections=max_connections or 100,
            )
            http_client = httpx.AsyncClient(
                transport=_transport_for(http, transport, limits),
                timeout=timeout,
                headers=headers,
                limits=limits,
            )
        else:
            # The caller's client is used as it is: its timeout, pool, transport and headers stay.
            # Settings meant for a client of our own would be silently lost, so they are refused.
            for name, given in (
                ("transport", transport is not None),
                ("http", http != "httpx"),
                ("timeout", timeout is not DEFAULT_TIMEOUT),
                ("max_connections", max_connections is not None),
            ):
                if given:
                    raise ValidationError(
                        name, "configure it on the http_client you pass, not on SpectroCoinClient"
                    )
            # Our headers go with each request (the client is not mutated), and only where the
            # caller did not set their own: httpx's defaults are not a choice.
            if http_client.headers.get("user-agent", "").startswith("python-httpx/"):
                per_request["User-Agent"] = headers["User-Agent"]
            if http_client.headers.get("accept", "*/*") == "*/*":
                per_request["Accept"] = "application/json"
            if http_client.headers.get("accept-encoding") != ACCEPT_ENCODING:
                # Not a choice but a need: a body in another encoding would be refused.
                per_request["Accept-Encoding"] = ACCEPT_ENCODING
            if api_version:
                per_request[api_version_header] = api_version
        self._http = http_client
        self._closing: anyio.Event | None = None  # set once aclose() has finished
        policy = retry or RetryPolicy()
        tokens = None
        if self.client_id and self._client_secret:
            tokens = TokenManager(
                self._fetch_token,
                store=token_store,
                refresh_margin=token_refresh_margin,
                clock=clock,
                wall_clock=wall_clock,
                retry_after_cap=policy.retry_after_cap,
            )
        self.tokens = tokens
        self.limiter: Limiter = limiter or InProcessLimiter(rate_limits, clock=clock, sleep=sleep)
        self._pipeline = Pipeline(
            http=http_client,
            base_url=self.base_url,
            tokens=tokens,
            limiter=self.limiter,
            retry=policy,
            body_encodings=body_encodings,
            array_format=array_format,
            clock=clock,
            sleep=sleep,
            wall_clock=wall_clock,
            rng=rng,
            default_headers=per_request,
            deadline=_default_deadline("deadline", deadline),
            stream_deadline=_default_deadline("export_deadline", export_deadline),
        )
        self._bind_namespaces(self._pipeline)
        self.exports = ExportsNamespace(self._pipeline)
        if public_key_pem is not None and public_key_path is not None:
            raise ValidationError("public_key_path", "pass public_key_pem or public_key_path")

        def key() -> PublicKeySource:  # on the first callback: the callbacks package loads then
            from ._callbacks import PublicKeySource

            if public_key_pem is not None or public_key_path is not None:
                return PublicKeySource(pem=public_key_pem, path=public_key_path, clock=clock)
            if public_key_url:
                return PublicKeySource(url=public_key_url, clock=clock)
            return PublicKeySource(clock=clock)

        self.merchant = MerchantNamespace(
            self._pipeline, http=http_client, project_id=self.project_id, public_key=key
        )

    def __repr__(self) -> str:
        return (
            f"SpectroCoinClient(base_url={self.base_url!r}, client_id={self.client_id!r}, "
            f"client_secret={'<set>' if self._client_secret else None})"
        )

    # -- lifetime ---------------------------------------------------------------------------

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the client. Idempotent.

        Every call still in flight ends in :class:`ClientClosedError` (saying whether its
        request may have reached the server), the token fetch in flight is cancelled, and once
        this returns no task of the client runs and no request of it is sent. Then the
        connection pool is closed (unless the httpx client was passed in).
        """
        closing = self._closing
        if closing is not None:  # closed, or being closed by another task: wait for that
            with anyio.CancelScope(shield=True):
                await closing.wait()
            return
        closing = self._closing = anyio.Event()
        try:
            await self._pipeline.aclose()
            if self._owns_http:
                await self._http.aclose()
        finally:
            closing.set()

    @property
    def closed(self) -> bool:
        return self._pipeline.closed

    # -- tokens -----------------------------------------------------------------------------

    async def _fetch_token(self) -> tuple[str, float]:
        assert self.client_id is not None and self._client_secret is not None
        request = {
            "url": "/oauth/token",
            "body": {
                "grant_type": "client_credentials",
                "client_id": self.client_id,
                "client_secret": self._client_secret,  # revealed by the encoder only
            },
        }
        operation = OPERATIONS["get_access_token"]
        # Whatever goes wrong here, the caller's own request was never sent: every error says so.
        try:
            response, _ = await self._pipeline.execute(operation, request, {})
        except APIError as exc:
            message = f"token request failed: {exc.message}"
            if exc.status_code == 404:
                message = (
                    f"the token endpoint was not found at {self.base_url}/oauth/token (HTTP 404): "
                    "check base_url"
                )
            # An outage or a rate limit at the token endpoint is not an authentication failure:
            # it keeps its type (ServerError, RateLimitError), so that no one rotates keys over it.
            extra: dict[str, Any] = {}
            kind: type[APIError] = AuthenticationError
            if isinstance(exc, (ServerError, RateLimitError)):
                kind = type(exc)
            if isinstance(exc, RateLimitError):
                extra["retry_after"] = exc.retry_after
            raise kind(
                message,
                **extra,
                request_may_have_reached_server=False,
                status_code=exc.status_code,
                error_code=exc.error_code,
                trace_id=exc.trace_id,
                span_id=exc.span_id,
                headers=exc.headers,
                body=exc.body,
                operation=operation.operation_id,
            ) from exc
        except APIConnectionError as exc:
            raise type(exc)(
                f"token request failed: {exc.message}",
                operation=operation.operation_id,
                request_may_have_reached_server=False,
            ) from exc

        def invalid(problem: str) -> ResponseValidationError:
            return ResponseValidationError(
                f"token response {problem}",
                status_code=response.status_code,
                operation=operation.operation_id,
            )

        try:
            data = decode_json(response.content)
        except ValueError as exc:  # UnicodeDecodeError and the size/depth limits included
            raise invalid(f"is not JSON: {str(exc)[:200]}") from None
        if not isinstance(data, dict):
            raise invalid("is not a JSON object")
        missing = [name for name in ("access_token", "expires_in") if name not in data]
        if missing:
            raise invalid(f"has no {' and no '.join(missing)}")
        access_token = data["access_token"]
        expires_in = _lifetime(data["expires_in"], response.status_code)
        token_type = data.get("token_type", "bearer")
        if not isinstance(access_token, str) or not access_token:  # expires_in: checked above
            raise AuthenticationError(
                "token response has an empty or non-text access_token",
                status_code=response.status_code,
                operation=operation.operation_id,
                request_may_have_reached_server=False,
            )
        if not isinstance(token_type, str) or token_type.lower() != "bearer":
            raise AuthenticationError(
                f"unsupported token_type {str(token_type)[:40]!r}",
                status_code=response.status_code,
                operation=operation.operation_id,
                request_may_have_reached_server=False,
            )
        return access_token, float(expires_in)

    # -- escape hatch -----------------------------------------------------------------------

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        form: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        public: bool = False,
        group: str = "custom",
        timeout: float | httpx.Timeout | UseClientDefault | None = httpx.USE_CLIENT_DEFAULT,  # noqa: ASYNC109
        deadline: float | UseClientDefault | None = httpx.USE_CLIENT_DEFAULT,
        max_attempts: int | None = None,
    ) -> Any:
        """Call a path the spec does not have yet, through the same pipeline.

        Same auth, encoding (Decimals in plain notation), rate limiting, retries and error
        mapping as the generated methods. Returns the decoded JSON (numbers with a fraction as
        ``Decimal``), or None for an empty body. A non-GET call is treated as possibly moving
        money: it is never retried once it may have reached the server. ``public=True`` sends
        no token; ``group`` names the rate-limit group. ``timeout`` and ``deadline`` left out
        are the client's; ``None`` is none.
        """
        if json is not None and form is not None:
            raise ValidationError("json", "pass json= or form=, not both")
        method = method.upper()
        body: Any = json if json is not None else form
        operation = Operation(
            name=f"{method} {path}",
            operation_id=f"{method} {path}",
            tag="custom",
            method=method,
            path=path,
            public=public,
            body=("json" if json is not None else "form") if body is not None else None,
            response="json",
            moves_money=method not in _SAFE_METHODS,
            evidence="custom",
            source="request()",
            group=group,
            success=_ANY_2XX,  # no spec to declare it: every 2xx, as in HTTP
        )
        call_options: CallOptions = {"headers": headers, "max_attempts": max_attempts}
        # Like httpx: left out, the client's timeout and deadline; None, none at all.
        if not isinstance(timeout, UseClientDefault):
            call_options["timeout"] = timeout
        if not isinstance(deadline, UseClientDefault):
            call_options["deadline"] = deadline
        request = {
            "url": path if path.startswith("/") else "/" + path,
            "params": params,
            "body": body,
        }
        response, _ = await self._pipeline.execute(operation, request, call_options)
        if not response.content:
            return None
        return self._pipeline.parse(operation, response, lambda data: data)
