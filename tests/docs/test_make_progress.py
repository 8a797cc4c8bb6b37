"""``make test`` says what it is doing: the installs show progress, pytest reports file by file."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def recipe(target: str) -> list[str]:
    makefile = (ROOT / "Makefile").read_text("utf-8")
    found = re.search(rf"^{re.escape(target)}:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert found is not None, target
    return [line.strip() for line in found.group(1).splitlines()]


def test_pytest_reports_each_file_with_a_running_count() -> None:
    (command,) = [line for line in recipe("pytest") if "-m pytest" in line]
    words = command.split()
    assert "-q" not in words  # -q prints bare dots, no file names
    assert "console_output_style=count" in command and "-rs" in words


def test_the_project_install_shows_progress() -> None:
    lines = recipe("$(STAMP)")
    (install,) = [line for line in lines if "--group dev" in line]
    assert "--quiet" not in install and "--progress-bar on" in install
    assert any(line.startswith("@echo") for line in lines)
