"""RedisTokenStore against a real Redis server, on asyncio and trio
(spectrocoin_async._redis.token_store). Each test has its own key prefix, deleted afterwards."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable

import anyio
import pytest

from spectrocoin_async import (
    RedisTokenStore,
)
from tests.redis.support import (
    CLIENT,
    make_store_fixture,  # noqa: F401
)
from tests.support.redis import (  # noqa: F401
    cold_workers,
    command,
    delete_prefix,
    key_prefix_fixture,
    redis_server_fixture,
    redis_url_fixture,
    token,
)

pytestmark = pytest.mark.anyio


async def test_a_saved_token_is_shared_with_a_ttl_of_lifetime_minus_margin(
    make_store: Callable[..., RedisTokenStore],
    redis_url: str,
) -> None:
    async with make_store() as a, make_store() as b:
        assert await b.load() is None
        await a.save(token("tok-1", lifetime=600))
        loaded = await b.load()
        assert loaded is not None and loaded.access_token == "tok-1"
        assert loaded.lifetime == 600
        # Margin min(60, 600/10) = 60 s: the key lives 540 s.
        ttl = command(redis_url, "PTTL", a.token_key)
        assert 538_000 < ttl <= 540_000
        # The fresh copy is used as it is: no second round trip.
        assert await b.load() is loaded
        assert b.stats["shared_loads"] == 1


async def test_eight_cold_workers_fetch_one_token(
    make_store: Callable[..., RedisTokenStore],
) -> None:
    async with contextlib.AsyncExitStack() as stack:
        stores = [await stack.enter_async_context(make_store()) for _ in range(8)]
        fetches, got = await cold_workers(stores)
    assert fetches == 1
    assert got == ["tok-1"] * 8


async def test_a_stale_lock_expires_and_the_waiter_fetches(
    make_store: Callable[..., RedisTokenStore],
    redis_url: str,
) -> None:
    async with make_store(lock_timeout=0.3) as store:
        # A worker that took the lock and died.
        assert command(redis_url, "SET", store.lock_key, "dead", "PX", 300, "NX") == "OK"
        start = time.monotonic()
        async with store.fetch_lock():
            waited = time.monotonic() - start
            assert command(redis_url, "GET", store.lock_key) not in (None, b"dead")
        assert waited > 0.2, waited  # it waited for the lock to expire (a lower bound only)
        assert store.stats["lock_acquired"] == 1
        assert command(redis_url, "EXISTS", store.lock_key) == 0  # released on exit


async def test_discard_deletes_only_the_token_that_failed(
    make_store: Callable[..., RedisTokenStore],
    redis_url: str,
) -> None:
    async with make_store() as a, make_store() as b:
        await a.save(token("tok-1"))
        await b.discard("tok-0")  # an older token failed: the new one stays
        assert command(redis_url, "HGET", a.token_key, "access_token") == b"tok-1"
        await b.save(token("tok-2"))  # b already replaced it...
        await a.discard("tok-1")  # ...when a's 401 for tok-1 comes in
        assert command(redis_url, "HGET", a.token_key, "access_token") == b"tok-2"
        loaded = await a.load()
        assert loaded is not None and loaded.access_token == "tok-2"
        await a.discard("tok-2")
        assert command(redis_url, "EXISTS", a.token_key) == 0
        assert await b.load() is not None  # b's copy stays until b sees its own 401
        await b.discard("tok-2")
        assert await b.load() is None


@pytest.mark.parametrize(
    "fields",
    [
        ["access_token", "tok", "expires_at", "nan", "lifetime", "60"],
        ["access_token", "tok", "expires_at", "1e999", "lifetime", "60"],
        ["access_token", "tok", "expires_at", "soon", "lifetime", "60"],
        ["access_token", "x" * 9000, "expires_at", "1", "lifetime", "60"],
        ["access_token", "tok", "lifetime", "60"],
        ["access_token", "", "expires_at", "1", "lifetime", "60"],
    ],
)
async def test_a_malformed_shared_token_counts_as_none(
    make_store: Callable[..., RedisTokenStore],
    redis_url: str,
    fields: list[str],
) -> None:
    async with make_store() as store:
        command(redis_url, "HSET", store.token_key, *fields)
        assert await store.load() is None


async def test_the_token_never_shows(
    make_store: Callable[..., RedisTokenStore],
    redis_url: str,
) -> None:
    secret_url = redis_url.replace("redis://", "redis://:hunter2pw@")
    store = RedisTokenStore.from_url(secret_url, client_id=CLIENT)
    assert "hunter2pw" not in repr(store)
    async with make_store() as store:
        await store.save(token("tok-never-shown"))
        assert "tok-never-shown" not in repr(store)
        loaded = await store.load()
        assert "tok-never-shown" not in repr(loaded)


async def test_a_due_token_is_served_from_this_process_until_it_expires(
    make_store: Callable[..., RedisTokenStore], redis_url: str
) -> None:
    """Gone from Redis at its due time, the token is still valid: the store keeps serving this
    process' copy (the client refreshes in the background meanwhile) until it expires."""
    async with make_store(refresh_margin=0.3) as store:
        tok = token("tok-due", lifetime=0.6)
        await store.save(tok)
        assert 0 < command(redis_url, "PTTL", store.token_key) <= 300
        await anyio.sleep(0.35)
        assert command(redis_url, "EXISTS", store.token_key) == 0
        assert await store.load() is tok
        await anyio.sleep(0.3)
        assert await store.load() is None


async def test_a_due_token_is_refreshed_once_across_workers_whatever_the_store_margin(
    redis_url: str, key_prefix: str
) -> None:
    # The client refreshes 300 s ahead, the store keeps its default margin (60 s): the old token
    # is still in Redis when the workers find it due. The workers waiting for the lock wait for
    # a new token, not for any token, so the one refresh serves them all.
    from spectrocoin_async._auth import TokenManager

    wall = [1_700_000_000.0]
    fetches = 0

    async def fetch() -> tuple[str, float]:
        nonlocal fetches
        fetches += 1
        await anyio.sleep(0.1)
        return f"tok-{fetches}", 3600.0

    stores = [
        RedisTokenStore(
            RedisTokenStore._client_from_url(redis_url, 0.5),
            client_id=CLIENT,
            key_prefix=key_prefix,
            wall_clock=lambda: wall[0],
            _owns=True,
        )
        for _ in range(6)
    ]
    managers = [
        TokenManager(fetch, store=store, refresh_margin=300, wall_clock=lambda: wall[0])
        for store in stores
    ]
    async with contextlib.AsyncExitStack() as stack:
        for store in stores:
            await stack.enter_async_context(store)
        assert [await m.get() for m in managers] == ["tok-1"] * 6
        assert fetches == 1
        wall[0] += 3600 - 200  # due for the client, fresh for the store
        async with anyio.create_task_group() as tg:
            for manager in managers:
                tg.start_soon(manager.get)
        with anyio.fail_after(5):
            for manager in managers:
                await manager.wait_for_fetch()
        assert fetches == 2
        assert [await m.get() for m in managers] == ["tok-2"] * 6
