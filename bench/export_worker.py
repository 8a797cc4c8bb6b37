"""One export download in a fresh process, so that its peak RSS is its own (measure 6).

    python bench/export_worker.py MODE BASE_URL SIZE_PARAM OUT_PATH

MODE is ``sdk`` (the SDK's streaming download) or ``raw`` (httpx streaming into a file by hand).
Prints one JSON line: elapsed seconds, client CPU seconds, bytes written, resident memory before
the download and the peak during it (kB). The peak is reset just before the download
(``/proc/self/clear_refs``) where the kernel allows it; otherwise the peak since start is used,
which can only overstate. Client construction and the token request happen before the timed,
measured part.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path

import httpx
from sandbox_proc import CLIENT_ID, CLIENT_SECRET, fetch_token

from spectrocoin_async import SpectroCoinClient

SIZE_PARAM = "sandboxSize"


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"{field} not in /proc/self/status")


def _reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


async def sdk_download(base_url: str, size: str, out: Path) -> tuple[float, float, int, int, bool]:
    from spectrocoin_async._generated._operations import OPERATIONS
    from spectrocoin_async._generated.api.exports import export_transactions
    from spectrocoin_async._generated.models.export_format import ExportFormat

    async with SpectroCoinClient(CLIENT_ID, CLIENT_SECRET, base_url=base_url) as sc:
        assert sc.tokens is not None
        await sc.tokens.get()
        operation = OPERATIONS["export_transactions"]
        request = export_transactions.build_request(format=ExportFormat.CSV)
        request["params"][SIZE_PARAM] = size  # the sandbox's size knob; not part of the API
        try:
            from spectrocoin_async._exports import DEFAULT_CHUNK_SIZE, ExportsNamespace
        except ImportError:
            has_exports = False
        else:
            has_exports = True
        rss_before = _status_kb("VmRSS")
        reset = _reset_peak()
        start, cpu = time.perf_counter(), time.process_time()
        if has_exports:
            # ExportsNamespace.download_transactions, with the extra sandbox query parameter:
            # the same private path it calls (temporary file, fsync, rename).
            exports = ExportsNamespace(sc._pipeline)
            result = await exports._download(
                operation,
                request,
                out,
                on_progress=None,
                chunk_size=DEFAULT_CHUNK_SIZE,
                options={},
            )
            written = result.bytes_written
        else:
            response, _ = await sc._pipeline.execute(operation, request, {}, stream=True)
            written = 0
            try:
                with out.open("wb") as file:
                    async for chunk in response.aiter_bytes():
                        file.write(chunk)
                        written += len(chunk)
            finally:
                await response.aclose()
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        return elapsed, cpu, written, rss_before, reset


async def raw_download(base_url: str, size: str, out: Path) -> tuple[float, float, int, int, bool]:
    token = fetch_token(base_url)
    async with httpx.AsyncClient(headers={"Authorization": f"Bearer {token}"}) as client:
        rss_before = _status_kb("VmRSS")
        reset = _reset_peak()
        start, cpu = time.perf_counter(), time.process_time()
        written = 0
        async with client.stream(
            "GET",
            base_url + "/exports/transactions",
            params={"format": "CSV", SIZE_PARAM: size},
        ) as response:
            response.raise_for_status()
            with out.open("wb") as file:
                async for chunk in response.aiter_bytes():
                    file.write(chunk)
                    written += len(chunk)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        return elapsed, cpu, written, rss_before, reset


def main() -> None:
    mode, base_url, size, out = sys.argv[1:5]
    run = sdk_download if mode == "sdk" else raw_download
    elapsed, cpu, written, rss_before, reset = asyncio.run(run(base_url, size, Path(out)))
    print(
        json.dumps(
            {
                "mode": mode,
                "elapsed": elapsed,
                "cpu": cpu,
                "bytes": written,
                "rss_before_kb": rss_before,
                "peak_kb": _status_kb("VmHWM"),
                "peak_reset": reset,
            }
        )
    )


if __name__ == "__main__":
    main()
