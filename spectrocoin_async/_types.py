"""The runtime's own types, which the generated code imports (never the other way round).

``Operation`` and ``FieldRule`` describe an operation of the spec to the runtime; ``Runtime`` is
the seam the generated namespaces call; ``CallOptions`` and ``Response`` are part of every method.
"""

from collections.abc import AsyncIterator, Callable, Mapping
from decimal import Decimal
from enum import Enum
from types import TracebackType
from typing import IO, Any, BinaryIO, Generic, Literal, Protocol, TypedDict, TypeVar, overload
from uuid import UUID

import httpx
from attrs import frozen

from ._errors import ValidationError


class Unset:
    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()

T = TypeVar("T")
E = TypeVar("E", bound=Enum)


@overload
def coerce_uuid(name: str, value: "str | UUID") -> UUID: ...
@overload
def coerce_uuid(name: str, value: "str | UUID | Unset") -> "UUID | Unset": ...
def coerce_uuid(name: str, value: "str | UUID | Unset") -> "UUID | Unset":
    """A UUID argument given as ``UUID`` or as its text; anything else names the argument."""
    if isinstance(value, UUID | Unset):
        return value
    if isinstance(value, str) and len(value) <= 64:
        try:
            return UUID(value)
        except ValueError:
            pass
    raise ValidationError(name, f"must be a UUID, got {str(value)[:80]!r}")


def path_id(value: "str | UUID") -> str:
    """A path id: text goes out exactly as given (SpectroCoin's plugins send an order's id as
    they received it, and their e2e stub looks it up by that exact string); only a ``UUID`` is
    formatted. ``path_segment`` then checks it stays one segment."""
    return str(value) if isinstance(value, UUID) else value


def to_uuid(value: str | UUID) -> UUID:
    """attrs converter of a required UUID field of a request model: ``UUID`` or its text.

    Anything else is kept as given: the spec's rules refuse it before sending, naming the field
    as on the wire (``projectId: must be a UUID``)."""
    if isinstance(value, str) and len(value) <= 64:
        try:
            return UUID(value)
        except ValueError:
            pass
    return value  # type: ignore[return-value]


def to_uuid_or_unset(value: "str | UUID | Unset") -> "UUID | Unset":
    """attrs converter of an optional UUID field: ``UUID``, its text, or ``UNSET``."""
    return to_uuid(value)  # type: ignore[arg-type]


@overload
def coerce_enum(enum: type[E], name: str, value: "str | E") -> E: ...
@overload
def coerce_enum(enum: type[E], name: str, value: "str | E | Unset") -> "E | Unset": ...
def coerce_enum(enum: type[E], name: str, value: "str | E | Unset") -> "E | Unset":
    """An enum argument given as a member or as its value (``"csv"`` finds ``CSV`` too). An
    unknown value is refused here, before sending, rather than by the server."""
    if isinstance(value, enum | Unset):
        return value
    if isinstance(value, str) and len(value) <= 200:
        for candidate in (value, value.upper()):
            for member in enum.__members__.values():
                if member.value == candidate:
                    return member
    allowed = ", ".join(str(m.value) for m in enum.__members__.values())
    raise ValidationError(name, f"must be one of {allowed}; got {str(value)[:80]!r}")


# Named in the imports the generator emits for binary responses; kept for that reason only.
FileTypes = tuple[str | None, IO[bytes] | bytes | str, str | None]


@frozen
class File:
    """A whole file body (an export). For large exports use the streaming helpers instead."""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None


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
class Negotiation:
    """The ``Accept`` header of an operation that produces more than JSON (taken from the spec).

    ``header`` names every media type a success may carry, plus ``application/json`` for error
    bodies. Where a query parameter picks the format (``x-media-types`` on that parameter),
    ``by_value`` maps each of its values to the narrower header for that choice.
    """

    header: str
    parameter: str | None = None
    by_value: tuple[tuple[str, str], ...] = ()

    def accept(self, params: Mapping[str, Any] | None) -> str:
        if self.parameter is not None and params:
            chosen = params.get(self.parameter)
            chosen = getattr(chosen, "value", chosen)
            for value, header in self.by_value:
                if value == chosen:
                    return header
        return self.header


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
    # The spec's anyOf of required groups: the body must satisfy every rule of at least one.
    body_any_of: tuple[tuple[FieldRule, ...], ...] = ()
    query_rules: tuple[FieldRule, ...] = ()
    # None: the operation answers JSON only, and the client's default Accept header stands.
    accept: Negotiation | None = None
    # Not shown public by the evidence: the token goes along when credentials are configured,
    # and the call is made without one when they are not.
    optional_auth: bool = False
    # The statuses the spec declares as success; every other one is an error, a 3xx included.
    success: tuple[int, ...] = (200,)
    # Body properties marked x-secret: held as Secret until encoded, the bytes hidden from repr.
    secret_fields: tuple[str, ...] = ()
    # The keyword names of the operation's method (path, body, query, header), for messages.
    parameters: tuple[str, ...] = ()


class CallOptions(TypedDict, total=False):
    """Per-call options accepted by every operation method as keyword arguments.

    timeout: seconds, or an ``httpx.Timeout``, for this call only (the shared client is untouched);
        None: no timeout, as in httpx.
    deadline: an overall budget in seconds for the call, retries and waits included (left out:
        the client's default, 300 s, or 3600 s for a streamed export; None: no deadline).
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
    "coerce_enum",
    "coerce_uuid",
    "to_uuid",
    "to_uuid_or_unset",
    "CallOptions",
    "File",
    "PageIterator",
    "FileTypes",
    "FieldRule",
    "Negotiation",
    "Operation",
    "Response",
    "Runtime",
    "Unset",
]
