"""``make demo`` is one of the README's two first commands: it must keep working as written."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]


def test_the_demo_runs_to_the_end_and_keeps_its_dashboard_open_on_request() -> None:
    # The same script `make demo KEEP=1` runs: sandbox, quickstart, callbacks, export, CLI calls,
    # then the dashboard's URL, served until Ctrl-C.
    demo = subprocess.Popen(
        [sys.executable, "examples/run_demo.py", "--keep"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert demo.stdout is not None
    seen: list[str] = []
    try:
        for line in demo.stdout:
            seen.append(line)
            if line.startswith("Dashboard: "):
                break
        assert seen and seen[-1].startswith("Dashboard: "), "".join(seen)[-3000:]
        dashboard = httpx.get(seen[-1].split(" ", 1)[1].strip(), timeout=30)
        assert dashboard.status_code == 200
        assert "What happened in this sandbox" in dashboard.text
        assert ">demo-" in dashboard.text  # the quickstart's order, with its history
        demo.send_signal(signal.SIGINT)
        rest, _ = demo.communicate(timeout=60)
    finally:
        if demo.poll() is None:
            demo.kill()
    out = "".join(seen) + rest
    assert demo.returncode == 0, out[-3000:]
    assert "0 money moves run twice" in out
    # Counts agree with their nouns ("1 order", "4 orders"; never "4 order").
    ledger = re.search(r"sandbox ledger: (.*)", out)
    assert ledger is not None
    counts = re.findall(r"(\d+) (exchange|order|callback)(s?),", ledger.group(1))
    assert [noun for _, noun, _ in counts] == ["exchange", "order", "callback"], ledger.group(0)
    assert all((number == "1") == (plural == "") for number, _, plural in counts), counts
    assert "$ spectrocoin accounts list-accounts" in out
    assert out.rstrip().endswith("Sandbox stopped. Demo finished.")


def test_a_fresh_demo_install_has_every_extra_the_demo_uses() -> None:
    """On a fresh clone `make demo` installs only the runtime and DEMO_EXTRAS (not the dev
    toolchain); the demo runs the sandbox and the `spectrocoin` command, so both extras."""
    makefile = (ROOT / "Makefile").read_text("utf-8")
    found = re.search(r"^DEMO_EXTRAS\s*:=\s*(\S+)$", makefile, re.MULTILINE)
    assert found is not None
    assert set(found.group(1).split(",")) == {"sandbox", "cli"}
