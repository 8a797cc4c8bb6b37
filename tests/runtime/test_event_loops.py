"""Issue 19 item 8: one client used under two event loops (two ``anyio.run`` calls, as with
pytest's loop per test) is a typed error saying what happened and what to do; nothing is sent
from the second loop."""

from __future__ import annotations

import anyio
import pytest
import respx

from spectrocoin_async import EventLoopMismatchError, SpectroCoinClient, SpectroCoinError
from tests.conftest import BASE

BACKENDS = ["asyncio", "trio"]


@pytest.mark.parametrize("first", BACKENDS)
@pytest.mark.parametrize("second", BACKENDS)
def test_a_second_event_loop_is_refused_with_a_typed_error(first: str, second: str) -> None:
    sc = SpectroCoinClient()  # module level, as in a script or a test module
    with respx.mock(base_url=BASE) as api:
        route = api.get("/currencies").respond(json=[])

        async def use() -> object:
            return await sc.currencies.list_currencies()

        assert anyio.run(use, backend=first) == []
        with pytest.raises(EventLoopMismatchError) as caught:
            anyio.run(use, backend=second)
    assert route.call_count == 1
    assert isinstance(caught.value, SpectroCoinError)
    assert isinstance(caught.value, RuntimeError)
    assert str(caught.value) == (
        f"this SpectroCoinClient was first used on another event loop ({first}), and this call "
        f"runs on a new one ({second}): its connections and locks belong to the first loop, "
        "which may be closed. Create one client per event loop: `async with "
        "SpectroCoinClient() as sc:` inside the function given to anyio.run / asyncio.run, or a "
        "per-test fixture"
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_one_loop_keeps_working(backend: str) -> None:
    with respx.mock(base_url=BASE) as api:
        route = api.get("/currencies").respond(json=[])

        async def use() -> None:
            async with SpectroCoinClient() as sc:
                for _ in range(3):
                    assert await sc.currencies.list_currencies() == []

        anyio.run(use, backend=backend)
        anyio.run(use, backend=backend)  # a new client per loop: fine
    assert route.call_count == 6
