"""When to try a request again, and how long to wait first.

- A 429 is retried for any method: the server refused it, so nothing happened. ``Retry-After``
  is honoured (seconds or an HTTP date), capped at ``retry_after_cap``; without it, backoff.
- 502, 503 and 504, read timeouts and broken connections are retried only for safe operations
  (GET, and the token request), because a POST may already have taken effect.
- A connect error or pool timeout is retried for any method: the request never left.
- Backoff is exponential with full jitter: ``uniform(0, min(cap, base * 2 ** (attempt - 1)))``.
"""

from __future__ import annotations

import math
import random
from email.utils import parsedate_to_datetime
from typing import Any

from attrs import field, frozen

from ._errors import ValidationError

__all__ = ["RetryPolicy", "check_seconds", "check_whole_number", "parse_retry_after"]

_RANDOM = random.Random()


def check_whole_number(name: str, value: object) -> None:
    """Refuse anything but an int of at least 1 (``True`` included), naming the setting."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValidationError(name, f"must be a whole number of at least 1, got {value!r}")


def check_seconds(name: str, value: object) -> None:
    """Refuse anything but a finite int or float of at least 0, naming the setting."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or value < 0
    ):
        raise ValidationError(
            name, f"must be a finite number of seconds, at least 0; got {value!r}"
        )


def _attempts(_instance: Any, attribute: Any, value: Any) -> None:
    check_whole_number(attribute.name, value)


def _seconds(_instance: Any, attribute: Any, value: Any) -> None:
    check_seconds(attribute.name, value)


@frozen
class RetryPolicy:
    """Refused when built with a value it could not honour (``max_attempts=0``, a negative or
    infinite number of seconds), rather than quietly doing something else."""

    max_attempts: int = field(default=3, validator=_attempts)
    backoff_base: float = field(default=0.5, validator=_seconds)
    backoff_cap: float = field(default=8.0, validator=_seconds)
    jitter: bool = True
    retry_after_cap: float = field(default=60.0, validator=_seconds)
    retry_statuses: frozenset[int] = frozenset({502, 503, 504})

    def backoff(self, attempt: int, rng: random.Random | None = None) -> float:
        """Seconds to wait before attempt ``attempt + 1`` (``attempt`` counts from 1)."""
        ceiling = min(self.backoff_cap, self.backoff_base * 2.0 ** (attempt - 1))
        if not self.jitter:
            return ceiling
        return (rng or _RANDOM).uniform(0, ceiling)


_MAX_RETRY_AFTER_TEXT = 64  # an HTTP date is 29 characters; anything much longer is not one


def parse_retry_after(value: str | None, *, now: float) -> float | None:
    """``Retry-After`` as seconds from ``now`` (wall-clock epoch seconds); None if absent or bad.

    Bounded before any conversion: a huge or non-finite number of seconds (``1e400``, a
    400-digit integer, ``nan``) or an overlong value is treated as absent, never as an
    OverflowError or a slow conversion. A past date means "now" (0).
    """
    if not value or len(value) > _MAX_RETRY_AFTER_TEXT:
        return None
    value = value.strip()
    if value.isascii() and value.replace(".", "", 1).isdigit():
        if len(value.partition(".")[0]) > 9:  # beyond ~30 years: not a real delay
            return None
        return float(value)
    try:
        when = parsedate_to_datetime(value)
        seconds = when.timestamp() - now
    except (TypeError, ValueError, IndexError, OverflowError, AttributeError):
        return None
    if not math.isfinite(seconds):
        return None
    return max(0.0, seconds)
