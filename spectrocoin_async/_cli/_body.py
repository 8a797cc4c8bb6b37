"""Request bodies from flags, from ``--body`` JSON (inline, ``@file`` or ``-``), or both.

Flags carry the model's Python field names (``--receive-amount``); ``--body`` carries the wire
names (``receiveAmount``). To merge the two, the wire name of every field is read off the
generated model's own ``to_dict``, so nothing here repeats the generator's naming rules.
"""

from __future__ import annotations

import datetime
import enum
import inspect
import re
import sys
import typing
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from .._json import decode_json
from ._names import ModelNames
from ._session import UsageError

__all__ = ["build_body", "read_json_argument", "wire_names"]

_MAX_BODY = 1024 * 1024  # a request body, not an export


_ENTRY = re.compile(r'(?:^\s*"([^"]+)":\s*(\w+),$)|(?:field_dict\["([^"]+)"\]\s*=\s*(\w+)$)', re.M)
_WIRE_NAMES: dict[type[Any], dict[str, str]] = {}


def wire_names(model: type[Any]) -> dict[str, str]:
    """Python field name -> wire name, for every field of a generated model.

    Read from the model's own ``to_dict``, where the generator writes each field into the wire
    dict as ``"wireName": field_name`` or ``field_dict["wireName"] = field_name`` (the generated
    code is pinned and checked byte for byte; a test compares the result with the spec).
    """
    known = _WIRE_NAMES.get(model)
    if known is not None:
        return known
    fields = {f.name for f in attrs.fields(model) if f.init}
    found: dict[str, str] = {}
    for match in _ENTRY.finditer(inspect.getsource(model.to_dict)):
        wire, local = (match.group(1), match.group(2)) if match.group(1) else match.group(3, 4)
        if local in fields:
            found.setdefault(local, wire)
    _WIRE_NAMES[model] = found
    return found


def read_json_argument(text: str, option: str) -> Any:
    """``text``, ``@path`` or ``-`` (stdin), decoded as JSON with exact decimals."""
    if text == "-":
        raw = sys.stdin.buffer.read(_MAX_BODY + 1)
        where = "stdin"
    elif text.startswith("@"):
        path = Path(text[1:]).expanduser()
        where = str(path)
        try:
            with path.open("rb") as file:
                raw = file.read(_MAX_BODY + 1)
        except OSError as exc:
            raise UsageError(f"{option}: cannot read {path}: {exc.strerror}") from None
    else:
        raw = text.encode("utf-8")
        where = "the argument"
    if len(raw) > _MAX_BODY:
        raise UsageError(f"{option}: {where} is larger than {_MAX_BODY} bytes")
    try:
        return decode_json(raw)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise UsageError(f"{option}: {where} is not valid JSON: {exc}") from None


def _wire_value(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def build_body(
    model: type[Any],
    flags: Mapping[str, Any],
    body_json: str | None,
    defaults: Mapping[str, str],
) -> Any:
    """The request model: ``--body`` fields, overridden by flags; ``defaults`` fill gaps.

    ``defaults`` are Python field name -> value (from the configured credentials).
    """
    names = wire_names(model)
    data: dict[str, Any] = {}
    if body_json is not None:
        given = read_json_argument(body_json, "--body")
        if not isinstance(given, dict):
            raise UsageError("--body must be a JSON object")
        data.update(given)
    hints = typing.get_type_hints(model, localns=_models())
    for name, value in defaults.items():
        if name in names and names[name] not in data and name not in flags:
            data[names[name]] = value
    for name, value in flags.items():
        data[names.get(name, name)] = _wire_value(value)
    # Single-valued enums (``grant_type``) have only one possible value: no need to ask.
    for field in attrs.fields(model):
        wire = names.get(field.name)
        if wire is None or wire in data or field.default is not attrs.NOTHING:
            continue
        hint = hints.get(field.name)
        if isinstance(hint, type) and issubclass(hint, enum.Enum) and len(hint) == 1:
            data[wire] = next(iter(hint)).value
    missing = [
        f.name
        for f in attrs.fields(model)
        if f.init and f.default is attrs.NOTHING and names.get(f.name) not in data
    ]
    if missing:
        flags_text = ", ".join("--" + m.rstrip("_").replace("_", "-") for m in missing)
        raise UsageError(f"missing body field(s): give {flags_text} or put them in --body")
    try:
        return model.from_dict(data)
    except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
        raise UsageError(f"the body does not fit {model.__name__}: {exc}") from None


def _models() -> dict[str, Any]:
    return ModelNames()
