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
"""

from __future__ import annotations

import datetime
import enum
import json
import uuid
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Literal
from urllib.parse import quote_plus

from ._types import Unset

__all__ = [
    "ArrayFormat",
    "encode_form",
    "encode_json",
    "encode_query",
    "form_pairs",
    "plain_number",
]

ArrayFormat = Literal["indices", "brackets", "repeat", "comma"]
QueryPairs = list[tuple[str, str | int | float | bool | None]]

_encode_str = json.encoder.encode_basestring


def plain_number(value: Decimal | int | float) -> str:
    """A number in plain decimal notation, exactly as given: never ``1E-8``, never ``1e-08``."""
    if isinstance(value, bool):
        raise TypeError("a bool is not a number")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        # repr() is the shortest text that round-trips; Decimal(float) would expose binary noise.
        value = Decimal(repr(value))
    if not value.is_finite():
        raise ValueError(f"not a finite number: {value}")
    text = format(value, "f")
    return "0" if text == "-0" else text


def _scalar(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (Decimal, int, float)):
        return plain_number(value)
    if isinstance(value, enum.Enum):
        return _scalar(value.value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    raise TypeError(f"cannot encode {type(value).__name__} as a form or query value")


def _skip(value: Any) -> bool:
    return value is None or isinstance(value, Unset)


def form_pairs(
    data: Mapping[str, Any], *, array_format: ArrayFormat = "indices"
) -> list[tuple[str, str]]:
    """Flatten a (possibly nested) mapping into ordered ``(key, value)`` pairs."""
    pairs: list[tuple[str, str]] = []
    for key, value in data.items():
        _flatten(str(key), value, array_format, pairs)
    return pairs


def _flatten(key: str, value: Any, array_format: ArrayFormat, out: list[tuple[str, str]]) -> None:
    if _skip(value):
        return
    if isinstance(value, Mapping):
        for sub_key, sub_value in value.items():
            _flatten(f"{key}[{sub_key}]", sub_value, array_format, out)
    elif isinstance(value, (list, tuple)):
        items = [item for item in value if not _skip(item)]
        if array_format == "comma":
            out.append((key, ",".join(_scalar(item) for item in items)))
        for index, item in enumerate(items):
            if array_format == "indices":
                _flatten(f"{key}[{index}]", item, array_format, out)
            elif array_format == "brackets":
                _flatten(f"{key}[]", item, array_format, out)
            elif array_format == "repeat":
                _flatten(key, item, array_format, out)
    else:
        out.append((key, _scalar(value)))


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
            pairs.extend((key, _scalar(item)) for item in value if not _skip(item))
        else:
            pairs.append((key, _scalar(value)))
    return pairs


def encode_json(data: Any) -> bytes:
    """Compact UTF-8 JSON in which every ``Decimal`` keeps its exact digits, in plain notation."""
    parts: list[str] = []
    _json(data, parts)
    return "".join(parts).encode("utf-8")


def _json(value: Any, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(_encode_str(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, (Decimal, int, float)):
        out.append(plain_number(value))
    elif isinstance(value, Mapping):
        out.append("{")
        first = True
        for key, item in value.items():
            if isinstance(item, Unset):
                continue
            if not isinstance(key, str):
                raise TypeError(f"JSON object keys must be str, not {type(key).__name__}")
            if not first:
                out.append(",")
            first = False
            out.append(_encode_str(key))
            out.append(":")
            _json(item, out)
        out.append("}")
    elif isinstance(value, (list, tuple)):
        out.append("[")
        for index, item in enumerate(value):
            if index:
                out.append(",")
            _json(item, out)
        out.append("]")
    elif isinstance(value, enum.Enum):
        _json(value.value, out)
    elif isinstance(value, (datetime.date, datetime.datetime, uuid.UUID)):
        out.append(_encode_str(_scalar(value)))
    else:
        raise TypeError(f"cannot encode {type(value).__name__} as JSON")
