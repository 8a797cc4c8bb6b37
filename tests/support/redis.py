"""Fixtures for the tests that talk to a real Redis server.

Test modules import the ``*_fixture`` functions; the fixtures' names drop the suffix.

- ``redis_url``: ``REDIS_URL`` if set, else ``redis://127.0.0.1:6379/0``; where nothing answers
  there, a ``redis-server`` of our own on a free port (if the binary exists); where neither
  works, every test using it is skipped with the reason (``-rs`` lists each one by name).
- ``key_prefix``: a unique prefix per test; every key under it is deleted afterwards.
- ``private_redis``: a ``redis-server`` of this test alone, on a free port, that the test may
  stop, hang (SIGSTOP) and restart. The shared server is never stopped.
- ``redis_cluster``: a Redis Cluster of our own, three masters and no replicas, started once per
  session (``redis-server`` and ``redis-cli`` needed; skipped by name without them). Tests may
  move slots but never stop a node; ``private_cluster`` is one a test may break (started with
  the shared one, side by side).

A few lines of RESP over a plain socket do the set-up and clean-up, so they need no event loop.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.parse
import uuid
from collections.abc import Iterator, Sequence
from typing import Any

import anyio
import pytest

from spectrocoin_async import RedisLimiter, RedisTokenStore, Token
from spectrocoin_async._redis import DEFAULT_TIMEOUT

DEFAULT_URL = "redis://127.0.0.1:6379/0"

__all__ = [
    "LocalCluster",
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


_handed_out: set[int] = set()  # ports of the clusters of this session, never handed out twice


def _free_ports(count: int) -> list[int]:
    ports: set[int] = set()
    while len(ports) < count:
        port = free_port()
        if port not in _handed_out:
            ports.add(port)
    _handed_out.update(ports)
    return sorted(ports)


class LocalCluster:
    """A Redis Cluster of ``masters`` redis-servers (no replicas), each on a free port with its
    bus on another (``cluster-port``), config and logs in a temporary folder; nothing saved."""

    def __init__(self, server: str, cli: str, masters: int = 3) -> None:
        self.server = server
        self.cli = cli
        ports = _free_ports(2 * masters)
        self.ports, self.bus_ports = ports[:masters], ports[masters:]
        self.dir = tempfile.mkdtemp(prefix="sc-redis-cluster-")
        self.procs: dict[int, subprocess.Popen[bytes]] = {}

    def url(self, port: int) -> str:
        return f"redis://127.0.0.1:{port}/0"

    def start(self) -> None:
        try:
            for port, bus in zip(self.ports, self.bus_ports, strict=True):
                self._start_node(port, bus)
            nodes = [f"127.0.0.1:{port}" for port in self.ports]
            create = subprocess.run(
                [self.cli, "--cluster", "create", *nodes, "--cluster-replicas", "0"]
                + ["--cluster-yes"],
                capture_output=True,
                text=True,
                timeout=30,
                check=False,
            )
            if create.returncode != 0:
                raise RuntimeError(
                    f"redis-cli --cluster create failed ({create.returncode}): "
                    f"{(create.stdout + create.stderr)[-1000:]}"
                )
            self._wait_until_ok(timeout=15)
        except BaseException:
            self.stop()
            raise

    def _start_node(self, port: int, bus: int) -> None:
        log = open(os.path.join(self.dir, f"redis-{port}.log"), "wb")  # noqa: SIM115
        with log:
            self.procs[port] = subprocess.Popen(
                [self.server, "--port", str(port), "--bind", "127.0.0.1"]
                + ["--cluster-enabled", "yes", "--cluster-port", str(bus)]
                + ["--cluster-config-file", os.path.join(self.dir, f"nodes-{port}.conf")]
                + ["--cluster-node-timeout", "2000", "--dir", self.dir]
                + ["--save", "", "--appendonly", "no"],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 10
        while not answers(self.url(port)):
            if self.procs[port].poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    f"cluster node redis-server on port {port} did not start: {self.log(port)}"
                )
            time.sleep(0.02)

    def log(self, port: int) -> str:
        with contextlib.suppress(OSError), open(os.path.join(self.dir, f"redis-{port}.log")) as f:
            return f.read()[-1000:]
        return "(no log)"

    def state(self, port: int) -> str:
        """``cluster_state`` of one node as it sees the cluster: ``ok`` or ``fail``."""
        info = command(self.url(port), "CLUSTER", "INFO").decode()
        fields = dict(line.split(":", 1) for line in info.split() if ":" in line)
        return str(fields.get("cluster_state", "?"))

    def _wait_until_ok(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while True:
            states = {port: self.state(port) for port in self.ports}
            if all(state == "ok" for state in states.values()):
                return
            if time.monotonic() > deadline:
                raise RuntimeError(f"the cluster is not ok after {timeout:g} s: {states}")
            time.sleep(0.05)

    def keyslot(self, key: str) -> int:
        return int(command(self.url(self.ports[0]), "CLUSTER", "KEYSLOT", key))

    def node_ids(self) -> dict[int, str]:
        """Port -> node id, as the nodes see each other."""
        return {port: command(self.url(port), "CLUSTER", "MYID").decode() for port in self.ports}

    def owner(self, slot: int) -> int:
        """The port of the master serving ``slot``."""
        for start, end, (_host, port, *_rest), *_replicas in command(
            self.url(self.ports[0]), "CLUSTER", "SLOTS"
        ):
            if start <= slot <= end:
                return int(port)
        raise LookupError(f"no node serves slot {slot}")

    def node_of(self, key: str) -> int:
        return self.owner(self.keyslot(key))

    def delete_prefix(self, pattern: str) -> int:
        """Every key matching ``pattern`` on every live node, one DEL per key (keys of several
        slots in one DEL would be refused with CROSSSLOT)."""
        deleted = 0
        for port, proc in self.procs.items():
            if proc.poll() is not None:
                continue
            url, cursor = self.url(port), b"0"
            while True:
                cursor, keys = command(url, "SCAN", cursor, "MATCH", pattern, "COUNT", 500)
                deleted += sum(command(url, "DEL", key) for key in keys)
                if cursor == b"0":
                    break
        return deleted

    def kill(self, port: int) -> None:
        proc = self.procs[port]
        if proc.poll() is None:
            proc.kill()
            proc.wait()

    def stop(self) -> None:
        for port in list(self.procs):
            self.kill(port)
        shutil.rmtree(self.dir, ignore_errors=True)


def _cluster_binaries() -> tuple[str, str] | str:
    """(redis-server, redis-cli), or why there is no cluster to start."""
    server, cli = _binary(), shutil.which("redis-cli")
    if server is None or cli is None:
        missing = ", ".join(n for n, b in [("redis-server", server), ("redis-cli", cli)] if not b)
        return f"not on PATH: {missing} (needed to start a Redis Cluster of our own)"
    return server, cli


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


def start_clusters(server: str, cli: str, count: int) -> list[LocalCluster]:
    """``count`` clusters started side by side: a node waits 2 s after its start before it calls
    the cluster ok, and that wait need not add up."""
    clusters = [LocalCluster(server, cli) for _ in range(count)]
    with concurrent.futures.ThreadPoolExecutor(count) as pool:
        started = [pool.submit(cluster.start) for cluster in clusters]
    try:
        for future in started:
            future.result()
    except BaseException:
        for cluster in clusters:
            cluster.stop()
        raise
    return clusters


class _Clusters:
    def __init__(self, binaries: tuple[str, str], clusters: list[LocalCluster]) -> None:
        self.binaries = binaries
        self.shared = clusters[0]
        self.spares = clusters[1:]

    def private(self) -> LocalCluster:
        if self.spares:
            return self.spares.pop()
        return start_clusters(*self.binaries, 1)[0]


@pytest.fixture(scope="session", name="cluster_servers")
def cluster_servers_fixture(request: pytest.FixtureRequest) -> Iterator[_Clusters | str]:
    """The session's shared cluster and one spare per test asking for a ``private_cluster``, all
    started at once; or why there are none. A cluster that fails to start is an error, not a
    skip."""
    binaries = _cluster_binaries()
    if isinstance(binaries, str):
        yield binaries
        return
    private = sum(
        "private_cluster" in getattr(item, "fixturenames", ()) for item in request.session.items
    )
    clusters = start_clusters(*binaries, 1 + private)
    try:
        yield _Clusters(binaries, clusters)
    finally:
        for cluster in clusters:
            cluster.stop()


@pytest.fixture(name="redis_cluster")
def redis_cluster_fixture(
    request: pytest.FixtureRequest, cluster_servers: _Clusters | str
) -> LocalCluster:
    if isinstance(cluster_servers, str):
        pytest.skip(f"{request.node.nodeid}: {cluster_servers}")
    return cluster_servers.shared


@pytest.fixture(name="cluster_prefix")
def cluster_prefix_fixture(redis_cluster: LocalCluster) -> Iterator[str]:
    """A unique key prefix per test; every key under it is deleted from every node afterwards."""
    prefix = f"t-{uuid.uuid4().hex[:16]}"
    yield prefix
    redis_cluster.delete_prefix("{" + prefix + ":*")


@pytest.fixture(name="private_cluster")
def private_cluster_fixture(
    request: pytest.FixtureRequest, cluster_servers: _Clusters | str
) -> Iterator[LocalCluster]:
    """A cluster of this test alone, which it may break (kill a node)."""
    if isinstance(cluster_servers, str):
        pytest.skip(f"{request.node.nodeid}: {cluster_servers}")
    cluster = cluster_servers.private()
    try:
        yield cluster
    finally:
        cluster.stop()


# -- limiters on a clock of our own ------------------------------------------------------------


class SteppingClock:
    """The limiters' monotonic clock; ``sleep`` moves it instead of waiting."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += max(0.0, seconds)
        await anyio.lowlevel.checkpoint()


