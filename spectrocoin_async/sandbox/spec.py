"""openapi.yaml, read once: the sandbox's routes and request checks come from it.

Before a handler runs, a request is held to what the spec declares for its operation: query
parameters against their schemas (type, bounds, enum, pattern, length, format), ``null`` only
where a body schema allows it, and ``Accept`` against what the operation produces. A request the
spec refuses is refused here, with the documented error body naming the parameter.
"""

from __future__ import annotations

import datetime
import re
import uuid
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

import yaml
from attrs import frozen

from .errors import SandboxError, invalid, missing

__all__ = [
    "DEFAULT_SPEC_PATH",
    "MAX_AMOUNT",
    "QueryParam",
    "SpecOperation",
    "Produces",
    "check_accept",
    "check_body",
    "check_query",
    "load_spec",
    "spec_operations",
]

_INSTALLED_SPEC: Final = Path(__file__).resolve().parent / "openapi.yaml"
_CHECKOUT_SPEC: Final = Path(__file__).resolve().parents[2] / "openapi.yaml"
DEFAULT_SPEC_PATH: Final = _INSTALLED_SPEC if _INSTALLED_SPEC.is_file() else _CHECKOUT_SPEC
"""The copy shipped in the wheel, or the spec at the root of a repository checkout."""

_METHODS: Final = ("get", "put", "post", "delete", "patch", "head", "options")
# The `maximum` of every amount of a request in openapi.yaml (tests hold the two together).
MAX_AMOUNT: Final = Decimal(10**15)


_INTEGER_RE: Final = re.compile(r"-?[0-9]{1,19}")
_NUMBER_RE: Final = re.compile(r"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]{1,4})?")
_DATE_RE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@frozen
class QueryParam:
    """A query parameter of the spec, with its schema (``$ref`` resolved)."""

    name: str
    required: bool
    schema: Mapping[str, Any]


@frozen
class Produces:
    """What a success of the operation may carry, and which query parameter picks one."""

    media_types: tuple[str, ...] = ("application/json",)
    parameter: str | None = None
    by_value: tuple[tuple[str, str], ...] = ()

    def chosen(self, query: Mapping[str, str]) -> tuple[str, ...]:
        value = query.get(self.parameter) if self.parameter else None
        for key, media in self.by_value:
            if key == value:
                return (media,)
        return self.media_types


@frozen
class SpecOperation:
    operation_id: str
    method: str
    path: str
    public: bool
    """``security: []``: no token needed."""
    moves_money: bool
    """``x-moves-money: true``: the ledger witness counts repeats of it."""
    query: tuple[QueryParam, ...] = ()
    """Checked against every request before the handler runs, as the spec declares them."""
    not_null: frozenset[str] = frozenset()
    """Body fields the spec does not let be ``null`` (a JSON ``null`` there is refused)."""
    produces: Produces | None = None
    """For an operation that answers more than JSON (the exports, which declare 406): its
    success media types, against which ``Accept`` is negotiated."""


def load_spec(path: Path | None = None) -> dict[str, Any]:
    spec_path = path or DEFAULT_SPEC_PATH
    if not spec_path.is_file():
        raise FileNotFoundError(
            f"the sandbox needs openapi.yaml and did not find it at {spec_path}; "
            "run it from a checkout of the repository or set SandboxConfig.spec_path"
        )
    with spec_path.open(encoding="utf-8") as handle:
        spec: dict[str, Any] = yaml.safe_load(handle)
    return spec


def _resolve(spec: Mapping[str, Any], node: Mapping[str, Any]) -> Mapping[str, Any]:
    while "$ref" in node:
        target: Any = spec
        for part in str(node["$ref"]).removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def _query_params(spec: Mapping[str, Any], operation: Mapping[str, Any]) -> tuple[QueryParam, ...]:
    params = []
    for raw in operation.get("parameters", []):
        param = _resolve(spec, raw)
        if param.get("in") == "query":
            schema = _resolve(spec, param.get("schema", {}))
            params.append(QueryParam(param["name"], bool(param.get("required")), schema))
    return tuple(params)


