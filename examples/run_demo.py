"""``make demo``: start the local sandbox on a free port, run the quickstart against it, stop it.

No credentials and no internet needed: the sandbox issues tokens for its own client id and
secret, and the quickstart receives its merchant callbacks on a local port. Exits with the
quickstart's status. Ends with the URL of the sandbox's dashboard; ``--keep`` (``make demo
KEEP=1``) keeps the sandbox running so that it can be opened, until Ctrl-C.
"""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
from pathlib import Path

from spectrocoin_async.sandbox import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, SANDBOX_PROJECT_ID

ROOT = Path(__file__).resolve().parents[1]
START_TIMEOUT = 30.0


def start_sandbox() -> tuple[subprocess.Popen[str], str]:
    command = [
        sys.executable,
        "-m",
        "spectrocoin_async.sandbox",
        "--host",
        "127.0.0.1",
        "--port",
        "0",
    ]
    proc = subprocess.Popen(
        command,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    lines: queue.Queue[str | None] = queue.Queue()

    def drain() -> None:  # keeps reading, so the sandbox can never block on a full pipe
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=drain, daemon=True).start()
    while True:
        try:
            line = lines.get(timeout=START_TIMEOUT)
        except queue.Empty:
            line = None
        if line is None:
            stop(proc)
            raise SystemExit("the sandbox did not start (no SANDBOX_URL line); see above")
        if line.startswith("SANDBOX_URL="):
            return proc, line.strip().split("=", 1)[1]


def stop(proc: subprocess.Popen[str]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# -- a few `spectrocoin` command-line calls against the same sandbox (the cli extra) ----------
CLI_CALLS = (
    ["accounts", "list-accounts", "--output", "table"],
    ["transactions", "list-transactions", "--currency-code", "BTC", "--all"],
    ["--dry-run", "merchant", "create-order", "--receive-amount", "10.00",
     "--receive-currency-code", "EUR"],
    ["exports", "download-transactions", "build/demo/transactions-cli.csv", "--format", "CSV"],
)  # fmt: skip


def run_cli_demo(env: dict[str, str]) -> int:
    script = str(Path(sys.executable).with_name("spectrocoin"))
    for args in CLI_CALLS:
        print(f"\n$ spectrocoin {' '.join(args)}", flush=True)
        status = subprocess.call([script, *args], env=env, cwd=ROOT)
        if status:
            return status
    return 0


def dashboard_of(api_url: str) -> str:
    return api_url.removesuffix("/api/public") + "/sandbox/"


def keep_running(proc: subprocess.Popen[str], url: str) -> None:
    # Everything inside the try: a Ctrl-C as soon as the URL shows must still end cleanly.
    try:
        print(f"Dashboard: {dashboard_of(url)}", flush=True)
        print("The sandbox keeps running for you to look around; Ctrl-C stops it.", flush=True)
        proc.wait()
    except KeyboardInterrupt:
        print("", flush=True)


def main(argv: list[str] | None = None) -> int:
    keep = "--keep" in (sys.argv[1:] if argv is None else argv)
    print("Starting the SpectroCoin sandbox ...", flush=True)
    proc, url = start_sandbox()
    print(f"Sandbox listening at {url} (pid {proc.pid})", flush=True)
    env = {
        **os.environ,
        "SPECTROCOIN_BASE_URL": url,
        "SPECTROCOIN_CLIENT_ID": DEFAULT_CLIENT_ID,
        "SPECTROCOIN_CLIENT_SECRET": DEFAULT_CLIENT_SECRET,
        "SPECTROCOIN_PROJECT_ID": SANDBOX_PROJECT_ID,
        "SPECTROCOIN_DEMO_OUTPUT": str(ROOT / "build" / "demo"),
    }
    try:
        status = subprocess.call(
            [sys.executable, str(ROOT / "examples" / "quickstart.py")], env=env, cwd=ROOT
        )
        status = status or run_cli_demo(env)
        if keep:
            keep_running(proc, url)
    finally:
        stop(proc)
    print(f"Sandbox stopped. Demo {'finished' if status == 0 else 'FAILED'}.", flush=True)
    if not keep:
        print(
            f"Its dashboard was at {dashboard_of(url)}: `make demo KEEP=1` keeps the sandbox "
            "running to open it.",
            flush=True,
        )
    return status


if __name__ == "__main__":
    sys.exit(main())
