"""``RedisLimiter``: one rate allowance (and its 429 pauses) shared by every worker process."""

from __future__ import annotations

import collections
import contextlib
import functools
import math
import secrets
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from types import TracebackType
from typing import TYPE_CHECKING, Any

import anyio
import attrs

from spectrocoin_async._errors import ValidationError
from spectrocoin_async._ratelimit import InProcessLimiter, RateLimits
from spectrocoin_async._redis.backend import (
    DEFAULT_COOLDOWN,
    DEFAULT_TIMEOUT,
    RedisUnavailableError,
    _RedisBacked,
    _where,
)
from spectrocoin_async._redis.fallback import _UNLIMITED, FallbackLimiter
from spectrocoin_async._redis.keys import _key_part
from spectrocoin_async._redis.scripts import _PAUSE, _RATE, _REFUND

if TYPE_CHECKING:
    import coredis

DEFAULT_FALLBACK_SHARE = 0.25  # automatic share before any count of processes is known
LIVENESS_WINDOW = 30  # seconds a limiter counts as live after it last announced itself
_ANNOUNCE_EVERY = 5.0  # seconds between two announcements of one limiter, at least
_MAX_BATCH = 64  # permits asked for in one round trip, at most


def _local_limits(limits: RateLimits) -> RateLimits:
    """The per-process in-flight caps of each group of ``limits``, with no rate (Redis paces)
    and no global cap (``RedisLimiter`` takes that last, by a request ready to go)."""
    return RateLimits(
        default=attrs.evolve(limits.default, rate=None),
        groups={name: attrs.evolve(g, rate=None) for name, g in limits.groups.items()},
        max_in_flight=_UNLIMITED,
    )


class _Waiter:
    __slots__ = ("granted", "wake")

    def __init__(self) -> None:
        self.granted = False
        self.wake = anyio.Event()


class _Queue:
    """The tasks of one process waiting for permits of one group, in order of arrival."""

    __slots__ = ("polling", "waiters")

    def __init__(self) -> None:
        self.waiters: collections.deque[_Waiter] = collections.deque()
        self.polling = False

    def grant(self, count: int) -> int:
        """Hand ``count`` permits to the first waiters; return how many found no taker."""
        while count and self.waiters:
            waiter = self.waiters.popleft()
            waiter.granted = True
            waiter.wake.set()
            count -= 1
        return count

    def leave(self, waiter: _Waiter) -> None:
        with contextlib.suppress(ValueError):
            self.waiters.remove(waiter)
        self.hand_over()

    def hand_over(self) -> None:
        """Wake the first waiter so that it asks Redis next (nobody is asking now)."""
        if not self.polling and self.waiters:
            self.waiters[0].wake.set()


