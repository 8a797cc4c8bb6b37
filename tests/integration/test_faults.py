"""Reliability over real sockets: resets, 5xx, HTML pages, truncated bodies, 429 storms, token
expiry. Each test shows that nothing is lost and that no money-moving call reaches the server
twice; the sandbox ledger is the witness (``moneyMovingDeliveries`` counts arrivals,
``duplicateDeliveries`` / ``duplicateExecutions`` count byte-identical repeats)."""

from __future__ import annotations

import time
from decimal import Decimal
from typing import Any
from uuid import UUID

import anyio
import pytest

from spectrocoin_async import (
    APIConnectionError,
    CreateExchangeRequest,
    CreateOrderRequest,
    Exchange,
    GroupLimits,
    RateLimitError,
    RateLimits,
    RetryPolicy,
    ServerError,
    SpectroCoinClient,
    SpectroCoinError,
    UnprocessableEntityError,
)
from spectrocoin_async.sandbox import SANDBOX_PROJECT_ID

from .support import Control, assert_transactions_add_up, balances, present, sdk_client

pytestmark = pytest.mark.anyio

FAULTS = ["reset", "error", "html", "truncate"]
PATIENT = RetryPolicy(max_attempts=12, backoff_base=0.005, backoff_cap=0.02)


async def gather(*calls: Any) -> list[Any]:
    """Run the calls concurrently; each result is its value or the exception it raised."""
    results: list[Any] = [None] * len(calls)

    async def one(index: int, call: Any) -> None:
        try:
            results[index] = await call
        except SpectroCoinError as exc:
            results[index] = exc

    async with anyio.create_task_group() as tg:
        for index, call in enumerate(calls):
            tg.start_soon(one, index, call)
    return results


def exchange(sc: SpectroCoinClient, amount: Decimal) -> Any:
    return sc.exchanges.create_exchange(
        body=CreateExchangeRequest(
            pay_currency_code="EUR", receive_currency_code="BTC", pay_amount=amount
        )
    )


async def reconcile_exchanges(
    sc: SpectroCoinClient, sent: list[Decimal], results: list[Any]
) -> list[Exchange]:
    """What the sandbox executed agrees with what the client knows, to the last digit."""
    listed = [e async for e in sc.exchanges.iterate_list_exchanges(size=100)]
    paid = [present(e.pay_amount) for e in listed]
    assert len(paid) == len(set(paid)), "an exchange ran twice"
    assert set(paid) <= set(sent)
    succeeded = {r.pay_amount for r in results if isinstance(r, Exchange)}
    assert succeeded <= set(paid), "an acknowledged exchange is missing"
    now = await balances(sc)
    assert now["EUR"] == Decimal("10000.00") - sum(paid, Decimal(0))
    assert now["BTC"] == Decimal("0.50000000") + sum(
        (present(e.receive_amount) for e in listed), Decimal(0)
    )
    await assert_transactions_add_up(sc)
    return listed


@pytest.mark.parametrize("kind", FAULTS)
async def test_faulty_reads_are_retried_and_nothing_is_lost(
    kind: str, sandbox_url: str, control: Control
) -> None:
    await control.configure(**{f"{kind}Rate": 0.3})  # every operation, the token included
    async with sdk_client(sandbox_url, retry=PATIENT) as sc:
        results = await gather(
            *(sc.accounts.list_accounts() for _ in range(8)),
            *(sc.rates.get_rates(from_="ETH") for _ in range(8)),
            *(sc.transactions.list_transactions(size=3) for _ in range(8)),
        )
        assert not [r for r in results if isinstance(r, Exception)]
        for accounts in results[:8]:
            assert {a.currency_code: a.balance for a in accounts}["BTC"] == Decimal("0.50000000")
        assert all(len(rates) == 4 for rates in results[8:16])
        assert all(page.total_elements == 5 for page in results[16:])
        assert sc.tokens is not None and sc.tokens.fetch_count == 1
    assert (await control.ledger())["faults"][kind] > 0


