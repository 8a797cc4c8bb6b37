"""Helpers for the integration tests: SDK clients on the sandbox, its control routes, a callback
sink, and the recorder of every response the suite sees."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator, Sequence
from contextlib import asynccontextmanager
from decimal import Decimal
from typing import Any, TypeVar

import httpx
import pytest
import uvicorn

from spectrocoin_async import GroupLimits, RateLimits, RetryPolicy, SpectroCoinClient
from spectrocoin_async._transport import AiohttpTransport
from spectrocoin_async.sandbox import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    SANDBOX_PROJECT_ID,
)

SEED = 20261125

# Fast retries, so that fault tests take milliseconds rather than seconds.
FAST_RETRY = RetryPolicy(max_attempts=6, backoff_base=0.01, backoff_cap=0.05)
# No client-side throttling (the 429 tests switch it back on): the sandbox decides.
UNTHROTTLED = RateLimits(default=GroupLimits(max_in_flight=16, rate=None), groups={})


class _UnderTest:
    """The connection pool under test: "httpx" (httpx's own) or "aiohttp" (http="aiohttp"). Set
    by the anyio_backend fixture for each test; read by every SDK client the suite builds."""

    http = "httpx"


# (event loop, connection pool) of each run of an async test.
RUNS = {
    "asyncio": ("asyncio", "httpx"),
    "trio": ("trio", "httpx"),
    "aiohttp": ("asyncio", "aiohttp"),
}


def on(runs: Sequence[str]) -> object:
    """An ``anyio_backend`` fixture for a module whose tests run only on ``runs``."""

    @pytest.fixture(params=list(runs))
    def anyio_backend(request: pytest.FixtureRequest) -> Iterator[str]:
        backend, _UnderTest.http = RUNS[request.param]
        try:
            yield backend
        finally:
            _UnderTest.http = "httpx"

    return anyio_backend


def transport_options() -> dict[str, Any]:
    """The SpectroCoinClient options that pick the pool under test."""
    return {"http": _UnderTest.http} if _UnderTest.http != "httpx" else {}


def http_client(**options: Any) -> httpx.AsyncClient:
    """An httpx client of the caller's own, on the pool under test (the transport behind
    ``http="aiohttp"``, for tests that pass ``http_client=``)."""
    if _UnderTest.http == "aiohttp":
        limits = httpx.Limits(max_connections=100, max_keepalive_connections=100)
        options["transport"] = AiohttpTransport(limits=limits)
    return httpx.AsyncClient(**options)


class Recorder:
    """Keeps every response an SDK client of the suite received (an httpx event hook)."""

    def __init__(self) -> None:
        self.responses: list[httpx.Response] = []

    async def hook(self, response: httpx.Response) -> None:
        self.responses.append(response)


RECORDER = Recorder()


class Control:
    """The sandbox's control routes (never limited, faulted or authenticated)."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http

    async def ledger(self) -> dict[str, Any]:
        response = await self.http.get("/ledger")
        response.raise_for_status()
        return dict(response.json())

    async def configure(self, **changes: Any) -> dict[str, Any]:
        response = await self.http.post("/config", json=changes)
        response.raise_for_status()
        return dict(response.json())

    async def revoke_tokens(self) -> int:
        response = await self.http.post("/tokens/revoke")
        response.raise_for_status()
        return int(response.json()["revoked"])

    async def simulate(self, order_id: str, status: str, **extra: Any) -> dict[str, Any]:
        response = await self.http.post(
            f"/orders/{order_id}/simulate", json={"status": status, **extra}
        )
        response.raise_for_status()
        return dict(response.json())


@asynccontextmanager
async def sdk_client(base_url: str, **options: Any) -> AsyncIterator[SpectroCoinClient]:
    """An SDK client on the sandbox whose responses the recorder sees."""
    http = http_client(event_hooks={"response": [RECORDER.hook]}, timeout=30)
    options.setdefault("project_id", SANDBOX_PROJECT_ID)
    options.setdefault("retry", FAST_RETRY)
    options.setdefault("rate_limits", UNTHROTTLED)
    try:
        async with SpectroCoinClient(
            options.pop("client_id", DEFAULT_CLIENT_ID),
            options.pop("client_secret", DEFAULT_CLIENT_SECRET),
            base_url=base_url,
            http_client=http,
            **options,
        ) as client:
            yield client
    finally:
        await http.aclose()
    transport = http._transport
    if isinstance(transport, AiohttpTransport):
        assert transport.on_aiohttp, "http='aiohttp' fell back to httpx's transport"
        assert transport.closed, "closing the httpx client left aiohttp's session open"


class CallbackSink:
    """A merchant's callback URL: records every POST (headers, body) and answers ``*ok*``."""

    def __init__(self) -> None:
        self.received: list[tuple[dict[str, str], bytes]] = []
        self._lock = threading.Lock()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        self._socket = sock
        self.url = f"http://127.0.0.1:{sock.getsockname()[1]}/callback"
        self._server = uvicorn.Server(
            uvicorn.Config(
                self.app,
                interface="asgi3",
                lifespan="off",
                log_level="warning",
                access_log=False,
            )
        )
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [sock]}, daemon=True
        )

    async def app(self, scope: Any, receive: Any, send: Any) -> None:
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        with self._lock:
            self.received.append((headers, body))
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"content-type", b"text/plain")],
            }
        )
        await send({"type": "http.response.body", "body": b"*ok*"})

    def take(self) -> list[tuple[dict[str, str], bytes]]:
        with self._lock:
            taken, self.received = self.received, []
        return taken

    def start(self) -> None:
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            assert time.monotonic() < deadline, "callback sink did not start"
            time.sleep(0.01)

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(10)


T = TypeVar("T")


def present(value: T | None) -> T:
    """``value``, asserting that the response had the field (narrows ``X | None`` to ``X``)."""
    assert value is not None, "the field is missing from the response"
    return value


async def balances(sc: SpectroCoinClient) -> dict[str, Decimal]:
    """Balance per currency code."""
    return {a.currency_code: present(a.balance) for a in await sc.accounts.list_accounts()}


async def assert_transactions_add_up(sc: SpectroCoinClient) -> None:
    """Every balance change left a transaction: per account, the amounts add up to the balance."""
    totals: dict[str, Decimal] = {}
    async for tx in sc.transactions.iterate_list_transactions(size=100):
        totals[str(tx.account_id)] = totals.get(str(tx.account_id), Decimal(0)) + present(tx.amount)
    for account in await sc.accounts.list_accounts():
        assert totals.get(account.id, Decimal(0)) == account.balance, account.currency_code
