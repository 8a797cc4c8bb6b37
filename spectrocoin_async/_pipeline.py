"""The request pipeline every operation goes through.

    validate -> encode -> token -> limiter slot -> send -> retry / replay -> map errors -> parse

The generated namespaces describe a request (path, query, body as a plain dict); this module is
the only place that turns a description into bytes on the wire and bytes back into a model or a
typed exception.
"""

from __future__ import annotations

import io
import logging
import random
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, Literal, TypeVar

import anyio
import httpx

from ._auth import TokenManager
from ._encoding import ArrayFormat, QueryPairs, encode_form, encode_json, encode_query
from ._errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
    SpectroCoinError,
    UnprocessableEntityError,
    split_error_code,
)
from ._json import decode_json
from ._pagination import Pages
from ._ratelimit import Limiter
from ._retry import RetryPolicy, parse_retry_after
from ._types import CallOptions, File, Operation, Response
from ._validation import check

__all__ = ["BodyEncoding", "Pipeline"]

T = TypeVar("T")
BodyEncoding = Literal["json", "form"]

logger = logging.getLogger("spectrocoin_async")

_STATUS_ERRORS: dict[int, type[APIError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}
_CONTENT_TYPES: dict[str, str] = {
    "json": "application/json",
    "form": "application/x-www-form-urlencoded",
}
# The request certainly never left: retrying cannot make anything happen twice.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
_TRACE_HEADERS = ("x-trace-id", "x-b3-traceid", "traceid", "traceparent")
# Only these response headers are ever logged (an allowlist, so nothing secret slips through).
_LOGGED_HEADERS = ("retry-after", "x-ratelimit-remaining", "ratelimit-remaining")
_PARSE_ERRORS = (KeyError, TypeError, ValueError, AttributeError, ArithmeticError)


def _trace_id(headers: httpx.Headers) -> str | None:
    for name in _TRACE_HEADERS:
        value: str | None = headers.get(name)
        if value:
            return value
    return None


class _Attempts:
    """Per-call bookkeeping, also read when a deadline cuts the call short."""

    __slots__ = ("expires", "sent", "tries")

    def __init__(self, expires: float | None = None) -> None:
        self.sent = False
        self.tries = 0
        self.expires = expires  # the deadline, on the pipeline's (injectable) clock


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
    ) -> None:
        self.http = http
        self.base_url = base_url.rstrip("/")
        self.tokens = tokens
        self.limiter = limiter
        self.retry = retry
        self.body_encodings = dict(body_encodings)
        self.array_format: ArrayFormat = array_format
        self.closed = False
        self._clock = clock
        self._sleep = sleep
        self._wall_clock = wall_clock
        self._rng = rng or random.Random()

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

    def build(
        self, operation: Operation, request: Mapping[str, Any], options: CallOptions
    ) -> tuple[str, QueryPairs | None, bytes | None, dict[str, str]]:
        """Validate and encode: ``(url, query, content, headers)``. Raises before any I/O."""
        if self.closed:
            raise ClientClosedError("this SpectroCoinClient is closed; create a new one")
        body = request.get("body")
        params = request.get("params")
        check(operation.body_rules, body)
        check(operation.query_rules, params)
        headers: dict[str, str] = {}
        content = None
        encoding = self.encoding_for(operation)
        if encoding is not None and body is not None:
            content = (
                encode_json(body)
                if encoding == "json"
                else encode_form(body, array_format=self.array_format)
            )
            headers["Content-Type"] = _CONTENT_TYPES[encoding]
        extra = options.get("headers")
        if extra:
            headers.update(extra)
        query = encode_query(params) if params else None
        return self.base_url + request["url"], query, content, headers

    # -- sending ----------------------------------------------------------------------------

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
        iterates it and must close it (``await response.aclose()``).
        """
        url, query, content, headers = self.build(operation, request, options)
        deadline = options.get("deadline")
        state = _Attempts(None if deadline is None else self._clock() + deadline)
        if deadline is None:
            return await self._attempts(
                operation, url, query, content, headers, options, state, stream
            )
        try:
            with anyio.fail_after(deadline):
                return await self._attempts(
                    operation, url, query, content, headers, options, state, stream
                )
        except (TimeoutError, _DeadlineExceeded):
            raise APITimeoutError(
                f"deadline of {deadline}s exceeded after {state.tries} attempt(s)",
                operation=operation.operation_id,
                request_may_have_reached_server=state.sent,
            ) from None

    async def _attempts(
        self,
        operation: Operation,
        url: str,
        query: QueryPairs | None,
        content: bytes | None,
        headers: dict[str, str],
        options: CallOptions,
        state: _Attempts,
        stream: bool,
    ) -> tuple[httpx.Response, int]:
        policy = self.retry
        max_attempts = options.get("max_attempts") or policy.max_attempts
        timeout = options.get("timeout")
        safe = operation.method == "GET" or operation.tag == "auth"
        group = operation.group
        attempt = 0
        replayed_401 = False
        while True:
            attempt += 1
            token = None
            if not operation.public:
                token = await self._token()
                headers["Authorization"] = f"Bearer {token}"
            request = self.http.build_request(
                operation.method,
                url,
                params=query,
                content=content,
                headers=headers,
                timeout=timeout if timeout is not None else httpx.USE_CLIENT_DEFAULT,
            )
            waited = await self.limiter.acquire(group)
            started = self._clock()
            state.tries += 1
            try:
                state.sent = True
                response = await self.http.send(request, stream=stream)
                if stream and response.status_code >= 400:
                    await response.aread()  # error bodies are small; they feed the exception
            except httpx.TransportError as exc:
                never_sent = isinstance(exc, _NOT_SENT)
                self._log(operation, request, None, state.tries, started, waited, exc)
                if (never_sent or safe) and attempt < max_attempts:
                    await self._wait(policy.backoff(attempt, self._rng), state)
                    continue
                raise self._transport_error(operation, exc, never_sent, attempt) from exc
            finally:
                self.limiter.release(group)
            if logger.isEnabledFor(logging.DEBUG):
                self._log(operation, request, response, state.tries, started, waited, None)
            status = response.status_code
            if status < 400:
                return response, state.tries
            if stream:
                await response.aclose()
            if status == 401 and token is not None and not replayed_401:
                # The token may have been revoked or expired early: refresh (once for a whole
                # burst, see TokenManager.invalidate) and replay, without spending an attempt.
                replayed_401 = True
                attempt -= 1
                await self.tokens.invalidate(token)  # type: ignore[union-attr]
                continue
            if status == 429:
                retry_after = parse_retry_after(
                    response.headers.get("retry-after"), now=self._wall_clock()
                )
                delay = (
                    min(retry_after, policy.retry_after_cap)
                    if retry_after is not None
                    else policy.backoff(attempt, self._rng)
                )
                # Pause even when giving up: the group's next request must respect it too.
                self.limiter.pause(group, delay)
                if attempt < max_attempts:
                    self._check_deadline(delay, state)
                    continue
                raise self.error(operation, response, retry_after=retry_after)
            if status in policy.retry_statuses and safe and attempt < max_attempts:
                await self._wait(policy.backoff(attempt, self._rng), state)
                continue
            raise self.error(operation, response)

    def _check_deadline(self, seconds: float, state: _Attempts) -> None:
        if state.expires is not None and self._clock() + seconds > state.expires:
            raise _DeadlineExceeded

    async def _wait(self, seconds: float, state: _Attempts) -> None:
        self._check_deadline(seconds, state)
        await self._sleep(seconds)

    async def _token(self) -> str:
        if self.tokens is None:
            raise AuthenticationError(
                "no client credentials configured: pass client_id and client_secret or set "
                "SPECTROCOIN_CLIENT_ID and SPECTROCOIN_CLIENT_SECRET",
                status_code=0,
                request_may_have_reached_server=False,
            )
        return await self.tokens.get()

    def _transport_error(
        self, operation: Operation, exc: httpx.TransportError, never_sent: bool, attempts: int
    ) -> APIConnectionError:
        kind = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
        note = (
            " (not retried: it moves money; reconcile before calling again)"
            if operation.moves_money and not never_sent
            else ""
        )
        return kind(
            f"{type(exc).__name__} after {attempts} attempt(s){note}",
            operation=operation.operation_id,
            request_may_have_reached_server=not never_sent,
        )

    # -- reading ----------------------------------------------------------------------------

    def parse(self, operation: Operation, response: httpx.Response, parse: Callable[[Any], T]) -> T:
        kind = operation.response
        data: Any
        if kind == "json":
            try:
                data = decode_json(response.content)
            except (ValueError, UnicodeDecodeError) as exc:
                raise self._invalid(operation, response, f"response is not JSON: {exc}") from None
        elif kind == "text":
            data = response.text
        elif kind == "binary":
            data = File(
                payload=io.BytesIO(response.content),
                mime_type=response.headers.get("content-type"),
            )
        else:
            data = None
        try:
            return parse(data)
        except _PARSE_ERRORS as exc:
            # ModelValidationError already names the model and field; anything else names its type.
            detail = (
                str(exc) if isinstance(exc, SpectroCoinError) else f"{type(exc).__name__}: {exc}"
            )
            raise self._invalid(
                operation, response, f"response does not fit the schema: {detail}"
            ) from exc

    @staticmethod
    def _invalid(
        operation: Operation, response: httpx.Response, message: str
    ) -> ResponseValidationError:
        return ResponseValidationError(
            message,
            status_code=response.status_code,
            body=response.content,
            headers=response.headers,
            operation=operation.operation_id,
        )

    def error(
        self, operation: Operation, response: httpx.Response, *, retry_after: float | None = None
    ) -> APIError:
        """The typed exception for an error status, from whatever body came with it."""
        status = response.status_code
        body: Any
        try:
            body = decode_json(response.content) if response.content else None
        except (ValueError, UnicodeDecodeError):
            body = response.content[:500].decode("utf-8", "replace")
        fields: Mapping[str, Any] = body if isinstance(body, Mapping) else {}

        def text(name: str) -> str | None:
            value = fields.get(name)
            return None if value is None else str(value)

        code, code_text = split_error_code(text("errorCode"))
        message = text("defaultMessage") or code_text or response.reason_phrase
        params = fields.get("errorParameters")
        cls = _STATUS_ERRORS.get(status) or (ServerError if status >= 500 else APIError)
        kwargs: dict[str, Any] = {
            "status_code": status,
            "error_code": code,
            "trace_id": text("traceId") or _trace_id(response.headers),
            "span_id": text("spanId"),
            "category": text("category"),
            "key": text("key"),
            "error_parameters": [p for p in params if isinstance(p, Mapping)]
            if isinstance(params, list)
            else (),
            "headers": response.headers,
            "body": body,
            "operation": operation.operation_id,
        }
        if cls is RateLimitError:
            return RateLimitError(message, retry_after=retry_after, **kwargs)
        return cls(message, **kwargs)

    # -- observability ----------------------------------------------------------------------

    def _log(
        self,
        operation: Operation,
        request: httpx.Request,
        response: httpx.Response | None,
        attempt: int,
        started: float,
        waited: float,
        exc: BaseException | None,
    ) -> None:
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
            request.url.path,
            outcome,
            attempt,
            self._clock() - started,
            waited,
            extra,
        )
