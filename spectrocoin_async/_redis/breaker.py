"""The circuit breaker: after a Redis error, skip Redis for a cooldown, then let one call probe."""

from __future__ import annotations

import logging
from collections.abc import Callable

logger = logging.getLogger("spectrocoin_async.redis")


class _Breaker:
    """Open after a Redis error: skip Redis for ``cooldown`` seconds, then let one call probe.
    One WARNING when it opens, one when Redis answers again; nothing in between. ``fallback``
    is called as it opens: it readies what stands in for Redis and says what that is."""

    __slots__ = ("_clock", "_cooldown", "_fallback", "_open_until", "_what")

    def __init__(
        self,
        what: str,
        fallback: Callable[[], str],
        cooldown: float,
        clock: Callable[[], float],
    ):
        self._what = what
        self._fallback = fallback
        self._cooldown = cooldown
        self._clock = clock
        self._open_until: float | None = None

    @property
    def is_open(self) -> bool:
        return self._open_until is not None

    def allow(self) -> bool:
        if self._open_until is None:
            return True
        now = self._clock()
        if now >= self._open_until:
            self._open_until = now + self._cooldown  # one probe per cooldown, not a stampede
            return True
        return False

    def retry_in(self) -> float:
        """Seconds until Redis is to be tried again (0 when closed or due)."""
        if self._open_until is None:
            return 0.0
        return max(0.0, self._open_until - self._clock())

    def failed(self, exc: BaseException) -> None:
        if self._open_until is None:
            logger.warning(
                "%s did not answer (%s); %s, and Redis is skipped for %g s before it is tried "
                "again",
                self._what,
                _describe(exc),
                self._fallback(),
                self._cooldown,
            )
        self._open_until = self._clock() + self._cooldown

    def succeeded(self) -> None:
        if self._open_until is not None:
            self._open_until = None
            logger.warning("%s answers again; shared state is back in use", self._what)


def _describe(exc: BaseException) -> str:
    text = str(exc)
    return f"{type(exc).__name__}: {text[:200]}" if text else type(exc).__name__
