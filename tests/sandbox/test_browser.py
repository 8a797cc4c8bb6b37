"""A shop's end-to-end flow in headless Chromium: the SDK creates an order, the buyer clicks
through the sandbox's payment window, the shop's ``callback_app`` verifies the callbacks, and
the dashboard shows the deliveries and resends one.

The shop runs under uvicorn, which runs on asyncio only, so this module does too. Set
``SANDBOX_SCREENSHOTS=docs/images`` to refresh the screenshots the README shows.
"""

from __future__ import annotations

import os
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any
from uuid import UUID

import anyio
import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse
from starlette.routing import Route

from spectrocoin_async import (
    CreateOrderRequest,
    LegacyCallback,
    SpectroCoinClient,
    VerifiedCallback,
    callback_app,
)
from spectrocoin_async.sandbox import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    LEGACY_PROJECT_ID,
    SANDBOX_PROJECT_ID,
    SandboxConfig,
    SandboxServer,
)
from spectrocoin_async.sandbox.pages import OUTCOMES
from tests.support.browser import chromium

if TYPE_CHECKING:
    from playwright.async_api import Browser, Page

pytestmark = pytest.mark.anyio
SCREENSHOTS = os.environ.get("SANDBOX_SCREENSHOTS")
HOSTILE = '<script>document.title="owned"</script><img src=x onerror="document.title=1">'


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="module")
def sandbox() -> Any:
    with SandboxServer(SandboxConfig(seed=11)) as server:
        yield server


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    async with chromium() as found:
        yield found


class Shop:
    """A merchant's site: the SDK's callback_app, and the pages the buyer comes back to."""

    def __init__(self, sc: SpectroCoinClient) -> None:
        self.verified: list[VerifiedCallback] = []
        self.hostile_answers = 0
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        self.socket = sock
        self.url = f"http://127.0.0.1:{sock.getsockname()[1]}"

        async def on_order(verified: VerifiedCallback) -> None:
            self.verified.append(verified)

        async def back(request: Request) -> HTMLResponse:
            return HTMLResponse(f"<h1>Shop: {request.url.path.strip('/')}</h1>")

        async def hostile(request: Request) -> PlainTextResponse:
            self.hostile_answers += 1
            return PlainTextResponse(HOSTILE)

        self.app = Starlette(
            routes=[
                Route("/callback", callback_app(sc, on_order), methods=["POST"]),
                Route("/hostile", hostile, methods=["POST"]),
                Route("/success", back),
                Route("/failure", back),
            ]
        )


@asynccontextmanager
async def shop_for(sc: SpectroCoinClient) -> AsyncIterator[Shop]:
    shop = Shop(sc)
    server = uvicorn.Server(uvicorn.Config(shop.app, lifespan="off", log_level="warning"))
    async with anyio.create_task_group() as tg:
        tg.start_soon(server.serve, [shop.socket])
        with anyio.fail_after(30):
            while not server.started:  # noqa: ASYNC110 - uvicorn offers a flag, not an event
                await anyio.sleep(0.01)
        yield shop
        server.should_exit = True


@asynccontextmanager
async def client(sandbox: Any, project: str) -> AsyncIterator[SpectroCoinClient]:
    async with SpectroCoinClient(
        DEFAULT_CLIENT_ID,
        DEFAULT_CLIENT_SECRET,
        base_url=sandbox.url,
        project_id=project,
        public_key_url=f"{sandbox.url}/sandbox/merchant.public.pem",
    ) as sc:
        yield sc


async def shoot(page: Page, name: str, tmp_path: Path) -> None:
    await page.screenshot(path=str(tmp_path / f"{name}.png"), full_page=True)
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)  # noqa: ASYNC240 - a test helper
        await page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("project", [SANDBOX_PROJECT_ID, LEGACY_PROJECT_ID], ids=["json", "legacy"])
