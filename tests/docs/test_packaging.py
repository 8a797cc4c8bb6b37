"""Packaging: the MIT licence ships in the sdist and the wheel, the changelog keeps its form, and
the development tools are a dependency group, not a user extra."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from spectrocoin_async import __version__
from tests.support.dist import ROOT, check_dist

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_dev_tools_are_a_dependency_group_not_an_extra() -> None:
    project = PYPROJECT["project"]
    assert "dev" not in project["optional-dependencies"]
    dev = PYPROJECT["dependency-groups"]["dev"]
    names = {re.split(r"[<>=\[ ]", item, maxsplit=1)[0] for item in dev if isinstance(item, str)}
    assert {"pytest", "ruff", "mypy", "build", "twine", "openapi-python-client"} <= names
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "--group dev" in makefile and '"pip>=25.1"' in makefile


def test_license_is_the_mit_licence_pyproject_names() -> None:
    assert PYPROJECT["project"]["license"] == "MIT"
    assert PYPROJECT["project"]["license-files"] == ["LICENSE"]
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n\nCopyright (c) 2026 ")
    assert "Permission is hereby granted, free of charge," in text
    assert 'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND' in text


def test_project_urls_are_public_https_urls() -> None:
    urls = PYPROJECT["project"]["urls"]
    assert urls and all(url.startswith("https://") for url in urls.values())


def test_changelog_keeps_a_changelog_form() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert text.startswith("# Changelog\n")
    assert "https://keepachangelog.com/en/1.1.0/" in text
    versions = re.findall(r"^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?$", text, re.MULTILINE)
    assert versions[0] == ("Unreleased", "")
    assert (__version__, "2026-12-08") in versions
    kinds = set(re.findall(r"^### (\w+)$", text, re.MULTILINE))
    assert kinds <= {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    return out


def test_sdist_and_wheel_carry_the_licence_and_clean_metadata(dist: Path) -> None:
    assert check_dist(dist) == []


def test_the_check_notices_a_wheel_without_its_licence(dist: Path, tmp_path: Path) -> None:
    (wheel,) = dist.glob("*.whl")
    shutil.copy(next(dist.glob("*.tar.gz")), tmp_path)
    with zipfile.ZipFile(wheel) as src, zipfile.ZipFile(tmp_path / wheel.name, "w") as dst:
        for item in src.infolist():
            if not item.filename.endswith("/licenses/LICENSE"):
                dst.writestr(item, src.read(item))
    assert check_dist(tmp_path) == [f"{wheel.name}: no LICENSE under .dist-info/licenses/"]
