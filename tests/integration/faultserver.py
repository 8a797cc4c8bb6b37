"""A scripted misbehaving HTTP/1.1 server on a real loopback socket, for the fault matrix.

The sandbox fakes SpectroCoin's behaviour; this server fakes a broken network and a broken
gateway in the ways the sandbox cannot: a reset in the middle of a body, a stall, a body
dripping a byte at a time, JSON nested ten thousand deep. Each path has a script, a list of
``Act``s played one per request, the last repeated. Every request that arrives is recorded, so
a test can count how many times a money-moving request reached the server.
"""

from __future__ import annotations

import json
import socket
import struct
import threading
import time
from collections.abc import Sequence
from typing import Literal

from attrs import frozen

__all__ = ["Act", "Arrival", "FaultServer", "TOKEN"]

TOKEN = {"access_token": "fault-token", "expires_in": 3600, "token_type": "bearer"}

Kind = Literal["respond", "reset", "reset_mid_body", "truncate", "stall", "drip"]


@frozen
class Act:
    """What the server does with one request."""

    kind: Kind = "respond"
    status: int = 200
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = (("Content-Type", "application/json"),)
    seconds: float = 0.0  # stall: how long; drip: the pause between bytes

    @classmethod
    def json(cls, data: object, status: int = 200, **extra: str) -> Act:
        headers = (("Content-Type", "application/json"), *extra.items())
        return cls(status=status, body=json.dumps(data).encode(), headers=headers)


@frozen
class Arrival:
    method: str
    path: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()  # names in lower case, in the order received


class FaultServer:
    """``with FaultServer() as server: server.script("/path", Act(...), ...)``."""

    def __init__(self) -> None:
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self._listener.settimeout(0.05)  # so that the accept loop sees the closing flag
        self.port: int = self._listener.getsockname()[1]
        self.base_url = f"http://127.0.0.1:{self.port}/api/public"
        self._scripts: dict[str, list[Act]] = {}
        self._lock = threading.Lock()
        self._arrived = threading.Condition(self._lock)
        self.arrivals: list[Arrival] = []
        self._closing = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> FaultServer:
        self.script("/api/public/oauth/token", Act.json(TOKEN))
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._closing.set()
        self._thread.join(5)
        self._listener.close()

    def script(self, path: str, *acts: Act) -> None:
        with self._lock:
            self._scripts[path if path.startswith("/api") else "/api/public" + path] = list(acts)

    def count(self, path: str, method: str | None = None) -> int:
        full = path if path.startswith("/api") else "/api/public" + path
        with self._lock:
            return sum(1 for a in self.arrivals if a.path == full and method in (None, a.method))

    def wait_for(self, path: str, method: str | None = None, timeout: float = 10) -> bool:
        """Block until a request for ``path`` has arrived (run it in a worker thread)."""
        full = path if path.startswith("/api") else "/api/public" + path
        with self._arrived:
            return self._arrived.wait_for(
                lambda: any(a.path == full and method in (None, a.method) for a in self.arrivals),
                timeout,
            )

    # -- serving ----------------------------------------------------------------------------

    def _serve(self) -> None:
        while not self._closing.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._connection, args=(conn,), daemon=True).start()

    def _next_act(self, path: str) -> Act:
        with self._lock:
            acts = self._scripts.get(path)
            if not acts:
                return Act.json({"errorCode": "GEN_8", "defaultMessage": "no script"}, 404)
            return acts.pop(0) if len(acts) > 1 else acts[0]

    def _connection(self, conn: socket.socket) -> None:
        conn.settimeout(30)
        buffer = b""
        try:
            while not self._closing.is_set():
                while b"\r\n\r\n" not in buffer:
                    chunk = conn.recv(65536)
                    if not chunk:
                        return
                    buffer += chunk
                head, _, buffer = buffer.partition(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                method, target, _ = lines[0].split(" ", 2)
                length = 0
                headers = []
                for line in lines[1:]:
                    name, _, value = line.partition(":")
                    headers.append((name.strip().lower(), value.strip()))
                    if name.strip().lower() == "content-length":
                        length = int(value.strip())
                while len(buffer) < length:
                    chunk = conn.recv(65536)
                    if not chunk:
                        return
                    buffer += chunk
                body, buffer = buffer[:length], buffer[length:]
                path = target.split("?", 1)[0]
                with self._lock:
                    self.arrivals.append(Arrival(method, path, body, tuple(headers)))
                    self._arrived.notify_all()
                if not self._play(conn, self._next_act(path)):
                    return
        except OSError:
            return
        finally:
            conn.close()

    def _play(self, conn: socket.socket, act: Act) -> bool:
        """Answer one request; False when the connection is finished."""
        if act.kind == "reset":
            _reset(conn)
            return False
        if act.kind == "stall":
            self._closing.wait(act.seconds)
            return False
        head = _head(act.status, act.headers, len(act.body))
        if act.kind == "respond":
            conn.sendall(head + act.body)
            return True
        half = act.body[: len(act.body) // 2]
        if act.kind == "reset_mid_body":
            conn.sendall(head + half)
            time.sleep(0.05)  # let the client start reading the body before the reset
            _reset(conn)
            return False
        if act.kind == "truncate":
            conn.sendall(head + half)
            conn.shutdown(socket.SHUT_WR)
            return False
        # drip: one byte per pause, for as long as the client listens
        conn.sendall(head)
        for byte in act.body:
            if self._closing.wait(act.seconds):
                return False
            conn.sendall(bytes([byte]))
        return False


def _head(status: int, headers: Sequence[tuple[str, str]], length: int) -> bytes:
    lines = [f"HTTP/1.1 {status} X"]
    lines += [f"{name}: {value}" for name, value in headers]
    lines.append(f"Content-Length: {length}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def _reset(conn: socket.socket) -> None:
    # SO_LINGER with a zero timeout: close() sends RST instead of FIN.
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()
