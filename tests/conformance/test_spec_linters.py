"""openapi.yaml passes two independent OpenAPI linters with 0 errors: Redocly and Spectral.

Both are pinned in tests/node/package.json and installed by ``make node-tools`` into build/node
(with Prism). Without Node.js these tests are skipped with a reason naming them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support.spec import SPEC_PATH

ROOT = Path(__file__).resolve().parents[2]
NODE_DIR = ROOT / "build" / "node"
BIN = NODE_DIR / "node_modules" / ".bin"


def _tool(name: str) -> Path:
    if not (BIN / name).exists():
        if shutil.which("npm") is None:
            pytest.skip(f"SKIPPED `{name} lint` of openapi.yaml: Node.js/npm not found")
        subprocess.run(["make", "node-tools"], cwd=ROOT, check=True)
    return BIN / name


def test_redocly_lint_finds_no_error() -> None:
    run = subprocess.run(
        [str(_tool("redocly")), "lint", str(SPEC_PATH), "--format", "stylish"],
        cwd=NODE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "error" not in re.sub(r"0 errors?", "", run.stdout.lower()), run.stdout


def test_spectral_lint_finds_no_error() -> None:
    spectral = _tool("spectral")
    ruleset = NODE_DIR / ".spectral.yaml"
    ruleset.write_text('extends: ["spectral:oas"]\n', encoding="utf-8")
    run = subprocess.run(
        [
            str(spectral),
            "lint",
            str(SPEC_PATH),
            "--ruleset",
            str(ruleset),
            "--fail-severity",
            "error",
        ],
        cwd=NODE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
