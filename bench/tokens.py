"""Measures 3 and 4: how many token requests the SDK makes, counted at the transport.

The server is an in-process ``httpx.MockTransport`` whose token endpoint is slow (it sleeps, so
that many callers really are waiting on the same fetch) and which enforces token lifetimes with
the real clock: a request with an expired or revoked token gets the documented 401 body.

- cold start: 1,000 calls start at once on a client that has no token yet;
- expiry under load: 50 workers call back to back across the moment the token comes due;
- revocation under load: the server revokes the live token mid-batch, so every request in
  flight gets a 401 at once (the "token expiry in the middle of a batch" case).
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import Counter

import httpx
from common import BASE_URL, Row
from cpu import ACCOUNTS_BODY, JSON_HEADERS, generous_limits

from spectrocoin_async import SpectroCoinClient

__all__ = ["measure_tokens"]

UNAUTHORIZED = json.dumps(
    {"errorCode": "401 Unauthorized", "defaultMessage": "invalid or expired token"}
).encode()


class TokenServer:
    """Issues numbered tokens with a fixed lifetime; counts every request by kind."""

    def __init__(self, lifetime: int, token_latency: float) -> None:
        self.lifetime = lifetime
        self.token_latency = token_latency
        self.counts: Counter[str] = Counter()
        self.valid: dict[str, float] = {}  # token -> expiry (monotonic)
        self.issued = 0

    def revoke_all(self) -> None:
        self.valid.clear()

    async def handler(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth/token"):
            self.counts["token"] += 1
            await asyncio.sleep(self.token_latency)
            self.issued += 1
            token = f"tok-{self.issued}"
            self.valid[token] = time.monotonic() + self.lifetime
            body = {"access_token": token, "expires_in": self.lifetime, "token_type": "bearer"}
            return httpx.Response(200, content=json.dumps(body).encode(), headers=JSON_HEADERS)
        # A real socket always yields to the event loop; without this the in-process transport
        # never does, and 50 workers could starve the refreshing task (and the revoker).
        await asyncio.sleep(0)
        token = request.headers.get("authorization", "").removeprefix("Bearer ")
        expiry = self.valid.get(token)
        if expiry is None or time.monotonic() >= expiry:
            self.counts["401"] += 1
            return httpx.Response(401, content=UNAUTHORIZED, headers=JSON_HEADERS)
        self.counts["ok"] += 1
        return httpx.Response(200, content=ACCOUNTS_BODY, headers=JSON_HEADERS)


def _client(server: TokenServer) -> SpectroCoinClient:
    return SpectroCoinClient(
        "bench-client",
        "bench-secret",
        base_url=BASE_URL,
        transport=httpx.MockTransport(server.handler),
        rate_limits=generous_limits(),
    )


async def cold_start(calls: int) -> TokenServer:
    server = TokenServer(lifetime=3600, token_latency=0.05)
    async with _client(server) as sc:
        await asyncio.gather(*(sc.accounts.list_accounts() for _ in range(calls)))
    return server


async def _load(sc: SpectroCoinClient, workers: int, seconds: float) -> None:
    stop = time.monotonic() + seconds

    async def worker() -> None:
        while time.monotonic() < stop:
            await sc.accounts.list_accounts()

    await asyncio.gather(*(worker() for _ in range(workers)))


async def expiry_under_load(workers: int) -> TokenServer:
    # A 2 s token is due for refresh at 1.8 s (margin = lifetime / 10): one refresh falls inside a
    # 3 s run, the next would be due at about 3.6 s.
    server = TokenServer(lifetime=2, token_latency=0.05)
    async with _client(server) as sc:
        await sc.accounts.list_accounts()  # the first token, fetched before the load starts
        await _load(sc, workers, 3.0)
    return server


async def revocation_under_load(workers: int) -> tuple[TokenServer, int]:
    server = TokenServer(lifetime=3600, token_latency=0.05)
    async with _client(server) as sc:
        await sc.accounts.list_accounts()

        async def revoke() -> int:
            await asyncio.sleep(0.5)
            before = server.counts["token"]
            server.revoke_all()
            return before

        before, _ = await asyncio.gather(revoke(), _load(sc, workers, 1.5))
    return server, before


def measure_tokens(cold_calls: int, workers: int) -> list[Row]:
    cold = asyncio.run(cold_start(cold_calls))
    n = cold.counts["token"]
    rows = [
        Row(
            f"token requests for {cold_calls:,} concurrent cold calls",
            str(n),
            "1",
            n == 1 and cold.counts["ok"] == cold_calls,
            [
                f"{cold.counts['ok']:,} of {cold_calls:,} calls served; token endpoint answers "
                "after 50 ms; counted at the transport"
            ],
        )
    ]
    expiry = asyncio.run(expiry_under_load(workers))
    refreshes = expiry.counts["token"] - 1
    rows.append(
        Row(
            "refreshes at expiry under load",
            f"{refreshes} (401s: {expiry.counts['401']})",
            "1",
            refreshes == 1 and expiry.counts["401"] == 0,
            [
                f"{workers} workers back to back for 3 s with a 2 s token (due at 1.8 s); "
                f"{expiry.counts['ok']:,} calls; the server rejects expired tokens"
            ],
        )
    )
    revoked, before = asyncio.run(revocation_under_load(workers))
    refreshes = revoked.counts["token"] - before
    rows.append(
        Row(
            "refreshes after a mid-batch token revocation (extra)",
            f"{refreshes} ({revoked.counts['401']} 401s replayed)",
            "1",
            refreshes == 1,
            [
                f"the server revokes the live token while {workers} workers are busy; every "
                f"request in flight gets a 401; {revoked.counts['ok']:,} calls, none failed"
            ],
        )
    )
    return rows