@pytest.mark.parametrize("outcome", list(OUTCOMES))
async def test_a_buyer_clicks_through_the_payment_window(
    sandbox: Any, browser: Browser, outcome: str, project: str, tmp_path: Path
) -> None:
    expected = OUTCOMES[outcome]
    async with client(sandbox, project) as sc, shop_for(sc) as shop:
        created = await sc.merchant.create_order(
            body=CreateOrderRequest(
                project_id=UUID(project),
                order_id=f"web-{outcome}-{project[:4]}",
                receive_amount=Decimal("12.34"),
                receive_currency_code="EUR",
                callback_url=f"{shop.url}/callback",
                success_url=f"{shop.url}/success",
                failure_url=f"{shop.url}/failure",
            )
        )
        page = await browser.new_page()
        await page.goto(str(created.redirect_url))
        assert await page.inner_text("#receive-amount") == "12.34 EUR"
        countdown = await page.inner_text("#countdown")
        assert countdown.endswith(" left"), countdown  # the script counts down
        if outcome == "paid" and project == SANDBOX_PROJECT_ID:
            await shoot(page, "sandbox-checkout", tmp_path)

        await page.click(f"#outcome-{outcome}")
        back = f"{shop.url}/{'success' if expected.success else 'failure'}"
        await page.wait_for_url(back)
        assert await page.inner_text("h1") == f"Shop: {back.rsplit('/', 1)[1]}"

        # The sandbox delivered every callback before it sent the buyer back.
        sent = [d for d in sandbox.sandbox.deliveries if d.order_id == str(created.order_id)]
        assert [d.status for d in shop.verified] == [d.status for d in sent]
        assert all(d.delivered and d.response_body == b"*ok*" for d in sent)
        if expected.status != "UNDERPAID":
            assert sent[-1].status == expected.status
        if project == SANDBOX_PROJECT_ID:
            assert all(v.id == str(created.order_id) for v in shop.verified)
        else:
            assert all(isinstance(v.callback, LegacyCallback) for v in shop.verified)
        if not sent:
            return

        # The dashboard lists the deliveries with the shop's answers, and resends one.
        await page.goto(sandbox.url.removesuffix("/api/public") + "/sandbox/")
        number = sandbox.sandbox.deliveries.index(sent[-1])
        article = page.locator(f"#delivery-{number}")
        assert await article.locator(".http-status").inner_text() == "200"
        assert await article.locator(".answer").inner_text() == "*ok*"
        before = len(shop.verified)
        await article.locator("button.resend").click()
        await page.wait_for_url("**/sandbox/#deliveries")
        latest = page.locator(f"#delivery-{len(sandbox.sandbox.deliveries) - 1}")
        assert f"resend of #{number}" in await latest.locator("h3").inner_text()
        assert len(shop.verified) == before + 1
        assert shop.verified[-1].status == sent[-1].status
        if outcome == "paid" and project == SANDBOX_PROJECT_ID:
            await shoot(page, "sandbox-dashboard", tmp_path)


async def test_a_hostile_shop_answer_cannot_run_script_in_the_dashboard(
    sandbox: Any, browser: Browser
) -> None:
    async with client(sandbox, SANDBOX_PROJECT_ID) as sc, shop_for(sc) as shop:
        created = await sc.merchant.create_order(
            body=CreateOrderRequest(
                project_id=UUID(SANDBOX_PROJECT_ID),
                order_id="web-hostile",
                receive_amount=Decimal("1.00"),
                receive_currency_code="EUR",
                callback_url=f"{shop.url}/hostile",
            )
        )
        await sc.request(
            "POST", f"/sandbox/orders/{created.order_id}/simulate", json={"status": "PAID"}
        )
        assert shop.hostile_answers >= 1
        page = await browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: dialogs.append(dialog.message))
        await page.goto(sandbox.url.removesuffix("/api/public") + "/sandbox/")
        number = max(
            i
            for i, d in enumerate(sandbox.sandbox.deliveries)
            if d.order_id == str(created.order_id)
        )
        shown = await page.locator(f"#delivery-{number} .answer").inner_text()
        assert shown == HOSTILE
        assert await page.title() == "Dashboard · SpectroCoin sandbox"
        assert dialogs == []
