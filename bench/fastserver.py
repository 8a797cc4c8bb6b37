"""A minimal HTTP/1.1 responder for the real-socket rows, in its own process.

    python bench/fastserver.py   # prints the port, then serves until killed

Not the sandbox (a Python ASGI app that serves about 420 calls/s and hides the client): an
``asyncio.Protocol`` that answers every request on a kept-alive connection with a canned body,
measure 1's five accounts, or a token for ``POST .../oauth/token``. It reads the head and any
``Content-Length`` body and nothing else; it exists to make the client's own cost visible.
"""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cpu import ACCOUNTS_BODY, TOKEN_BODY

__all__ = ["fast_server"]


def _response(body: bytes) -> bytes:
    head = (
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nConnection: keep-alive\r\n\r\n"
    )
    return head.encode() + body


ACCOUNTS = _response(ACCOUNTS_BODY)
TOKEN = _response(TOKEN_BODY)


class _Responder(asyncio.Protocol):
    def __init__(self) -> None:
        self.buffer = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            head = self.buffer[:end]
            length = 0
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            if len(self.buffer) < end + 4 + length:
                return
            self.buffer = self.buffer[end + 4 + length :]
            assert self.transport is not None
            self.transport.write(
                TOKEN if b"/oauth/token" in head.split(b"\r\n", 1)[0] else ACCOUNTS
            )


async def _serve() -> None:
    loop = asyncio.get_running_loop()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    server = await loop.create_server(_Responder, sock=sock, backlog=1024)
    print(sock.getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


@contextmanager
def fast_server() -> Iterator[str]:
    """Start the responder in a child process; yield its base URL."""
    process = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve())], stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        port = int(process.stdout.readline())
        yield f"http://127.0.0.1:{port}/api/public"
    finally:
        process.terminate()
        process.wait(10)


if __name__ == "__main__":
    asyncio.run(_serve())
