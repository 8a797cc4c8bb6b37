"""What comes back: a body parsed into its model, an error status mapped to its typed
``APIError`` (legacy 203 error lists too), a transport failure described.
"""

from __future__ import annotations

import io
import os
import socket
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import httpx

from ._errors import (
    APIError,
    AuthenticationError,
    BadRequestError,
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
from ._types import File, Operation

T = TypeVar("T")

_STATUS_ERRORS: dict[int, type[APIError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}
_TRACE_HEADERS = ("x-trace-id", "x-b3-traceid", "traceid", "traceparent")
_PARSE_ERRORS = (KeyError, TypeError, ValueError, AttributeError, ArithmeticError)
# The server answered and did nothing: a 429 refused the request, a 401 refused the token, a
# 403 refused the caller (docs' status-codes page: "refused", e.g. an IP off the allow-list;
# SpectroCoin's Drupal module and WooCommerce plugin send createOrder again after one).
_REFUSED = frozenset({401, 403, 429})


def _trace_id(headers: httpx.Headers) -> str | None:
    for name in _TRACE_HEADERS:
        value: str | None = headers.get(name)
        if value:
            return value
    return None


def _os_cause(exc: BaseException) -> OSError | None:
    """The innermost OSError with an errno under an httpx error (through httpcore, anyio's
    exception groups and ``__cause__`` chains): the real reason, e.g. refused vs DNS."""
    found: OSError | None = None
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen and len(seen) < 32:
        seen.add(id(current))
        if isinstance(current, BaseExceptionGroup) and current.exceptions:
            current = current.exceptions[0]
            continue
        if isinstance(current, OSError) and current.errno is not None:
            found = current
        current = current.__cause__ or current.__context__
    return found


def describe_transport_error(exc: httpx.TransportError, url: httpx.URL, attempts: int) -> str:
    """``ConnectError talking to host after 1 attempt(s): connection refused``: the host and the
    cause, so a refused connection and a DNS failure read differently."""
    # host:port when the port is not the scheme's default: a wrong port is a common mistake.
    where = url.netloc.decode("ascii", "replace")
    text = f"{type(exc).__name__} talking to {where} after {attempts} attempt(s)"
    cause = _os_cause(exc)
    if isinstance(cause, socket.gaierror):
        detail = f"DNS lookup of {url.host} failed: {cause.strerror or cause}"
    elif cause is not None and cause.errno is not None and cause.errno > 0:
        detail = f"{os.strerror(cause.errno).lower()} ({type(cause).__name__})"
    else:
        detail = str(exc) or (str(exc.__cause__) if exc.__cause__ else "")
    return text + (f": {detail}" if detail else "")


# Older SpectroCoin APIs answer errors with HTTP 203 (or 200) and [{"code": ..., "message": ...}].
_LEGACY_ERROR_STATUSES = frozenset({200, 203})
_LEGACY_KEYS = frozenset({"code", "message"})


_LEGACY_MAX_ERRORS = 20  # a hostile body cannot make the exception's message unbounded


def _legacy_error(response: httpx.Response, body: Any = None) -> list[dict[str, str]] | None:
    """Every ``{"code", "message"}`` of a legacy error body ``[{"code": ..., "message": ...}]``
    (at most 20, as strings), else None.

    A cheap byte test first: a real list response (accounts, rates) is never decoded twice."""
    if body is None:
        content = response.content
        # No slices: this runs on every 200 list response, and a slice copies.
        if not content.startswith(b"[") or content.find(b'"code"', 0, 512) < 0:
            return None
        try:
            body = decode_json(content)
        except (ValueError, UnicodeDecodeError, RecursionError):
            return None
    if not isinstance(body, list) or not body:
        return None
    if not all(isinstance(item, Mapping) and set(item) == _LEGACY_KEYS for item in body):
        return None
    return [
        {"code": str(item["code"])[:200], "message": str(item["message"])[:1000]}
        for item in body[:_LEGACY_MAX_ERRORS]
    ]


def _unexpected_status(operation: Operation, response: httpx.Response, reason: str) -> str:
    """What a status below 400 that is not the operation's success says: where a redirect
    pointed, and which statuses would have been success."""
    declared = ", ".join(map(str, operation.success))
    if 300 <= response.status_code < 400:
        location = response.headers.get("location")
        where = f" to Location {location[:300]!r}" if location else " with no Location"
        return (
            f"redirected{where}: not followed, and not a success (only {declared} is); "
            "check base_url"
        )
    return f"{reason}: not a success status for this operation (only {declared} is)"


def parse_response(operation: Operation, response: httpx.Response, parse: Callable[[Any], T]) -> T:
    kind = operation.response
    data: Any
    if kind == "json":
        try:
            data = decode_json(response.content)
        except (ValueError, UnicodeDecodeError) as exc:
            raise _invalid(operation, response, f"response is not JSON: {exc}") from None
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
        detail = str(exc) if isinstance(exc, SpectroCoinError) else f"{type(exc).__name__}: {exc}"
        raise _invalid(operation, response, f"response does not fit the schema: {detail}") from exc


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


def api_error(
    operation: Operation,
    response: httpx.Response,
    *,
    retry_after: float | None = None,
    reached: bool | None = None,
) -> APIError:
    """The typed exception for an error status, from whatever body came with it.

    ``request_may_have_reached_server`` is False when every attempt was refused (429, 401, 403):
    the server answered and did nothing.
    """
    status = response.status_code
    body: Any
    try:
        body = decode_json(response.content) if response.content else None
    except (ValueError, UnicodeDecodeError, RecursionError):
        body = response.content[:500].decode("utf-8", "replace")
    fields: Mapping[str, Any] = body if isinstance(body, Mapping) else {}

    def text(name: str) -> str | None:
        value = fields.get(name)
        return None if value is None else str(value)

    code, code_text = split_error_code(text("errorCode"))
    legacy = _legacy_error(response, body)
    legacy_message = None
    if legacy is not None:
        # The first code is the error's code; every entry's message reaches the text.
        code = legacy[0]["code"]
        legacy_message = "; ".join(
            [legacy[0]["message"]] + [f"{e['code']}: {e['message']}" for e in legacy[1:]]
        )
    oauth_error = fields.get("error")
    if code is None and isinstance(oauth_error, str) and oauth_error:
        code = oauth_error[:200]  # OAuth 2: {"error": "invalid_client", ...}
    message = (
        text("defaultMessage")
        or code_text
        or text("error_description")
        or legacy_message
        or text("message")
        or response.reason_phrase
    )
    if status < 400 and legacy is None:
        message = _unexpected_status(operation, response, message)
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
        "errors": legacy or (),
        "operation": operation.operation_id,
        "request_may_have_reached_server": status not in _REFUSED if reached is None else reached,
    }
    if cls is RateLimitError:
        return RateLimitError(message, retry_after=retry_after, **kwargs)
    return cls(message, **kwargs)
