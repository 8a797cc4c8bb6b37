"""Tell a maintainer what a regeneration means for code that uses the SDK.

    python custom/changes.py [--base REF] [--changelog]

Compares the working tree with REF (default: the newest release tag ``vX.Y.Z``, or ``HEAD`` when
there is none) at two levels: openapi.yaml (operations, parameters, fields, enums, statuses) and
the public Python surface of the package (namespaces, methods, parameters, models, fields,
exceptions). It prints one report that ends in a verdict and the version the change needs.

Version policy (semver; SpectroCoin's dated API versions are recorded in ``info.version`` and in
the changelog, not in our version number):
- from 1.0.0: breaking -> next major; only additions -> next minor; otherwise -> next patch;
- before 1.0.0: breaking -> next minor; anything else -> next patch.

Exit status 1 when the change is breaking and pyproject.toml's version is below the one the policy
asks for, or the changelog has no entry for it; 0 otherwise. ``--changelog`` writes the report as
a draft under "Unreleased" in CHANGELOG.md (Keep a Changelog sections, breaking entries marked).
"""

from __future__ import annotations

import argparse
import io
import re
import subprocess
import sys
import tarfile
import tempfile
import tomllib
from collections.abc import Sequence
from pathlib import Path

from generate import load_spec
from python_diff import python_changes
from spec_diff import Change, spec_changes

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = ("Added", "Changed", "Removed")
START = "<!-- make changes: start -->"
END = "<!-- make changes: end -->"
Version = tuple[int, int, int]


def _git(*args: str, cwd: Path = ROOT) -> bytes:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True).stdout


def default_base(root: Path = ROOT) -> str:
    """The newest release tag, or HEAD before the first release."""
    try:
        tag = _git("describe", "--tags", "--abbrev=0", "--match", "v[0-9]*", cwd=root)
    except subprocess.CalledProcessError:
        return "HEAD"
    return tag.decode().strip() or "HEAD"


def extract(ref: str, into: Path, root: Path = ROOT) -> None:
    """The spec, the package and the version of ``ref``, written below ``into``."""
    paths = ["openapi.yaml", "pyproject.toml", "spectrocoin_async"]
    archive = _git("archive", "--format=tar", ref, *paths, cwd=root)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")


def parse_version(text: str) -> Version:
    match = re.match(r"(\d+)\.(\d+)\.(\d+)", text)
    if match is None:
        raise SystemExit(f"changes: cannot read the version {text!r} (expected X.Y.Z)")
    major, minor, patch = (int(part) for part in match.groups())
    return major, minor, patch


def project_version(root: Path) -> Version:
    with (root / "pyproject.toml").open("rb") as f:
        return parse_version(str(tomllib.load(f)["project"]["version"]))


def required_version(base: Version, changes: Sequence[Change]) -> Version:
    """The smallest version the policy in this module's docstring asks for."""
    if not changes:
        return base
    major, minor, patch = base
    breaking = any(c.breaking for c in changes)
    added = any(c.section == "Added" for c in changes)
    if major == 0:
        return (0, minor + 1, 0) if breaking else (0, minor, patch + 1)
    if breaking:
        return (major + 1, 0, 0)
    return (major, minor + 1, 0) if added else (major, minor, patch + 1)


def show(version: Version) -> str:
    return ".".join(str(part) for part in version)


def render(base: str, changes: Sequence[Change]) -> str:
    out = [f"API changes: {base} -> working tree", ""]
    for level, title in (
        ("spec", "openapi.yaml"),
        ("python", "Python surface of spectrocoin_async"),
    ):
        entries = [c for c in changes if c.level == level]
        out.append(f"{title}: {len(entries) or 'no'} change{'' if len(entries) == 1 else 's'}")
        for section in SECTIONS:
            lines = [c.line() for c in entries if c.section == section]
            if lines:
                out.append(f"  {section}")
                out.extend(f"    - {line}" for line in lines)
        out.append("")
    return "\n".join(out)


