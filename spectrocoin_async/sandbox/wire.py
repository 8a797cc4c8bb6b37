"""Reading requests and writing answers: bodies, typed fields, JSON, the documented error body.

Any POST may come as JSON or as a form (the SDK can switch an operation's encoding without a
regeneration), so both are read everywhere. JSON numbers with a fraction become ``Decimal``;
form values stay strings until a handler asks for a type. JSON answers are written by
``spectrocoin_async._encoding.encode_json``, which keeps every ``Decimal``'s exact digits.
"""

from __future__ import annotations

import datetime
import json
import re
import secrets
from collections.abc import Callable, Collection, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any, Final, TypeVar
from urllib.parse import parse_qsl

from starlette.responses import Response

from .._encoding import encode_json
from .errors import SandboxError, invalid, missing

__all__ = [
    "Fields",
    "error_response",
    "json_response",
    "parse_body",
    "sort_records",
]

T = TypeVar("T")

JSON_TYPE: Final = "application/json"
FORM_TYPE: Final = "application/x-www-form-urlencoded"
TRACE_HEADER: Final = "X-Trace-Id"
_CODE_RE: Final = re.compile(r"[A-Z0-9]{2,10}")
# A JSON-Schema number may come in exponent form (``1e-08``); the exponent is bounded so that no
# value can make Decimal arithmetic expensive.
_NUMBER_RE: Final = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]{1,4})?")
_INTEGER_RE: Final = re.compile(r"[+-]?[0-9]{1,12}")
# The spec says boolean: in a form that is the text true or false, nothing looser.
_TRUE: Final = frozenset({"true"})
_FALSE: Final = frozenset({"false"})


def _malformed(reason: str) -> SandboxError:
    return SandboxError(
        422,
        "GEN_4",
        f"Malformed request body: {reason}.",
        key="malformed_body",
        category="validation",
    )


def parse_body(content_type: str | None, raw: bytes) -> dict[str, Any]:
    """The request body as a dict, from JSON or from a form; empty for no body."""
    if not raw.strip():
        return {}
    media = (content_type or "").split(";", 1)[0].strip().lower()
    if media == JSON_TYPE or media.endswith("+json"):
        try:
            data = json.loads(raw, parse_float=Decimal)
        except (ValueError, UnicodeDecodeError) as exc:
            raise _malformed(f"not valid JSON ({exc})") from None
        except ArithmeticError:  # decimal's InvalidOperation: an exponent past ±10^18
            raise _malformed("not valid JSON (a number past what a decimal holds)") from None
        if not isinstance(data, dict):
            raise _malformed("a JSON object is expected")
        return data
    if media in (FORM_TYPE, ""):
        try:
            return dict(parse_qsl(raw.decode("utf-8"), keep_blank_values=True))
        except UnicodeDecodeError:
            raise _malformed("not UTF-8") from None
    raise SandboxError(
        415,
        "GEN_4",
        f"Content type {media} is not supported; send JSON or a form.",
        key="unsupported_media_type",
        category="validation",
    )


class Fields:
    """Typed reads of body or query values that raise the documented 400/422 errors."""

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[str, Any]) -> None:
        self._data = data

    def _value(self, name: str, required: bool) -> Any:
        value = self._data.get(name)
        if value is None or value == "":
            if required:
                raise missing(name)
            return None
        return value

    def text(self, name: str, *, required: bool = False) -> str | None:
        value = self._value(name, required)
        if value is None:
            return None
        if not isinstance(value, str):
            raise invalid(name, "must be a string")
        return value

    def required_text(self, name: str) -> str:
        value = self.text(name, required=True)
        assert value is not None
        return value

    def code(self, name: str, *, required: bool = False) -> str | None:
        value = self.text(name, required=required)
        if value is not None and not _CODE_RE.fullmatch(value):
            raise invalid(name, "currency codes are 2 to 10 upper-case letters or digits")
        return value

    def required_code(self, name: str) -> str:
        value = self.code(name, required=True)
        assert value is not None
        return value

    def decimal(self, name: str, *, required: bool = False) -> Decimal | None:
        value = self._value(name, required)
        if value is None:
            return None
        if isinstance(value, bool):
            raise invalid(name, "must be a number")
        if isinstance(value, (Decimal, int)):
            return Decimal(value)
        if isinstance(value, str) and _NUMBER_RE.fullmatch(value.strip()):
            try:
                return Decimal(value.strip())
            except InvalidOperation:
                pass
        raise invalid(name, "must be a decimal number")

    def required_decimal(self, name: str) -> Decimal:
        value = self.decimal(name, required=True)
        assert value is not None
        return value

    def integer(
        self, name: str, default: int, *, minimum: int | None = None, maximum: int | None = None
    ) -> int:
        value = self._value(name, False)
        if value is None:
            return default
        if isinstance(value, bool) or not (
            isinstance(value, int) or (isinstance(value, str) and _INTEGER_RE.fullmatch(value))
        ):
            raise invalid(name, "must be an integer")
        number = int(value)
        if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
            raise invalid(name, f"must be between {minimum} and {maximum}")
        return number

    def boolean(self, name: str, default: bool = False) -> bool:
        value = self._value(name, False)
        if value is None:
            return default
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value in _TRUE | _FALSE:
            return value in _TRUE
        raise invalid(name, "must be true or false")

    def date(self, name: str) -> datetime.date | None:
        value = self.text(name)
        if value is None:
            return None
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise invalid(name, "must be a date (YYYY-MM-DD)") from None

    def choice(self, name: str, choices: Collection[str], *, required: bool = False) -> str | None:
        value = self.text(name, required=required)
        if value is not None and value not in choices:
            raise invalid(name, f"must be one of {', '.join(sorted(choices))}")
        return value

    def page(self) -> tuple[int, int]:
        """``page`` (0-based) and ``size`` (1..100), with the spec's defaults 0 and 20."""
        return (
            self.integer("page", 0, minimum=0, maximum=10**9),
            self.integer("size", 20, minimum=1, maximum=100),
        )


def sort_records(items: Sequence[T], sort: str | None, created_at: Callable[[T], str]) -> list[T]:
    """Newest first unless ``sort`` is ``createdAt,asc``; only ``createdAt`` can be sorted on."""
    field, _, direction = (sort or "createdAt,desc").partition(",")
    if field != "createdAt" or direction.lower() not in ("", "asc", "desc"):
        raise invalid("sort", "only createdAt,asc and createdAt,desc are supported")
    descending = direction.lower() != "asc"
    # Records are kept in creation order, which breaks ties between equal timestamps.
    ordered = sorted(enumerate(items), key=lambda pair: (created_at(pair[1]), pair[0]))
    result = [item for _, item in ordered]
    return result[::-1] if descending else result


def json_response(
    data: Any, status: int = 200, headers: Mapping[str, str] | None = None
) -> Response:
    all_headers = {TRACE_HEADER: secrets.token_hex(8), **(headers or {})}
    return Response(
        encode_json(data), status_code=status, media_type=JSON_TYPE, headers=all_headers
    )


def error_response(error: SandboxError) -> Response:
    trace_id = secrets.token_hex(8)
    return Response(
        encode_json(error.body(trace_id)),
        status_code=error.status,
        media_type=JSON_TYPE,
        headers={TRACE_HEADER: trace_id, **error.headers},
    )
