"""Live rates on a small random walk, and a made-up but stable rate history.

Every currency has a price in euro. Once per second of wall time the walk moves each price by at
most 0.2% (in exact decimal steps), lazily, when a rate is next read. A rate between two
currencies is the ratio of their prices to 10 significant digits.
"""

from __future__ import annotations

import datetime
import math
import random
import time
from collections.abc import Callable
from decimal import Context, Decimal
from typing import Final

from .catalogue import STARTING_PRICES_EUR

__all__ = ["INTERVALS", "RateBoard"]

_RATE_CONTEXT: Final = Context(prec=10)
_PRICE_QUANTUM: Final = Decimal("1e-8")
_STEP_SECONDS: Final = 1.0
_MAX_STEPS: Final = 120
_MAX_POINTS: Final = 1000

INTERVALS: Final[dict[str, datetime.timedelta]] = {
    "HOUR": datetime.timedelta(hours=1),
    "DAY": datetime.timedelta(days=1),
    "WEEK": datetime.timedelta(weeks=1),
    "MONTH": datetime.timedelta(days=30),
}


class RateBoard:
    def __init__(self, *, seed: int, clock: Callable[[], float] = time.monotonic) -> None:
        self._seed = seed
        self._rng = random.Random(seed)
        self._clock = clock
        self._last = clock()
        self.prices: dict[str, Decimal] = dict(STARTING_PRICES_EUR)

    def _walk(self) -> None:
        now = self._clock()
        steps = int((now - self._last) / _STEP_SECONDS)
        if steps <= 0:
            return
        self._last += steps * _STEP_SECONDS
        for _ in range(min(steps, _MAX_STEPS)):
            for code, price in self.prices.items():
                if code == "EUR":
                    continue
                step = Decimal(self._rng.randint(-20, 20)).scaleb(-4)  # -0.0020 .. +0.0020
                self.prices[code] = (price * (1 + step)).quantize(_PRICE_QUANTUM)

    def rate(self, from_code: str, to_code: str) -> Decimal:
        """Units of ``to_code`` per unit of ``from_code``, right now."""
        self._walk()
        if from_code == to_code:
            return Decimal(1)
        return _RATE_CONTEXT.divide(self.prices[from_code], self.prices[to_code]).normalize()

    def history(
        self,
        from_code: str,
        to_code: str,
        *,
        start: datetime.datetime,
        end: datetime.datetime,
        interval: str,
    ) -> list[tuple[datetime.datetime, Decimal]]:
        """Points from ``start`` to ``end`` (inclusive), one per ``interval``, oldest first.

        Each point depends only on the seed, the pair and its time, so asking twice gives the
        same history. At most 1000 points: a longer range keeps its most recent ones.
        """
        step = INTERVALS[interval]
        base = self.rate(from_code, to_code)
        count = int((end - start) / step) + 1
        first = max(0, count - _MAX_POINTS)
        points = []
        for index in range(first, count):
            when = start + index * step
            phase = when.timestamp() / 86400.0
            noise = random.Random(f"{self._seed}:{from_code}:{to_code}:{int(phase * 24)}")
            wobble = 0.04 * math.sin(phase / 9.0) + noise.uniform(-0.01, 0.01)
            factor = Decimal(f"{1 + wobble:.6f}")
            points.append((when, _RATE_CONTEXT.multiply(base, factor).normalize()))
        return points
