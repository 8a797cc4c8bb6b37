"""OAuth2 client credentials: lazy, cached, single flight, proactive refresh, 401 replay."""

from __future__ import annotations

import time
from datetime import date

import anyio
import anyio.lowlevel
import httpx
import pytest
import respx

from spectrocoin_async import AuthenticationError, RetryPolicy, SpectroCoinClient
from spectrocoin_async._auth import InMemoryTokenStore, Token, TokenManager
from tests.conftest import BASE, json_response

ACCOUNTS = [{"id": "1", "currencyCode": "EUR", "balance": "1.00"}]


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _unlimited() -> dict[str, object]:
    from spectrocoin_async import GroupLimits, RateLimits

    return {"rate_limits": RateLimits(GroupLimits(2000, None, 1), groups={}, max_in_flight=2000)}


@pytest.mark.anyio
async def test_token_is_fetched_lazily_and_sent_as_bearer() -> None:
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        token = router.post("/oauth/token").respond(
            json={"access_token": "abc", "expires_in": 3600, "token_type": "Bearer"}
        )
        accounts = router.get("/accounts").mock(return_value=json_response(ACCOUNTS))
        async with SpectroCoinClient("id-1", "secret-1") as sc:
            assert token.call_count == 0
            await sc.accounts.list_accounts()
            await sc.accounts.list_accounts()
    assert token.call_count == 1
    assert token.calls.last.request.headers["content-type"] == "application/x-www-form-urlencoded"
    assert token.calls.last.request.content == (
        b"grant_type=client_credentials&client_id=id-1&client_secret=secret-1"
    )
    assert [c.request.headers["authorization"] for c in accounts.calls] == ["Bearer abc"] * 2


@pytest.mark.anyio
async def test_1000_concurrent_cold_calls_fetch_exactly_one_token() -> None:
    async def slow_token(request: httpx.Request) -> httpx.Response:
        await anyio.sleep(0.01)  # the fetch is in flight while the other 999 calls arrive
        return httpx.Response(
            200, json={"access_token": "t", "expires_in": 600, "token_type": "bearer"}
        )

    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        token = router.post("/oauth/token").mock(side_effect=slow_token)
        accounts = router.get("/accounts").mock(return_value=json_response(ACCOUNTS))
        async with SpectroCoinClient("id", "secret", **_unlimited()) as sc:  # type: ignore[arg-type]
            async with anyio.create_task_group() as tg:
                for _ in range(1000):
                    tg.start_soon(sc.accounts.list_accounts)
    assert token.call_count == 1
    assert accounts.call_count == 1000


@pytest.mark.anyio
async def test_refresh_ahead_of_expiry_under_load_is_exactly_one_request() -> None:
    clock = Clock()
    issued = iter(["t1", "t2", "t3"])

    async def token_endpoint(request: httpx.Request) -> httpx.Response:
        await anyio.sleep(0.01)
        return httpx.Response(
            200, json={"access_token": next(issued), "expires_in": 600, "token_type": "bearer"}
        )

    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        token = router.post("/oauth/token").mock(side_effect=token_endpoint)
        accounts = router.get("/accounts").mock(return_value=json_response(ACCOUNTS))
        async with SpectroCoinClient._testing(
            "id",
            "secret",
            wall_clock=clock,
            **_unlimited(),  # type: ignore[arg-type]
        ) as sc:
            await sc.accounts.list_accounts()
            # Default margin: min(60, 600 / 10) = 60 s. At 545 s the token is due, still valid.
            clock.now += 545
            async with anyio.create_task_group() as tg:
                for _ in range(500):
                    tg.start_soon(sc.accounts.list_accounts)
            assert sc.tokens is not None
            await sc.tokens.wait_for_fetch()  # the refresh runs in the background; let it land
            await sc.accounts.list_accounts()
    assert token.call_count == 2
    used = [c.request.headers["authorization"] for c in accounts.calls]
    assert set(used) == {"Bearer t1", "Bearer t2"}  # t1 kept serving while t2 was fetched
    assert used[-1] == "Bearer t2"


