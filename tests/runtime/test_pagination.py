"""Async iterators over paged lists: lazy, complete, and loud on errors."""

from __future__ import annotations

import contextlib
from typing import Any

import anyio
import anyio.lowlevel
import httpx
import pytest
import respx

from spectrocoin_async import ServerError, SpectroCoinClient, Transaction
from tests.conftest import json_response


def page(number: int, items: list[str], *, total_pages: int, last: bool | None = None) -> Any:
    body: dict[str, Any] = {
        "content": [{"id": i, "amount": "1.5", "currencyCode": "BTC"} for i in items],
        "number": number,
        "size": 2,
        "totalElements": 5,
        "totalPages": total_pages,
    }
    if last is not None:
        body["last"] = last
    return json_response(body)


def pages_requested(route: respx.Route) -> list[str]:
    return [call.request.url.params["page"] for call in route.calls]


@pytest.mark.anyio
async def test_many_pages_stop_on_last(api: respx.MockRouter, sc: SpectroCoinClient) -> None:
    route = api.get("/transactions").mock(
        side_effect=[
            page(0, ["a", "b"], total_pages=3, last=False),
            page(1, ["c", "d"], total_pages=3, last=False),
            page(2, ["e"], total_pages=3, last=True),
        ]
    )
    seen = [tx.id async for tx in sc.transactions.iterate_list_transactions(size=2)]
    assert seen == ["a", "b", "c", "d", "e"]
    assert pages_requested(route) == ["0", "1", "2"]
    assert all(call.request.url.params["size"] == "2" for call in route.calls)


@pytest.mark.anyio
async def test_total_pages_ends_iteration_without_last(
    api: respx.MockRouter, sc: SpectroCoinClient
) -> None:
    route = api.get("/transactions").mock(
        side_effect=[page(0, ["a", "b"], total_pages=2), page(1, ["c"], total_pages=2)]
    )
    assert [tx.id async for tx in sc.transactions.iterate_list_transactions()] == ["a", "b", "c"]
    assert route.call_count == 2


@pytest.mark.anyio
async def test_one_page(api: respx.MockRouter, sc: SpectroCoinClient) -> None:
    route = api.get("/transactions").mock(return_value=page(0, ["a"], total_pages=1, last=True))
    items = [tx async for tx in sc.transactions.iterate_list_transactions()]
    assert [type(tx) for tx in items] == [Transaction]
    assert route.call_count == 1


@pytest.mark.anyio
async def test_empty_result_and_empty_page(api: respx.MockRouter, sc: SpectroCoinClient) -> None:
    route = api.get("/transactions").mock(return_value=page(0, [], total_pages=0))
    assert [tx async for tx in sc.transactions.iterate_list_transactions()] == []
    assert route.call_count == 1
    # A server that never says "last" still ends at the first empty page.
    route.side_effect = [page(0, ["a"], total_pages=99), page(1, [], total_pages=99)]
    assert [tx.id async for tx in sc.transactions.iterate_list_transactions()] == ["a"]


@pytest.mark.anyio
async def test_error_in_the_middle_is_raised(api: respx.MockRouter, sc: SpectroCoinClient) -> None:
    api.get("/transactions").mock(
        side_effect=[
            page(0, ["a", "b"], total_pages=3),
            httpx.Response(500, json={"errorCode": "GEN_1 - Internal server error occurred"}),
        ]
    )
    seen: list[str] = []
    with pytest.raises(ServerError) as info:
        async for tx in sc.transactions.iterate_list_transactions():
            seen.append(tx.id)
    assert seen == ["a", "b"]
    assert info.value.error_code == "GEN_1"


@pytest.mark.anyio
async def test_pages_are_fetched_lazily(api: respx.MockRouter, sc: SpectroCoinClient) -> None:
    route = api.get("/transactions").mock(
        side_effect=[page(0, ["a", "b"], total_pages=3), page(1, ["c", "d"], total_pages=3)]
    )
    iterator = sc.transactions.iterate_list_transactions()
    assert route.call_count == 0
    assert (await anext(iterator)).id == "a"
    assert (await anext(iterator)).id == "b"
    assert route.call_count == 1
    assert (await anext(iterator)).id == "c"
    assert route.call_count == 2


@pytest.mark.anyio
async def test_pages_go_through_the_rate_limiter(
    api: respx.MockRouter, sc: SpectroCoinClient
) -> None:
    api.get("/transactions").mock(
        side_effect=[page(0, ["a"], total_pages=2), page(1, ["b"], total_pages=2)]
    )
    groups: list[str] = []
    slot = sc.limiter.slot

    def spy(group: str) -> contextlib.AbstractAsyncContextManager[float]:
        groups.append(group)
        return slot(group)

    sc.limiter.slot = spy  # type: ignore[method-assign]
    assert len([tx async for tx in sc.transactions.iterate_list_transactions()]) == 2
    assert groups == ["auth", "transactions", "transactions"]