@pytest.mark.parametrize("kind", FAULTS)
async def test_faulty_money_moves_are_never_sent_twice(
    kind: str, sc: SpectroCoinClient, control: Control
) -> None:
    await control.configure(
        **{f"{kind}Rate": 0.5}, faultOperations=["createExchange"], faultTiming="random"
    )
    sent = [Decimal(f"10.{i:02d}") for i in range(1, 13)]
    results = await gather(*(exchange(sc, amount) for amount in sent))
    failures = [r for r in results if isinstance(r, Exception)]
    assert failures, "the dice gave no fault: the test proves nothing"
    for failure in failures:
        if kind in ("reset", "truncate"):
            assert isinstance(failure, APIConnectionError)
            assert failure.request_may_have_reached_server
        else:
            assert isinstance(failure, ServerError)
            assert failure.status_code == (503 if kind == "error" else 502)
            if kind == "html":
                assert str(failure.body).startswith("<html>")
    ledger = await control.ledger()
    assert ledger["moneyMovingDeliveries"] == len(sent)  # each sent exactly once
    assert ledger["duplicateDeliveries"] == ledger["duplicateExecutions"] == 0
    listed = await reconcile_exchanges(sc, sent, results)
    assert ledger["exchanges"] == len(listed)


async def test_an_ambiguous_order_is_safe_to_send_again_with_its_order_id(
    sc: SpectroCoinClient, control: Control
) -> None:
    """After a failure that may have reached the server, the merchant's orderId makes a repeat
    harmless: the sandbox refuses a duplicate, so each order exists exactly once."""
    await control.configure(resetRate=0.5, faultOperations=["createOrder"], faultTiming="random")

    def create(order_id: str) -> Any:
        return sc.merchant.create_order(
            body=CreateOrderRequest(
                project_id=UUID(SANDBOX_PROJECT_ID),
                order_id=order_id,
                receive_amount=Decimal("5.00"),
                receive_currency_code="EUR",
            )
        )

    ids = [f"shop-{i}" for i in range(10)]
    first = await gather(*(create(order_id) for order_id in ids))
    await control.configure(resetRate=0)
    ambiguous = [i for i, r in zip(ids, first, strict=True) if isinstance(r, Exception)]
    assert ambiguous
    again = await gather(*(create(order_id) for order_id in ambiguous))
    for result in again:
        if isinstance(result, Exception):  # the first attempt did get through
            assert isinstance(result, UnprocessableEntityError)
            assert result.key == "duplicate_order_id"
    orders = [present(o.order_id) async for o in sc.merchant.iterate_list_orders(size=100)]
    assert sorted(orders) == sorted(ids)
    ledger = await control.ledger()
    assert ledger["ordersCreated"] == len(ids)
    assert ledger["duplicateExecutions"] == 0


async def test_html_502_pages_are_retried_for_reads(
    sc: SpectroCoinClient, control: Control
) -> None:
    await control.configure(htmlRate=1, faultBudget=2, faultOperations=["listAccounts"])
    response = await sc.accounts.list_accounts_detailed()
    assert response.attempts == 3 and response.status_code == 200
    assert (await control.ledger())["faults"]["html"] == 2


async def test_truncated_bodies_are_retried_for_reads(
    sc: SpectroCoinClient, control: Control
) -> None:
    await control.configure(truncateRate=1, faultBudget=2, faultOperations=["listTransactions"])
    response = await sc.transactions.list_transactions_detailed(size=5)
    assert response.attempts == 3 and response.parsed.total_elements == 5
    assert (await control.ledger())["faults"]["truncate"] == 2


