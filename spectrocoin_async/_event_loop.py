"""Which event loop a client belongs to: its connections and locks are bound to the loop of its
first call, and are unusable from another (``RuntimeError: Event loop is closed``)."""

from __future__ import annotations

import asyncio
import sys

from ._errors import EventLoopMismatchError

__all__ = ["LoopBinding"]


def _current_loop() -> tuple[str, object]:
    try:
        return "asyncio", asyncio.get_running_loop()
    except RuntimeError:
        pass
    trio = sys.modules.get("trio")
    if trio is not None:
        try:
            return "trio", trio.lowlevel.current_trio_token()
        except RuntimeError:
            pass
    return "an unknown event loop", None


class LoopBinding:
    """Remembers the loop of the first call; a call from any other loop is refused, typed."""

    __slots__ = ("_loop",)

    def __init__(self) -> None:
        self._loop: tuple[str, object] | None = None

    def check(self) -> None:
        current = _current_loop()
        if self._loop is None:
            self._loop = current
        elif self._loop[1] is not current[1]:
            raise EventLoopMismatchError(
                f"this SpectroCoinClient was first used on another event loop ({self._loop[0]}), "
                f"and this call runs on a new one ({current[0]}): its connections and locks "
                "belong to the first loop, which may be closed. Create one client per event "
                "loop: `async with SpectroCoinClient() as sc:` inside the function given to "
                "anyio.run / asyncio.run, or a per-test fixture"
            )
