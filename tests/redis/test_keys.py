"""The key scheme against a real Redis: one hash tag, one cluster slot per account
(spectrocoin_async._redis.keys)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from spectrocoin_async import (
    RedisLimiter,
    RedisTokenStore,
)
from tests.redis.support import make_limiter_fixture, make_store_fixture  # noqa: F401
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


def crc16(data: bytes) -> int:
    """CRC16-CCITT (XModem), the Redis Cluster key hash."""
    crc = 0
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


def cluster_slot(key: str) -> int:
    raw = key.encode()
    start = raw.find(b"{")
    if start >= 0:
        end = raw.find(b"}", start + 1)
        if end > start + 1:
            raw = raw[start + 1 : end]
    return crc16(raw) % 16384


def test_crc16_matches_the_cluster_spec() -> None:
    # The Redis Cluster specification's own check value.
    assert crc16(b"123456789") == 0x31C3


async def test_every_key_of_one_account_has_one_hash_tag_and_one_slot(
    make_limiter: Callable[..., RedisLimiter], make_store: Callable[..., RedisTokenStore]
) -> None:
    limiter = make_limiter(client_id="acct {x}", key_prefix="sc")
    store = make_store(client_id="acct {x}", key_prefix="sc")
    keys = [
        limiter.rate_key("accounts"),
        limiter.rate_key("exports"),
        limiter.pause_key("accounts"),
        store.token_key,
        store.lock_key,
    ]
    assert keys[0] == "{sc:acct%20%7Bx%7D}:rate:accounts"
    assert store.token_key == "{sc:acct%20%7Bx%7D}:token"
    assert len({cluster_slot(k) for k in keys}) == 1
    other = make_limiter(client_id="acct-2", key_prefix="sc")
    assert other.rate_key("accounts") != keys[0]
