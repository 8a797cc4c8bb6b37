"""Measure 8: wall time of ``spectrocoin --help`` / ``python -c "import spectrocoin_async"``.

Fresh processes, run back to back in interleaved pairs; the ratio is the median of the per-pair
ratios (the machine is shared: a slow moment hits both sides of one pair). Bytecode is compiled
once beforehand into a private cache (``PYTHONPYCACHEPREFIX``), as in measure 7, so both sides
load ``.pyc`` files as an installed package does.

Two settings, as in measure 7. The table's: as ``pip install 'spectrocoin-async[cli]'`` installs
it, where click is absent, so ``import httpx`` skips its own command-line tool (and rich) on the
SDK side; the CLI pays for rich itself. The note: this development venv as it is, where
``import httpx`` already loads click and rich on both sides.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import Row

__all__ = ["measure_startup"]

NO_CLICK = "import sys; sys.modules['click'] = None; "
HELP = (
    "import sys; sys.argv = ['spectrocoin', '--help']; "
    "from spectrocoin_async._cli import main; main()"
)
TARGET = 1.5


def _wall(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def measure_startup(samples: int) -> list[Row]:
    script = str(Path(sys.executable).with_name("spectrocoin"))
    with tempfile.TemporaryDirectory(prefix="bench-pycache-") as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        env["COLUMNS"] = "100"
        settings = {
            "user": (
                [sys.executable, "-c", NO_CLICK + "import spectrocoin_async"],
                [sys.executable, "-c", NO_CLICK + HELP.removeprefix("import sys; ")],
            ),
            "venv": ([sys.executable, "-c", "import spectrocoin_async"], [script, "--help"]),
        }
        for sdk, cli in settings.values():  # compile, warm the page cache
            for _ in range(2):
                _wall(sdk, env)
                _wall(cli, env)
        runs: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in settings}
        for _ in range(samples):
            for name, (sdk, cli) in settings.items():
                runs[name][0].append(_wall(cli, env))
                runs[name][1].append(_wall(sdk, env))

    def summary(name: str) -> tuple[float, list[float], str]:
        cli, sdk = runs[name]
        ratios = [c / s for c, s in zip(cli, sdk, strict=True)]
        times = f"{statistics.median(cli) * 1e3:.0f} vs {statistics.median(sdk) * 1e3:.0f} ms"
        return statistics.median(ratios), ratios, times

    ratio, ratios, times = summary("user")
    venv_ratio, _, venv_times = summary("venv")
    return [
        Row(
            "start-up, `spectrocoin --help` / `import spectrocoin_async` (fresh processes)",
            f"{ratio:.2f} ({times})",
            f"≤ {TARGET}",
            ratio <= TARGET,
            [
                "as `pip install 'spectrocoin-async[cli]'` installs it (no click, so httpx "
                f"skips its own CLI); wall time of each process; {samples} interleaved pairs, "
                f"ratio range {min(ratios):.2f}-{max(ratios):.2f}",
                f"in this dev venv, where `import httpx` already loads click and rich: "
                f"{venv_ratio:.2f} ({venv_times})",
            ],
        )
    ]
