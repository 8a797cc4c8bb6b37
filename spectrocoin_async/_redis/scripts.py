"""The Lua scripts, read from ``lua/*.lua`` (shipped with the package), run with EVALSHA."""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from typing import Any

from spectrocoin_async._redis.backend import _coredis


class _Script:
    """A Lua script run with EVALSHA; on NOSCRIPT (a restarted or flushed server) with EVAL,
    which also caches it again."""

    __slots__ = ("sha", "source")

    def __init__(self, source: str) -> None:
        import hashlib

        self.source = source
        self.sha = hashlib.sha1(source.encode()).hexdigest()

    async def __call__(
        self, redis: Any, keys: Sequence[str], args: Sequence[str | int | float]
    ) -> Any:
        coredis = _coredis()
        try:
            return await redis.evalsha(self.sha, keys=keys, args=args)
        except coredis.exceptions.NoScriptError:
            return await redis.eval(self.source, keys=keys, args=args)


def _load(name: str) -> _Script:
    return _Script(
        resources.files("spectrocoin_async._redis").joinpath("lua", name).read_text("utf-8")
    )


_RATE = _load("rate.lua")  # GCRA permits, the 429 pause, the count of live limiters
_REFUND = _load("refund.lua")  # permits granted but never used go back
_PAUSE = _load("pause.lua")  # a 429 pause for every worker, never shortened
_SAVE_TOKEN = _load("save_token.lua")
_DISCARD_TOKEN = _load("discard_token.lua")  # compare-and-delete after a 401
_RELEASE_LOCK = _load("release_lock.lua")