@pytest.mark.anyio
async def test_expired_token_is_replaced_before_use() -> None:
    clock = Clock()
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        token = router.post("/oauth/token").mock(
            side_effect=[
                httpx.Response(
                    200, json={"access_token": "t1", "expires_in": 30, "token_type": "bearer"}
                ),
                httpx.Response(
                    200, json={"access_token": "t2", "expires_in": 30, "token_type": "bearer"}
                ),
            ]
        )
        accounts = router.get("/accounts").mock(return_value=json_response(ACCOUNTS))
        async with SpectroCoinClient._testing("id", "secret", wall_clock=clock) as sc:
            await sc.accounts.list_accounts()
            clock.now += 31
            await sc.accounts.list_accounts()
    assert token.call_count == 2
    assert accounts.calls.last.request.headers["authorization"] == "Bearer t2"


@pytest.mark.anyio
async def test_401_refreshes_once_and_replays() -> None:
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        token = router.post("/oauth/token").mock(
            side_effect=[
                httpx.Response(
                    200, json={"access_token": "old", "expires_in": 3600, "token_type": "bearer"}
                ),
                httpx.Response(
                    200, json={"access_token": "new", "expires_in": 3600, "token_type": "bearer"}
                ),
            ]
        )
        accounts = router.get("/accounts").mock(
            side_effect=[
                httpx.Response(401, json={"errorCode": "AUTH_1", "defaultMessage": "expired"}),
                json_response(ACCOUNTS),
            ]
        )
        async with SpectroCoinClient("id", "secret") as sc:
            result = await sc.accounts.list_accounts()
    assert len(result) == 1
    assert token.call_count == 2
    assert [c.request.headers["authorization"] for c in accounts.calls] == [
        "Bearer old",
        "Bearer new",
    ]


@pytest.mark.anyio
async def test_second_401_raises_authentication_error() -> None:
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        token = router.post("/oauth/token").respond(
            json={"access_token": "t", "expires_in": 3600, "token_type": "bearer"}
        )
        accounts = router.get("/accounts").respond(
            401, json={"errorCode": "AUTH_1 - Invalid token", "traceId": "tr-9"}
        )
        async with SpectroCoinClient("id", "secret") as sc:
            with pytest.raises(AuthenticationError) as info:
                await sc.accounts.list_accounts()
    assert accounts.call_count == 2
    assert token.call_count == 2
    assert info.value.status_code == 401
    assert info.value.error_code == "AUTH_1"
    assert info.value.message == "Invalid token"
    assert info.value.trace_id == "tr-9"


@pytest.mark.anyio
async def test_burst_of_401s_for_the_same_stale_token_refreshes_once() -> None:
    stale_seen = 0

    async def accounts_endpoint(request: httpx.Request) -> httpx.Response:
        nonlocal stale_seen
        await anyio.sleep(0.001)  # all 50 are on the wire with the stale token at once
        if request.headers["authorization"] == "Bearer stale":
            stale_seen += 1
            return httpx.Response(401, json={"errorCode": "AUTH_1"})
        return json_response(ACCOUNTS)

    async def token_endpoint(request: httpx.Request) -> httpx.Response:
        await anyio.sleep(0.01)
        return httpx.Response(
            200, json={"access_token": "fresh", "expires_in": 3600, "token_type": "bearer"}
        )

    store = InMemoryTokenStore()
    await store.save(Token("stale", expires_at=time.time() + 3600, lifetime=3600))
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        token = router.post("/oauth/token").mock(side_effect=token_endpoint)
        router.get("/accounts").mock(side_effect=accounts_endpoint)
        async with SpectroCoinClient(
            "id",
            "secret",
            token_store=store,
            **_unlimited(),  # type: ignore[arg-type]
        ) as sc:
            async with anyio.create_task_group() as tg:
                for _ in range(50):
                    tg.start_soon(sc.accounts.list_accounts)
    assert stale_seen == 50  # every call saw the stale token once...
    assert token.call_count == 1  # ...but only the first 401 dropped it