def limiter_on(url: str, clock: SteppingClock, **kwargs: object) -> RedisLimiter:
    """What ``RedisLimiter.from_url`` makes (a pool of its own), on the fake clock."""
    kwargs.setdefault("breaker_cooldown", 1000)
    return RedisLimiter(
        RedisLimiter._client_from_url(url, DEFAULT_TIMEOUT),
        clock=clock,
        sleep=clock.sleep,
        _owns=True,
        **kwargs,  # type: ignore[arg-type]
    )


# -- tokens ----------------------------------------------------------------------------------------


def token(name: str, lifetime: float = 3600.0) -> Token:
    return Token(name, time.time() + lifetime, lifetime)


async def cold_workers(stores: Sequence[RedisTokenStore]) -> tuple[int, list[str]]:
    """Each store used at once as a cold process's TokenManager uses it (load, else take the
    lock, load again, fetch and save); how many fetches that made, and the tokens each got."""
    fetches = 0
    got: list[str] = []

    async def fetch() -> Token:
        nonlocal fetches
        fetches += 1
        await anyio.sleep(0.2)
        return token(f"tok-{fetches}")

    async def worker(store: RedisTokenStore) -> None:
        found = await store.load()
        if found is None:
            async with store.fetch_lock():
                found = await store.load()
                if found is None:
                    found = await fetch()
                    await store.save(found)
        got.append(found.access_token)

    async with anyio.create_task_group() as tg:
        for store in stores:
            tg.start_soon(worker, store)
    return fetches, got
