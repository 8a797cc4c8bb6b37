"""Wire encodings: one form encoder, one JSON encoder, one query encoder.

Rules, shared by all three:

- ``Decimal``, ``int`` and ``float`` are written in plain notation: ``Decimal("1E-8")`` is
  ``0.00000001``, never an exponent. Non-finite numbers are refused.
- ``bool`` is ``true`` / ``false``.
- ``datetime`` / ``date`` are ISO 8601; enums are sent by value; ``UUID`` as its canonical text.
- ``None`` and ``UNSET`` are left out of forms and queries (JSON keeps an explicit ``null`` only
  where the caller put ``None`` in a plain dict; generated models never emit unset fields).

Form-only rules: nested objects become ``a[b]=c``; arrays follow ``array_format``:
``indices`` (default) ``a[0]=x&a[1]=y``, ``brackets`` ``a[]=x&a[]=y``, ``repeat`` ``a=x&a=y``,
``comma`` ``a=x,y``. Keys and values are percent-encoded with spaces as ``+``.

Anything that cannot be encoded raises :class:`~spectrocoin_async._errors.ValidationError`
whose ``field`` is the path of the value (``payer.email``, ``items[2]``): a type with no wire
form, a non-finite or absurd number (``NaN``, ``1E+999999999``), a structure nested deeper than
:data:`MAX_DEPTH` levels or one that contains itself. Nothing is sent.
"""

from __future__ import annotations

import datetime
import enum
import json
import uuid
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Final, Literal
from urllib.parse import quote_plus

from ._errors import ValidationError
from ._redaction import Secret
from ._types import Unset
from ._values import check_decimal

__all__ = [
    "MAX_DEPTH",
    "ArrayFormat",
    "encode_form",
    "encode_json",
    "encode_query",
    "form_pairs",
    "json_ready",
    "plain_number",
]

ArrayFormat = Literal["indices", "brackets", "repeat", "comma"]
QueryPairs = list[tuple[str, str | int | float | bool | None]]

MAX_DEPTH: Final = 32
"""Deepest nesting of mappings and lists encoded; a structure that contains itself hits it."""

_encode_str = json.encoder.encode_basestring