def changelog_block(base: str, changes: Sequence[Change]) -> str:
    lines = [START, f"<!-- a draft from `make changes CHANGELOG=1` against {base}: edit freely -->"]
    for section in SECTIONS:
        entries = [c for c in changes if c.section == section]
        if not entries:
            continue
        lines += ["", f"### {section}", ""]
        for c in entries:
            mark = "**Breaking:** " if c.breaking else ""
            lines.append(f"- {mark}`{c.subject}`: {c.text}")
    lines.append(END)
    return "\n".join(lines)


def write_changelog(path: Path, block: str) -> None:
    """Put ``block`` under "## [Unreleased]", replacing an earlier draft; create what is missing."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Changelog\n"
    if START in text and END in text:
        head, _, rest = text.partition(START)
        _, _, tail = rest.partition(END)
        text = head + block + tail
    elif "## [Unreleased]" in text:
        text = text.replace("## [Unreleased]", "## [Unreleased]\n\n" + block, 1)
    else:
        first = text.find("\n## [")
        at = len(text) if first < 0 else first + 1
        text = text[:at].rstrip("\n") + "\n\n## [Unreleased]\n\n" + block + "\n\n" + text[at:]
    path.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


def has_entry(path: Path, version: Version) -> bool:
    """The changelog names ``version`` or has something under Unreleased."""
    if not path.exists():
        return False
    text = path.read_text(encoding="utf-8")
    if f"## [{show(version)}]" in text:
        return True
    unreleased = re.search(r"^## \[Unreleased\]\s*\n(.*?)(?=^## \[|\Z)", text, re.M | re.S)
    return bool(unreleased and re.search(r"^- ", unreleased.group(1), re.M))


def verdict(
    changes: Sequence[Change], old: Version, new: Version, changelog: Path
) -> tuple[int, str]:
    """The closing lines of the report and the exit status."""
    if not changes:
        return 0, "Verdict: no change to the API or the public surface."
    breaking = any(c.breaking for c in changes)
    need = required_version(old, changes)
    kind = "BREAKING" if breaking else "not breaking"
    lines = [
        f"Verdict: {kind}. The policy (semver, see custom/changes.py) asks for {show(need)} "
        f"or later (base {show(old)}); pyproject.toml has {show(new)}."
    ]
    status = 0
    if new < need:
        if breaking:
            status = 1
            lines.append(f"Bump the version in pyproject.toml to {show(need)}.")
        else:
            lines.append(f"Suggested: bump the version to {show(need)} for the release.")
    elif breaking and not has_entry(changelog, new):
        status = 1
        lines.append(
            f"CHANGELOG.md has no entry for {show(new)} and nothing under Unreleased: "
            "run `make changes CHANGELOG=1` and edit the draft."
        )
    return status, "\n".join(lines)


def compare(old_root: Path, new_root: Path) -> list[Change]:
    return [
        *spec_changes(load_spec(old_root / "openapi.yaml"), load_spec(new_root / "openapi.yaml")),
        *python_changes(old_root, new_root),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="", help="git ref to compare with")
    parser.add_argument("--changelog", action="store_true", help="write a CHANGELOG.md draft")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    root: Path = args.root
    base = args.base or default_base(root)
    with tempfile.TemporaryDirectory(prefix="spectrocoin-changes-") as tmp:
        extract(base, Path(tmp), root)
        changes = compare(Path(tmp), root)
        old_version = project_version(Path(tmp))
    changelog = root / "CHANGELOG.md"
    if args.changelog and changes:
        write_changelog(changelog, changelog_block(base, changes))
        print(f"wrote a draft under Unreleased in {changelog.name}")
    status, closing = verdict(changes, old_version, project_version(root), changelog)
    print(render(base, changes) + closing)
    return status


if __name__ == "__main__":
    sys.exit(main())
