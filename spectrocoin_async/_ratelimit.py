"""Client-side rate limiting, on anyio so it works under asyncio and trio.

Every request belongs to a group (its tag unless the spec says otherwise). A group has a ceiling
on requests in flight and a token bucket (``rate`` requests per second, ``burst`` at once); a
global ceiling caps all groups together. A 429 pauses its whole group, not only the request that
got it, so a batch job slows down as one instead of every task discovering the limit by itself.

A request holds its permit for exactly as long as it is on the wire::

    async with limiter.slot("accounts") as waited:
        response = await http.send(request)

A waiter that leaves early (a deadline, a cancelled task) spends nothing: its place in the
in-flight queue and its bucket reservation both go back. SpectroCoin does not publish its limits,
so the defaults are conservative; see the README for tuning a batch job. ``Limiter`` is a
protocol: a shared backend (one allowance for several processes) can replace ``InProcessLimiter``
without touching the request pipeline.
"""

from __future__ import annotations

import contextlib
import math
import time
from collections.abc import Awaitable, Callable, Mapping
from types import TracebackType
from typing import Any, Protocol

import anyio
from attrs import field, frozen

from ._errors import ValidationError
from ._retry import check_whole_number

__all__ = ["GroupLimits", "InProcessLimiter", "Limiter", "RateLimits"]


def _positive_int(_instance: Any, attribute: Any, value: Any) -> None:
    check_whole_number(attribute.name, value)


def _check_rate(_instance: Any, _attribute: Any, value: Any) -> None:
    if value is None:
        return
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or value <= 0
    ):
        raise ValidationError(
            "rate",
            f"must be a positive number of requests per second, or None for no bucket; "
            f"got {value!r}",
        )


@frozen
class GroupLimits:
    """``max_in_flight`` concurrent requests; ``rate`` per second, ``burst`` at once.

    ``rate=None`` turns the token bucket off for the group (in-flight cap only). ``rate`` must be
    positive: to stop a group entirely, do not call it.
    """

    max_in_flight: int = field(default=8, validator=_positive_int)
    rate: float | None = field(default=10.0, validator=_check_rate)
    burst: int = field(default=10, validator=_positive_int)


def _default_groups() -> dict[str, GroupLimits]:
    return {
        # Exports are large and slow: a couple at a time.
        "exports": GroupLimits(max_in_flight=2, rate=1.0, burst=2),
        "auth": GroupLimits(max_in_flight=2, rate=2.0, burst=2),
    }


def _merge_groups(groups: Mapping[str, GroupLimits]) -> Mapping[str, GroupLimits]:
    if not isinstance(groups, Mapping):
        raise ValidationError("groups", f"must map group names to GroupLimits, got {groups!r}")
    for name, limits in groups.items():
        if not isinstance(name, str) or not isinstance(limits, GroupLimits):
            raise ValidationError(
                "groups", f"must map group names to GroupLimits, got {name!r}: {limits!r}"
            )
    # Tuning one group must not silently drop the defaults of the others (exports, auth).
    return {**_default_groups(), **groups}


def _check_default(_instance: Any, _attribute: Any, value: Any) -> None:
    if not isinstance(value, GroupLimits):
        raise ValidationError("default", f"must be a GroupLimits, got {value!r}")


@frozen
class RateLimits:
    """Limits for every group.

    ``groups`` overrides ``default`` by group name, on top of the built-in ``exports`` and
    ``auth`` limits (pass those names to change them too).
    """

    default: GroupLimits = field(default=GroupLimits(), validator=_check_default)
    groups: Mapping[str, GroupLimits] = field(factory=_default_groups, converter=_merge_groups)
    max_in_flight: int = field(default=32, validator=_positive_int)

    def for_group(self, group: str) -> GroupLimits:
        return self.groups.get(group, self.default)


class Limiter(Protocol):
    def slot(self, group: str) -> contextlib.AbstractAsyncContextManager[float]:
        """Wait until one request of ``group`` may be sent; the context's value is the seconds
        spent waiting. The permit is held until the context exits. A cancelled wait spends
        nothing: no slot and no rate allowance stays taken."""
        ...

    async def pause(self, group: str, seconds: float) -> None:
        """After a 429: hold back every request of ``group`` for ``seconds``."""
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

    def refund(self) -> None:
        """Give back a reservation that was never used (its waiter left)."""
        if self.rate is not None:
            self.tokens = min(self.burst, self.tokens + 1.0)


class _Slot:
    """The permit of one request: ``async with`` it around the send (see ``Limiter.slot``)."""

    __slots__ = ("_group", "_limiter")

    def __init__(self, limiter: InProcessLimiter, group: _Group) -> None:
        self._limiter = limiter
        self._group = group

    async def __aenter__(self) -> float:
        g = self._group
        limiter = self._limiter
        # Fast path: nothing to wait for (no pause, free slots, a token in the bucket): no await,
        # as with anyio's fast_acquire. Anything else goes the slow, cancellable way.
        if g.paused_until and limiter._clock() < g.paused_until:
            return await limiter._acquire(g)
        try:
            g.semaphore.acquire_nowait()
        except anyio.WouldBlock:
            return await limiter._acquire(g)
        if g.rate is not None and g.reserve(limiter._clock()) > 0:
            g.refund()  # taken back at once: the slow path reserves again, in order
            g.semaphore.release()
            return await limiter._acquire(g)
        try:
            limiter._global.acquire_nowait()
        except anyio.WouldBlock:
            g.refund()
            g.semaphore.release()
            return await limiter._acquire(g)
        return 0.0

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._group.semaphore.release()
        self._limiter._global.release()


class InProcessLimiter:
    """The default limiter: per-group semaphores and token buckets, in this process."""

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

    def __repr__(self) -> str:
        return f"InProcessLimiter({self.limits!r})"

    def _group(self, name: str) -> _Group:
        group = self._groups.get(name)
        if group is None:
            group = self._groups[name] = _Group(self.limits.for_group(name), self._clock())
        return group

    def slot(self, group: str) -> contextlib.AbstractAsyncContextManager[float]:
        return _Slot(self, self._group(group))

    async def _acquire(self, g: _Group) -> float:
        start = self._clock()
        paid = False
        try:
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
        except BaseException:
            # Cancelled (a deadline, a cancelled task) before sending: the reservation goes
            # back, so a waiter that left never costs the ones that stay.
            if paid:
                g.refund()
            raise

    async def pause(self, group: str, seconds: float) -> None:
        g = self._group(group)
        g.paused_until = max(g.paused_until, self._clock() + seconds)
