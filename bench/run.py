"""``make bench``: every measure of issue 5 §4, printed as one table.

    .venv/bin/python bench/run.py [--quick] [--only cpu,tokens,...] [--profile]

Measures (names for ``--only``): ``cpu`` (1), ``instructions`` (deterministic counts of 1 and 7
under callgrind), ``sockets`` (client CPU and wall time over real sockets against a fast local
responder, httpx's and aiohttp's pools), ``loopback`` (2), ``tokens`` (3, 4),
``throttle`` (5), ``export`` (6), ``imports`` (7), ``redis`` (many processes; redis_shared.py).
SDK-vs-raw ratios are medians of interleaved pairs run side by side here and now (see
common.py). The loopback measures start the local sandbox (``spectrocoin-sandbox``); where it is
not available they say so in the table instead of failing, and the rate-limit measure falls back
to a simulated server.

Environment: ``BENCH_EXPORT_MB`` sets the export size (default 200, 50 with ``--quick``).
Exit status: 0 when every measure ran (targets missed or not), 1 when one crashed.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import os
import platform
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Row, not_measured, render_table
from sandbox_proc import SandboxUnavailable, sandbox, sandbox_config

MEASURES = (
    "cpu",
    "instructions",
    "sockets",
    "loopback",
    "tokens",
    "throttle",
    "export",
    "imports",
    "redis",
    "startup",
)


class Settings:
    def __init__(self, quick: bool) -> None:
        self.quick = quick
        self.cpu_calls = 5000
        self.cpu_concurrency = 50
        self.cpu_pairs = 5 if quick else 9
        # Under callgrind a call runs about 50 times slower: a few hundred are plenty, since the
        # count does not wobble.
        self.instr_calls = 100 if quick else 200
        self.socket_calls = 1000 if quick else 2000
        self.socket_wall_calls = 1000
        self.socket_rounds = 3 if quick else 5
        # The sandbox is a Python server on the same two cores: fewer calls than measure 1.
        self.loop_calls = 300 if quick else 1000
        self.loop_concurrency = 20
        self.loop_pairs = 5 if quick else 7
        self.cold_calls = 1000
        self.workers = 50
        self.throttle_calls = 100 if quick else 600
        self.export_mb = int(os.environ.get("BENCH_EXPORT_MB", "50" if quick else "200"))
        self.export_pairs = 5
        self.import_samples = 7 if quick else 15


def machine() -> str:
    model = "unknown CPU"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return (
        f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()} "
        f"({platform.python_implementation()}), {platform.system()} {platform.release()}"
    )


class Bench:
    def __init__(self, settings: Settings) -> None:
        self.s = settings
        self.rows: dict[str, list[Row]] = {}
        self.crashed = False
        self.notes: list[str] = []

    def record(
        self, name: str, targets: list[tuple[str, str]], run: Callable[[], list[Row]]
    ) -> None:
        """Run one measure; a crash becomes an ``error`` row (and exit status 1), not a traceback
        that hides the other measures."""
        started = time.perf_counter()
        print(f"[bench] {name} …", file=sys.stderr, flush=True)
        try:
            self.rows[name] = run()
        except SandboxUnavailable as exc:
            self.rows[name] = [not_measured(m, t, "sandbox not available") for m, t in targets]
            self.notes.append(f"sandbox not available for {name}: {exc}")
        except Exception as exc:
            traceback.print_exc()
            self.crashed = True
            self.rows[name] = [
                Row(m, f"error: {type(exc).__name__}: {exc}", t, False) for m, t in targets
            ]
        print(f"[bench] {name} done in {time.perf_counter() - started:.1f} s", file=sys.stderr)

    # -- the measures -------------------------------------------------------------------------

    def cpu(self) -> list[Row]:
        from cpu import measure_cpu

        rows, _ = measure_cpu(self.s.cpu_calls, self.s.cpu_concurrency, self.s.cpu_pairs)
        return rows

    def instructions(self) -> list[Row]:
        from instructions import measure_instructions, valgrind_available

        if not valgrind_available():
            return [
                not_measured(
                    "instructions per call / import, SDK / raw httpx",
                    "≤ 1.10 / ≤ 1.5",
                    "valgrind not installed",
                )
            ]
        return measure_instructions(self.s.instr_calls, self.s.cpu_concurrency)

    def sockets(self) -> list[Row]:
        from sockets import measure_sockets

        s = self.s
        return measure_sockets(
            s.socket_calls, s.socket_wall_calls, s.cpu_concurrency, s.socket_rounds
        )

    def tokens(self) -> list[Row]:
        from tokens import measure_tokens

        return measure_tokens(self.s.cold_calls, self.s.workers)

    def imports(self) -> list[Row]:
        from imports import measure_imports

        return measure_imports(self.s.import_samples)

    def startup(self) -> list[Row]:
        from startup import measure_startup

        return measure_startup(self.s.import_samples)

    def loopback(self, url: str | None, why: str) -> list[Row]:
        if url is None:
            raise SandboxUnavailable(why)
        from loopback import measure_loopback

        return measure_loopback(url, self.s.loop_calls, self.s.loop_concurrency, self.s.loop_pairs)

    def export(self, url: str | None, why: str) -> list[Row]:
        if url is None:
            raise SandboxUnavailable(why)
        from export import measure_export

        size = self.s.export_mb * 1024 * 1024
        return measure_export(url, self.s.export_mb, str(size), self.s.export_pairs)

    def throttle(self) -> list[Row]:
        from throttle import RATE, SERVER_BURST, measure_throttle

        try:
            with sandbox() as url:
                sandbox_config(url, {"rateLimit": RATE, "rateBurst": SERVER_BURST})
                return measure_throttle(self.s.throttle_calls, url, SERVER_BURST)
        except SandboxUnavailable as exc:
            self.notes.append(f"sandbox not available for the rate-limit measure: {exc}")
            return measure_throttle(self.s.throttle_calls, None)


@contextlib.contextmanager
def maybe_sandbox(needed: bool) -> Iterator[tuple[str | None, str]]:
    """The sandbox's URL, or None and why not."""
    if not needed:
        yield None, "not requested"
        return
    with contextlib.ExitStack() as stack:
        try:
            url = stack.enter_context(sandbox())
        except SandboxUnavailable as exc:
            yield None, str(exc)
            return
        yield url, ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer calls and a smaller export")
    parser.add_argument("--only", default=",".join(MEASURES), help="comma-separated measures")
    parser.add_argument(
        "--profile", action="store_true", help="also print cProfile hot spots of measure 1"
    )
    args = parser.parse_args(argv)
    only = [m.strip() for m in args.only.split(",") if m.strip()]
    unknown = set(only) - set(MEASURES)
    if unknown:
        parser.error(f"unknown measures {sorted(unknown)}; choose from {', '.join(MEASURES)}")
    settings = Settings(args.quick)
    bench = Bench(settings)
    started = time.perf_counter()
    s = settings

    if "cpu" in only:
        bench.record(
            "cpu",
            [("client CPU per request, SDK / raw httpx", "≤ 1.25")],
            bench.cpu,
        )
    if "instructions" in only:
        bench.record(
            "instructions",
            [
                ("instructions per call, SDK / raw httpx (deterministic)", "≤ 1.10"),
                ("import instructions, spectrocoin_async / httpx (deterministic)", "≤ 1.5"),
            ],
            bench.instructions,
        )
    if "sockets" in only:
        bench.record(
            "sockets",
            [
                ("real sockets: client CPU per call, SDK on httpx / raw httpx", "≤ 1.05"),
                ("real sockets: client CPU per call, SDK on aiohttp / raw httpx", "≤ 0.35"),
            ],
            bench.sockets,
        )
    if "tokens" in only:
        bench.record(
            "tokens",
            [
                (f"token requests for {s.cold_calls:,} concurrent cold calls", "1"),
                ("refreshes at expiry under load", "1"),
            ],
            bench.tokens,
        )
    with maybe_sandbox("loopback" in only or "export" in only) as (url, why):
        if "loopback" in only:
            bench.record(
                "loopback",
                [
                    (
                        f"loopback wall time, SDK / raw httpx ({s.loop_calls:,} GETs, "
                        f"concurrency {s.loop_concurrency}, sandbox)",
                        "≤ 1.10",
                    )
                ],
                lambda: bench.loopback(url, why),
            )
        if "export" in only:
            bench.record(
                "export",
                [
                    (f"{s.export_mb} MB CSV export: peak RSS growth", "< 32 MB"),
                    (f"{s.export_mb} MB CSV export: time, SDK / raw httpx to a file", "≤ 1.10"),
                ],
                lambda: bench.export(url, why),
            )
    if "throttle" in only:
        bench.record(
            "throttle",
            [
                ("achieved / allowed rate (20 req/s)", "≥ 0.95"),
                ("429s seen in that run", "0"),
            ],
            bench.throttle,
        )
    if "imports" in only:
        bench.record(
            "imports",
            [("import time, spectrocoin_async / httpx", "≤ 2.0")],
            bench.imports,
        )

    if "redis" in only:
        from redis_shared import TARGETS, measure_redis

        bench.record("redis", TARGETS, lambda: measure_redis(s.quick))

    if "startup" in only:
        bench.record(
            "startup",
            [("start-up, `spectrocoin --help` / `import spectrocoin_async`", "≤ 1.5")],
            bench.startup,
        )

    rows = [row for name in MEASURES for row in bench.rows.get(name, [])]
    today = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    print(f"\nspectrocoin-async benchmarks{' (--quick)' if args.quick else ''}, {today}")
    print(f"machine: {machine()}")
    print(f"total time: {time.perf_counter() - started:.0f} s\n")
    print(render_table(rows))
    print("\nNotes:")
    for row in rows:
        for note in row.notes:
            print(f"- {row.measure}: {note}")
    for note in dict.fromkeys(bench.notes):
        print(f"- {note}")
    missed = [r.measure for r in rows if r.met is False]
    if missed:
        print(
            f"\n{len(missed)} target(s) missed: BENCHMARKS.md says why and what would close them."
        )

    if args.profile:
        from cpu import profile_sdk

        print()
        print(profile_sdk(s.cpu_calls, s.cpu_concurrency))
    return 1 if bench.crashed else 0


if __name__ == "__main__":
    sys.exit(main())
