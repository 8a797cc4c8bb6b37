"""Values that never show themselves: in ``repr()``, logs, or the frame locals an error
reporter captures from a traceback."""

from __future__ import annotations

__all__ = ["RedactedBytes", "RedactedText", "Secret", "without_frames"]


class Secret:
    """A string that never shows itself in ``repr()``, ``str()``, f-strings or logs."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('**********')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __bool__(self) -> bool:
        return bool(self._value)


class RedactedText(str):
    """A str that is sent as it is but whose ``repr()`` hides it: a bearer token, the
    ``Authorization`` value. What a traceback's captured locals show is the ``repr``."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "'<redacted>'"


class RedactedBytes(bytes):
    """Encoded bytes that hold a secret (a token request's form body), hidden from ``repr()``."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"b'<redacted {len(self)} bytes>'"


def without_frames(exc: BaseException) -> BaseException:
    """``exc`` with no traceback, nor any exception it chains to (``__cause__``, ``__context__``,
    exception groups): their frames' locals hold the request as it went out (the bearer token in
    h11's header list, the encoded body). Chained by an SDK error, only type and message stay
    reachable."""
    seen: set[int] = set()
    pending = [exc]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        current.__traceback__ = None
        pending += [e for e in (current.__cause__, current.__context__) if e is not None]
        if isinstance(current, BaseExceptionGroup):
            pending += current.exceptions
    return exc
