"""One rate allowance and one access token shared by every worker process, on Redis.

``RedisLimiter`` implements ``Limiter`` and ``RedisTokenStore`` implements ``TokenStore``; both
plug into ``SpectroCoinClient(limiter=..., token_store=...)``. Needs the ``redis`` extra
(coredis, which runs on anyio: asyncio and trio alike)::

    async with (
        RedisLimiter.from_url(url, client_id=cid, rate_limits=limits) as limiter,
        RedisTokenStore.from_url(url, client_id=cid) as tokens,
        SpectroCoinClient(cid, secret, limiter=limiter, token_store=tokens) as sc,
    ):
        ...

What is shared, and how:

- **Rate.** GCRA (a token bucket kept as one timestamp) in one short Lua script, run
  atomically with EVALSHA, on Redis' own clock (``TIME``), so host clocks do not matter. One
  task per group and process asks, for every task queued behind it (within the burst).
  One key per (client id, group): ``{sc:<client_id>}:rate:<group>``. The ``{...}`` hash tag
  puts every key of one account on one Redis Cluster node, so the script never crosses slots.
- **429 pause.** ``pause()`` sets ``{...}:pause:<group>`` with a TTL; the rate script refuses
  while it exists, so every worker holds back.
- **In-flight cap.** Stays per process (an ``InProcessLimiter`` with no rate): requests in flight
  are a property of one process' connection pool, not of the account.
- **Token.** One hash with a TTL of its lifetime minus the refresh margin. One worker fetches
  under a ``SET NX PX`` lock while the others poll (with jitter) until it appears; after a 401
  a Lua compare-and-delete drops it only if it is still the token that failed.

Redis down never hangs a request: every Redis call runs under a short timeout. By default the
limiter then fails open to an in-process limiter at ``fallback_share`` of each rate, and a
circuit breaker skips Redis for ``breaker_cooldown`` seconds; one WARNING line says so (and
which share), and one more when Redis answers again. The share is ``1 / N`` by default, N the
limiters of the account Redis last saw alive: every few seconds the rate script also records
this limiter in ``{...}:live`` (a sorted set scored by Redis' clock) and counts the others.
``fail_closed=True`` raises ``RedisUnavailableError`` instead. The token store falls back to a
token cached in this process (each process then fetches its own).
"""

# The names below "as" themselves are no public API; they stay importable from here, as before
# the split, for the tests.
from spectrocoin_async._redis.backend import DEFAULT_COOLDOWN as DEFAULT_COOLDOWN
from spectrocoin_async._redis.backend import DEFAULT_TIMEOUT as DEFAULT_TIMEOUT
from spectrocoin_async._redis.backend import MissingExtraError, RedisUnavailableError
from spectrocoin_async._redis.breaker import logger as logger
from spectrocoin_async._redis.fallback import _UNLIMITED as _UNLIMITED
from spectrocoin_async._redis.keys import _tag as _tag
from spectrocoin_async._redis.limiter import DEFAULT_FALLBACK_SHARE as DEFAULT_FALLBACK_SHARE
from spectrocoin_async._redis.limiter import LIVENESS_WINDOW as LIVENESS_WINDOW
from spectrocoin_async._redis.limiter import RedisLimiter
from spectrocoin_async._redis.scripts import _RATE as _RATE
from spectrocoin_async._redis.token_store import RedisTokenStore

__all__ = [
    "MissingExtraError",
    "RedisLimiter",
    "RedisTokenStore",
    "RedisUnavailableError",
]
