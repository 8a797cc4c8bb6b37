"""Deterministic rows: instructions counted by ``valgrind --tool=callgrind``, not seconds.

On a shared two-core machine a median of timed pairs cannot tell 1.05 from 1.10; callgrind counts
the instructions a process executes, and with ``PYTHONHASHSEED=0`` the count of the same run is
the same to the instruction whatever else the machine does.

- **Calls.** The calls of measure 1 (``GET /accounts`` through ``httpx.MockTransport``, the same
  canned body, concurrency 50), SDK vs raw httpx. Each side runs in two processes, one making
  ``N`` calls and one ``3N``, after the same set-up and warm-up; the difference of their counts
  over ``2N`` is the cost of one call, with interpreter start-up, imports, client construction
  and the token fetch cancelled out.
- **Imports.** ``import spectrocoin_async`` and ``import httpx`` minus a bare interpreter
  (``pass``), in the setting of measure 7 (httpx without its CLI extras).

``python bench/instructions.py calls sdk|raw N`` is the worker this module runs under callgrind.
"""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from common import Row

__all__ = ["CALLS_TARGET", "IMPORT_TARGET", "count", "measure_instructions"]

CALLS_TARGET = 1.10
IMPORT_TARGET = 1.5
MINIMAL = "import sys; sys.modules.update(click=None, rich=None, pygments=None); "
_COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


def valgrind_available() -> bool:
    try:
        subprocess.run(["valgrind", "--version"], capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return False
    return True


def _env(cache: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = cache
    env["PYTHONHASHSEED"] = "0"  # the same hashes, the same dict layouts, the same count
    return env


def count(argv: list[str], env: dict[str, str]) -> int:
    """Instructions executed by ``argv`` (the whole process) under callgrind."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    found = _COLLECTED.search(done.stderr)
    if done.returncode != 0 or found is None:
        raise RuntimeError(f"callgrind run {argv[1:]} failed: {done.stderr.strip()[-800:]}")
    return int(found.group(1))


def _worker(side: str) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), "calls", side]


def per_call(side: str, calls: int, env: dict[str, str]) -> float:
    argv = _worker(side)
    return (count([*argv, str(3 * calls)], env) - count([*argv, str(calls)], env)) / (2 * calls)


def measure_instructions(calls: int, concurrency: int) -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="bench-pycache-") as cache:
        env = _env(cache)
        env["BENCH_CONCURRENCY"] = str(concurrency)
        # Compile every module the runs load (endpoint modules and models load on first use)
        # beforehand: otherwise the first counted run also pays for compiling them.
        for side in ("sdk", "raw"):
            subprocess.run([*_worker(side), "1"], env=env, check=True)
        sdk, raw = per_call("sdk", calls, env), per_call("raw", calls, env)
        bare = count([sys.executable, "-c", MINIMAL + "pass"], env)
        sdk_import = count([sys.executable, "-c", MINIMAL + "import spectrocoin_async"], env) - bare
        httpx_import = count([sys.executable, "-c", MINIMAL + "import httpx"], env) - bare
    ratio, import_ratio = sdk / raw, sdk_import / httpx_import
    return [
        Row(
            "instructions per call, SDK / raw httpx (MockTransport, concurrency "
            f"{concurrency}; deterministic)",
            f"{ratio:.3f} ({sdk / 1e3:.0f}k vs {raw / 1e3:.0f}k)",
            f"≤ {CALLS_TARGET:.2f}",
            ratio <= CALLS_TARGET,
            [
                f"callgrind, PYTHONHASHSEED=0; per call = (count of {3 * calls:,} calls - count "
                f"of {calls:,}) / {2 * calls:,}, so start-up and set-up cancel out"
            ],
        ),
        Row(
            "import instructions, spectrocoin_async / httpx (deterministic)",
            f"{import_ratio:.3f} ({sdk_import / 1e6:.0f}M vs {httpx_import / 1e6:.0f}M)",
            f"≤ {IMPORT_TARGET}",
            import_ratio <= IMPORT_TARGET,
            [
                "callgrind; each import's count minus a bare interpreter's; httpx without its "
                "CLI extras, as in the timed import row"
            ],
        ),
    ]


# -- the worker run under callgrind ---------------------------------------------------------


async def _calls(side: str, total: int, concurrency: int) -> None:
    from cpu import _workers, raw_client, sdk_client

    if side == "sdk":
        async with sdk_client() as sc:
            await _workers(concurrency * 2, concurrency, sc.accounts.list_accounts)
            await _workers(total, concurrency, sc.accounts.list_accounts)
        return
    async with raw_client() as client:

        async def call() -> Any:
            response = await client.get("/accounts")
            return response.json()

        await _workers(concurrency * 2, concurrency, call)
        await _workers(total, concurrency, call)


def main(argv: list[str]) -> None:
    _, side, total = argv
    concurrency = int(os.environ.get("BENCH_CONCURRENCY", "50"))
    asyncio.run(_calls(side, int(total), concurrency))


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main(sys.argv[1:])
