"""``spectrocoin`` on a real pseudo-terminal: table widths, ``configure``, what a person sees."""

from __future__ import annotations

import sys

import pytest

from tests.support.cli import in_pty

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals")


def test_the_sandbox_says_where_it_listens_once() -> None:
    screen = in_pty(["sandbox", "--port", "0"], {}, until="callback key")
    # A script reading a pipe gets SANDBOX_URL= (test_flows); a person, one "listening" line.
    assert screen.text.count("listening on http://127.0.0.1:") == 1, screen.text
    assert "SANDBOX_URL=" not in screen.text
