"""Every exception the SDK raises.

    SpectroCoinError
    ├── APIError                      the server answered with an error status
    │   ├── BadRequestError           400
    │   ├── AuthenticationError       401, or the token request failed
    │   ├── PermissionDeniedError     403
    │   ├── NotFoundError             404
    │   ├── UnprocessableEntityError  422
    │   ├── RateLimitError            429 (carries ``retry_after``)
    │   └── ServerError               5xx
    ├── APIConnectionError            no usable answer (reset, DNS, refused, ...)
    │   └── APITimeoutError
    ├── ResponseValidationError       the answer is not JSON or does not fit the schema
    ├── ModelValidationError          from_dict got data that does not fit (also ValueError)
    ├── ValidationError               bad input, caught before anything was sent (also ValueError)
    ├── CallbackError                 a merchant callback that cannot be parsed
    │   └── CallbackVerificationError a callback that failed verification: do not act on it
    ├── CallbackUnavailableError      a callback could not be verified now (key outage): retry
    └── ClientClosedError             the client was used after ``aclose()``, or closed mid-call

Errors raised for a request that may have reached the server carry
``request_may_have_reached_server``: for a money-moving call that is the signal to reconcile
(look the order or withdrawal up) before trying again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "CallbackError",
    "CallbackVerificationError",
    "CallbackUnavailableError",
    "ClientClosedError",
    "EventLoopMismatchError",
    "ModelValidationError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseValidationError",
    "ServerError",
    "SpectroCoinError",
    "UnprocessableEntityError",
    "ValidationError",
    "split_error_code",
]

_BODY_PREVIEW = 500


def _secret_value(names: Iterable[str]) -> re.Pattern[bytes]:
    # A token response that fails to parse still holds the token: its value (JSON or form,
    # complete or cut off) is replaced before the body is kept or shown.
    alternatives = b"|".join(re.escape(n.encode()) for n in sorted(names))
    return re.compile(
        rb'"(%s)"\s*:\s*"(?:[^"\\]|\\.)*(?:"|\\?$)|\b(%s)=[^&]*' % ((alternatives,) * 2)
    )


class _SecretFields:
    __slots__ = ("names", "pattern")

    def __init__(self, names: Iterable[str]) -> None:
        self.names = set(names)
        self.pattern = _secret_value(self.names)

    def add(self, names: Iterable[str]) -> None:
        self.names.update(names)
        self.pattern = _secret_value(self.names)


# The JSON / form field names whose values never reach a body preview. The runtime knows OAuth's
# own two (its token request and answer carry them); the generated package registers every field
# openapi.yaml marks `x-secret: true` as it is imported (register_secret_fields), so the core
# never imports generated code.
_SECRETS = _SecretFields({"access_token", "client_secret"})


def register_secret_fields(names: Iterable[str]) -> None:
    """Redact the values of these fields too, wherever an error keeps a response body."""
    _SECRETS.add(names)


def secret_fields() -> frozenset[str]:
    """Every field name whose value is redacted from error bodies."""
    return frozenset(_SECRETS.names)


def _redact(body: bytes) -> bytes:
    return _SECRETS.pattern.sub(
        lambda m: b'"%s":"<redacted>"' % m[1] if m[1] else b"%s=<redacted>" % m[2], body
    )


class SpectroCoinError(Exception):
    """Base class of every exception raised by spectrocoin-async."""


class APIError(SpectroCoinError):
    """The API answered with an error status.

    ``error_code`` is the bare code (``GEN_8``); ``message`` is the server's text, taken from
    ``defaultMessage`` or from the text after the code in ``errorCode``. ``errors`` holds every
    ``{"code", "message"}`` of an older API's error list (HTTP 203 with
    ``[{"code": ..., "message": ...}, ...]``), in order; ``message`` then joins them all.
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        error_code: str | None = None,
        trace_id: str | None = None,
        span_id: str | None = None,
        category: str | None = None,
        key: str | None = None,
        error_parameters: Sequence[Mapping[str, Any]] = (),
        headers: Mapping[str, str] | None = None,
        body: Any = None,
        errors: Sequence[Mapping[str, str]] = (),
        operation: str | None = None,
        request_may_have_reached_server: bool = True,
    ) -> None:
        self.message = message
        self.errors = [dict(e) for e in errors]
        self.status_code = status_code
        self.error_code = error_code
        self.trace_id = trace_id
        self.span_id = span_id
        self.category = category
        self.key = key
        self.error_parameters = list(error_parameters)
        self.headers: Mapping[str, str] = dict(headers or {})
        self.body = body
        self.operation = operation
        self.request_may_have_reached_server = request_may_have_reached_server
        super().__init__(self._describe())

    def _describe(self) -> str:
        # Status 0: refused before anything was sent (no credentials); no status to show.
        parts = [f"{self.status_code}"] if self.status_code else []
        if self.error_code:
            parts.append(self.error_code)
        text = " ".join(parts) + (f": {self.message}" if parts and self.message else self.message)
        if self.operation:
            text = f"{self.operation}: {text}"
        if self.trace_id:
            text += f" (trace_id={self.trace_id})"
        return text


class BadRequestError(APIError):
    """400: a required parameter is missing or invalid."""


class AuthenticationError(APIError):
    """401, or the token endpoint refused the credentials."""


class PermissionDeniedError(APIError):
    """403: refused, for example a caller IP outside the key's allow-list or a missing scope."""


class NotFoundError(APIError):
    """404: no such resource."""


class UnprocessableEntityError(APIError):
    """422: the body could not be processed."""


