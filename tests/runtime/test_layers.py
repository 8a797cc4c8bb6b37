"""The runtime's core never imports generated code: generated code depends on the runtime, not
the reverse. Read from the source with ``ast`` (every import, TYPE_CHECKING ones included)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[2] / "spectrocoin_async"

# pipeline (with its reading and option checks), auth, limits, retry, encoding, validation,
# errors, JSON, pagination, types, values, the evidence warning, name suggestions, and
# telemetry (logs, OTel) with the version it reports
CORE = (
    "_pipeline",
    "_responses",
    "_call_options",
    "_auth",
    "_ratelimit",
    "_retry",
    "_encoding",
    "_validation",
    "_errors",
    "_json",
    "_pagination",
    "_types",
    "_values",
    "_reading",  # the bounded body reader
    "_redaction",  # Secret and the redacted str/bytes
    "_evidence",
    "_suggest",
    "_event_loop",
    "_telemetry",
    "_version",
)


def imports_of(source: str) -> set[str]:
    """Every module a module of ``spectrocoin_async`` with this source imports, absolute."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                base = node.module or ""
            else:  # relative to spectrocoin_async (level 1); level 2 would leave the package
                assert node.level == 1, "an import from outside the package"
                base = "spectrocoin_async" + (f".{node.module}" if node.module else "")
            found.add(base)
            # `from . import _generated` names a module too
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def imported_modules(module: str) -> set[str]:
    return imports_of((PACKAGE / f"{module}.py").read_text("utf-8"))


def is_generated(name: str) -> bool:
    return name == "spectrocoin_async._generated" or name.startswith(
        "spectrocoin_async._generated."
    )


@pytest.mark.parametrize("module", CORE)
def test_a_core_module_imports_no_generated_code(module: str) -> None:
    assert sorted(filter(is_generated, imported_modules(module))) == []


@pytest.mark.parametrize("module", CORE)
def test_a_core_module_imports_only_the_core(module: str) -> None:
    # So no path through another module of the package reaches generated code either.
    ours = {
        name.split(".")[1]
        for name in imported_modules(module)
        if name.startswith("spectrocoin_async.")
        and (PACKAGE / f"{name.split('.')[1]}.py").is_file()
    }
    assert ours <= set(CORE), sorted(ours - set(CORE))


def test_the_check_sees_an_import_of_generated_code() -> None:
    # The parser must find the arrow in each spelling, or the tests above prove nothing.
    spellings = [
        "from ._generated._secrets import SECRET_FIELDS",
        "from ._generated import models",
        "from . import _generated",
        "import spectrocoin_async._generated.models",
        "from spectrocoin_async._generated._operations import OPERATIONS",
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ._generated import models",
    ]
    for source in spellings:
        assert any(map(is_generated, imports_of(source))), source
    assert not any(map(is_generated, imports_of("from ._errors import APIError")))
