"""When to try a request again, and how long to wait first.

- A 429 is retried for any method: the server refused it, so nothing happened. ``Retry-After``
  is honoured (seconds or an HTTP date), capped at ``retry_after_cap``; without it, backoff.
- 502, 503 and 504, read timeouts and broken connections are retried only for safe operations
  (GET, and the token request), because a POST may already have taken effect.
- A connect error or pool timeout is retried for any method: the request never left.
- Backoff is exponential with full jitter: ``uniform(0, min(cap, base * 2 ** (attempt - 1)))``.
"""

from __future__ import annotations

import random
from email.utils import parsedate_to_datetime

from attrs import frozen

__all__ = ["RetryPolicy", "parse_retry_after"]

_RANDOM = random.Random()


@frozen
class RetryPolicy:
    max_attempts: int = 3
    backoff_base: float = 0.5
    backoff_cap: float = 8.0
    jitter: bool = True
    retry_after_cap: float = 60.0
    retry_statuses: frozenset[int] = frozenset({502, 503, 504})

    def backoff(self, attempt: int, rng: random.Random | None = None) -> float:
        """Seconds to wait before attempt ``attempt + 1`` (``attempt`` counts from 1)."""
        ceiling = min(self.backoff_cap, self.backoff_base * 2.0 ** (attempt - 1))
        if not self.jitter:
            return ceiling
        return (rng or _RANDOM).uniform(0, ceiling)


def parse_retry_after(value: str | None, *, now: float) -> float | None:
    """``Retry-After`` as seconds from ``now`` (wall-clock epoch seconds); None if absent or bad."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when is None:
            return None
        seconds = when.timestamp() - now
    return max(0.0, seconds)
