"""Start the local sandbox (``spectrocoin-sandbox``) in a child process, for the loopback measures.

``spectrocoin-sandbox --host 127.0.0.1 --port 0`` prints ``SANDBOX_URL=http://127.0.0.1:PORT/
api/public`` once it listens. When the sandbox is not installed or does not come up, the
measures that need it report "not measured: sandbox not available" instead of failing.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

__all__ = [
    "CLIENT_ID",
    "CLIENT_SECRET",
    "SandboxUnavailable",
    "fetch_token",
    "sandbox",
    "sandbox_config",
]

CLIENT_ID = "sandbox-client"
CLIENT_SECRET = "sandbox-secret"
START_TIMEOUT = 30.0


class SandboxUnavailable(Exception):
    """The sandbox cannot be started here; the message says why."""


def _command() -> list[str]:
    try:
        import spectrocoin_async.sandbox  # noqa: F401
    except ImportError as exc:
        raise SandboxUnavailable(f"spectrocoin_async.sandbox does not import ({exc})") from None
    script = Path(sys.executable).with_name("spectrocoin-sandbox")
    if script.exists():
        return [str(script)]
    found = shutil.which("spectrocoin-sandbox")
    if found:
        return [found]
    return [sys.executable, "-m", "spectrocoin_async.sandbox"]


@contextlib.contextmanager
def sandbox(*extra_args: str) -> Iterator[str]:
    """Run a sandbox on a free loopback port for the duration of the block; yield its base URL.

    Its stdout is drained by a thread (uvicorn's access log would otherwise fill the pipe and
    stall the server); stderr goes to a log file quoted in the error when startup fails.
    """
    command = [*_command(), "--host", "127.0.0.1", "--port", "0", *extra_args]
    log = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed in the finally below
        prefix="bench-sandbox-", suffix=".log", delete=False
    )
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=log, text=True, env=env, start_new_session=True
    )
    url: list[str] = []
    ready = threading.Event()

    def drain() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            if not url and line.startswith("SANDBOX_URL="):
                url.append(line.strip().split("=", 1)[1].rstrip("/"))
                ready.set()
        ready.set()

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        ready.wait(START_TIMEOUT)
        if not url:
            proc.poll()
            log.flush()
            lines = Path(log.name).read_text(errors="replace").strip().splitlines()
            last = lines[-1].strip() if lines else "no output"
            state = "exited" if proc.returncode is not None else "printed no SANDBOX_URL"
            raise SandboxUnavailable(f"`{' '.join(command)}` {state}: {last}")
        _wait_listening(url[0])
        yield url[0]
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        reader.join(5)
        log.close()
        os.unlink(log.name)


def _wait_listening(base_url: str) -> None:
    deadline = time.monotonic() + 10
    while True:
        try:
            fetch_token(base_url)
            return
        except httpx.HTTPError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def fetch_token(base_url: str) -> str:
    """One client-credentials token from the sandbox, for the raw-httpx side."""
    response = httpx.post(
        base_url + "/oauth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
        },
        timeout=10,
    )
    response.raise_for_status()
    return str(response.json()["access_token"])


def sandbox_config(base_url: str, config: dict[str, object]) -> httpx.Response:
    """POST the sandbox's control route; raise SandboxUnavailable if it has none."""
    response = httpx.post(base_url + "/sandbox/config", json=config, timeout=10)
    if response.status_code in (404, 405, 501):
        raise SandboxUnavailable(
            f"the sandbox has no usable POST /sandbox/config ({response.status_code})"
        )
    response.raise_for_status()
    return response
