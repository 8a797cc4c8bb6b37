"""Rate limits and fault injection: what a real network and a real gateway do to requests.

``Traffic.admit()`` is a token bucket over all API operations (429 with ``Retry-After`` when it
is empty). ``Traffic.draw()`` rolls the dice for a fault. The faults are ASGI responses:

* ``error``: 503 with the documented JSON error body;
* ``html``: a proxy's HTML 502 page;
* ``reset``: the TCP connection is reset (``SO_LINGER`` 0, then abort) without a byte of answer;
* ``truncate``: the status line, headers and half of the body, then the connection closes, so
  the client reads fewer bytes than ``Content-Length`` (or an unfinished chunked body).

Dropping a connection needs the socket, which the sandbox's uvicorn protocol
(``server.SandboxProtocol``) puts into the ASGI scope extensions. Under another server the
sandbox falls back to raising ``ConnectionDropped``, which makes uvicorn close the connection.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import random
import socket
import struct
import time
from collections import Counter
from collections.abc import Callable
from typing import Any, Final, Literal

import anyio
from attrs import frozen
from starlette.responses import Response, StreamingResponse
from starlette.types import Receive, Scope, Send

from .config import SandboxConfig
from .errors import SandboxError
from .wire import error_response

__all__ = [
    "TRANSPORT_EXTENSION",
    "ConnectionDropped",
    "Fault",
    "FaultKind",
    "TokenBucket",
    "Traffic",
]

TRANSPORT_EXTENSION: Final = "spectrocoin.sandbox.transport"
"""ASGI scope extension holding the asyncio transport of the request's connection."""

FaultKind = Literal["error", "reset", "html", "truncate"]
FAULT_HEADER: Final = "X-Sandbox-Fault"

_HTML_502: Final = b"""<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx</center>
</body>
</html>
"""


class ConnectionDropped(Exception):
    """Raised to make the server drop a connection when the socket itself is out of reach."""


class TokenBucket:
    def __init__(
        self, rate: float, burst: int, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.rate = rate
        self.burst = float(burst)
        self._tokens = float(burst)
        self._clock = clock
        self._last = clock()

    def take(self) -> float | None:
        """Take a token: None when one was there, else the seconds until one will be."""
        now = self._clock()
        self._tokens = min(self.burst, self._tokens + (now - self._last) * self.rate)
        self._last = now
        if self._tokens >= 1.0:
            self._tokens -= 1.0
            return None
        return (1.0 - self._tokens) / self.rate


@frozen
class Fault:
    kind: FaultKind
    after: bool
    """True: the operation runs first and its answer is lost; False: it never runs."""

    def response(self, answer: Response | None) -> Response:
        if self.kind == "error":
            return _error_503()
        if self.kind == "html":
            return Response(
                _HTML_502,
                status_code=502,
                media_type="text/html",
                headers={FAULT_HEADER: "html"},
            )
        if self.kind == "reset" or answer is None:
            return _Dropped(None)
        return _Dropped(answer)


def _error_503() -> Response:
    error = SandboxError(
        503,
        "GEN_1 - Internal server error occurred",
        "Service temporarily unavailable.",
        headers={FAULT_HEADER: "error"},
    )
    return error_response(error)


class Traffic:
    """Counts, limits and sabotages requests as the current config says."""

    def __init__(self, config: SandboxConfig, *, seed: int) -> None:
        self.stats: Counter[str] = Counter()
        self._rng = random.Random(seed)
        self._bucket: TokenBucket | None = None
        self.config = config
        self.reconfigure(config)

    def reconfigure(self, config: SandboxConfig) -> None:
        self.config = config
        self._bucket = (
            TokenBucket(config.rate_limit, config.rate_burst) if config.rate_limit else None
        )
        self._budget = config.fault_budget

    def admit(self) -> float | None:
        """None to let the request in, or the ``Retry-After`` seconds to refuse it with."""
        if self._bucket is None:
            return None
        wait = self._bucket.take()
        if wait is None:
            return None
        self.stats["rateLimited"] += 1
        return wait

    @staticmethod
    def retry_after(wait: float) -> str:
        """Whole seconds, rounded up, as HTTP wants (never 0: "now" would invite a hammer)."""
        return str(max(1, math.ceil(wait)))

    def draw(self, operation_id: str) -> Fault | None:
        config = self.config
        if not config.faults_enabled or self._budget == 0:
            return None
        if config.fault_operations and operation_id not in config.fault_operations:
            return None
        roll = self._rng.random()
        kind: FaultKind | None = None
        for name, rate in (
            ("error", config.error_rate),
            ("reset", config.reset_rate),
            ("html", config.html_rate),
            ("truncate", config.truncate_rate),
        ):
            if roll < rate:
                kind = name  # type: ignore[assignment]
                break
            roll -= rate
        if kind is None:
            return None
        if self._budget is not None:
            self._budget -= 1
        self.stats[f"fault.{kind}"] += 1
        timing = config.fault_timing
        if kind == "truncate":
            after = True
        elif timing == "random":
            after = self._rng.random() < 0.5
        else:
            after = timing == "after"
        return Fault(kind, after)


# -- dropping connections ---------------------------------------------------------------------


def _reset(transport: Any) -> None:
    sock = transport.get_extra_info("socket")
    if sock is not None:
        # Linger 0: close() sends RST instead of FIN, as a crashed peer or a middlebox would.
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    transport.abort()


async def _drop(scope: Scope, receive: Receive, *, reset: bool) -> None:
    """Reset the connection (RST), or close it after what was sent (FIN, a short body)."""
    transport = scope.get("extensions", {}).get(TRANSPORT_EXTENSION)
    if not isinstance(transport, asyncio.Transport):
        raise ConnectionDropped("sandbox fault: connection dropped")
    if reset:
        _reset(transport)
    else:
        transport.close()
    # Wait until the server has seen the connection go, so it does not log a half-sent answer.
    with anyio.move_on_after(5):
        while (await receive())["type"] != "http.disconnect":
            pass


class _Dropped(Response):
    """Sends nothing (``answer`` None) or the head and half the body of ``answer``; then drops
    the connection."""

    def __init__(self, answer: Response | None) -> None:
        super().__init__()
        self._answer = answer

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        answer = self._answer
        if answer is not None:
            first = await _first_chunk(answer)
            headers = [
                (k, v) for k, v in answer.raw_headers if k.lower() != FAULT_HEADER.lower().encode()
            ]
            headers.append((FAULT_HEADER.lower().encode(), b"truncate"))
            await send(
                {"type": "http.response.start", "status": answer.status_code, "headers": headers}
            )
            await send(
                {"type": "http.response.body", "body": first[: len(first) // 2], "more_body": True}
            )
        await _drop(scope, receive, reset=answer is None)


async def _first_chunk(answer: Response) -> bytes:
    if isinstance(answer, StreamingResponse):
        async for chunk in answer.body_iterator:
            data = chunk.encode() if isinstance(chunk, str) else bytes(chunk)
            if data:
                return data
        return b""
    return bytes(answer.body)
