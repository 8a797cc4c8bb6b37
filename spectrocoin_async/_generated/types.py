"""Shared types of the generated layer: the runtime seam, value parsers and call options.

Generated from custom/templates/types.py.jinja. Do not edit: run `make generate`.
"""

import datetime
from collections.abc import AsyncIterator, Callable, Mapping
from decimal import Decimal, InvalidOperation
from types import TracebackType
from typing import IO, Any, BinaryIO, Generic, Literal, Protocol, TypedDict, TypeVar

import httpx
from attrs import frozen


class Unset:
    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()

T = TypeVar("T")

# Named in the imports the generator emits for binary responses; kept for that reason only.
FileTypes = tuple[str | None, IO[bytes] | bytes | str, str | None]


@frozen
class File:
    """A whole file body (an export). For large exports use the streaming helpers instead."""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None


def to_decimal(value: object) -> Decimal:
    """An exact Decimal from a JSON number (already a Decimal), an int or a decimal string."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool) or not isinstance(value, (int, str, float)):
        raise TypeError(f"expected a decimal number, got {type(value).__name__}")
    try:
        # str() first: a float that slipped through keeps its shortest repr, not its binary expansion.
        result = Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"not a decimal number: {value!r}") from None
    if not result.is_finite():
        raise ValueError(f"not a finite decimal number: {value!r}")
    return result


def parse_datetime(value: object) -> datetime.datetime:
    """A datetime from ISO 8601 text or from epoch milliseconds (the legacy API's ``validUntil``)."""
    if isinstance(value, bool):
        raise TypeError("expected a timestamp, got bool")
    if isinstance(value, (int, Decimal)):
        return datetime.datetime.fromtimestamp(int(value) / 1000, tz=datetime.UTC)
    if isinstance(value, str):
        if value.isdigit():
            return datetime.datetime.fromtimestamp(int(value) / 1000, tz=datetime.UTC)
        return datetime.datetime.fromisoformat(value)
    raise TypeError(f"expected a timestamp, got {type(value).__name__}")


@frozen
class FieldRule:
    """One input constraint taken from the spec, checked before a request is sent."""

    name: str
    required: bool = False
    pattern: str | None = None
    exclusive_minimum: Decimal | None = None
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    format: str | None = None


@frozen
class Operation:
    """What the runtime needs to know about one operation of the spec."""

    name: str
    operation_id: str
    tag: str
    method: str
    path: str
    public: bool
    body: Literal["json", "form"] | None
    response: Literal["json", "text", "binary", "none"]
    moves_money: bool
    evidence: str
    source: str
    group: str
    body_rules: tuple[FieldRule, ...] = ()
    query_rules: tuple[FieldRule, ...] = ()


class CallOptions(TypedDict, total=False):
    """Per-call options accepted by every operation method as keyword arguments.

    timeout: seconds, or an ``httpx.Timeout``, for this call only (the shared client is untouched).
    deadline: an overall budget in seconds for the call, retries and waits included.
    headers: extra request headers for this call.
    max_attempts: overrides the retry policy's attempt count for this call.
    """

    timeout: float | httpx.Timeout | None
    deadline: float | None
    headers: Mapping[str, str] | None
    max_attempts: int | None


@frozen
class Response(Generic[T]):
    """A parsed response with its metadata, returned by the ``*_detailed`` methods."""

    status_code: int
    headers: httpx.Headers
    parsed: T
    trace_id: str | None
    attempts: int
    elapsed: float

    @property
    def rate_limit(self) -> dict[str, str]:
        """Every ``RateLimit-*`` / ``X-RateLimit-*`` / ``Retry-After`` header of the response."""
        return {
            k: v
            for k, v in self.headers.items()
            if k.lower().startswith(("ratelimit", "x-ratelimit")) or k.lower() == "retry-after"
        }


T_co = TypeVar("T_co", covariant=True)


class PageIterator(Protocol[T_co]):
    """Every item of a paged list: ``async for``, or ``async with`` to fetch pages ahead."""

    def __aiter__(self) -> AsyncIterator[T_co]: ...

    async def __anext__(self) -> T_co: ...

    async def __aenter__(self) -> "PageIterator[T_co]": ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...


class Runtime(Protocol):
    """The seam between generated namespaces and the hand-written runtime."""

    async def call(
        self,
        operation: Operation,
        request: dict[str, Any],
        parse: Callable[[Any], T],
        options: CallOptions,
    ) -> T: ...

    async def call_detailed(
        self,
        operation: Operation,
        request: dict[str, Any],
        parse: Callable[[Any], T],
        options: CallOptions,
    ) -> Response[T]: ...

    def paginate(
        self,
        operation: Operation,
        request_for_page: Callable[[int], dict[str, Any]],
        parse: Callable[[Any], Any],
        options: CallOptions,
        prefetch: int = 1,
    ) -> "PageIterator[Any]": ...


__all__ = [
    "UNSET",
    "CallOptions",
    "FieldRule",
    "File",
    "FileTypes",
    "Operation",
    "PageIterator",
    "Response",
    "Runtime",
    "Unset",
    "parse_datetime",
    "to_decimal",
]