@pytest.mark.anyio
async def test_failed_token_request_raises_authentication_error_with_error_code() -> None:
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        router.post("/oauth/token").respond(
            401, json={"errorCode": "AUTH_3 - Bad client credentials", "traceId": "t-1"}
        )
        accounts = router.get("/accounts")
        async with SpectroCoinClient("id", "wrong") as sc:
            with pytest.raises(AuthenticationError) as info:
                await sc.accounts.list_accounts()
    assert accounts.call_count == 0
    assert info.value.error_code == "AUTH_3"
    assert info.value.status_code == 401
    assert info.value.trace_id == "t-1"
    assert "wrong" not in str(info.value)


@pytest.mark.anyio
async def test_token_endpoint_5xx_also_becomes_authentication_error() -> None:
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        router.post("/oauth/token").respond(400, json={"errorCode": "GEN_2"})
        async with SpectroCoinClient("id", "secret") as sc:
            with pytest.raises(AuthenticationError) as info:
                await sc.accounts.list_accounts()
    assert (info.value.status_code, info.value.error_code) == (400, "GEN_2")


@pytest.mark.anyio
async def test_public_operations_work_without_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SPECTROCOIN_CLIENT_ID", raising=False)
    monkeypatch.delenv("SPECTROCOIN_CLIENT_SECRET", raising=False)
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        rates = router.get("/rates").mock(return_value=json_response([]))
        async with SpectroCoinClient() as sc:
            assert await sc.rates.get_rates() == []
            with pytest.raises(AuthenticationError) as caught:
                await sc.accounts.list_accounts()
    # No status to show (nothing was sent): no "0:" before the message.
    assert str(caught.value) == (
        "listAccounts: no client credentials configured: pass SpectroCoinClient(client_id=..., "
        "client_secret=...) or set SPECTROCOIN_CLIENT_ID and SPECTROCOIN_CLIENT_SECRET"
    )
    assert caught.value.status_code == 0 and not caught.value.request_may_have_reached_server
    assert "authorization" not in rates.calls.last.request.headers


@pytest.mark.anyio
async def test_optional_auth_operations_send_the_token_when_credentials_are_configured() -> None:
    """Currencies and rates are not proven public (issue 25): with credentials, every call of
    them carries the bearer token; the token request itself never does."""
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        token = router.post("/oauth/token").respond(
            json={"access_token": "abc", "expires_in": 3600, "token_type": "Bearer"}
        )
        rates = router.get("/rates").mock(return_value=json_response([]))
        history = router.get("/rates/history").mock(return_value=json_response([]))
        currencies = router.get("/currencies").mock(return_value=json_response([]))
        async with SpectroCoinClient("id", "secret") as sc:
            await sc.rates.get_rates()
            await sc.rates.get_rate_history(
                from_="BTC", to="EUR", date_from=date(2026, 1, 1), date_to=date(2026, 1, 2)
            )
            await sc.currencies.list_currencies()
    assert token.call_count == 1
    assert "authorization" not in token.calls.last.request.headers
    for route in (rates, history, currencies):
        assert route.call_count == 1
        assert route.calls.last.request.headers["authorization"] == "Bearer abc"


@pytest.mark.anyio
async def test_optional_auth_replays_once_with_a_fresh_token_after_a_401() -> None:
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        issued = iter(["t1", "t2"])
        router.post("/oauth/token").mock(
            side_effect=lambda request: httpx.Response(
                200, json={"access_token": next(issued), "expires_in": 3600}
            )
        )
        rates = router.get("/rates").mock(
            side_effect=[httpx.Response(401, json={"errorCode": "GEN_3"}), json_response([])]
        )
        async with SpectroCoinClient("id", "secret") as sc:
            assert await sc.rates.get_rates() == []
    assert [c.request.headers["authorization"] for c in rates.calls] == ["Bearer t1", "Bearer t2"]


