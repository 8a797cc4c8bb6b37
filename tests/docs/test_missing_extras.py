"""Issue 19 item 11: a missing extra is one line naming the ``pip install`` that fixes it.

Each case runs in a subprocess where the extra's module cannot be imported (``sys.modules[name]
= None`` makes ``import name`` raise ``ModuleNotFoundError``, as when it is not installed).
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_without(module: str, code: str) -> subprocess.CompletedProcess[str]:
    wrapper = f"import sys\nsys.modules[{module!r}] = None\n{code}"
    return subprocess.run(
        [sys.executable, "-c", wrapper],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        timeout=120,
    )


def test_the_trio_backend_without_trio() -> None:
    done = run_without(
        "trio",
        "from spectrocoin_async._cli import run\n"
        "sys.exit(run(['--backend', 'trio', 'currencies', 'list-currencies']))",
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        "spectrocoin: the trio backend needs trio: pip install 'spectrocoin-async[trio]'\n"
    )


@pytest.mark.parametrize("missing", ["starlette", "uvicorn", "yaml", "cryptography", "jinja2"])
def test_the_sandbox_command_without_the_sandbox_extra(missing: str) -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    module, function = scripts["spectrocoin-sandbox"].split(":")
    done = run_without(
        missing,
        f"sys.argv = ['spectrocoin-sandbox']\nfrom {module} import {function}\n{function}()",
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        f"spectrocoin-sandbox: needs the sandbox extra ({missing} is not installed): "
        "pip install 'spectrocoin-async[sandbox]'\n"
    )


def test_the_shared_allowance_example_without_coredis() -> None:
    done = run_without(
        "coredis",
        "import runpy\n"
        "sys.argv = ['examples/shared_allowance.py']\n"
        "runpy.run_path('examples/shared_allowance.py', run_name='__main__')",
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        "shared_allowance.py: needs coredis: pip install 'spectrocoin-async[redis]'\n"
    )


def test_there_is_a_trio_extra() -> None:
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"][
        "optional-dependencies"
    ]
    assert any(req.startswith("trio") for req in extras["trio"])