@pytest.mark.anyio
async def test_prefetch_fetches_ahead_but_stays_bounded(
    api: respx.MockRouter, sc: SpectroCoinClient
) -> None:
    route = api.get("/transactions").mock(
        side_effect=[page(n, [f"t{n}"], total_pages=6) for n in range(6)]
    )
    async with sc.transactions.iterate_list_transactions(prefetch=2) as txs:
        first = await anext(txs)
        for _ in range(20):  # let the background task run as far as it is allowed to
            await anyio.lowlevel.checkpoint()
        # One page handed over, two buffered, one more fetched and waiting for room: 4.
        assert route.call_count == 4
        rest = [tx.id async for tx in txs]
    assert [first.id, *rest] == ["t0", "t1", "t2", "t3", "t4", "t5"]
    assert pages_requested(route) == ["0", "1", "2", "3", "4", "5"]


@pytest.mark.anyio
async def test_prefetch_stops_fetching_when_the_block_ends_early(
    api: respx.MockRouter, sc: SpectroCoinClient
) -> None:
    route = api.get("/transactions").mock(
        side_effect=[page(n, [f"t{n}"], total_pages=50) for n in range(50)]
    )
    async with sc.transactions.iterate_list_transactions(prefetch=1) as txs:
        async for tx in txs:
            assert tx.id == "t0"
            for _ in range(20):
                await anyio.lowlevel.checkpoint()
            assert route.call_count == 3  # handed over, buffered, waiting for room
            break
    await anyio.sleep(0.01)
    assert route.call_count == 3  # nothing fetched after the block


@pytest.mark.anyio
async def test_prefetch_raises_a_page_error(api: respx.MockRouter, sc: SpectroCoinClient) -> None:
    api.get("/transactions").mock(
        side_effect=[
            page(0, ["a"], total_pages=3),
            httpx.Response(404, json={"errorCode": "GEN_8"}),
        ]
    )
    from spectrocoin_async import NotFoundError

    seen: list[str] = []
    with pytest.raises(NotFoundError):
        async with sc.transactions.iterate_list_transactions() as txs:
            async for tx in txs:
                seen.append(tx.id)
    assert seen == ["a"]


def test_prefetch_must_be_positive() -> None:
    from spectrocoin_async._pagination import Pages

    async def fetch(n: int) -> None:
        return None

    with pytest.raises(ValueError, match="prefetch: must be a whole number of at least 1, got 0"):
        Pages(fetch, prefetch=0)


@pytest.mark.anyio
async def test_iteration_goes_on_after_the_prefetch_block_ends(
    api: respx.MockRouter, sc: SpectroCoinClient
) -> None:
    # Leaving the block early and iterating on: the rest comes lazily, from the page after the
    # last one handed over (pages fetched ahead and never read are fetched again), nothing twice.
    def by_number(request: httpx.Request) -> httpx.Response:
        n = int(request.url.params["page"])
        response: httpx.Response = page(n, [f"t{n}a", f"t{n}b"], total_pages=4)
        return response

    route = api.get("/transactions").mock(side_effect=by_number)
    txs = sc.transactions.iterate_list_transactions(prefetch=1)
    seen: list[str] = []
    async with txs:
        async for tx in txs:
            seen.append(tx.id)
            if tx.id == "t1a":
                break
    seen.extend([tx.id async for tx in txs])
    assert seen == ["t0a", "t0b", "t1a", "t1b", "t2a", "t2b", "t3a", "t3b"]
    assert pages_requested(route)[-2:] == ["2", "3"]


@pytest.mark.anyio
async def test_a_prefetch_block_after_lazy_iteration_goes_on_from_there(
    api: respx.MockRouter, sc: SpectroCoinClient
) -> None:
    # Lazy first, then a prefetch block: fetching ahead starts at the next page, never at page
    # 0 again; a block entered once the last page was read fetches nothing at all.
    def by_number(request: httpx.Request) -> httpx.Response:
        n = int(request.url.params["page"])
        response: httpx.Response = page(n, [f"t{n}a", f"t{n}b"], total_pages=4)
        return response

    route = api.get("/transactions").mock(side_effect=by_number)
    txs = sc.transactions.iterate_list_transactions(prefetch=1)
    seen = [(await anext(txs)).id]
    async with txs:
        seen.extend([tx.id async for tx in txs])
    assert seen == ["t0a", "t0b", "t1a", "t1b", "t2a", "t2b", "t3a", "t3b"]
    assert pages_requested(route) == ["0", "1", "2", "3"]
    async with txs:
        assert [tx async for tx in txs] == []
    assert pages_requested(route) == ["0", "1", "2", "3"]


def test_prefetch_must_be_a_positive_whole_number() -> None:
    from spectrocoin_async import ValidationError
    from spectrocoin_async._pagination import Pages

    async def fetch(n: int) -> None:
        return None

    for bad in (0, -1, True, 1.5, "2"):
        with pytest.raises(ValidationError, match="prefetch: must be a whole number"):
            Pages(fetch, prefetch=bad)  # type: ignore[arg-type]