async def test_a_429_storm_slows_the_sdk_down_and_nothing_leaks(
    sandbox_url: str, control: Control
) -> None:
    await control.configure(rateLimit=20, rateBurst=8)
    patient = RetryPolicy(max_attempts=10, backoff_base=0.01, backoff_cap=0.05)
    unthrottled = RateLimits(default=GroupLimits(max_in_flight=8, rate=None), groups={})
    async with sdk_client(sandbox_url, retry=patient, rate_limits=unthrottled) as sc:
        await sc.currencies.list_currencies()  # take the first token out of the storm
        sent = [Decimal(f"20.{i:02d}") for i in range(1, 5)]
        started = time.monotonic()
        results = await gather(
            *(sc.accounts.list_accounts() for _ in range(16)),
            *(exchange(sc, amount) for amount in sent),
        )
        elapsed = time.monotonic() - started
        assert not [r for r in results if isinstance(r, Exception)]  # no 429 leaked
        ledger = await control.ledger()
        assert ledger["rateLimited"] > 0, "no storm happened"
        # It slowed down: it waited out Retry-After (1 s) as a group instead of hammering.
        assert elapsed >= 1.0
        assert ledger["rateLimited"] < 2 * len(results)
        # 429 means "not done": money moves are retried, and each still ran exactly once.
        assert ledger["exchanges"] == len(sent)
        assert ledger["moneyMovingDeliveries"] == len(sent)
        assert ledger["duplicateExecutions"] == 0
        await reconcile_exchanges(sc, sent, results[16:])


async def test_429_beyond_the_retry_policy_is_a_rate_limit_error(
    sandbox_url: str, control: Control
) -> None:
    await control.configure(rateLimit=0.5, rateBurst=1)
    # No credentials: with them the optional-auth token request would take the one permit.
    anonymous = {"client_id": None, "client_secret": None}
    async with sdk_client(sandbox_url, retry=RetryPolicy(max_attempts=1), **anonymous) as sc:
        await sc.currencies.list_currencies()
        with pytest.raises(RateLimitError) as caught:
            await sc.currencies.list_currencies()
    assert caught.value.status_code == 429 and caught.value.retry_after == 2.0


async def test_token_expiry_in_the_middle_of_a_batch(
    sc: SpectroCoinClient, control: Control
) -> None:
    """Every token dies mid-batch: the calls in flight get 401s, exactly one new token is
    fetched for all of them, every call succeeds, and no money move is replayed twice."""
    await control.configure(latency=0.01)
    done = 0
    midway = anyio.Event()
    revoked = anyio.Event()

    async def read() -> Any:
        nonlocal done
        result = await sc.accounts.list_accounts()
        done += 1
        if done == 15:
            midway.set()
        return result

    async def revoke_midway() -> None:
        await midway.wait()
        await control.revoke_tokens()
        revoked.set()

    async def move(amount: Decimal) -> Any:
        await revoked.wait()
        return await exchange(sc, amount)

    sent = [Decimal(f"30.{i:02d}") for i in range(1, 6)]
    async with anyio.create_task_group() as tg:
        tg.start_soon(revoke_midway)
        results = await gather(*(read() for _ in range(40)), *(move(a) for a in sent))
    assert not [r for r in results if isinstance(r, Exception)]
    ledger = await control.ledger()
    assert ledger["unauthorized"] > 0
    assert ledger["tokensIssued"] == 2
    assert sc.tokens is not None and sc.tokens.fetch_count == 2
    assert ledger["exchanges"] == ledger["moneyMovingDeliveries"] == len(sent)
    assert ledger["duplicateExecutions"] == 0


async def test_short_lived_tokens_are_refreshed_ahead_of_expiry(
    sandbox_url: str, control: Control
) -> None:
    """3-second tokens, 8 workers calling for 4 s: the SDK refreshes 0.3 s before expiry
    (lifetime / 10), once for everyone, so exactly 2 tokens and not a single 401. (With 1-second
    tokens the 0.1 s margin was within a loaded machine's scheduling delay: a flake.)"""
    await control.configure(tokenLifetime=3)
    async with sdk_client(sandbox_url) as sc:
        started = time.monotonic()
        calls = 0

        async def worker() -> None:
            nonlocal calls
            while time.monotonic() - started < 4.0:
                await sc.accounts.list_accounts()
                calls += 1

        async with anyio.create_task_group() as tg:
            for _ in range(8):
                tg.start_soon(worker)
        assert sc.tokens is not None and sc.tokens.fetch_count == 2
    ledger = await control.ledger()
    assert ledger["tokensIssued"] == 2 and ledger["unauthorized"] == 0
    assert calls > 20
