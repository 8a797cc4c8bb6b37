"""Shared pieces of the benchmarks: result rows, interleaved pairs, medians, the table.

Every SDK-vs-raw ratio is the median of per-pair ratios, the pairs run interleaved (A B A B …)
in the same process run, because the machine is shared and noisy: a slow second hits both
sides of one pair, not one side of the whole comparison.
"""

from __future__ import annotations

import gc
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = [
    "BASE_URL",
    "Pair",
    "Row",
    "not_measured",
    "pairs",
    "render_table",
]

BASE_URL = "https://bench.invalid/api/public"


@dataclass
class Row:
    measure: str
    result: str
    target: str
    met: bool | None  # None: not measured / informational
    notes: list[str] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        if self.met is None:
            return "n/a"
        return "yes" if self.met else "**NO**"


def not_measured(measure: str, target: str, reason: str) -> Row:
    return Row(measure, f"not measured: {reason}", target, None)


@dataclass
class Pair:
    """The per-pair values of an A-vs-B comparison."""

    a: list[float] = field(default_factory=list)
    b: list[float] = field(default_factory=list)

    @property
    def ratios(self) -> list[float]:
        return [x / y for x, y in zip(self.a, self.b, strict=True)]

    @property
    def ratio(self) -> float:
        return statistics.median(self.ratios)

    @property
    def median_a(self) -> float:
        return statistics.median(self.a)

    @property
    def median_b(self) -> float:
        return statistics.median(self.b)

    def spread(self) -> str:
        r = sorted(self.ratios)
        return f"pairs={len(r)}, ratio range {r[0]:.3f}-{r[-1]:.3f}"


def pairs(n: int, run_a: Callable[[], float], run_b: Callable[[], float]) -> Pair:
    """Run ``a`` and ``b`` alternately ``n`` times each (A B A B …); both return one value."""
    result = Pair()
    for _ in range(n):
        gc.collect()
        result.a.append(run_a())
        gc.collect()
        result.b.append(run_b())
    return result


def render_table(rows: list[Row]) -> str:
    """One Markdown table, padded so it also reads well in a terminal."""
    header = ("measure", "result", "target", "met?")
    body = [(r.measure, r.result, r.target, r.verdict) for r in rows]
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(4)]

    def line(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    out = [line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out.extend(line(cells) for cells in body)
    return "\n".join(out)
