"""openapi.yaml, read once: the sandbox's routes come from it, not from a hand-kept list."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final

import yaml
from attrs import frozen

__all__ = ["DEFAULT_SPEC_PATH", "SpecOperation", "load_spec", "spec_operations"]

_INSTALLED_SPEC: Final = Path(__file__).resolve().parent / "openapi.yaml"
_CHECKOUT_SPEC: Final = Path(__file__).resolve().parents[2] / "openapi.yaml"
DEFAULT_SPEC_PATH: Final = _INSTALLED_SPEC if _INSTALLED_SPEC.is_file() else _CHECKOUT_SPEC
"""The copy shipped in the wheel, or the spec at the root of a repository checkout."""

_METHODS: Final = ("get", "put", "post", "delete", "patch", "head", "options")


@frozen
class SpecOperation:
    operation_id: str
    method: str
    path: str
    public: bool
    """``security: []``: no token needed."""
    moves_money: bool
    """``x-moves-money: true``: the ledger witness counts repeats of it."""


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
                    public=security == [],
                    moves_money=bool(operation.get("x-moves-money", False)),
                )
            )
    return operations