class RedisLimiter(_RedisBacked):
    """A ``Limiter`` whose rates (and 429 pauses) are shared through Redis by every process
    using the same ``client_id``; the in-flight cap stays per process.

    Use it as an async context manager (it owns a connection pool when made by ``from_url``).

    Args:
        redis: a coredis client (``Redis`` or ``RedisCluster``, bytes responses). When passed
            here, its owner enters and closes it; ``from_url`` makes one this object owns.
        client_id: the API client id; names the keys. Default: ``SPECTROCOIN_CLIENT_ID``.
        rate_limits: the account's limits, the same ``RateLimits`` as for one process. The
            rates and bursts are the whole account's; in-flight caps are per process.
        key_prefix: the first part of every key's hash tag (default ``sc``).
        timeout: seconds any one Redis call may take (default 0.5).
        fallback_share: with Redis unavailable, each process goes on alone at this share of
            every rate and burst (fractions kept: a share of the burst below one request makes
            the first request wait, so that the processes together stay within the account's
            burst, see ``FallbackLimiter``). Default ``None``, automatic: ``1 / N``, N the
            limiters of this account seen in the last ``LIVENESS_WINDOW`` (30) seconds, as last
            counted while Redis answered; before any count, ``DEFAULT_FALLBACK_SHARE`` (0.25).
            A number fixes it.
        fail_closed: raise ``RedisUnavailableError`` instead of falling back.
        breaker_cooldown: seconds Redis is skipped after an error before it is tried again.

    While Redis answers, each limiter announces itself every few seconds in the rate script
    (``{<prefix>:<client_id>}:live``, a sorted set of limiter ids that expires when nobody is
    left) and learns how many are live: ``live_processes``, None until it knows. Leaving the
    context removes it from the count at once.
    """

    def __init__(
        self,
        redis: coredis.Redis[bytes] | coredis.RedisCluster[bytes] | Any,
        *,
        client_id: str | None = None,
        rate_limits: RateLimits | None = None,
        key_prefix: str = "sc",
        timeout: float = DEFAULT_TIMEOUT,
        fallback_share: float | None = None,
        fail_closed: bool = False,
        breaker_cooldown: float = DEFAULT_COOLDOWN,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = anyio.sleep,
        _owns: bool = False,
        _where: str | None = None,
    ) -> None:
        if fallback_share is not None:
            if not (0 < fallback_share <= 1):
                raise ValidationError(
                    "fallback_share", f"must be more than 0 and at most 1, got {fallback_share}"
                )
            if not math.isfinite(fallback_share):
                raise ValidationError("fallback_share", f"must be finite, got {fallback_share}")
        super().__init__(
            redis,
            client_id=client_id,
            key_prefix=key_prefix,
            timeout=timeout,
            breaker_cooldown=breaker_cooldown,
            fail_closed=fail_closed,
            clock=clock,
            owns=_owns,
            where=_where,
        )
        self.limits = rate_limits or RateLimits()
        self.fallback_share = fallback_share
        self.live_key = f"{self._tag}:live"
        self.live_processes: int | None = None  # limiters of this account, as last counted
        self._member = secrets.token_hex(8)  # this limiter in the live set
        self._announce_due = -math.inf  # the clock time to announce again: the first call does
        self._announced = False
        self._sleep = sleep
        self._local = InProcessLimiter(_local_limits(self.limits), clock=clock, sleep=sleep)
        self._global = anyio.Semaphore(self.limits.max_in_flight, fast_acquire=True)
        self._fallback_split = self._split()
        self._fallback = FallbackLimiter(
            self.limits, *self._fallback_split, clock=clock, sleep=sleep
        )
        # One task per group and process asks Redis at a time; the others queue here (FIFO).
        self._queues: dict[str, _Queue] = {}

    @classmethod
    def from_url(
        cls,
        url: str,
        *,
        client_id: str | None = None,
        rate_limits: RateLimits | None = None,
        key_prefix: str = "sc",
        timeout: float = DEFAULT_TIMEOUT,
        fallback_share: float | None = None,
        fail_closed: bool = False,
        breaker_cooldown: float = DEFAULT_COOLDOWN,
    ) -> RedisLimiter:
        """A limiter with its own connection pool to ``url`` (``redis://host:port/db``,
        ``rediss://`` for TLS, ``unix://``)."""
        return cls(
            cls._client_from_url(url, timeout),
            client_id=client_id,
            rate_limits=rate_limits,
            key_prefix=key_prefix,
            timeout=timeout,
            fallback_share=fallback_share,
            fail_closed=fail_closed,
            breaker_cooldown=breaker_cooldown,
            _owns=True,
            _where=_where(url),
        )

    def __repr__(self) -> str:
        return f"RedisLimiter({self._where}, keys={self._tag}:rate:*)"

    def rate_key(self, group: str) -> str:
        return f"{self._tag}:rate:{_key_part(group)}"

    def pause_key(self, group: str) -> str:
        return f"{self._tag}:pause:{_key_part(group)}"

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            await self._leave()
        finally:
            await super().__aexit__(exc_type, exc, tb)

    async def _leave(self) -> None:
        """Best effort, under the usual timeout: a limiter closed cleanly stops counting at
        once. Skipped while Redis is failing; the member then expires with the window."""
        if not self._announced or not self._entered or self._breaker.is_open:
            return
        self._announced = False
        self._announce_due = -math.inf  # entered again, it announces again at once
        errors = (*self._errors, RedisUnavailableError)
        with anyio.CancelScope(shield=True), contextlib.suppress(*errors):
            await self._run(lambda r: r.zrem(self.live_key, [self._member]))

    # -- the fallback's share ---------------------------------------------------------------

    def _split(self) -> tuple[float, int]:
        """(share, processes): the fallback takes ``share / processes`` of every rate and burst."""
        if self.fallback_share is not None:
            return self.fallback_share, 1
        if self.live_processes is None:
            return DEFAULT_FALLBACK_SHARE, 1
        return 1.0, self.live_processes

    def _fall_back(self) -> str:
        split = self._split()
        if split != self._fallback_split:
            self._fallback_split = split
            self._fallback = FallbackLimiter(
                self.limits, *split, clock=self._clock, sleep=self._sleep
            )
        what = "rate limits fall back to this process' own limiter at"
        if self.fallback_share is not None:
            return f"{what} {self.fallback_share:g} of the allowance"
        n = self.live_processes
        if n is None:
            return (
                f"{what} {DEFAULT_FALLBACK_SHARE:g} of the allowance: the default, as Redis has "
                "not counted the processes yet"
            )
        return (
            f"{what} 1/{n} of the allowance: {n} process{'es' if n != 1 else ''} seen in the "
            f"last {LIVENESS_WINDOW} s"
        )

    # -- Limiter ----------------------------------------------------------------------------

    def slot(self, group: str) -> contextlib.AbstractAsyncContextManager[float]:
        return self._slot(group)

    @contextlib.asynccontextmanager
    async def _slot(self, group: str) -> AsyncIterator[float]:
        if not self._entered:
            raise self._not_open()
        start = self._clock()
        # The group's in-flight slot first, as in one process: at most max_in_flight tasks per
        # group and process wait on the shared rate, and a request holds the slot until it is
        # done. The global slot last, by a request ready to go: a paused or throttled group
        # never holds global slots the other groups could use.
        async with self._local.slot(group):
            limits = self.limits.for_group(group)
            if limits.rate is not None:
                shared = await self._take(group, limits.rate, limits.burst)
                try:
                    await self._global.acquire()
                except BaseException:
                    if shared:  # a shared permit that was never used goes back
                        await self._refund(group, limits.rate, 1)
                    raise
            else:
                await self._honour_pause(group)
                await self._global.acquire()
            try:
                yield self._clock() - start
            finally:
                self._global.release()

    async def pause(self, group: str, seconds: float) -> None:
        """Hold back ``group`` for ``seconds`` in this process at once, and in every process
        through Redis."""
        if not seconds > 0:
            return
        await self._local.pause(group, seconds)
        if self._skip():
            return
        ms = max(1, math.ceil(seconds * 1000))
        try:
            await self._run(lambda r: _PAUSE(r, [self.pause_key(group)], [ms]))
        except self._errors as exc:
            self._failed(exc)
        else:
            self._breaker.succeeded()

    # -- internals --------------------------------------------------------------------------

    async def _take(self, group: str, rate: float, burst: int) -> bool:
        """One permit of ``group``'s shared rate: True from Redis, False from the fallback. One
        task per group and process (the poller) asks Redis, for as many permits as tasks are
        queued, and hands them out in order."""
        queue = self._queues.get(group)
        if queue is None:
            queue = self._queues[group] = _Queue()
        me = _Waiter()
        queue.waiters.append(me)
        try:
            while not me.granted:
                if self._skip():
                    queue.leave(me)
                    if await self._take_fallback(group):
                        return False
                    queue.waiters.append(me)  # Redis is due for another try: ask it again
                    continue
                if queue.polling:
                    await me.wake.wait()
                    me.wake = anyio.Event()
                    continue
                queue.polling = True
                try:
                    await self._poll(queue, group, rate, burst, me)
                finally:
                    queue.polling = False
                    queue.hand_over()
            # A permit handed over while this caller was being cancelled goes back (below).
            await anyio.lowlevel.checkpoint_if_cancelled()
        except BaseException:
            if me.granted:
                await self._refund(group, rate, 1)
            else:
                queue.leave(me)
            raise
        self.stats["redis"] += 1
        return True

    async def _poll(self, queue: _Queue, group: str, rate: float, burst: int, me: _Waiter) -> None:
        """Ask Redis until ``me`` has its permit, or Redis fails (the breaker then opens and
        the caller falls back)."""
        keys = [self.rate_key(group), self.pause_key(group), self.live_key]
        spacing = f"{1_000_000.0 / rate:.3f}"
        while not me.granted:
            wanted = min(len(queue.waiters), burst, _MAX_BATCH)
            args: list[str | int | float] = [spacing, burst, wanted, self._member, LIVENESS_WINDOW]
            now = self._clock()
            if now >= self._announce_due:  # one call every few seconds, not every call
                self._announce_due = now + _ANNOUNCE_EVERY
                self._announced = True
                args.append(1)
            try:
                # Shielded: permits the script granted reach their takers (or go back), never
                # lost to a cancellation that lands while the answer is on its way.
                with anyio.CancelScope(shield=True):
                    granted, retry_us, _remaining, _now, live = await self._run(
                        functools.partial(_RATE, keys=keys, args=args)
                    )
            except self._errors as exc:
                # Announce with the first call Redis answers: it may come back empty.
                self._announce_due = -math.inf
                self._failed(exc)
                return  # the breaker is open now: everyone falls back
            self._breaker.succeeded()
            self.stats["round_trips"] += 1
            # Counted on every answer (ZCARD is O(1)), announced only every few seconds: a
            # fleet that starts together learns its size at once, not 5 s later. The count
            # includes this limiter (the script puts it back if it was missing).
            self.live_processes = max(1, int(live))
            if granted:
                unused = queue.grant(int(granted))
                if unused:  # their takers left while Redis answered
                    await self._refund(group, rate, unused)
            else:
                await self._sleep(int(retry_us) / 1_000_000)

    async def _refund(self, group: str, rate: float, count: int) -> None:
        spacing = f"{1_000_000.0 / rate:.3f}"
        with anyio.CancelScope(shield=True), contextlib.suppress(*self._errors):
            await self._run(lambda r: _REFUND(r, [self.rate_key(group)], [spacing, count]))
        self.stats["refunded"] += count

    async def _honour_pause(self, group: str) -> None:
        """A group without a rate still waits out a 429 pause set by any worker."""
        key = self.pause_key(group)
        while not self._skip():
            try:
                left_ms = await self._run(lambda r: r.pttl(key))
            except self._errors as exc:
                self._failed(exc)
                return
            self._breaker.succeeded()
            if left_ms <= 0:
                return
            await self._sleep(left_ms / 1000)

    async def _take_fallback(self, group: str) -> bool:
        """A permit from this process' own limiter: True. False when Redis is due for another
        try first (a long fallback queue must not outlast an outage)."""
        wait = self._breaker.retry_in() or math.inf
        with anyio.move_on_after(wait):
            async with self._fallback.slot(group):
                self.stats["fallback"] += 1
                return True
        return False