def _check_value(name: str, schema: Mapping[str, Any], value: str) -> None:
    """``value`` (query text) against its schema: a 422 that names the parameter, or nothing."""
    kind = schema.get("type", "string")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "string")
    number: float | int | None = None
    if kind == "integer":
        if not _INTEGER_RE.fullmatch(value):
            raise invalid(name, "must be an integer")
        number = int(value)
    elif kind == "number":
        if not _NUMBER_RE.fullmatch(value):
            raise invalid(name, "must be a number")
        number = float(value)
    elif kind == "boolean" and value not in ("true", "false"):
        raise invalid(name, "must be true or false")
    if number is not None:
        if "minimum" in schema and number < schema["minimum"]:
            raise invalid(name, f"must be at least {schema['minimum']}")
        if "maximum" in schema and number > schema["maximum"]:
            raise invalid(name, f"must be at most {schema['maximum']}")
        return
    if "enum" in schema and value not in schema["enum"]:
        raise invalid(name, f"must be one of {', '.join(map(str, schema['enum']))}")
    if len(value) < schema.get("minLength", 0):
        raise invalid(name, f"must have at least {schema['minLength']} characters")
    if "maxLength" in schema and len(value) > schema["maxLength"]:
        raise invalid(name, f"must have at most {schema['maxLength']} characters")
    if "pattern" in schema and not re.search(schema["pattern"], value):
        raise invalid(name, f"must match {schema['pattern']}")
    fmt = schema.get("format")
    if fmt == "date" and not _DATE_RE.fullmatch(value):
        raise invalid(name, "must be a date (YYYY-MM-DD)")
    try:
        if fmt == "date":
            datetime.date.fromisoformat(value)
        elif fmt == "uuid":
            uuid.UUID(value)
        elif fmt == "date-time":
            datetime.datetime.fromisoformat(value)
    except ValueError:
        raise invalid(name, f"must be a {fmt}") from None


def _not_null(spec: Mapping[str, Any], operation: Mapping[str, Any]) -> frozenset[str]:
    if "requestBody" not in operation:
        return frozenset()
    content = _resolve(spec, operation["requestBody"])["content"]
    (media,) = content.values()
    schema = _resolve(spec, media["schema"])
    names = set()
    for name, prop in schema.get("properties", {}).items():
        kind = _resolve(spec, prop).get("type")
        if kind is not None and "null" not in (kind if isinstance(kind, list) else [kind]):
            names.add(name)
    return frozenset(names)


def _produces(spec: Mapping[str, Any], operation: Mapping[str, Any]) -> Produces | None:
    ok = _resolve(spec, operation.get("responses", {}).get("200", {}))
    media_types = tuple(ok.get("content", {}))
    if media_types in ((), ("application/json",)):
        return None
    for raw in operation.get("parameters", []):
        param = _resolve(spec, raw)
        if param.get("in") == "query" and param.get("x-media-types"):
            by_value = tuple((str(k), str(v)) for k, v in param["x-media-types"].items())
            return Produces(media_types, param["name"], by_value)
    return Produces(media_types)


def _acceptable(accept: str, media: str) -> bool:
    for part in accept.split(","):
        kind, *params = (p.strip() for p in part.split(";"))
        quality = next((p[2:] for p in params if p.startswith("q=")), "1")
        try:
            if float(quality) <= 0:
                continue
        except ValueError:
            continue
        kind = kind.lower()
        if kind in ("*/*", media) or (kind.endswith("/*") and media.startswith(kind[:-1])):
            return True
    return False


def check_accept(produces: Produces | None, accept: str | None, query: Mapping[str, str]) -> None:
    """406 when ``Accept`` names none of the media types the request would be answered with."""
    if produces is None or not accept:
        return
    wanted = produces.chosen(query)
    if not any(_acceptable(accept, media) for media in wanted):
        raise SandboxError(
            406,
            "GEN_406",
            f"Not acceptable: this request is answered with {', '.join(wanted)}.",
            key="not_acceptable",
            category="validation",
        )


def check_body(not_null: frozenset[str], body: Mapping[str, Any]) -> None:
    """Refuse ``null`` where the spec's schema does not allow it (422 naming the field)."""
    for name in sorted(not_null):
        if name in body and body[name] is None:
            raise invalid(name, "must not be null")


def check_query(params: tuple[QueryParam, ...], query: Mapping[str, str]) -> None:
    """Refuse a query that breaks the spec: 400 for a missing required parameter, else 422.

    Parameters the spec does not name are left to the handler (the sandbox has a few of its own).
    """
    for param in params:
        value = query.get(param.name)
        if value is None:
            if param.required:
                raise missing(param.name)
            continue
        _check_value(param.name, param.schema, value)


def spec_operations(spec: dict[str, Any]) -> list[SpecOperation]:
    default_security = spec.get("security")
    operations = []
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method not in _METHODS:
                continue
            security = operation.get("security", default_security)
            operations.append(
                SpecOperation(
                    operation_id=operation["operationId"],
                    method=method.upper(),
                    path=path,
                    # Optional auth (``security: [{}, ...]``) is served with or without a token.
                    public=security == [] or {} in security,
                    moves_money=bool(operation.get("x-moves-money", False)),
                    query=_query_params(spec, operation),
                    not_null=_not_null(spec, operation),
                    produces=_produces(spec, operation),
                )
            )
    return operations
