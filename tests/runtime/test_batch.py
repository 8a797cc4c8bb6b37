"""The batch helper: bounded concurrency, results in order, failures collected, not contagious."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
import respx

from spectrocoin_async import SpectroCoinClient
from spectrocoin_async._batch import BatchFailure, iter_batch, run_batch
from spectrocoin_async._errors import NotFoundError

pytestmark = pytest.mark.anyio


class Gauge:
    """Counts calls in flight and remembers the peak."""

    def __init__(self) -> None:
        self.now = 0
        self.peak = 0
        self.started = 0
        self.finished = 0

    def call(
        self, value: Any, delay: float = 0.01, error: Exception | None = None
    ) -> Callable[[], Awaitable[Any]]:
        async def run() -> Any:
            self.started += 1
            self.now += 1
            self.peak = max(self.peak, self.now)
            try:
                await anyio.sleep(delay)
                if error is not None:
                    raise error
                return value
            finally:
                self.now -= 1
                self.finished += 1

        return run


async def test_results_come_back_in_input_order() -> None:
    gauge = Gauge()
    # Later items finish first: completion order is the reverse of input order.
    calls = [gauge.call(i * 10, delay=0.002 * (20 - i)) for i in range(20)]
    results = await run_batch(calls, concurrency=20)
    assert [r.index for r in results] == list(range(20))
    assert [r.value for r in results] == [i * 10 for i in range(20)]
    assert all(r.ok and r.error is None for r in results)
    assert [r.unwrap() for r in results] == [i * 10 for i in range(20)]


async def test_a_failing_item_does_not_cancel_the_others() -> None:
    gauge = Gauge()
    boom = ValueError("boom")
    missing = KeyError("missing")
    calls = [
        gauge.call("a", delay=0.05),
        gauge.call(None, delay=0.0, error=boom),  # fails first, while the others still run
        gauge.call("c", delay=0.05),
        gauge.call(None, delay=0.01, error=missing),
        gauge.call("e", delay=0.05),
    ]
    results = await run_batch(calls, concurrency=5)
    assert gauge.finished == 5  # nobody was cancelled
    assert [r.ok for r in results] == [True, False, True, False, True]
    assert [r.value for r in results] == ["a", None, "c", None, "e"]
    assert results[1].error is boom
    assert results[3].error is missing
    assert type(results[3].error) is KeyError
    with pytest.raises(ValueError, match="boom") as caught:
        results[1].unwrap()
    assert caught.value is boom
    assert results[1] == BatchFailure(index=1, error=boom)


async def test_a_call_that_raises_before_awaiting_is_collected() -> None:
    def broken() -> Awaitable[int]:
        raise TypeError("not even a coroutine")

    async def fine() -> int:
        return 7

    results = await run_batch([broken, fine], concurrency=2)
    assert isinstance(results[0].error, TypeError)
    assert results[1].unwrap() == 7


@pytest.mark.parametrize("bound", [1, 3, 8])
async def test_concurrency_never_exceeds_the_bound(bound: int) -> None:
    gauge = Gauge()
    results = await run_batch((gauge.call(i) for i in range(40)), concurrency=bound)
    assert gauge.peak == bound
    assert gauge.finished == 40
    assert [r.unwrap() for r in results] == list(range(40))


async def test_calls_are_pulled_lazily() -> None:
    gauge = Gauge()
    pulled = 0
    ahead: list[int] = []

    def calls() -> Iterator[Callable[[], Awaitable[Any]]]:
        nonlocal pulled
        for i in range(200):
            pulled += 1
            ahead.append(pulled - gauge.finished)  # pulled but not finished yet
            yield gauge.call(i, delay=0.001)

    results = await run_batch(calls(), concurrency=4)
    assert len(results) == 200
    assert max(ahead) == 4  # never more than the bound pulled ahead of the finished ones


async def test_empty_input() -> None:
    no_calls: list[Callable[[], Awaitable[int]]] = []
    assert await run_batch(no_calls, concurrency=4) == []
    async with iter_batch(no_calls, concurrency=4) as results:
        assert [r async for r in results] == []


async def test_concurrency_must_be_positive() -> None:
    with pytest.raises(ValueError, match="concurrency"):
        await run_batch([], concurrency=0)
    with pytest.raises(ValueError, match="concurrency"):
        async with iter_batch([], concurrency=0):
            pass  # pragma: no cover


async def test_cancellation_propagates_and_stops_the_batch() -> None:
    gauge = Gauge()
    with anyio.move_on_after(0.05) as scope:
        await run_batch((gauge.call(i, delay=10) for i in range(100)), concurrency=5)
    assert scope.cancelled_caught
    assert gauge.started == 5  # no new call started once cancelled
    assert gauge.now == 0


class Abort(BaseException):
    """Stands in for KeyboardInterrupt / SystemExit (a real one would stop the test run)."""


async def test_a_base_exception_is_not_collected() -> None:
    gauge = Gauge()

    async def aborts() -> None:
        raise Abort

    with pytest.raises(BaseException) as caught:
        await run_batch([gauge.call(1, delay=10), aborts], concurrency=2)
    exc = caught.value
    if isinstance(exc, BaseExceptionGroup):
        assert exc.subgroup(Abort) is not None
    else:
        assert isinstance(exc, Abort)
    assert gauge.now == 0  # the other call was cancelled, not left running


async def test_an_error_from_the_iterable_is_raised_after_the_started_calls_finish() -> None:
    gauge = Gauge()

    def calls() -> Iterator[Callable[[], Awaitable[Any]]]:
        yield gauge.call(1, delay=0.02)
        yield gauge.call(2, delay=0.02)
        raise RuntimeError("bad input row")

    with pytest.raises(RuntimeError, match="bad input row"):
        await run_batch(calls(), concurrency=4)
    assert gauge.finished == 2


# -- iter_batch ----------------------------------------------------------------------------------


async def test_iter_batch_yields_results_as_they_complete() -> None:
    gauge = Gauge()
    delays = [0.08, 0.0, 0.04, 0.02]
    calls = [gauge.call(i, delay=d) for i, d in enumerate(delays)]
    calls.append(gauge.call(None, delay=0.06, error=ValueError("four")))
    async with iter_batch(calls, concurrency=5) as results:
        seen = [r async for r in results]
    assert [r.index for r in seen] == [1, 3, 2, 4, 0]
    assert [r.value for r in seen] == [1, 3, 2, None, 0]
    assert isinstance(seen[3].error, ValueError)


async def test_iter_batch_respects_the_bound_with_a_slow_consumer() -> None:
    gauge = Gauge()
    async with iter_batch(
        (gauge.call(i, delay=0.005) for i in range(30)), concurrency=3
    ) as results:
        indexes = []
        async for result in results:
            indexes.append(result.index)
            await anyio.sleep(0.001)
    assert sorted(indexes) == list(range(30))
    assert gauge.peak == 3


async def test_leaving_iter_batch_early_cancels_the_rest() -> None:
    gauge = Gauge()
    async with iter_batch((gauge.call(i, delay=0.01) for i in range(100)), concurrency=4) as rs:
        async for _ in rs:
            break
    assert gauge.now == 0
    assert gauge.started < 100


async def test_an_error_in_the_iter_batch_block_propagates_as_itself() -> None:
    gauge = Gauge()
    with pytest.raises(LookupError, match="consumer"):
        async with iter_batch((gauge.call(i) for i in range(10)), concurrency=2) as results:
            async for _ in results:
                raise LookupError("consumer")
    assert gauge.now == 0


async def test_iter_batch_raises_the_iterables_error_on_exit() -> None:
    gauge = Gauge()

    def calls() -> Iterator[Callable[[], Awaitable[Any]]]:
        yield gauge.call("only")
        raise RuntimeError("bad input row")

    seen = []
    with pytest.raises(RuntimeError, match="bad input row"):
        async with iter_batch(calls(), concurrency=2) as results:
            async for result in results:
                seen.append(result.unwrap())
    assert seen == ["only"]


# -- with the SDK: the reconcile example ---------------------------------------------------------


async def test_reconcile_transactions_of_every_account(
    api: respx.MockRouter, sc: SpectroCoinClient
) -> None:
    api.get("/accounts").respond(json=[{"id": f"acc-{i}", "currencyCode": "EUR"} for i in range(6)])

    def transactions(request: httpx.Request) -> httpx.Response:
        account = request.url.params["accountId"]
        if account == "acc-3":
            return httpx.Response(404, json={"errorCode": "GEN_8 account not found"})
        return httpx.Response(
            200, json={"content": [], "totalElements": int(account[-1]), "last": True}
        )

    route = api.get("/transactions").mock(side_effect=transactions)

    acquired: list[str] = []
    limiter = sc._pipeline.limiter
    original = limiter.slot

    def counting_slot(group: str) -> contextlib.AbstractAsyncContextManager[float]:
        acquired.append(group)
        return original(group)

    limiter.slot = counting_slot  # type: ignore[method-assign]

    accounts = await sc.accounts.list_accounts()
    results = await run_batch(
        (
            functools.partial(sc.transactions.list_transactions, account_id=account.id)
            for account in accounts
        ),
        concurrency=3,
    )
    assert [r.ok for r in results] == [True, True, True, False, True, True]
    assert [r.unwrap().total_elements for r in results if r.ok] == [0, 1, 2, 4, 5]
    failed = results[3].error
    assert isinstance(failed, NotFoundError)
    assert failed.status_code == 404
    assert route.call_count == 6
    # Every call of the batch went through the client's limiter, in its own group.
    assert acquired.count("transactions") == 6
    assert acquired.count("accounts") == 1


def test_ok_tells_a_type_checker_which_result_it_is(tmp_path: Path) -> None:
    """Issue 19 item 7: ``result.ok`` narrows ``result.value`` from ``T | None`` to ``T``."""
    import subprocess
    import sys

    program = tmp_path / "narrowing.py"
    program.write_text(
        "from decimal import Decimal\n"
        "from spectrocoin_async import BatchResult\n"
        "def total(results: list[BatchResult[Decimal]]) -> Decimal:\n"
        "    sum_ = Decimal(0)\n"
        "    for result in results:\n"
        "        if result.ok:\n"
        "            sum_ += result.value\n"
        "        else:\n"
        "            print(result.index, result.error.args)\n"
        "        if result.error is None:\n"
        "            sum_ += result.value\n"
        "    return sum_\n",
        encoding="utf-8",
    )
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(program)],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
