"""UnconfirmedOperationWarning: once per unconfirmed operation per process, never for a sandbox."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest
import respx

import spectrocoin_async
from spectrocoin_async import SpectroCoinClient, UnconfirmedOperationWarning
from spectrocoin_async._evidence import forget_warnings, is_loopback
from spectrocoin_async._generated._operations import OPERATIONS
from tests.conftest import BASE, json_response


@pytest.fixture(autouse=True)
def _new_process() -> Iterator[None]:
    forget_warnings()
    yield
    forget_warnings()


def test_it_is_a_public_warnings_category() -> None:
    assert issubclass(UnconfirmedOperationWarning, UserWarning)
    assert "UnconfirmedOperationWarning" in spectrocoin_async.__all__


def test_34_operations_are_unconfirmed() -> None:
    """20 scope and 14 overview (acceptOrder joined them in issue 25)."""
    unconfirmed = {
        o.operation_id for o in OPERATIONS.values() if o.evidence in {"scope", "overview"}
    }
    assert len(unconfirmed) == 34
    assert {"listTransactions", "getRates", "acceptOrder"} <= unconfirmed
    assert not {"getAccessToken", "createOrder", "getOrder", "listAccounts"} & unconfirmed


@pytest.mark.anyio
async def test_first_call_of_each_unconfirmed_operation_warns_once() -> None:
    with respx.mock(base_url=BASE) as router:
        router.get("/currencies").mock(return_value=json_response([]))
        router.get("/rates").mock(return_value=json_response([]))
        async with SpectroCoinClient() as sc, SpectroCoinClient() as other:
            with pytest.warns(UnconfirmedOperationWarning) as caught:
                await sc.currencies.list_currencies()
                await sc.currencies.list_currencies()
                await other.currencies.list_currencies()  # same process: no second warning
                await sc.rates.get_rates()
    messages = [str(w.message) for w in caught]
    assert len(messages) == 2
    assert messages[0].startswith(
        "listCurrencies (GET /currencies) is unconfirmed: evidence 'overview', the capability is "
        "named in SpectroCoin's API overview, but its path and fields are this project's proposal"
    )
    assert messages[0].endswith("Source: https://docs.spectrocoin.com/reference/api-reference")
    assert messages[1].startswith("getRates (GET /rates) is unconfirmed: evidence 'scope', ")
    assert "API-key scope table" in messages[1]
    # Reported at the caller's line, not inside the SDK.
    assert {w.filename for w in caught} == {__file__}


@pytest.mark.anyio
async def test_documented_operations_do_not_warn() -> None:
    with respx.mock(base_url=BASE) as router:
        router.post("/oauth/token").respond(json={"access_token": "t", "expires_in": 3600})
        router.get("/accounts").mock(return_value=json_response([]))
        async with SpectroCoinClient("id", "secret") as sc:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                await sc.accounts.list_accounts()


@pytest.mark.anyio
@pytest.mark.parametrize(
    "base",
    ["http://127.0.0.1:8080/api/public", "http://localhost:9/api/public", "http://[::1]:9/api"],
)
async def test_a_loopback_sandbox_never_warns(base: str) -> None:
    with respx.mock(base_url=base) as router:
        router.get("/currencies").mock(return_value=json_response([]))
        async with SpectroCoinClient(base_url=base) as sc:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                await sc.currencies.list_currencies()


def test_loopback_detection() -> None:
    assert is_loopback("http://127.0.0.2:1/x") and is_loopback("http://sandbox.localhost/")
    assert not is_loopback("https://spectrocoin.com/api/public")
    assert not is_loopback("http://10.0.0.1/api") and not is_loopback("http://localhost.evil.com")


@pytest.mark.anyio
async def test_as_an_error_it_stops_the_call_before_anything_is_sent() -> None:
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        route = router.get("/currencies").mock(return_value=json_response([]))
        async with SpectroCoinClient() as sc:
            with warnings.catch_warnings():
                warnings.simplefilter("error", UnconfirmedOperationWarning)
                with pytest.raises(UnconfirmedOperationWarning, match="listCurrencies"):
                    await sc.currencies.list_currencies()
    assert route.call_count == 0


@pytest.mark.anyio
async def test_filtered_out_it_stays_quiet() -> None:
    with respx.mock(base_url=BASE) as router:
        router.get("/currencies").mock(return_value=json_response([]))
        async with SpectroCoinClient() as sc:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                warnings.filterwarnings("ignore", category=UnconfirmedOperationWarning)
                await sc.currencies.list_currencies()
    assert caught == []
