"""The request pipeline every operation goes through.

    validate -> encode -> token -> limiter slot -> send -> retry / replay -> map errors -> parse

The generated namespaces describe a request (path, query, body as a plain dict); this module is
the only place that turns a description into bytes on the wire; ``_responses`` turns the bytes
that come back into a model or a typed exception, ``_call_options`` checks per-call options.
"""

from __future__ import annotations

import contextlib
import logging
import random
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import anyio
import httpx

from ._auth import TokenManager
from ._call_options import check_headers, check_options
from ._encoding import ArrayFormat, QueryPairs, encode_form, encode_json, encode_query
from ._errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    ClientClosedError,
    ResponseValidationError,
    SpectroCoinError,
)
from ._event_loop import LoopBinding
from ._evidence import checked_levels, warn_unconfirmed
from ._pagination import Pages
from ._ratelimit import Limiter
from ._reading import (
    ERROR_BODY_LIMIT,
    MAX_RESPONSE_BYTES,
    BodyTooLarge,
    UnreadableBody,
    read_body,
)
from ._redaction import RedactedBytes, RedactedText, Secret, without_frames
from ._responses import (
    _LEGACY_ERROR_STATUSES,
    _REFUSED,
    _legacy_error,
    _trace_id,
    api_error,
    describe_transport_error,
    parse_response,
)
from ._retry import RetryPolicy, parse_retry_after
from ._telemetry import CallObserver, logged_url, observe
from ._types import CallOptions, Operation, Response
from ._validation import check, check_any_of

if TYPE_CHECKING:
    from httpx._client import UseClientDefault

__all__ = ["BodyEncoding", "Pipeline", "check_headers", "check_options"]

T = TypeVar("T")
BodyEncoding = Literal["json", "form"]

logger = logging.getLogger("spectrocoin_async")

_CONTENT_TYPES: dict[str, str] = {
    "json": "application/json",
    "form": "application/x-www-form-urlencoded",
}
# The request certainly never left: retrying cannot make anything happen twice.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
# Only these response headers are ever logged (an allowlist, so nothing secret slips through).
_LOGGED_HEADERS = ("retry-after", "x-ratelimit-remaining", "ratelimit-remaining")
# Answered with a fresh token, once: a 401 (expired or revoked token) and a 403 (a token minted
# before its key's scopes changed), as SpectroCoin's Drupal module and WooCommerce plugin do.
_REPLAYED = frozenset({401, 403})
_URL_CACHE_SIZE = 512
# warn_unconfirmed -> execute -> call -> the generated method -> the caller's line.
_USER_FRAME = 4


def _hide_secrets(operation: Operation, body: Any) -> None:
    """Wrap the body's x-secret values in ``Secret`` (in place: the dict is the generated
    code's own), so that a frame holding the request shows none; the encoder reveals them."""
    if isinstance(body, dict):
        for name in operation.secret_fields:
            value = body.get(name)
            if isinstance(value, str):
                body[name] = Secret(value)


class _Call:
    """What one call carries through the layers, and what a deadline reads when it cuts in."""

    __slots__ = (
        "content",
        "expires",
        "headers",
        "max_attempts",
        "observer",
        "operation",
        "query",
        "reached",
        "replayed",
        "safe",
        "sending",
        "stream",
        "timeout",
        "token_request",
        "tries",
        "url",
    )

    def __init__(
        self,
        operation: Operation,
        url: httpx.URL,
        query: QueryPairs | None,
        content: bytes | None,
        headers: dict[str, str],
        timeout: httpx.Timeout | float | UseClientDefault | None,
        max_attempts: int,
        stream: bool,
    ) -> None:
        self.operation = operation
        self.url = url
        self.query = query
        self.content = content
        self.headers = headers
        self.timeout = timeout
        self.max_attempts = max_attempts
        self.stream = stream
        # GETs and the token request may be sent again after a response or a broken read.
        self.token_request = operation.tag == "auth"
        self.safe = operation.method == "GET" or self.token_request
        self.expires: float | None = None  # the deadline, on the pipeline's (injectable) clock
        self.tries = 0
        self.replayed = False
        self.sending = False  # on the wire right now: a deadline here may cut a sent request
        self.reached = False  # some attempt may have reached the server and had an effect
        self.observer: CallObserver | None = None  # OpenTelemetry, when a provider is set