@pytest.mark.anyio
async def test_custom_refresh_margin() -> None:
    clock = Clock()
    fetched = 0

    async def fetch() -> tuple[str, float]:
        nonlocal fetched
        fetched += 1
        return f"t{fetched}", 100.0

    manager = TokenManager(fetch, refresh_margin=5, wall_clock=clock)
    assert await manager.get() == "t1"
    clock.now += 94
    assert await manager.get() == "t1"
    clock.now += 2
    # Due (4 s left < 5 s margin) but still valid: served while the refresh runs behind it.
    assert await manager.get() == "t1"
    await manager.wait_for_fetch()
    assert await manager.get() == "t2"
    assert fetched == 2
    assert "t2" not in repr(manager)


@pytest.mark.anyio
@pytest.mark.parametrize("status", [401, 503])
async def test_failed_background_refresh_is_not_retried_on_every_call(status: int) -> None:
    # The token is due but still valid and the endpoint now fails: every call keeps the valid
    # token, and the refresh is tried once per failure window, not once per call.
    wall = Clock()
    mono = Clock()
    fetched = 0

    async def fetch() -> tuple[str, float]:
        nonlocal fetched
        fetched += 1
        if fetched == 1:
            return "t1", 100.0
        raise AuthenticationError("refused", status_code=status)

    manager = TokenManager(fetch, refresh_margin=10, wall_clock=wall, clock=mono, failure_ttl=5.0)
    assert await manager.get() == "t1"
    wall.now += 95  # due (10 s margin), valid for 5 s more
    for _ in range(50):
        assert await manager.get() == "t1"
        await manager.wait_for_fetch()
    assert fetched == 2  # one background try, then quiet
    mono.now += 5.0  # the window is over: one more try
    for _ in range(50):
        assert await manager.get() == "t1"
        await manager.wait_for_fetch()
    assert fetched == 3


@pytest.mark.anyio
async def test_a_token_fetch_past_its_timeout_says_the_call_was_never_sent() -> None:
    from spectrocoin_async import APITimeoutError

    async def fetch() -> tuple[str, float]:
        await anyio.sleep(10)
        raise AssertionError("cut by fetch_timeout")

    manager = TokenManager(fetch, fetch_timeout=0.05)
    with anyio.fail_after(5), pytest.raises(APITimeoutError) as caught:
        await manager.get()
    assert str(caught.value) == "getAccessToken: the token request did not finish within 0.05s"
    assert caught.value.request_may_have_reached_server is False


# --------------------------------------------------------------------------------------------
# A 429 from the token endpoint: remembered for as long as its Retry-After says


def _rate_limited(retry_after: str | None) -> httpx.Response:
    headers = {} if retry_after is None else {"Retry-After": retry_after}
    return json_response({"errorCode": "GEN_429 - Too many requests"}, 429, headers)