class RateLimitError(APIError):
    """429 after every allowed attempt. ``retry_after`` is in seconds, when the server said."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        self.retry_after = retry_after
        super().__init__(message, **kwargs)


class ServerError(APIError):
    """5xx: a server-side failure."""


class APIConnectionError(SpectroCoinError):
    """The request got no usable answer: refused, reset, DNS failure, broken stream."""

    def __init__(
        self,
        message: str,
        *,
        operation: str | None = None,
        request_may_have_reached_server: bool = True,
    ) -> None:
        self.message = message
        self.operation = operation
        self.request_may_have_reached_server = request_may_have_reached_server
        text = f"{operation}: {message}" if operation else message
        if request_may_have_reached_server:
            text += " (the request may have reached the server)"
        super().__init__(text)


class APITimeoutError(APIConnectionError):
    """A connect, read, write or pool timeout, or the call's overall deadline."""


class ResponseValidationError(SpectroCoinError):
    """The body is not JSON (an HTML error page, a truncated body) or does not fit the schema."""

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        body: bytes = b"",
        headers: Mapping[str, str] | None = None,
        operation: str | None = None,
    ) -> None:
        self.message = message
        self.status_code = status_code
        self.body = _redact(body[:_BODY_PREVIEW])
        self.headers: Mapping[str, str] = dict(headers or {})
        self.operation = operation
        preview = self.body.decode("utf-8", "replace")
        prefix = f"{operation}: " if operation else ""
        super().__init__(f"{prefix}{message} (status {status_code}, body starts {preview[:120]!r})")

    @property
    def model(self) -> str | None:
        """The model that did not fit (``"Order"``), when a field of one was wrong."""
        cause = self.__cause__
        return cause.model if isinstance(cause, ModelValidationError) else None

    @property
    def field(self) -> str | None:
        """The JSON name of the field that was missing or wrong (``"payAmount"``), if known."""
        cause = self.__cause__
        return cause.field if isinstance(cause, ModelValidationError) else None


class ValidationError(SpectroCoinError, ValueError):
    """Bad input, rejected before anything was sent. ``field`` names the offending field."""

    def __init__(self, field: str, reason: str) -> None:
        self.field = field
        self.reason = reason
        super().__init__(f"{field}: {reason}")


class ModelValidationError(SpectroCoinError, ValueError):
    """Data that does not fit a model of the spec, raised by the generated ``from_dict``.

    ``model`` and ``field`` name where (``field`` is the JSON name, ``"content[3].id"`` inside a
    nested model); ``reason`` says what. Through the client it becomes a
    :class:`ResponseValidationError` with the same text.
    """

    def __init__(self, model: str, field: str, reason: str) -> None:
        self.model = model
        self.field = field
        self.reason = reason
        super().__init__(f"{model}.{field}: {reason}" if field else f"{model}: {reason}")

    def nested(self, model: str, field: str) -> ModelValidationError:
        """The same error seen from the model that holds this one (``OrderPage.content[3].id``)."""
        inner = "" if not self.field else f".{self.field}"
        return ModelValidationError(model, f"{field}{inner}", self.reason)


class UnknownFieldError(ValidationError, ModelValidationError):
    """A key a request model does not have: ``callback_url: unknown field; did you mean
    callbackUrl?``. Raised by a request model's ``from_dict``, a plain ``dict`` given as
    ``body=`` and the CLI's ``--body``, before anything is sent (a misspelt key would otherwise
    be dropped, and the order created without it). It is both a :class:`ValidationError` and a
    :class:`ModelValidationError`: ``field`` is the key as given, ``model`` the request model.
    """

    def __init__(self, model: str, field: str, reason: str) -> None:
        self.model = model
        self.field = field
        self.reason = reason
        SpectroCoinError.__init__(self, f"{field}: {reason}")


class CallbackError(SpectroCoinError):
    """A merchant callback that is not in a format SpectroCoin sends."""


class CallbackVerificationError(CallbackError):
    """A merchant callback that failed verification: do not act on it."""


class CallbackUnavailableError(SpectroCoinError):
    """A callback could not be verified now (SpectroCoin's signing key could not be loaded).

    Nothing is known about the callback itself: answer 5xx so that SpectroCoin sends it again.
    """


class EventLoopMismatchError(SpectroCoinError, RuntimeError):
    """The client is used on an event loop other than the one of its first call (a module-level
    client under two ``anyio.run`` calls, or pytest's loop per test). Nothing was sent: create
    one client per event loop."""


class ClientClosedError(SpectroCoinError, RuntimeError):
    """The client was used after ``aclose()``, or closed while this call was in flight.

    A call cut short by ``aclose()`` says, like a connection error, whether its request may have
    reached the server (``request_may_have_reached_server``): for a money-moving call, reconcile
    before trying again.
    """

    def __init__(
        self,
        message: str,
        *,
        operation: str | None = None,
        request_may_have_reached_server: bool = False,
    ) -> None:
        self.message = message
        self.operation = operation
        self.request_may_have_reached_server = request_may_have_reached_server
        text = f"{operation}: {message}" if operation else message
        if request_may_have_reached_server:
            text += " (the request may have reached the server)"
        super().__init__(text)


def split_error_code(raw: str | None) -> tuple[str | None, str | None]:
    """Split ``"GEN_1 - Internal server error occurred"`` into ``("GEN_1", "Internal ...")``."""
    if not raw:
        return None, None
    code, sep, text = raw.partition(" - ")
    code = code.strip()
    return (code or None), (text.strip() or None) if sep else None
