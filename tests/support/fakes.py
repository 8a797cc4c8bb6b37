"""Virtual time for tests: a fake monotonic clock with an async sleep that never really waits.

``FakeClock`` is a small discrete-event scheduler. ``clock()`` reads virtual time;
``await clock.sleep(d)`` parks the caller until virtual time ``now + d``. Time only moves when
every task is parked: the sleeper with the earliest wake-up time lets the event loop run for a
while (``SETTLE`` checkpoints with no new timer), then jumps the clock to its own wake-up time and
returns. Concurrent sleepers therefore overlap in virtual time exactly as they would in real time
(ten tasks sleeping 1 s each take 1 s, not 10 s), on asyncio and on trio alike.

``sleep`` is what the SDK gets (``SpectroCoinClient._testing(clock=clock, sleep=clock.sleep)``) and records
every duration in ``sleeps``; ``wait`` is the same thing for the tests' own delays (a slow fake
server, a task that starts later) and is not recorded.
"""

from __future__ import annotations

import heapq

import anyio
import anyio.lowlevel

__all__ = ["FakeClock"]


class FakeClock:
    SETTLE = 40
    """Checkpoints the earliest sleeper lets pass, with no new timer, before time moves."""

    def __init__(self, start: float = 0.0) -> None:
        self.now = start
        self.sleeps: list[float] = []
        self._timers: list[tuple[float, int]] = []
        self._seq = 0
        self._version = 0

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        """The SDK's sleep: recorded in ``sleeps``."""
        self.sleeps.append(seconds)
        await self._until(self.now + max(0.0, seconds))

    async def wait(self, seconds: float) -> None:
        """The tests' own virtual delay: not recorded."""
        await self._until(self.now + max(0.0, seconds))

    async def _until(self, when: float) -> None:
        timer = (when, self._seq)
        self._seq += 1
        heapq.heappush(self._timers, timer)
        self._version += 1
        try:
            seen = self._version
            quiet = 0
            while True:
                await anyio.lowlevel.checkpoint()
                if self._version != seen:
                    seen = self._version
                    quiet = 0
                elif self._timers[0] == timer:
                    quiet += 1
                    if quiet >= self.SETTLE:
                        break
        except BaseException:
            self._timers.remove(timer)
            heapq.heapify(self._timers)
            self._version += 1
            raise
        heapq.heappop(self._timers)
        self.now = max(self.now, when)
        self._version += 1