def json_ready(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` (a model's ``to_dict()``) with every ``Decimal`` as its plain-notation text, so
    ``json.dumps`` takes it and no digit is lost (a float would round ``0.1``)."""
    return {key: _ready(item) for key, item in data.items()}


def _ready(value: Any) -> Any:
    if isinstance(value, Decimal):
        return plain_number(value)
    if isinstance(value, dict):
        return {key: _ready(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_ready(item) for item in value]
    return value


def plain_number(value: Decimal | int | float) -> str:
    """A number in plain decimal notation, exactly as given: never ``1E-8``, never ``1e-08``.

    Raises ``TypeError`` for a bool and ``ValueError`` for a non-finite number or one whose
    plain form would be absurdly long (``1E+999999999``).
    """
    if isinstance(value, bool):
        raise TypeError("a bool is not a number")
    if isinstance(value, int):
        if value.bit_length() > 256:
            raise ValueError("integer has more than 77 digits")
        return str(value)
    if isinstance(value, float):
        # repr() is the shortest text that round-trips; Decimal(float) would expose binary noise.
        value = Decimal(repr(value))
    if not value.is_finite():
        raise ValueError(f"not a finite number: {value}")
    problem = check_decimal(value)
    if problem is not None:
        raise ValueError(f"number {problem}")
    text = format(value, "f")
    return "0" if text == "-0" else text


def _path(parent: str, key: object) -> str:
    return f"{parent}.{key}" if parent else str(key)


def _text(value: str, path: str) -> str:
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:  # a lone surrogate: no wire form at all
            raise ValidationError(
                path or "value", f"text is not valid Unicode: {exc.reason}"
            ) from None
    return value


def _scalar(value: Any, path: str) -> str:
    if isinstance(value, str):
        return _text(value, path)
    if isinstance(value, Secret):  # revealed only here, on its way into the bytes sent
        return _text(value.reveal(), path)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (Decimal, int, float)):
        try:
            return plain_number(value)
        except (TypeError, ValueError) as exc:
            raise ValidationError(path or "value", str(exc)) from None
    if isinstance(value, enum.Enum):
        return _scalar(value.value, path)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    raise ValidationError(
        path or "value", f"cannot encode {type(value).__name__} as a form or query value"
    )


def _skip(value: Any) -> bool:
    return value is None or isinstance(value, Unset)


def _too_deep(path: str) -> ValidationError:
    return ValidationError(
        path or "value", f"nested deeper than {MAX_DEPTH} levels (or contains itself)"
    )


def form_pairs(
    data: Mapping[str, Any], *, array_format: ArrayFormat = "indices"
) -> list[tuple[str, str]]:
    """Flatten a (possibly nested) mapping into ordered ``(key, value)`` pairs."""
    pairs: list[tuple[str, str]] = []
    for key, value in data.items():
        name = _text(str(key), str(key))
        _flatten(name, name, value, array_format, pairs, 1)
    return pairs


def _flatten(
    key: str,
    path: str,
    value: Any,
    array_format: ArrayFormat,
    out: list[tuple[str, str]],
    depth: int,
) -> None:
    if _skip(value):
        return
    if depth > MAX_DEPTH:
        raise _too_deep(path)
    if isinstance(value, Mapping):
        for sub_key, sub_value in value.items():
            sub_path = _path(path, sub_key)
            sub = _text(str(sub_key), sub_path)
            _flatten(f"{key}[{sub}]", sub_path, sub_value, array_format, out, depth + 1)
    elif isinstance(value, (list, tuple)):
        items = [item for item in value if not _skip(item)]
        if array_format == "comma":
            out.append(
                (key, ",".join(_scalar(item, f"{path}[{i}]") for i, item in enumerate(items)))
            )
        for index, item in enumerate(items):
            item_path = f"{path}[{index}]"
            if array_format == "indices":
                _flatten(f"{key}[{index}]", item_path, item, array_format, out, depth + 1)
            elif array_format == "brackets":
                _flatten(f"{key}[]", item_path, item, array_format, out, depth + 1)
            elif array_format == "repeat":
                _flatten(key, item_path, item, array_format, out, depth + 1)
    else:
        out.append((key, _scalar(value, path)))


def encode_form(data: Mapping[str, Any], *, array_format: ArrayFormat = "indices") -> bytes:
    """``application/x-www-form-urlencoded`` bytes for ``data``."""
    return "&".join(
        f"{quote_plus(k)}={quote_plus(v)}" for k, v in form_pairs(data, array_format=array_format)
    ).encode("ascii")


def encode_query(params: Mapping[str, Any]) -> QueryPairs:
    """Query pairs: scalars in the same plain notation as bodies, lists as repeated keys."""
    pairs: QueryPairs = []
    for key, value in params.items():
        if _skip(value):
            continue
        if isinstance(value, (list, tuple)):
            pairs.extend(
                (key, _scalar(item, f"{key}[{i}]"))
                for i, item in enumerate(value)
                if not _skip(item)
            )
        else:
            pairs.append((key, _scalar(value, key)))
    return pairs


def encode_json(data: Any) -> bytes:
    """Compact UTF-8 JSON in which every ``Decimal`` keeps its exact digits, in plain notation."""
    parts: list[str] = []
    _json(data, parts, "", 0)
    return "".join(parts).encode("utf-8")


def _json(value: Any, out: list[str], path: str, depth: int) -> None:
    if isinstance(value, str):
        out.append(_encode_str(_text(value, path)))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, (Decimal, int, float)):
        out.append(_scalar(value, path))
    elif isinstance(value, Mapping):
        if depth >= MAX_DEPTH:
            raise _too_deep(path)
        out.append("{")
        first = True
        for key, item in value.items():
            if isinstance(item, Unset):
                continue
            if not isinstance(key, str):
                raise ValidationError(
                    _path(path, key), f"JSON object keys must be str, not {type(key).__name__}"
                )
            if not first:
                out.append(",")
            first = False
            out.append(_encode_str(_text(key, _path(path, key))))
            out.append(":")
            _json(item, out, _path(path, key), depth + 1)
        out.append("}")
    elif isinstance(value, (list, tuple)):
        if depth >= MAX_DEPTH:
            raise _too_deep(path)
        out.append("[")
        for index, item in enumerate(value):
            if index:
                out.append(",")
            _json(item, out, f"{path}[{index}]", depth + 1)
        out.append("]")
    elif isinstance(value, enum.Enum):
        _json(value.value, out, path, depth)
    elif isinstance(value, (datetime.date, datetime.datetime, uuid.UUID, Secret)):
        out.append(_encode_str(_scalar(value, path)))
    else:
        raise ValidationError(path or "value", f"cannot encode {type(value).__name__} as JSON")