class _SlotHeldStream(httpx.AsyncByteStream):
    """A streamed body that gives its limiter slot back when it is closed."""

    def __init__(self, inner: httpx.AsyncByteStream, slot: contextlib.AsyncExitStack) -> None:
        self._inner = inner
        self._slot: contextlib.AsyncExitStack | None = slot

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._inner:
            yield chunk

    async def aclose(self) -> None:
        try:
            await self._inner.aclose()
        finally:
            slot, self._slot = self._slot, None
            if slot is not None:
                with anyio.CancelScope(shield=True):
                    await slot.aclose()


class _DeadlineExceeded(Exception):
    """A wait would end past the call's deadline: give up now instead of sleeping first."""


class Pipeline:
    def __init__(
        self,
        *,
        http: httpx.AsyncClient,
        base_url: str,
        tokens: TokenManager | None,
        limiter: Limiter,
        retry: RetryPolicy,
        body_encodings: Mapping[str, BodyEncoding],
        array_format: ArrayFormat,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = anyio.sleep,
        wall_clock: Callable[[], float] = time.time,
        rng: random.Random | None = None,
        default_headers: Mapping[str, str] | None = None,
        deadline: float | None = None,
        stream_deadline: float | None = None,
    ) -> None:
        self.http = http
        # Sent with every request when the httpx client is the caller's (never mutated).
        self.default_headers = dict(default_headers or {})
        self.base_url = base_url.rstrip("/")
        self.tokens = tokens
        self.limiter = limiter
        self.retry = retry
        self.body_encodings = dict(body_encodings)
        self.array_format: ArrayFormat = array_format
        self.closed = False
        self._loop = LoopBinding()
        # The cancel scope of every call in flight: aclose() cancels them, then waits for them.
        self._calls: set[anyio.CancelScope] = set()
        self._drained: anyio.Event | None = None
        # Default total deadlines (a call; a streamed body, headers to last byte).
        self.deadline = deadline
        self.stream_deadline = stream_deadline
        self._urls: dict[str, httpx.URL] = {}
        self._bearer: tuple[str, str] | None = None
        self._clock = clock
        self._sleep = sleep
        self._wall_clock = wall_clock
        self._rng = rng or random.Random()
        # Unconfirmed operations warn once per process, except against a local sandbox.
        self._warn_levels = checked_levels(self.base_url)

    # -- the Runtime protocol used by the generated namespaces ------------------------------

    async def call(
        self,
        operation: Operation,
        request: dict[str, Any],
        parse: Callable[[Any], T],
        options: CallOptions,
    ) -> T:
        response, _ = await self.execute(operation, request, options)
        return self.parse(operation, response, parse)

    async def call_detailed(
        self,
        operation: Operation,
        request: dict[str, Any],
        parse: Callable[[Any], T],
        options: CallOptions,
    ) -> Response[T]:
        started = self._clock()
        response, tries = await self.execute(operation, request, options)
        return Response(
            status_code=response.status_code,
            headers=response.headers,
            parsed=self.parse(operation, response, parse),
            trace_id=_trace_id(response.headers),
            attempts=tries,
            elapsed=self._clock() - started,
        )

    def paginate(
        self,
        operation: Operation,
        request_for_page: Callable[[int], dict[str, Any]],
        parse: Callable[[Any], Any],
        options: CallOptions,
        prefetch: int = 1,
    ) -> Pages[Any]:
        async def fetch(page: int) -> Any:
            return await self.call(operation, request_for_page(page), parse, options)

        return Pages(fetch, prefetch=prefetch)

    # -- building ---------------------------------------------------------------------------

    def encoding_for(self, operation: Operation) -> BodyEncoding | None:
        if operation.body is None:
            return None
        encodings = self.body_encodings
        if encodings:
            for key in (operation.name, operation.operation_id, operation.tag):
                if key in encodings:
                    return encodings[key]
        return operation.body

    def request_headers(
        self, operation: Operation, encoding: BodyEncoding | None, extra: Mapping[str, str] | None
    ) -> dict[str, str]:
        """The headers of one call, before the token: defaults, content type, the caller's."""
        headers = dict(self.default_headers) if self.default_headers else {}
        if encoding is not None:
            headers["Content-Type"] = _CONTENT_TYPES[encoding]
        if extra is not None:  # not `if extra`: headers=0 or "" must be refused, not ignored
            headers.update(check_headers(extra))
        return headers

    def build(
        self, operation: Operation, request: Mapping[str, Any], options: CallOptions
    ) -> tuple[httpx.URL, QueryPairs | None, bytes | None, dict[str, str]]:
        """Validate and encode: ``(url, query, content, headers)``. Raises before any I/O."""
        if self.closed:
            raise ClientClosedError("this SpectroCoinClient is closed; create a new one")
        body = request.get("body")
        params = request.get("params")
        check(operation.body_rules, body)
        check_any_of(operation.body_any_of, body)
        check(operation.query_rules, params)
        content = None
        encoding = self.encoding_for(operation)
        if encoding is not None and body is not None:
            if operation.secret_fields:
                _hide_secrets(operation, body)
            content = (
                encode_json(body)
                if encoding == "json"
                else encode_form(body, array_format=self.array_format)
            )
            if operation.secret_fields:
                content = RedactedBytes(content)
        else:
            encoding = None
        extra = options.get("headers")
        if operation.accept is not None and not any(k.lower() == "accept" for k in extra or ()):
            # Exports: the chosen format's media type, and JSON for error bodies (from the spec).
            extra = {**(extra or {}), "Accept": operation.accept.accept(params)}
        headers = self.request_headers(operation, encoding, extra)
        query = encode_query(params) if params else None
        return self._url(request["url"]), query, content, headers

    def deadline_for(self, options: CallOptions, *, stream: bool = False) -> float | None:
        """The deadline a call with these options runs under (its own, or the default)."""
        return check_options(options, self.stream_deadline if stream else self.deadline)[1]

    def _url(self, path: str) -> httpx.URL:
        """The parsed URL of ``path``, cached: httpx parses a string URL on every request."""
        url = self._urls.get(path)
        if url is None:
            if len(self._urls) >= _URL_CACHE_SIZE:
                self._urls.clear()  # paths with ids vary without end: stay bounded
            url = self._urls[path] = httpx.URL(self.base_url + path)
        return url

    # -- sending: retry policy -> authentication -> one attempt -----------------------------

    async def execute(
        self,
        operation: Operation,
        request: Mapping[str, Any],
        options: CallOptions,
        *,
        stream: bool = False,
    ) -> tuple[httpx.Response, int]:
        """Send with retries; return the successful response and the number of attempts.

        With ``stream=True`` the body of the returned response is not read yet: the caller
        iterates it and must close it (``await response.aclose()``); until then the response
        holds its limiter slot.
        """
        self._loop.check()
        timeout, deadline, max_attempts = check_options(
            options, self.stream_deadline if stream else self.deadline, operation
        )
        url, query, content, headers = self.build(operation, request, options)
        if operation.evidence in self._warn_levels:
            warn_unconfirmed(operation, stacklevel=_USER_FRAME)
        call = _Call(
            operation,
            url,
            query,
            content,
            headers,
            timeout,
            max_attempts or self.retry.max_attempts,
            stream,
        )
        observer = call.observer = observe(operation, url, self.tokens)
        # A bare CancelScope, not fail_after: same effect, a third cheaper, and every call
        # (default deadline) pays it. aclose() cancels it too.
        if deadline is None:
            scope = anyio.CancelScope()
        else:
            call.expires = self._clock() + deadline
            scope = anyio.CancelScope(deadline=anyio.current_time() + deadline)
        calls = self._calls
        calls.add(scope)
        try:
            with scope:
                response = await self._send_with_retries(call)
                if observer is not None:
                    observer.finish(response, None)
                return response, call.tries
        except _DeadlineExceeded:
            pass
        except BaseException as exc:
            if observer is not None:
                observer.finish(None, exc)
            raise
        finally:
            calls.discard(scope)
            if not calls and self._drained is not None:
                self._drained.set()
        # Only the scope's own deadline or aclose() (the scope swallowed the cancellation), or a
        # wait that would end past the deadline gets here.
        error: SpectroCoinError = (
            self._closed_error(call)
            if self.closed
            else APITimeoutError(
                f"deadline of {deadline}s exceeded after {call.tries} attempt(s)",
                operation=operation.operation_id,
                request_may_have_reached_server=call.reached or call.sending,
            )
        )
        if observer is not None:
            observer.finish(None, error)
        raise error

    async def aclose(self) -> None:
        """Refuse new calls, cancel every call in flight (each ends in ClientClosedError) and
        the token fetch, and return once all of them have ended."""
        self.closed = True
        for scope in self._calls:
            scope.cancel()
        with anyio.CancelScope(shield=True):
            if self.tokens is not None:
                await self.tokens.aclose()
            while self._calls:
                drained = self._drained = anyio.Event()
                await drained.wait()

    def _closed_error(self, call: _Call) -> ClientClosedError:
        if not self.closed and self.http.is_closed:
            return ClientClosedError(
                "the httpx client passed as http_client is closed",
                operation=call.operation.operation_id,
                request_may_have_reached_server=call.reached,
            )
        return ClientClosedError(
            "the client was closed (aclose()) while this call was in flight",
            operation=call.operation.operation_id,
            request_may_have_reached_server=call.reached or call.sending,
        )

    async def _send_with_retries(self, call: _Call) -> httpx.Response:
        """The retry policy: decides, and sleeps holding nothing (no slot, no token)."""
        policy = self.retry
        operation = call.operation
        attempt = 0
        while True:
            attempt += 1
            try:
                response = await self._send_handling_auth(call)
            except httpx.TransportError as exc:
                never_sent = isinstance(exc, _NOT_SENT)
                if (never_sent or call.safe) and attempt < call.max_attempts:
                    await self._backoff(policy.backoff(attempt, self._rng), call)
                    continue
                # Chained without frames: theirs hold the request as sent (token, body).
                error = self._transport_error(call, exc, never_sent, attempt)
                raise error from without_frames(exc)
            status = response.status_code
            if status in operation.success:
                if status in _LEGACY_ERROR_STATUSES and not call.stream and _legacy_error(response):
                    # An older API's error, dressed as a success: never hand it on as data.
                    raise self.error(operation, response, call=call)
                return response
            if status < 400:
                # A redirect, or a 2xx the spec does not declare: never data (a login page
                # saved as transactions.csv), never followed (it would carry the token away).
                raise self.error(operation, response, call=call)
            if status == 429:
                retry_after = parse_retry_after(
                    response.headers.get("retry-after"), now=self._wall_clock()
                )
                delay = (
                    min(retry_after, policy.retry_after_cap)
                    if retry_after is not None
                    else policy.backoff(attempt, self._rng)
                )
                # Pause even when giving up: the group's next request must respect it too. The
                # wait itself happens in the limiter, holding no slot.
                await self.limiter.pause(operation.group, delay)
                # The token request never waits a 429 out: the TokenManager remembers it for
                # its Retry-After and fails every caller at once (waiting here would hold them
                # all, and run into the fetch's own timeout first).
                if (
                    attempt < call.max_attempts
                    and not call.token_request
                    and not self._past_deadline(delay, call)
                ):
                    continue
                raise self.error(operation, response, retry_after=retry_after, call=call)
            if status in policy.retry_statuses and call.safe and attempt < call.max_attempts:
                await self._backoff(policy.backoff(attempt, self._rng), call)
                continue
            raise self.error(operation, response, call=call)

    async def _send_handling_auth(self, call: _Call) -> httpx.Response:
        """Bearer token, and at most one replay after a 401 or 403 (the token may have been
        revoked, expired early or lost a scope), without spending an attempt of the retry policy.
        Never a replay once an attempt may have reached the server with a money-moving request."""
        if call.operation.public:
            return await self._attempt(call, None)
        tokens = self.tokens
        if tokens is None:
            if call.operation.optional_auth:
                return await self._attempt(call, None)
            raise AuthenticationError(
                "no client credentials configured: pass SpectroCoinClient(client_id=..., "
                "client_secret=...) or set SPECTROCOIN_CLIENT_ID and SPECTROCOIN_CLIENT_SECRET",
                status_code=0,
                operation=call.operation.operation_id,
                request_may_have_reached_server=False,
            )
        token = await tokens.get()
        response = await self._attempt(call, token)
        if (
            response.status_code not in _REPLAYED
            or call.replayed
            or (call.reached and call.operation.moves_money)
        ):
            return response
        call.replayed = True
        # Drops the token only if it is still the cached one: a burst of 401s refreshes once.
        await tokens.invalidate(token)
        return await self._attempt(call, await tokens.get())

    async def _attempt(self, call: _Call, token: str | None) -> httpx.Response:
        """One attempt: take a slot, send, read (or hand over the stream with its slot)."""
        headers = call.headers
        if token is not None:
            bearer = self._bearer
            if bearer is None or bearer[0] is not token:
                # One header value per token, hidden from repr (frame locals hold this dict).
                bearer = self._bearer = (token, RedactedText(f"Bearer {token}"))
            headers["Authorization"] = bearer[1]
        request = self.http.build_request(
            call.operation.method,
            call.url,
            params=call.query,
            content=call.content,
            headers=headers,
            timeout=call.timeout,
        )
        if call.stream:
            return await self._attempt_streaming(call, request)
        async with self.limiter.slot(call.operation.group) as waited:
            started = self._clock()
            response = await self._send(call, request, waited, started, stream=False)
        if call.observer is not None or logger.isEnabledFor(logging.DEBUG):
            self._log(call, request, response, started, waited, None)
        return response

    async def _attempt_streaming(self, call: _Call, request: httpx.Request) -> httpx.Response:
        async with contextlib.AsyncExitStack() as stack:
            waited = await stack.enter_async_context(self.limiter.slot(call.operation.group))
            started = self._clock()
            response = await self._send(call, request, waited, started, stream=True)
            if response.status_code not in call.operation.success:
                # Only feeds the exception: cut at the limit (read_body closes the response).
                await read_body(response, ERROR_BODY_LIMIT, truncate=True)
            else:
                # The body is still to come: the slot goes with it, released when it is closed.
                assert isinstance(response.stream, httpx.AsyncByteStream)
                response.stream = _SlotHeldStream(response.stream, stack.pop_all())
        if call.observer is not None or logger.isEnabledFor(logging.DEBUG):
            self._log(call, request, response, started, waited, None)
        return response

    async def _send(
        self, call: _Call, request: httpx.Request, waited: float, started: float, *, stream: bool
    ) -> httpx.Response:
        if self.closed:  # closed while this call waited: nothing more goes out
            raise self._closed_error(call)
        call.tries += 1
        call.sending = True
        try:
            # Always streamed: httpx's own read inflates the whole body before any size check.
            response = await self.http.send(request, stream=True)
            if not stream:
                if response.status_code in call.operation.success:
                    await read_body(response, MAX_RESPONSE_BYTES)
                else:  # only feeds the exception: cut, not refused
                    await read_body(response, ERROR_BODY_LIMIT, truncate=True)
        except httpx.TransportError as exc:
            call.sending = False
            if not isinstance(exc, _NOT_SENT):
                call.reached = True
            self._log(call, request, None, started, waited, exc)
            raise
        except (BodyTooLarge, UnreadableBody) as exc:
            call.sending = False
            call.reached = True  # a success status: the server did act
            binary = call.operation.response == "binary"
            hint = " (stream a large export with download_* or iter_*)" if binary else ""
            raise ResponseValidationError(
                f"{exc}{hint}",
                status_code=response.status_code,
                headers=response.headers,
                operation=call.operation.operation_id,
            ) from None
        except RuntimeError:
            call.sending = False
            if self.http.is_closed:  # httpx's "Cannot send a request, as the client ..."
                raise self._closed_error(call) from None
            raise
        call.sending = False
        if response.status_code not in _REFUSED:
            call.reached = True
        return response

    def _past_deadline(self, seconds: float, call: _Call) -> bool:
        return call.expires is not None and self._clock() + seconds > call.expires

    async def _backoff(self, seconds: float, call: _Call) -> None:
        if self._past_deadline(seconds, call):
            raise _DeadlineExceeded
        await self._sleep(seconds)

    def _transport_error(
        self, call: _Call, exc: httpx.TransportError, never_sent: bool, attempts: int
    ) -> APIConnectionError:
        operation = call.operation
        kind = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
        note = (
            " (not retried: it moves money; reconcile before calling again)"
            if operation.moves_money and not never_sent
            else ""
        )
        return kind(
            describe_transport_error(exc, call.url, attempts) + note,
            operation=operation.operation_id,
            request_may_have_reached_server=call.reached,
        )

    # -- reading ----------------------------------------------------------------------------

    parse = staticmethod(parse_response)

    def error(
        self,
        operation: Operation,
        response: httpx.Response,
        *,
        retry_after: float | None = None,
        call: _Call | None = None,
    ) -> APIError:
        """The typed exception for an error status (see ``_responses.api_error``)."""
        reached = call.reached if call is not None else None
        return api_error(operation, response, retry_after=retry_after, reached=reached)

    # -- observability ----------------------------------------------------------------------

    def _log(
        self,
        call: _Call,
        request: httpx.Request,
        response: httpx.Response | None,
        started: float,
        waited: float,
        exc: BaseException | None,
    ) -> None:
        """One attempt has ended: a DEBUG line, and the attempt's span and metrics."""
        duration = self._clock() - started
        if call.observer is not None:
            call.observer.attempt(request, response, exc, duration, waited)
        if not logger.isEnabledFor(logging.DEBUG):
            return
        outcome = str(response.status_code) if response is not None else type(exc).__name__
        extra = ""
        if response is not None:
            shown = [f"{h}={response.headers[h]}" for h in _LOGGED_HEADERS if h in response.headers]
            extra = (" " + " ".join(shown)) if shown else ""
        logger.debug(
            "%s %s -> %s attempt=%d duration=%.3fs limiter_wait=%.3fs%s",
            request.method,
            logged_url(request.url),
            outcome,
            call.tries,
            duration,
            waited,
            extra,
        )
