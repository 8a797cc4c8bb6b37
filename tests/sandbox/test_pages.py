"""The sandbox's pages over ASGI: what they show, and what keeps them safe (own address only,
CSP, escaping, POST with a session token). tests/sandbox/test_browser.py clicks through them."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from decimal import Decimal
from uuid import UUID

import httpx
import pytest
import respx

from spectrocoin_async import CreateOrderRequest, SpectroCoinClient
from spectrocoin_async.sandbox import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    SANDBOX_PROJECT_ID,
    SandboxConfig,
)
from spectrocoin_async.sandbox.app import Sandbox, create_app
from spectrocoin_async.sandbox.callbacks import Delivery

pytestmark = pytest.mark.anyio

ORIGIN = "http://127.0.0.1:8000"
SHOP = "https://shop.example"
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'{}; frame-ancestors 'none'; base-uri 'none'"
)


@pytest.fixture
async def web() -> AsyncIterator[tuple[httpx.AsyncClient, Sandbox]]:
    app = create_app(SandboxConfig(seed=7))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=ORIGIN) as client:
        yield client, app.state.sandbox


async def create_order(web: httpx.AsyncClient, order_id: str = "web-1") -> str:
    async with SpectroCoinClient(
        DEFAULT_CLIENT_ID,
        DEFAULT_CLIENT_SECRET,
        base_url=ORIGIN + "/api/public",
        http_client=web,
        project_id=SANDBOX_PROJECT_ID,
    ) as sc:
        created = await sc.merchant.create_order(
            body=CreateOrderRequest(
                project_id=UUID(SANDBOX_PROJECT_ID),
                order_id=order_id,
                receive_amount=Decimal("12.34"),
                receive_currency_code="EUR",
                callback_url=SHOP + "/callback",
                success_url=SHOP + "/success",
                failure_url=SHOP + "/failure",
            )
        )
    return str(created.redirect_url)


def token_of(page: httpx.Response) -> str:
    match = re.search(r'name="token" value="([0-9a-f]{64})"', page.text)
    assert match is not None
    return match.group(1)


async def test_every_page_sends_its_security_headers_and_has_no_inline_script(
    web: tuple[httpx.AsyncClient, Sandbox],
) -> None:
    client, _ = web
    checkout = await create_order(client)
    for url, form_targets in ((f"{ORIGIN}/sandbox/", ""), (checkout, " " + SHOP)):
        page = await client.get(url)
        assert page.status_code == 200
        assert page.headers["content-security-policy"] == CSP.format(form_targets)
        assert page.headers["x-content-type-options"] == "nosniff"
        assert page.headers["cache-control"] == "no-store"
        # Every script has a src; no element carries an event handler.
        assert re.findall(r"<script(?![^>]*\bsrc=)", page.text) == []
        assert re.findall(r"\son[a-z]+=", page.text) == []


async def test_the_checkout_page_shows_what_the_payment_window_shows(
    web: tuple[httpx.AsyncClient, Sandbox],
) -> None:
    client, sandbox = web
    page = await client.get(await create_order(client))
    order = next(iter(sandbox.ledger.orders.values()))
    assert '<span class="amount">12.34</span> EUR' in page.text
    assert f'data-valid-until="{order.valid_until}"' in page.text
    for outcome in ("paid", "underpaid", "overpaid", "expired", "failed"):
        assert f'id="outcome-{outcome}"' in page.text


@pytest.mark.parametrize(
    ("host", "status"),
    [("127.0.0.1:8000", 200), ("localhost:8000", 200), ("evil.example:8000", 421)],
)
async def test_pages_answer_on_the_sandboxs_own_address_only(
    web: tuple[httpx.AsyncClient, Sandbox], host: str, status: int
) -> None:
    client, _ = web
    page = await client.get("/sandbox/", headers={"host": host})
    assert page.status_code == status
    if status == 421:
        assert page.text == (
            "421: The sandbox's pages are served on its own address only, "
            "not to Host 'evil.example:8000'."
        )
        reset = await client.post("/sandbox/reset", headers={"host": host})
        assert reset.status_code == 421


async def test_a_state_change_needs_the_sessions_token_from_our_own_origin(
    web: tuple[httpx.AsyncClient, Sandbox],
) -> None:
    client, sandbox = web
    await create_order(client)
    refused = "403: This form has no valid session token: reload the page and try again."
    # No session at all, as a cross-site form would arrive (SameSite=Strict keeps the cookie).
    bare = httpx.AsyncClient(transport=client._transport, base_url=ORIGIN)
    assert (await bare.post("/sandbox/reset", data={"token": "0" * 64})).text == refused

    token = token_of(await client.get("/sandbox/"))  # sets the session cookie
    wrong = await client.post("/sandbox/reset", data={"token": "0" * 64})
    assert (wrong.status_code, wrong.text) == (403, refused)
    foreign = await client.post(
        "/sandbox/reset", data={"token": token}, headers={"origin": "https://evil.example"}
    )
    assert foreign.status_code == 403
    assert len(sandbox.ledger.orders) == 1  # nothing was reset yet

    done = await client.post("/sandbox/reset", data={"token": token})
    assert (done.status_code, done.headers["location"]) == (303, "/sandbox/")
    assert sandbox.ledger.orders == {}


async def test_a_hostile_shop_answer_is_shown_as_text(
    web: tuple[httpx.AsyncClient, Sandbox],
) -> None:
    client, sandbox = web
    hostile = b'</pre><script>alert("owned")</script><img src=x onerror=alert(1)>'
    sandbox.deliveries.append(
        Delivery(
            "order-<b>1</b>",
            "PAID",
            "https://shop.example/cb?<x>",
            "json",
            200,
            request_body=b'{"id":"</pre><script>x()</script>"}',
            response_body=hostile,
        )
    )
    page = await client.get("/sandbox/")
    assert "&lt;/pre&gt;&lt;script&gt;alert(&#34;owned&#34;)&lt;/script&gt;" in page.text
    assert "&lt;img src=x onerror=alert(1)&gt;" in page.text
    assert "order-&lt;b&gt;1&lt;/b&gt;" in page.text
    assert "<script>alert" not in page.text and "<img src=x" not in page.text


async def test_an_outcome_walks_the_order_sends_callbacks_and_returns_to_the_shop(
    web: tuple[httpx.AsyncClient, Sandbox],
) -> None:
    client, sandbox = web
    checkout = await create_order(client)
    token = token_of(await client.get(checkout))
    with respx.mock(assert_all_called=False) as shop:
        callback = shop.post(SHOP + "/callback").respond(200, text="*ok*")
        paid = await client.post(checkout, data={"token": token, "outcome": "overpaid"})
    assert (paid.status_code, paid.headers["location"]) == (303, SHOP + "/success")
    order = next(iter(sandbox.ledger.orders.values()))
    assert order.status == "PAID"
    assert order.pay_amount is not None
    assert order.received_amount == (order.pay_amount * Decimal("1.1")).quantize(Decimal("1e-8"))
    assert [status for status, _ in order.history] == ["NEW", "PENDING", "PAID"]
    assert [d.status for d in sandbox.deliveries] == ["PAID"]  # PENDING sends no callback
    assert callback.call_count == 1
    assert all(d.response_body == b"*ok*" and d.delivered for d in sandbox.deliveries)

    # The order is final now: the page shows the way back instead of the buttons.
    again = await client.get(checkout)
    assert 'id="outcome-paid"' not in again.text
    assert f'href="{SHOP}/success"' in again.text
    late = await client.post(checkout, data={"token": token, "outcome": "failed"})
    assert late.status_code == 409
    assert "An order in status PAID cannot become FAILED." in late.text


async def test_resend_posts_the_same_bytes_again_and_records_the_answer(
    web: tuple[httpx.AsyncClient, Sandbox],
) -> None:
    client, sandbox = web
    checkout = await create_order(client)
    token = token_of(await client.get(checkout))
    with respx.mock(assert_all_called=False) as shop:
        callback = shop.post(SHOP + "/callback").respond(500, text="db down")
        await client.post(checkout, data={"token": token, "outcome": "expired"})
        sent = len(sandbox.deliveries)
        assert sent >= 1 and not sandbox.deliveries[-1].delivered
        callback.respond(200, text="*ok*")
        resent = await client.post(f"/sandbox/deliveries/{sent - 1}/resend", data={"token": token})
        api = await client.post(f"/api/public/sandbox/deliveries/{sent - 1}/resend")
    assert resent.status_code == 303
    assert api.json()["delivered"] is True
    first, again, third = sandbox.deliveries[sent - 1], *sandbox.deliveries[sent:]
    assert again.resend_of == third.resend_of == sent - 1
    assert again.request_body == first.request_body == callback.calls[-1].request.content
    assert (again.http_status, again.response_body) == (200, b"*ok*")
    assert callback.call_count == sent + 2

    missing = await client.post("/sandbox/deliveries/99/resend", data={"token": token})
    assert missing.status_code == 404


async def test_the_settings_form_changes_faults_and_limits_or_says_why_not(
    web: tuple[httpx.AsyncClient, Sandbox],
) -> None:
    client, sandbox = web
    token = token_of(await client.get("/sandbox/"))
    fields = {
        "token": token,
        "errorRate": "0.25",
        "rateLimit": "5",
        "faultOperations": "listAccounts",
    }
    saved = await client.post("/sandbox/settings", data=fields)
    assert saved.status_code == 303
    assert sandbox.config.error_rate == 0.25
    assert sandbox.config.rate_limit == 5.0
    assert sandbox.config.fault_operations == ("listAccounts",)

    bad = await client.post("/sandbox/settings", data={"token": token, "errorRate": "2"})
    assert bad.status_code == 422
    assert "Settings not changed:" in bad.text
    assert sandbox.config.error_rate == 0.25


async def test_a_pre_order_page_starts_an_order_and_opens_its_checkout(
    web: tuple[httpx.AsyncClient, Sandbox],
) -> None:
    client, sandbox = web
    created = await client.post(
        "/api/public/merchants/preorders",
        json={
            "projectId": SANDBOX_PROJECT_ID,
            "receiveAmount": "5.00",
            "receiveCurrencyCode": "EUR",
        },
        headers={"authorization": "Bearer " + sandbox.tokens.issue(3600)},
    )
    assert created.status_code == 200, created.text
    page = await client.get(created.json()["redirectUrl"])
    assert page.status_code == 200
    assert '<span class="amount">5.00</span> EUR' in page.text
    started = await client.post(created.json()["redirectUrl"], data={"token": token_of(page)})
    assert started.status_code == 303
    order = next(iter(sandbox.ledger.orders.values()))
    assert started.headers["location"] == order.redirect_url
