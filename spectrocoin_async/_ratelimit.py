"""Client-side rate limiting, on anyio so it works under asyncio and trio.

Every request belongs to a group (its tag unless the spec says otherwise). A group has a ceiling
on requests in flight and a token bucket (``rate`` requests per second, ``burst`` at once); a
global ceiling caps all groups together. A 429 pauses its whole group, not only the request that
got it, so a batch job slows down as one instead of every task discovering the limit by itself.

SpectroCoin does not publish its limits, so the defaults are conservative; see the README for
tuning a batch job. ``Limiter`` is a protocol: a shared backend (one allowance for several
processes) can replace ``InProcessLimiter`` without touching the request pipeline.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Protocol

import anyio
from attrs import field, frozen

__all__ = ["GroupLimits", "InProcessLimiter", "Limiter", "RateLimits"]


@frozen
class GroupLimits:
    """``max_in_flight`` concurrent requests; ``rate`` per second, ``burst`` at once.

    ``rate=None`` turns the token bucket off for the group.
    """

    max_in_flight: int = 8
    rate: float | None = 10.0
    burst: int = 10


def _default_groups() -> Mapping[str, GroupLimits]:
    return {
        # Exports are large and slow: a couple at a time.
        "exports": GroupLimits(max_in_flight=2, rate=1.0, burst=2),
        "auth": GroupLimits(max_in_flight=2, rate=2.0, burst=2),
    }


@frozen
class RateLimits:
    """Limits for every group: ``groups`` overrides ``default`` by group name."""

    default: GroupLimits = GroupLimits()
    groups: Mapping[str, GroupLimits] = field(factory=_default_groups)
    max_in_flight: int = 32

    def for_group(self, group: str) -> GroupLimits:
        return self.groups.get(group, self.default)


class Limiter(Protocol):
    async def acquire(self, group: str) -> float:
        """Wait for a slot in ``group``; return the seconds spent waiting."""
        ...

    def release(self, group: str) -> None: ...

    def pause(self, group: str, seconds: float) -> None:
        """Hold back every request of ``group`` for ``seconds`` (after a 429)."""
        ...


class _Group:
    __slots__ = ("burst", "last", "paused_until", "rate", "semaphore", "tokens")

    def __init__(self, limits: GroupLimits, now: float) -> None:
        self.semaphore = anyio.Semaphore(limits.max_in_flight, fast_acquire=True)
        self.rate = limits.rate
        self.burst = float(limits.burst)
        self.tokens = float(limits.burst)
        self.last = now
        self.paused_until = 0.0

    def reserve(self, now: float) -> float:
        """Take one token, going into debt if needed; return how long the debt takes to clear.
        Reserving up front queues waiters fairly, with no lock and no thundering herd."""
        if self.rate is None:
            return 0.0
        self.tokens = min(self.burst, self.tokens + (now - self.last) * self.rate)
        self.last = now
        self.tokens -= 1.0
        return 0.0 if self.tokens >= 0 else -self.tokens / self.rate


class InProcessLimiter:
    def __init__(
        self,
        limits: RateLimits | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = anyio.sleep,
    ) -> None:
        self.limits = limits or RateLimits()
        self._clock = clock
        self._sleep = sleep
        self._global = anyio.Semaphore(self.limits.max_in_flight, fast_acquire=True)
        self._groups: dict[str, _Group] = {}

    def _group(self, name: str) -> _Group:
        group = self._groups.get(name)
        if group is None:
            group = self._groups[name] = _Group(self.limits.for_group(name), self._clock())
        return group

    async def acquire(self, group: str) -> float:
        g = self._group(group)
        start = self._clock()
        paid = False
        while True:
            # Wait out a pause holding no slot, so a paused group never stalls the others.
            while (now := self._clock()) < g.paused_until:
                await self._sleep(g.paused_until - now)
            await g.semaphore.acquire()
            try:
                if not paid:
                    # One token per request, even if a pause makes it go round again.
                    paid = True
                    delay = g.reserve(self._clock())
                    if delay > 0:
                        await self._sleep(delay)
                ready = self._clock() >= g.paused_until
                if ready:
                    # The global slot last, by a request ready to go: a throttled or paused
                    # group never holds global slots the other groups could use.
                    await self._global.acquire()
            except BaseException:
                g.semaphore.release()
                raise
            if ready:
                return self._clock() - start
            # A 429 paused the group while this request waited for a token: wait again.
            g.semaphore.release()

    def release(self, group: str) -> None:
        self._groups[group].semaphore.release()
        self._global.release()

    def pause(self, group: str, seconds: float) -> None:
        g = self._group(group)
        g.paused_until = max(g.paused_until, self._clock() + seconds)
