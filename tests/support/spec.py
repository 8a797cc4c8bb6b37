"""Reading openapi.yaml in tests: numbers with a fraction load as exact Decimals."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import yaml

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi.yaml"
METHODS = ("get", "post", "put", "patch", "delete")


class _Loader(yaml.SafeLoader):
    pass


def _decimal(loader: _Loader, node: yaml.ScalarNode) -> Decimal:
    return Decimal(loader.construct_scalar(node))


_Loader.add_constructor("tag:yaml.org,2002:float", _decimal)


@cache
def spec() -> dict[str, Any]:
    with SPEC_PATH.open(encoding="utf-8") as f:
        loaded: dict[str, Any] = yaml.load(f, Loader=_Loader)  # noqa: S506 - SafeLoader subclass
    return loaded


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = spec()
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def operations() -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, op)
        for path, item in spec()["paths"].items()
        for method, op in item.items()
        if method in METHODS
    ]
