"""``make demo`` is one of the README's two first commands: it must keep working as written."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_demo_runs_to_the_end_and_names_its_dashboard() -> None:
    # The same script `make demo` runs: sandbox, quickstart, callbacks, export, CLI calls.
    done = subprocess.run(
        [sys.executable, "examples/run_demo.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "0 money moves run twice" in done.stdout
    assert "$ spectrocoin accounts list-accounts" in done.stdout
    lines = done.stdout.rstrip().splitlines()
    assert lines[-2] == "Sandbox stopped. Demo finished."
    assert re.fullmatch(
        r"Its dashboard was at http://127\.0\.0\.1:\d+/sandbox/: `make demo KEEP=1` keeps the "
        r"sandbox running to open it\.",
        lines[-1],
    ), lines[-1]


def test_a_fresh_demo_install_has_every_extra_the_demo_uses() -> None:
    """On a fresh clone `make demo` installs only the runtime and DEMO_EXTRAS (not the dev
    toolchain); the demo runs the sandbox and the `spectrocoin` command, so both extras."""
    makefile = (ROOT / "Makefile").read_text("utf-8")
    found = re.search(r"^DEMO_EXTRAS\s*:=\s*(\S+)$", makefile, re.MULTILINE)
    assert found is not None
    assert set(found.group(1).split(",")) == {"sandbox", "cli"}
