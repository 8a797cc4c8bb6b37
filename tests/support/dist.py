"""What the built sdist and wheel must carry: ``python tests/support/dist.py DIST_DIR``.

Run by ``make check-install`` after ``python -m build``; ``tests/docs/test_packaging.py`` runs the
same checks on a fresh build.
"""

from __future__ import annotations

import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _metadata(text: str) -> list[tuple[str, str]]:
    return list(Parser().parsestr(text).items())


def check_dist(dist: Path) -> list[str]:
    """Problems with the sdist and wheel in ``dist``; empty when both are right."""
    problems: list[str] = []
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    (wheel,) = dist.glob("*.whl")
    (sdist,) = dist.glob("*.tar.gz")
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        shipped = [n for n in names if n.endswith(".dist-info/licenses/LICENSE")]
        if not shipped or zf.read(shipped[0]).decode("utf-8") != licence:
            problems.append(f"{wheel.name}: no LICENSE under .dist-info/licenses/")
        (meta_name,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        meta = _metadata(zf.read(meta_name).decode("utf-8"))
    with tarfile.open(sdist) as tf:
        top = sdist.name.removesuffix(".tar.gz")
        for wanted in ("LICENSE", "CHANGELOG.md", "README.md", "openapi.yaml"):
            if f"{top}/{wanted}" not in tf.getnames():
                problems.append(f"{sdist.name}: {wanted} missing")
    fields = {key for key, _ in meta}
    values = dict(meta)
    if values.get("License-Expression") != "MIT":
        problems.append("METADATA: License-Expression is not MIT")
    if values.get("License-File") != "LICENSE":
        problems.append("METADATA: License-File is not LICENSE")
    if "Project-URL" not in fields:
        problems.append("METADATA: no Project-URL")
    extras = {value for key, value in meta if key == "Provides-Extra"}
    if "dev" in extras:
        problems.append("METADATA: `dev` is published as a user extra")
    if not {"callbacks", "sandbox", "redis", "cli"} <= extras:
        problems.append(f"METADATA: user extras missing, only {sorted(extras)}")
    return problems


if __name__ == "__main__":
    found = check_dist(Path(sys.argv[1]))
    for problem in found:
        print(problem, file=sys.stderr)
    if found:
        raise SystemExit(1)
    print(f"sdist and wheel in {sys.argv[1]}: LICENSE, metadata and extras as they should be")
