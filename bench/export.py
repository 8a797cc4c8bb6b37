"""Measure 6: a large CSV export from the sandbox, SDK streaming download vs raw httpx streaming.

Every download runs in its own fresh process (``export_worker.py``) so that its peak RSS is its
own; SDK and raw runs alternate (A B A B …). The size comes from ``BENCH_EXPORT_MB`` (default
200; ``--quick`` uses 50) and is asked of the sandbox with its ``sandboxSize`` query parameter.
The files go to a temporary directory and are deleted after every run.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from common import Pair, Row

__all__ = ["measure_export"]

WORKER = Path(__file__).with_name("export_worker.py")
MB = 1024 * 1024


def _run(mode: str, base_url: str, size_param: str, directory: Path) -> dict[str, Any]:
    out = directory / f"export-{mode}.csv"
    try:
        done = subprocess.run(
            [sys.executable, str(WORKER), mode, base_url, size_param, str(out)],
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )
        if done.returncode != 0:
            raise RuntimeError(f"export worker ({mode}) failed: {done.stderr.strip()[-800:]}")
        return dict(json.loads(done.stdout.strip().splitlines()[-1]))
    finally:
        out.unlink(missing_ok=True)


def measure_export(base_url: str, size_mb: int, size_param: str, n_pairs: int) -> list[Row]:
    runs: dict[str, list[dict[str, Any]]] = {"sdk": [], "raw": []}
    with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp:
        directory = Path(tmp)
        for _ in range(n_pairs):
            runs["sdk"].append(_run("sdk", base_url, size_param, directory))
            runs["raw"].append(_run("raw", base_url, size_param, directory))
    times = Pair(a=[r["elapsed"] for r in runs["sdk"]], b=[r["elapsed"] for r in runs["raw"]])

    def growth(mode: str) -> list[float]:
        return [(r["peak_kb"] - r["rss_before_kb"]) / 1024 for r in runs[mode]]

    sdk_growth, raw_growth = max(growth("sdk")), max(growth("raw"))
    sizes = {r["bytes"] for mode in runs.values() for r in mode}
    size_note = f"{statistics.median(sizes) / MB:.0f} MB" if len(sizes) == 1 else f"sizes {sizes}"
    reset = all(r["peak_reset"] for mode in runs.values() for r in mode)
    peak_note = "" if reset else "; peak not resettable here, so an upper bound"
    ratio = times.ratio
    sdk_rate = statistics.median(r["bytes"] / r["elapsed"] for r in runs["sdk"]) / MB
    raw_rate = statistics.median(r["bytes"] / r["elapsed"] for r in runs["raw"]) / MB
    sdk_cpu = statistics.median(r["cpu"] for r in runs["sdk"])
    raw_cpu = statistics.median(r["cpu"] for r in runs["raw"])
    return [
        Row(
            f"{size_mb} MB CSV export: peak RSS growth",
            f"{sdk_growth:.1f} MB (raw httpx {raw_growth:.1f} MB)",
            "< 32 MB",
            sdk_growth < 32,
            [
                f"worst of {n_pairs} SDK downloads, each in a fresh process; {size_note} "
                f"each{peak_note}"
            ],
        ),
        Row(
            f"{size_mb} MB CSV export: time, SDK / raw httpx streaming to a file",
            f"{ratio:.2f} ({times.median_a:.2f} vs {times.median_b:.2f} s)",
            "≤ 1.10",
            ratio <= 1.10,
            [
                f"{sdk_rate:.0f} vs {raw_rate:.0f} MB/s from the sandbox; {times.spread()}",
                f"client CPU per download (median): SDK {sdk_cpu:.2f} s, raw {raw_cpu:.2f} s",
            ],
        ),
    ]
