"""Integration tests: the SDK against the sandbox over real TCP sockets, on asyncio and trio with
httpx's connection pool, and on asyncio with aiohttp's (``http="aiohttp"``; asyncio only).

One sandbox serves the whole session (uvicorn on a background thread, a free loopback port) and
is reset before every test. Every response the SDK clients of these tests receive is recorded;
``test_zz_conformance.py`` validates all of them against openapi.yaml at the end.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from spectrocoin_async import SpectroCoinClient
from spectrocoin_async.sandbox import SandboxConfig, SandboxServer

from .support import RECORDER, RUNS, SEED, CallbackSink, Control, Recorder, on, sdk_client

anyio_backend = on(list(RUNS))


@pytest.fixture(scope="session")
def recorder() -> Recorder:
    return RECORDER


@pytest.fixture(scope="session")
def sandbox_server() -> Iterator[SandboxServer]:
    with SandboxServer(SandboxConfig(seed=SEED)) as server:
        yield server


@pytest.fixture(scope="session")
def sandbox_url(sandbox_server: SandboxServer) -> str:
    return sandbox_server.url


@pytest.fixture(autouse=True)
def _fresh_sandbox(sandbox_url: str) -> None:
    """Seeded state, default config (no limits, no faults), zero counters, before each test."""
    httpx.post(sandbox_url + "/sandbox/reset", timeout=10).raise_for_status()


@pytest.fixture
async def control(sandbox_url: str) -> AsyncIterator[Control]:
    async with httpx.AsyncClient(base_url=sandbox_url + "/sandbox", timeout=30) as http:
        yield Control(http)


@pytest.fixture
async def sc(sandbox_url: str) -> AsyncIterator[SpectroCoinClient]:
    async with sdk_client(sandbox_url) as client:
        yield client


@pytest.fixture(scope="session")
def callback_sink() -> Iterator[CallbackSink]:
    sink = CallbackSink()
    sink.start()
    yield sink
    sink.stop()


@pytest.fixture
def sink(callback_sink: CallbackSink) -> CallbackSink:
    callback_sink.take()
    return callback_sink
