"""Fixtures for the tests that talk to a real Redis server.

Test modules import the ``*_fixture`` functions; the fixtures' names drop the suffix.

- ``redis_url``: ``REDIS_URL`` if set, else ``redis://127.0.0.1:6379/0``; where nothing answers
  there, a ``redis-server`` of our own on a free port (if the binary exists); where neither
  works, every test using it is skipped with the reason (``-rs`` lists each one by name).
- ``key_prefix``: a unique prefix per test; every key under it is deleted afterwards.
- ``private_redis``: a ``redis-server`` of this test alone, on a free port, that the test may
  stop, hang (SIGSTOP) and restart. The shared server is never stopped.

A few lines of RESP over a plain socket do the set-up and clean-up, so they need no event loop.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.parse
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

DEFAULT_URL = "redis://127.0.0.1:6379/0"

__all__ = [
    "PrivateRedis",
    "command",
    "delete_prefix",
    "free_port",
]


def _address(url: str) -> tuple[str, int, int]:
    parts = urllib.parse.urlsplit(url)
    db = int(parts.path.lstrip("/") or 0)
    return parts.hostname or "127.0.0.1", parts.port or 6379, db


def _encode(*args: Any) -> bytes:
    out = [f"*{len(args)}\r\n".encode()]
    for arg in args:
        data = arg if isinstance(arg, bytes) else str(arg).encode()
        out.append(b"$%d\r\n%s\r\n" % (len(data), data))
    return b"".join(out)


def _read(f: Any) -> Any:
    line = f.readline()
    if not line:
        raise ConnectionError("Redis closed the connection")
    kind, rest = line[:1], line[1:-2]
    if kind == b"+":
        return rest.decode()
    if kind == b"-":
        raise RuntimeError(rest.decode())
    if kind == b":":
        return int(rest)
    if kind == b"$":
        n = int(rest)
        if n < 0:
            return None
        data = f.read(n + 2)
        return data[:-2]
    if kind == b"*":
        n = int(rest)
        return None if n < 0 else [_read(f) for _ in range(n)]
    raise ValueError(f"unexpected RESP reply {line!r}")


def command(url: str, *args: Any, timeout: float = 2.0) -> Any:
    """One command on a fresh connection (tests only; slow and simple)."""
    host, port, db = _address(url)
    with socket.create_connection((host, port), timeout=timeout) as sock:
        f = sock.makefile("rb")
        if db:
            sock.sendall(_encode("SELECT", db))
            _read(f)
        sock.sendall(_encode(*args))
        return _read(f)


def answers(url: str) -> bool:
    try:
        return bool(command(url, "PING", timeout=0.5) == "PONG")
    except (OSError, RuntimeError, ValueError):
        return False


def delete_prefix(url: str, pattern: str) -> int:
    deleted = 0
    cursor = b"0"
    while True:
        cursor, keys = command(url, "SCAN", cursor, "MATCH", pattern, "COUNT", 500)
        if keys:
            deleted += command(url, "DEL", *keys)
        if cursor == b"0":
            return deleted


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PrivateRedis:
    """A redis-server of our own (nothing on disk) that a test may kill, hang and restart."""

    def __init__(self, binary: str) -> None:
        self.binary = binary
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while not answers(self.url):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"redis-server on port {self.port} did not start")
            time.sleep(0.02)

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.proc = None

    def hang(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGCONT)

    def restart(self) -> None:
        self.kill()
        self.start()


def _binary() -> str | None:
    return shutil.which("redis-server")


@pytest.fixture(scope="session", name="redis_server")
def redis_server_fixture() -> Iterator[tuple[str | None, str]]:
    """(URL, "") of a Redis that answers, or (None, why not)."""
    url = os.environ.get("REDIS_URL") or DEFAULT_URL
    if answers(url):
        yield url, ""
        return
    binary = _binary()
    if binary is None:
        yield None, f"no Redis answers at {url} and there is no redis-server binary to start one"
        return
    server = PrivateRedis(binary)
    try:
        server.start()
    except RuntimeError as exc:
        yield None, f"no Redis answers at {url}, and starting one failed: {exc}"
        return
    try:
        yield server.url, ""
    finally:
        server.kill()


@pytest.fixture(name="redis_url")
def redis_url_fixture(request: pytest.FixtureRequest, redis_server: tuple[str | None, str]) -> str:
    url, why = redis_server
    if url is None:
        # Each test by name, so that `-rs` lists every one of them, never a silent count.
        pytest.skip(f"{request.node.nodeid}: {why}")
    return url


@pytest.fixture(name="key_prefix")
def key_prefix_fixture(redis_url: str) -> Iterator[str]:
    prefix = f"t-{uuid.uuid4().hex[:16]}"
    yield prefix
    delete_prefix(redis_url, "{" + prefix + ":*")


@pytest.fixture(name="private_redis")
def private_redis_fixture(request: pytest.FixtureRequest) -> Iterator[PrivateRedis]:
    binary = _binary()
    if binary is None:
        pytest.skip(
            f"{request.node.nodeid}: no redis-server binary to run a server of its own "
            "(it is stopped and restarted)"
        )
    server = PrivateRedis(binary)
    server.start()
    try:
        yield server
    finally:
        with contextlib.suppress(Exception):
            server.resume()
        server.kill()