async def _token_window(
    retry_after: str | None,
    window: float,
    said: float | None = None,
    retry: RetryPolicy | None = None,
) -> None:
    """Calls inside ``window`` seconds fail fast with the remembered 429; the first call after
    it sends one new token request."""
    from spectrocoin_async import RateLimitError
    from tests.support.fakes import FakeClock

    clock = FakeClock(start=1000.0)
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        token = router.post("/oauth/token").mock(
            side_effect=[
                _rate_limited(retry_after),
                httpx.Response(
                    200, json={"access_token": "t", "expires_in": 600, "token_type": "bearer"}
                ),
            ]
        )
        accounts = router.get("/accounts").mock(return_value=json_response(ACCOUNTS))
        async with SpectroCoinClient._testing(
            "id",
            "secret",
            retry=retry or RetryPolicy(max_attempts=1),
            clock=clock,
            sleep=clock.sleep,
            wall_clock=clock,
            **_unlimited(),  # type: ignore[arg-type]
        ) as sc:
            errors: list[BaseException] = []
            for step in (0.0, window / 2, window - 0.001):
                clock.now = 1000.0 + step
                with pytest.raises(RateLimitError) as info:
                    await sc.accounts.list_accounts()
                errors.append(info.value)
            assert token.call_count == 1
            assert accounts.call_count == 0
            clock.now = 1000.0 + window
            assert await sc.accounts.list_accounts() is not None
            assert token.call_count == 2
            assert accounts.call_count == 1
    assert clock.sleeps == []  # failing fast: no one waited out the window
    first = errors[0]
    assert isinstance(first, RateLimitError)
    assert type(first) is RateLimitError
    assert first.status_code == 429
    assert first.request_may_have_reached_server is False
    if first.retry_after is None:  # no usable Retry-After: the same error, raised again
        assert all(e is first for e in errors)
        assert [getattr(e, "retry_after", None) for e in errors] == [None] * 3
    else:  # what is left of the server's Retry-After, each time
        said = window if said is None else said
        assert [getattr(e, "retry_after", None) for e in errors] == pytest.approx(
            [max(said - step, 0.0) for step in (0.0, window / 2, window - 0.001)]
        )


@pytest.mark.anyio
async def test_token_429_with_retry_after_fails_fast_for_that_long() -> None:
    await _token_window("30", 30.0)


@pytest.mark.anyio
@pytest.mark.parametrize(("retry_after", "window"), [("5", 5.0), ("30", 30.0), ("120", 60.0)])
async def test_token_429_is_not_waited_out_by_the_token_request_itself(
    retry_after: str, window: float
) -> None:
    # The default policy retries a 429 (3 attempts). The token request does not: waiting out
    # Retry-After: 30 inside the shared fetch ran into its 60 s timeout (an APITimeoutError
    # without retry_after, nothing remembered). The first call gets the 429 itself, with the
    # server's Retry-After; the calls inside the window fail at once from memory.
    await _token_window(retry_after, window, said=float(retry_after), retry=RetryPolicy())


@pytest.mark.anyio
async def test_token_429_retry_after_is_capped_like_the_retry_policy() -> None:
    await _token_window("3600", 60.0, said=3600.0)  # RetryPolicy.retry_after_cap


@pytest.mark.anyio
async def test_token_429_retry_after_as_an_http_date() -> None:
    await _token_window("Thu, 01 Jan 1970 00:17:00 GMT", 20.0)  # 1020 s epoch, now 1000


@pytest.mark.anyio
@pytest.mark.parametrize("retry_after", [None, "soon", "1e400", "9" * 400, "-5", "nan"])
async def test_token_429_without_a_usable_retry_after_is_remembered_for_failure_ttl(
    retry_after: str | None,
) -> None:
    await _token_window(retry_after, 5.0)


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("retry_after", "said"),
    [("0", 0.0), ("0.001", 0.001), ("2", 2.0), ("Thu, 01 Jan 1970 00:00:01 GMT", 0.0)],
)
async def test_token_429_with_a_shorter_retry_after_is_still_remembered_for_failure_ttl(
    retry_after: str, said: float
) -> None:
    # "Retry-After: 0" (or a past date) must not turn every call into a token request.
    await _token_window(retry_after, 5.0, said=said)


