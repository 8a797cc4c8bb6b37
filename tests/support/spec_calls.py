"""Calls built from openapi.yaml alone: for every operation, its SDK method and example arguments.

The respx round trip (test_operations_from_spec.py) and the Prism run (test_prism.py) both take
their list of operations from here, so an operation added to the spec is covered by both at once.
"""

from __future__ import annotations

import datetime
import inspect
import uuid
from collections.abc import Awaitable, Callable
from decimal import Decimal
from typing import Any

from attrs import frozen
from openapi_python_client.strings import PythonIdentifier

import spectrocoin_async
from spectrocoin_async import SpectroCoinClient
from tests.support.spec import operations, resolve


def ident(name: str) -> str:
    return str(PythonIdentifier(name, "field_"))


def python_value(schema: dict[str, Any], value: Any) -> Any:
    """The example as the generated signature wants it (dates as date, enums as members...)."""
    if "$ref" in schema:
        target = resolve(schema)
        if "enum" in target:
            return getattr(spectrocoin_async, schema["$ref"].rsplit("/", 1)[1])(value)
        schema = target
    fmt = schema.get("format")
    if fmt == "date":
        return datetime.date.fromisoformat(str(value))
    if fmt == "date-time":
        return datetime.datetime.fromisoformat(str(value))
    if fmt == "uuid":
        return uuid.UUID(str(value))
    if schema.get("type") == "number":
        return Decimal(str(value))
    return value


def model(schema: dict[str, Any]) -> type[Any]:
    name: str = schema["$ref"].rsplit("/", 1)[1]
    found: type[Any] = getattr(spectrocoin_async, name)
    return found


@frozen
class ExampleCall:
    """One operation of the spec, called with its examples (one variant per ``x-media-types``)."""

    operation_id: str
    tag: str
    method: str
    path: str  # with the example path parameters filled in
    kwargs: dict[str, Any]
    query: dict[str, Any]  # the example query parameters, by their wire name
    media: str | None  # the media type the call asks for, where a parameter chooses one
    op: dict[str, Any]

    @property
    def id(self) -> str:
        return self.operation_id + (f"[{self.media}]" if self.media else "")

    def bind(self, sc: SpectroCoinClient) -> Callable[[], Awaitable[Any]]:
        """The SDK method with these arguments; parameter names matched to its signature."""
        method = getattr(getattr(sc, ident(self.tag)), ident(self.operation_id))
        accepted = inspect.signature(method).parameters
        kwargs: dict[str, Any] = {}
        for name, value in self.kwargs.items():
            # A spec name that is a Python keyword or builtin may be spelled with or without "_".
            for candidate in (name, name.rstrip("_"), name + "_"):
                if candidate in accepted:
                    kwargs[candidate] = value
                    break
            else:
                raise AssertionError(f"{self.operation_id}: no parameter {name!r} in {accepted}")
        return lambda: method(**kwargs)


def example_calls() -> list[ExampleCall]:
    calls = []
    for path, method, op in operations():
        kwargs: dict[str, Any] = {}
        query: dict[str, Any] = {}
        url_path = path
        variants: list[tuple[str, str, Any, str] | None] = [None]
        for param in map(resolve, op.get("parameters", [])):
            if "example" not in param:
                continue
            value = param["example"]
            kwargs[ident(param["name"])] = python_value(param["schema"], value)
            if param["in"] == "path":
                url_path = url_path.replace("{" + param["name"] + "}", str(value))
            else:
                query[param["name"]] = value
            media_types = param.get("x-media-types") or {}
            if media_types:
                variants = [
                    (param["name"], ident(param["name"]), choice, media)
                    for choice, media in media_types.items()
                ]
        if "requestBody" in op:
            ((_, body_media),) = resolve(op["requestBody"])["content"].items()
            kwargs["body"] = model(body_media["schema"]).from_dict(body_media["example"])
        for variant in variants:
            chosen_kwargs, chosen_query, media = dict(kwargs), dict(query), None
            if variant is not None:
                wire_name, py_name, choice, media = variant
                schema = next(
                    p["schema"] for p in map(resolve, op["parameters"]) if p["name"] == wire_name
                )
                chosen_kwargs[py_name] = python_value(schema, choice)
                chosen_query[wire_name] = choice
            calls.append(
                ExampleCall(
                    operation_id=op["operationId"],
                    tag=op["tags"][0],
                    method=method.upper(),
                    path=url_path,
                    kwargs=chosen_kwargs,
                    query=chosen_query,
                    media=media,
                    op=op,
                )
            )
    return calls
