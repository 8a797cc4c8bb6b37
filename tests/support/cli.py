"""Running ``spectrocoin`` in-process (fast) or as a real process, for the CLI tests."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import attrs
import pytest

from spectrocoin_async._cli import run

CLI_ENV_KEYS = (
    "SPECTROCOIN_CLIENT_ID",
    "SPECTROCOIN_CLIENT_SECRET",
    "SPECTROCOIN_PROJECT_ID",
    "SPECTROCOIN_BASE_URL",
    "SPECTROCOIN_PROFILE",
    "SPECTROCOIN_CONFIG",
    "SPECTROCOIN_BACKEND",
)


@attrs.frozen
class Result:
    code: int
    out: bytes
    err: str

    @property
    def text(self) -> str:
        return self.out.decode("utf-8")


@contextmanager
def _swapped(stdin: bytes) -> Iterator[tuple[io.BytesIO, io.BytesIO]]:
    out, err = io.BytesIO(), io.BytesIO()
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    sys.stdout = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    sys.stderr = io.TextIOWrapper(err, encoding="utf-8", write_through=True)
    try:
        yield out, err
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        sys.stdin, sys.stdout, sys.stderr = saved


def cli(
    monkeypatch: pytest.MonkeyPatch,
    argv: Sequence[str],
    env: Mapping[str, str],
    stdin: bytes = b"",
) -> Result:
    """``spectrocoin *argv`` in this process, with exactly ``env`` as its SPECTROCOIN_* set."""
    for key in CLI_ENV_KEYS:
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    with _swapped(stdin) as (out, err):
        code = run(list(argv))
        sys.stdout.flush()
        sys.stderr.flush()
        return Result(code, out.getvalue(), err.getvalue().decode("utf-8", "replace"))


def spawn(argv: Sequence[str], env: Mapping[str, str], **kwargs: Any) -> Result:
    """``spectrocoin *argv`` as a real process (the installed console script)."""
    clean = {k: v for k, v in os.environ.items() if k not in CLI_ENV_KEYS}
    script = os.path.join(os.path.dirname(sys.executable), "spectrocoin")
    proc = subprocess.run(
        [script, *argv],
        check=False,
        env={**clean, **env},
        capture_output=True,
        timeout=60,
        **kwargs,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr.decode("utf-8", "replace"))


@attrs.frozen
class Screen:
    """What a pseudo-terminal showed (``\r\n`` read as ``\n``) and the exit status."""

    code: int | None
    text: str


def in_pty(
    argv: Sequence[str],
    env: Mapping[str, str],
    *,
    columns: int = 80,
    answers: Sequence[tuple[str, str]] = (),
    until: str | None = None,
) -> Screen:
    """``spectrocoin *argv`` with stdin, stdout and stderr on a real pseudo-terminal of
    ``columns`` columns (TIOCSWINSZ, COLUMNS unset): each ``(prompt, answer)`` is typed once
    ``prompt`` has appeared; with ``until``, the process is stopped once that text appeared."""
    import fcntl
    import pty
    import select
    import struct
    import termios
    import time

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    clean = {k: v for k, v in os.environ.items() if k not in (*CLI_ENV_KEYS, "COLUMNS", "LINES")}
    script = os.path.join(os.path.dirname(sys.executable), "spectrocoin")
    proc = subprocess.Popen(
        [script, *argv],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env={**clean, "TERM": "xterm", **env},
        start_new_session=True,
    )
    os.close(slave)
    seen = b""  # since the last answer
    everything: list[bytes] = []
    pending = list(answers)
    deadline = time.monotonic() + 120  # a safety net against a hang, not a timing assertion
    try:
        while time.monotonic() < deadline:
            text = seen.decode("utf-8", "replace").replace("\r\n", "\n")
            if pending and pending[0][0] in text:
                # Later prompts are looked for only after this one.
                seen = b""
                os.write(master, pending.pop(0)[1].encode() + b"\n")
                continue
            if until is not None and until in text:
                break
            ready, _, _ = select.select([master], [], [], 0.1)
            if not ready:
                if proc.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: every copy of the terminal's other side is closed
                break
            if not chunk:
                break
            seen += chunk
            everything.append(chunk)
    finally:
        if until is not None and proc.poll() is None:
            proc.terminate()
        try:
            code = proc.wait(30)
        except subprocess.TimeoutExpired:  # hung: never leave it behind
            proc.kill()
            proc.wait()
            raise
        finally:
            os.close(master)
    shown = b"".join(everything).decode("utf-8", "replace").replace("\r\n", "\n")
    return Screen(None if until is not None else code, shown)


def fresh_python(code: str) -> str:
    """What ``code`` prints in a fresh interpreter (for what a process imports or builds)."""
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
