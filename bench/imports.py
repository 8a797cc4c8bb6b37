"""Measure 7: ``import spectrocoin_async`` time / ``import httpx`` time, in fresh processes.

Each sample is fresh interpreters run back to back: ``pass``, ``import httpx`` and
``import spectrocoin_async``; an import's time is its process's wall time minus the bare one's.
The ratio is the median of the per-sample ratios. Bytecode is compiled once beforehand into a
private cache (``PYTHONPYCACHEPREFIX``), so both sides load ``.pyc`` files as a user's install
would, whatever ``PYTHONDONTWRITEBYTECODE`` says, and nothing is written next to the sources.

Two settings. The table's: as a user installs the SDK, where httpx comes without its CLI extras.
This development venv also has click, rich and pygments (openapi-python-client needs them), and
then ``import httpx`` loads its command-line tool too, which makes httpx slower and flatters the
ratio; that one is reported as a note. The first setting hides those three packages
(``sys.modules[name] = None``) in all three processes alike, so httpx skips its CLI as it does
when they are not installed.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

from common import Row

__all__ = ["measure_imports"]

MINIMAL = "import sys; sys.modules.update(click=None, rich=None, pygments=None); "


def _time(code: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], env=env, check=True)
    return time.perf_counter() - start


def _sample(prefix: str, env: dict[str, str]) -> tuple[float, float]:
    bare = _time(prefix + "pass", env)
    raw = _time(prefix + "import httpx", env) - bare
    sdk = _time(prefix + "import spectrocoin_async", env) - bare
    return sdk, raw


def _summary(sdk: list[float], raw: list[float]) -> tuple[float, list[float], str]:
    ratios = [s / r for s, r in zip(sdk, raw, strict=True)]
    ratio = statistics.median(ratios)
    times = f"{statistics.median(sdk) * 1e3:.0f} vs {statistics.median(raw) * 1e3:.0f} ms"
    return ratio, ratios, times


def measure_imports(samples: int) -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="bench-pycache-") as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        for code in ("import httpx", "import spectrocoin_async"):  # compile, warm the page cache
            _time(code, env)
            _time(code, env)
        runs: dict[str, tuple[list[float], list[float]]] = {
            "minimal": ([], []),
            "venv": ([], []),
        }
        for _ in range(samples):
            for name, prefix in (("minimal", MINIMAL), ("venv", "")):
                sdk, raw = _sample(prefix, env)
                runs[name][0].append(sdk)
                runs[name][1].append(raw)
    ratio, ratios, times = _summary(*runs["minimal"])
    venv_ratio, _, venv_times = _summary(*runs["venv"])
    return [
        Row(
            "import time, spectrocoin_async / httpx (fresh processes)",
            f"{ratio:.2f} ({times})",
            "≤ 2.0",
            ratio <= 2.0,
            [
                "httpx without its CLI extras, as `pip install spectrocoin-async` brings it; "
                f"process wall time minus a bare interpreter's; {samples} interleaved samples, "
                f"ratio range {min(ratios):.2f}-{max(ratios):.2f}",
                f"in this dev venv, where `import httpx` also loads click and rich for its CLI: "
                f"{venv_ratio:.2f} ({venv_times})",
            ],
        )
    ]
