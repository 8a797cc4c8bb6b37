"""SpectroCoinClient with RedisLimiter and RedisTokenStore, end to end: the sandbox over real
sockets, a real Redis, several clients standing for several worker processes, asyncio and trio.
"""

from __future__ import annotations

import logging
import re
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest

from spectrocoin_async import (
    GroupLimits,
    InProcessLimiter,
    Limiter,
    RateLimits,
    RedisLimiter,
    RedisTokenStore,
    SpectroCoinClient,
    SpectroCoinError,
    TokenStore,
)
from spectrocoin_async.sandbox import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    SandboxConfig,
    SandboxServer,
)
from tests.support.redis import (  # noqa: F401
    PrivateRedis,
    command,
    delete_prefix,
    key_prefix_fixture,
    private_redis_fixture,
    redis_server_fixture,
    redis_url_fixture,
)

pytestmark = pytest.mark.anyio


@pytest.fixture(scope="module")
def sandbox_url() -> Iterator[str]:
    with SandboxServer(SandboxConfig(seed=12)) as server:
        yield server.url


@pytest.fixture(autouse=True)
def _fresh_sandbox(sandbox_url: str) -> None:
    httpx.post(sandbox_url + "/sandbox/reset", timeout=10).raise_for_status()


def control(sandbox_url: str, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
    if body is None and path == "/ledger":
        response = httpx.get(sandbox_url + "/sandbox" + path, timeout=10)
    else:
        response = httpx.post(sandbox_url + "/sandbox" + path, json=body or {}, timeout=10)
    response.raise_for_status()
    return dict(response.json())


def account_limits(rate: float | None, burst: int = 1) -> RateLimits:
    return RateLimits(default=GroupLimits(max_in_flight=8, rate=rate, burst=burst))


class Workers:
    """Clients standing for worker processes: each with its own limiter, store and pool."""

    def __init__(self, stack: AsyncExitStack, sandbox_url: str) -> None:
        self.stack = stack
        self.sandbox_url = sandbox_url

    async def client(self, limiter: Limiter, store: TokenStore | None) -> SpectroCoinClient:
        return await self.stack.enter_async_context(
            SpectroCoinClient(
                DEFAULT_CLIENT_ID,
                DEFAULT_CLIENT_SECRET,
                base_url=self.sandbox_url,
                limiter=limiter,
                token_store=store,
            )
        )

    async def shared(
        self, redis_url: str, prefix: str, limits: RateLimits
    ) -> tuple[SpectroCoinClient, RedisLimiter, RedisTokenStore]:
        common: dict[str, Any] = {"client_id": DEFAULT_CLIENT_ID, "key_prefix": prefix}
        limiter = await self.stack.enter_async_context(
            RedisLimiter.from_url(redis_url, rate_limits=limits, **common)
        )
        store = await self.stack.enter_async_context(RedisTokenStore.from_url(redis_url, **common))
        return await self.client(limiter, store), limiter, store


@pytest.fixture
async def workers(sandbox_url: str) -> AsyncIterator[Workers]:
    async with AsyncExitStack() as stack:
        yield Workers(stack, sandbox_url)


async def calls(
    clients: list[SpectroCoinClient], each: int, failures: list[str] | None = None
) -> float:
    """``each`` concurrent calls per client; the seconds they took. A failure is recorded in
    ``failures`` when given, else it fails the test."""
    started = time.monotonic()

    async def one(sc: SpectroCoinClient) -> None:
        try:
            await sc.accounts.list_accounts()
        except SpectroCoinError as exc:
            if failures is None:
                raise
            failures.append(type(exc).__name__)

    async with anyio.create_task_group() as tg:
        for sc in clients:
            for _ in range(each):
                tg.start_soon(one, sc)
    return time.monotonic() - started


async def test_two_clients_share_one_allowance_and_one_token(
    workers: Workers, sandbox_url: str, redis_url: str, key_prefix: str
) -> None:
    control(sandbox_url, "/config", {"rateLimit": 10, "rateBurst": 2})
    a, limiter_a, _ = await workers.shared(redis_url, key_prefix, account_limits(10))
    b, limiter_b, _ = await workers.shared(redis_url, key_prefix, account_limits(10))
    elapsed = await calls([a, b], 12)
    ledger = control(sandbox_url, "/ledger")
    assert ledger["rateLimited"] == 0
    assert ledger["tokensIssued"] == 1
    assert elapsed >= 23 / 10 * 0.95  # 24 calls at one 10/s allowance, not two
    assert limiter_a.stats["redis"] >= 12 and limiter_b.stats["redis"] >= 12


async def test_without_sharing_the_same_job_meets_429s(workers: Workers, sandbox_url: str) -> None:
    """The control experiment: two clients each paced at the account's rate on its own."""
    control(sandbox_url, "/config", {"rateLimit": 10, "rateBurst": 2})
    a = await workers.client(InProcessLimiter(account_limits(10)), None)
    b = await workers.client(InProcessLimiter(account_limits(10)), None)
    failures: list[str] = []
    await calls([a, b], 12, failures)
    ledger = control(sandbox_url, "/ledger")
    assert ledger["rateLimited"] > 0
    assert ledger["tokensIssued"] == 2


async def test_a_401_replaces_the_shared_token_once(
    workers: Workers, sandbox_url: str, redis_url: str, key_prefix: str
) -> None:
    a, _, store = await workers.shared(redis_url, key_prefix, account_limits(None))
    b, _, _ = await workers.shared(redis_url, key_prefix, account_limits(None))
    await calls([a, b], 1)
    first = command(redis_url, "HGET", store.token_key, "access_token")
    assert control(sandbox_url, "/ledger")["tokensIssued"] == 1
    assert control(sandbox_url, "/tokens/revoke")["revoked"] == 1
    await calls([a, b], 5)
    ledger = control(sandbox_url, "/ledger")
    # Every stale request got its 401 and was replayed; the compare-and-delete kept the one
    # new token that the first worker to notice stored, so nobody fetched a third.
    assert ledger["tokensIssued"] == 2
    assert ledger["unauthorized"] >= 2
    second = command(redis_url, "HGET", store.token_key, "access_token")
    assert second is not None and second != first


async def test_a_429_in_one_client_pauses_the_other(
    workers: Workers, sandbox_url: str, redis_url: str, key_prefix: str
) -> None:
    a, limiter_a, _ = await workers.shared(redis_url, key_prefix, account_limits(None))
    _, limiter_b, _ = await workers.shared(redis_url, key_prefix, account_limits(None))
    await a.accounts.list_accounts()  # the token first
    control(sandbox_url, "/config", {"rateLimit": 1, "rateBurst": 1})
    pause_key = limiter_a.pause_key("accounts")

    async with anyio.create_task_group() as tg:
        for _ in range(3):
            tg.start_soon(a.accounts.list_accounts)  # one goes through, the others meet a 429
        with anyio.fail_after(5):
            while command(redis_url, "PTTL", pause_key) <= 0:  # noqa: ASYNC110 - Redis' state
                await anyio.sleep(0.01)
        async with limiter_b.slot("accounts") as waited:
            pass
    assert waited > 0.2, waited
    assert control(sandbox_url, "/ledger")["rateLimited"] >= 1


async def test_calls_complete_with_redis_down(
    workers: Workers,
    sandbox_url: str,
    private_redis: PrivateRedis,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING, logger="spectrocoin_async.redis")
    prefix = f"t-{uuid.uuid4().hex[:8]}"
    sc, limiter, store = await workers.shared(private_redis.url, prefix, account_limits(50, 5))
    await sc.accounts.list_accounts()
    private_redis.kill()
    await calls([sc], 10)
    assert limiter.stats["fallback"] >= 10
    assert control(sandbox_url, "/ledger")["tokensIssued"] == 1  # this process' copy goes on
    logged = [r.getMessage() for r in caplog.records if r.name == "spectrocoin_async.redis"]
    # The limiter says so once; the store never needed Redis (its copy of the token is fresh).
    assert len(logged) == 1 and "rate limits fall back" in logged[0]
    assert store.stats["redis_errors"] == 0


README = Path(__file__).resolve().parents[2] / "README.md"
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "shared_allowance.py"


def readme_block() -> str:
    section = README.read_text(encoding="utf-8").split("## Many processes", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match, "the Many processes section has a code block"
    return match.group(1)


async def test_the_readme_block_runs_as_written(
    sandbox_url: str,
    redis_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("SPECTROCOIN_CLIENT_ID", DEFAULT_CLIENT_ID)
    monkeypatch.setenv("SPECTROCOIN_CLIENT_SECRET", DEFAULT_CLIENT_SECRET)
    monkeypatch.setenv("SPECTROCOIN_BASE_URL", sandbox_url)
    source = readme_block()
    assert '"redis://127.0.0.1:6379/0"' in source and source.rstrip().endswith("anyio.run(main)")
    source = source.replace('"redis://127.0.0.1:6379/0"', repr(redis_url))
    source = source.replace("anyio.run(main)", "")
    namespace: dict[str, Any] = {}
    try:
        exec(compile(source, "README.md", "exec"), namespace)
        await namespace["main"]()
    finally:
        delete_prefix(redis_url, "{sc:" + DEFAULT_CLIENT_ID + "}:*")
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(len(line.split()) == 2 for line in lines)
    assert control(sandbox_url, "/ledger")["tokensIssued"] == 1


def test_the_example_job_runs(redis_url: str) -> None:
    out = subprocess.run(
        [sys.executable, str(EXAMPLE), "--workers", "2", "--calls", "6", "--redis-url", redis_url],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    lines = out.stdout.splitlines()
    assert lines[0] == "2 worker processes, 12 calls, one allowance of 20 req/s"
    assert sorted(line.split(" in ")[0] for line in lines[1:3]) == [
        "worker 0: 6 of 6 calls OK",
        "worker 1: 6 of 6 calls OK",
    ]
    assert lines[3].startswith("the sandbox saw 13 requests in ")
    assert lines[3].endswith(", 0 rate-limited (429), 1 token(s) issued")