@pytest.mark.anyio
async def test_token_429_holds_back_the_background_refresh_for_retry_after() -> None:
    from spectrocoin_async import RateLimitError

    wall = Clock()
    mono = Clock()
    fetched = 0

    async def fetch() -> tuple[str, float]:
        nonlocal fetched
        fetched += 1
        if fetched == 1:
            return "t1", 100.0
        raise RateLimitError("slow down", retry_after=20.0, status_code=429)

    manager = TokenManager(fetch, refresh_margin=50, wall_clock=wall, clock=mono, failure_ttl=5.0)
    assert await manager.get() == "t1"
    wall.now += 60  # due (50 s margin), valid for 40 s more
    assert await manager.get() == "t1"
    await manager.wait_for_fetch()
    assert fetched == 2
    mono.now += 19.999  # past failure_ttl, inside Retry-After: still quiet
    for _ in range(20):
        assert await manager.get() == "t1"
        await manager.wait_for_fetch()
    assert fetched == 2
    mono.now += 0.001
    assert await manager.get() == "t1"
    await manager.wait_for_fetch()
    assert fetched == 3


# -- a 403 gets one fresh token and one replay (issue 18, item 1) ----------------------------
# SpectroCoin's Drupal module (src/SCMerchantClient/SCMerchantClient.php) and its WooCommerce
# plugin since commit 7e96668 (SCMerchantClient/SCMerchantClient.php) answer a 403 on
# createOrder by fetching a new token and sending the same body once more, never twice.

CREATE_ORDER = {
    "projectId": "f58a9032-94c8-4b36-9a32-3d6c2ad81255",
    "orderId": "sc-0364",
    "receiveAmount": "10",
    "receiveCurrencyCode": "EUR",
}
CREATED = {"preOrderId": "p-1", "orderId": "o-1", "redirectUrl": "https://spectrocoin.com/pay/1"}


def _two_tokens() -> list[httpx.Response]:
    return [
        httpx.Response(200, json={"access_token": t, "expires_in": 3600, "token_type": "bearer"})
        for t in ("old", "new")
    ]


@pytest.mark.anyio
@pytest.mark.parametrize("path", ["/accounts", "/merchants/orders/create"])
async def test_403_refreshes_once_and_replays_with_the_fresh_token(path: str) -> None:
    from spectrocoin_async._generated.models import CreateOrderRequest

    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        token = router.post("/oauth/token").mock(side_effect=_two_tokens())
        route = router.route(path=path).mock(
            side_effect=[
                httpx.Response(403, json={"errorCode": "AUTH_3", "defaultMessage": "scope"}),
                json_response(ACCOUNTS if path == "/accounts" else CREATED),
            ]
        )
        async with SpectroCoinClient("id", "secret") as sc:
            if path == "/accounts":
                assert len(await sc.accounts.list_accounts()) == 1
            else:
                body = CreateOrderRequest.from_dict(CREATE_ORDER)
                assert (await sc.merchant.create_order(body=body)).order_id == "o-1"
    assert token.call_count == 2
    assert [c.request.headers["authorization"] for c in route.calls] == [
        "Bearer old",
        "Bearer new",
    ]
    # The replay is the same request: same body, byte for byte.
    assert route.calls[0].request.content == route.calls[1].request.content


@pytest.mark.anyio
@pytest.mark.parametrize("first", [401, 403])
async def test_a_403_after_the_replay_is_permission_denied_with_no_second_replay(
    first: int,
) -> None:
    from spectrocoin_async import PermissionDeniedError

    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        token = router.post("/oauth/token").mock(side_effect=_two_tokens())
        accounts = router.get("/accounts").mock(
            side_effect=[
                httpx.Response(first, json={"errorCode": "AUTH_1"}),
                httpx.Response(403, json={"errorCode": "AUTH_3", "defaultMessage": "IP"}),
            ]
        )
        async with SpectroCoinClient("id", "secret") as sc:
            with pytest.raises(PermissionDeniedError) as info:
                await sc.accounts.list_accounts()
    assert accounts.call_count == 2
    assert token.call_count == 2
    assert info.value.status_code == 403
    assert info.value.message == "IP"
    # Refused, like a 401: the server answered and did nothing.
    assert info.value.request_may_have_reached_server is False
