"""The limiter a process falls back to while Redis is away: its share of the account's allowance.

Each of N processes takes ``share / N`` of every group's rate *and* burst, fractions kept, in a
token bucket that starts holding its share of the burst. One process then sends at most
``(burst + rate * t) * share / N`` requests in the first ``t`` seconds of an outage, so the N of
them together never exceed ``burst + rate * t``: the account's allowance counted as a whole, from
the first request of the outage on. (A burst floored at one request per process let 30 processes
send 30 requests at once where the account allows 10.) A share of the burst below one request
means that the first request waits until the share has grown to one: 30 processes of an account
allowed 10/s with a burst of 10 each send their first request after 2 s, then one every 3 s.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from spectrocoin_async._ratelimit import GroupLimits, InProcessLimiter, RateLimits, _Group

_UNLIMITED = 1 << 30


def _unlimited_in_flight(limits: RateLimits) -> RateLimits:
    """``limits`` with no in-flight cap (``RedisLimiter``'s own in-process limiter has that)."""

    def uncapped(g: GroupLimits) -> GroupLimits:
        return GroupLimits(max_in_flight=_UNLIMITED, rate=g.rate, burst=g.burst)

    return RateLimits(
        default=uncapped(limits.default),
        groups={name: uncapped(g) for name, g in limits.groups.items()},
        max_in_flight=_UNLIMITED,
    )


class FallbackLimiter(InProcessLimiter):
    """``share / processes`` of every group's rate and burst of ``limits``, in this process."""

    def __init__(
        self,
        limits: RateLimits,
        share: float,
        processes: int,
        *,
        clock: Callable[[], float],
        sleep: Callable[[float], Awaitable[None]],
    ) -> None:
        super().__init__(_unlimited_in_flight(limits), clock=clock, sleep=sleep)
        self.share = share
        self.processes = processes

    def __repr__(self) -> str:
        return f"FallbackLimiter(share={self.share:g}, processes={self.processes})"

    def _group(self, name: str) -> _Group:
        group = self._groups.get(name)
        if group is None:
            group = super()._group(name)
            if group.rate is not None:
                # Multiplied, then divided: an explicit share and 1 / processes are each exact
                # (rate * 1.0 / 3 is rate / 3; rate * 0.25 / 1 is rate * 0.25).
                group.rate = group.rate * self.share / self.processes
                group.burst = group.tokens = group.burst * self.share / self.processes
        return group

    def bucket(self, group: str) -> tuple[float | None, float]:
        """``(rate, burst)`` of ``group`` in this process: its share, fractions kept."""
        g = self._group(group)
        return g.rate, g.burst
