"""Serving the sandbox over real TCP with uvicorn: in the foreground or on a background thread.

``SandboxServer`` binds its socket in ``__init__`` (port 0 picks a free one), so ``url`` is known
before anything is served. It runs uvicorn with ``SandboxProtocol``, uvicorn's h11 protocol plus
one thing: each request's scope carries its connection's transport, so a ``reset`` or
``truncate`` fault can cut the TCP connection for real.

::

    with SandboxServer(SandboxConfig(seed=1)) as sandbox:   # a background thread
        async with SpectroCoinClient(base_url=sandbox.url, ...) as sc: ...
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Awaitable, Callable
from types import TracebackType
from typing import Any, Self

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from .app import PREFIX, Sandbox, create_app
from .config import SandboxConfig
from .traffic import TRANSPORT_EXTENSION

__all__ = ["SandboxProtocol", "SandboxServer"]


class SandboxProtocol(H11Protocol):
    """uvicorn's h11 protocol, with the connection's transport in every request's scope."""

    def handle_events(self) -> None:
        super().handle_events()
        # A new request's scope is built above and its task is created but not yet started,
        # so the app sees the extension from its first line.
        scope: Any = self.scope
        if scope is not None:
            scope.setdefault("extensions", {})[TRANSPORT_EXTENSION] = self.transport


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


class SandboxServer:
    def __init__(
        self,
        config: SandboxConfig | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        log_level: str = "warning",
    ) -> None:
        self.app = create_app(config)
        self._socket = _bind(host, port)
        self.host = host
        self.port: int = self._socket.getsockname()[1]
        shown = f"[{host}]" if ":" in host else host
        self.url = f"http://{shown}:{self.port}{PREFIX}"
        """The API root to give the SDK as ``base_url``."""
        self._server = uvicorn.Server(
            uvicorn.Config(
                self.app,
                http=SandboxProtocol,
                lifespan="off",
                log_level=log_level,
                access_log=False,
                timeout_graceful_shutdown=3,
            )
        )
        self._thread: threading.Thread | None = None

    @property
    def sandbox(self) -> Sandbox:
        """The running sandbox (ledger, config, counters), for in-process inspection."""
        sandbox: Sandbox = self.app.state.sandbox
        return sandbox

    async def serve(self, on_ready: Callable[[str], Awaitable[None] | None] | None = None) -> None:
        """Serve until SIGINT / SIGTERM (or ``stop()``); ``on_ready(url)`` once listening."""

        async def announce() -> None:
            while not self._server.started:
                if self._server.should_exit:
                    return
                await asyncio.sleep(0.01)
            if on_ready is not None:
                result = on_ready(self.url)
                if result is not None:
                    await result

        watcher = asyncio.ensure_future(announce())
        try:
            await self._server.serve(sockets=[self._socket])
        finally:
            watcher.cancel()
            self._socket.close()

    def start(self, timeout: float = 15.0) -> None:
        """Serve on a background thread; return once it listens."""
        if self._thread is not None:
            raise RuntimeError("this SandboxServer is already running")
        self._thread = threading.Thread(
            target=self._server.run,
            kwargs={"sockets": [self._socket]},
            name=f"spectrocoin-sandbox:{self.port}",
            daemon=True,
        )
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the sandbox did not start; see the uvicorn log above")
            time.sleep(0.01)

    def stop(self, timeout: float = 10.0) -> None:
        self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self._socket.close()

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
