"""What would close measure 1? Re-run it with candidate fixes patched in, in memory only.

    .venv/bin/python bench/whatif.py [--pairs N]

Each variant runs in its own process (the patches are global) and prints measure 1's ratio:

- ``as-is``: the SDK as it is;
- ``fast-acquire``: the limiter's anyio semaphores created with ``fast_acquire=True`` (no
  cancel-shielded trip through the event loop when a slot is free);
- ``fast-acquire+decoder``: also one shared ``json.JSONDecoder`` in ``pipeline.decode_json``
  instead of one built per response by ``json.loads(..., parse_float=...)``;
- ``no-limiter``: a limiter that does nothing: the floor for any limiter change.

Nothing here edits the SDK's files; the numbers back the suggestions in BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

VARIANTS = ("as-is", "fast-acquire", "fast-acquire+decoder", "no-limiter")


def _patch(variant: str) -> None:
    import anyio
    import cpu
    import httpx
    from common import BASE_URL

    import spectrocoin_async.pipeline as pipeline
    import spectrocoin_async.ratelimit as ratelimit
    from spectrocoin_async import SpectroCoinClient

    if "fast-acquire" in variant:

        class FastAnyio:
            sleep = anyio.sleep

            @staticmethod
            def Semaphore(value: int) -> anyio.Semaphore:
                return anyio.Semaphore(value, fast_acquire=True)

        ratelimit.anyio = FastAnyio  # type: ignore[attr-defined, assignment]
    if "decoder" in variant:
        decoder = json.JSONDecoder(parse_float=Decimal, parse_constant=pipeline._no_constants)

        def decode_json(content: bytes) -> Any:
            return decoder.decode(content.decode("utf-8"))

        pipeline.decode_json = decode_json
    if variant == "no-limiter":

        class NoLimiter:
            async def acquire(self, group: str) -> float:
                return 0.0

            def release(self, group: str) -> None:
                pass

            def pause(self, group: str, seconds: float) -> None:
                pass

        def sdk_client() -> SpectroCoinClient:
            return SpectroCoinClient(
                "bench-client",
                "bench-secret",
                base_url=BASE_URL,
                transport=httpx.MockTransport(cpu.handler),
                limiter=NoLimiter(),
            )

        cpu.sdk_client = sdk_client


def _one(variant: str, pairs: int) -> None:
    _patch(variant)
    import cpu

    rows, _ = cpu.measure_cpu(5000, 50, pairs)
    print(f"{variant:<22} {rows[0].result}   [{rows[0].notes[0].split('; ')[-1]}]", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=9)
    parser.add_argument("--variant", choices=VARIANTS)
    args = parser.parse_args()
    if args.variant:
        _one(args.variant, args.pairs)
        return
    print("measure 1 (client CPU per request, SDK / raw httpx) with candidate fixes patched in:")
    for variant in VARIANTS:
        subprocess.run(
            [sys.executable, __file__, "--variant", variant, "--pairs", str(args.pairs)],
            check=True,
        )


if __name__ == "__main__":
    main()
