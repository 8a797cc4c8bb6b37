"""A full order life cycle against the sandbox delivers its callbacks to ``callback_app``.

uvicorn serves the receiver, and uvicorn runs on asyncio only, so this module does too.
"""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from decimal import Decimal
from typing import Any
from uuid import UUID

import anyio
import pytest
import uvicorn

from spectrocoin_async import (
    CreateOrderRequest,
    LegacyCallback,
    SpectroCoinClient,
    VerifiedCallback,
    callback_app,
)
from spectrocoin_async.sandbox import LEGACY_PROJECT_ID, SANDBOX_PROJECT_ID

from .support import on, sdk_client

anyio_backend = on(["asyncio", "aiohttp"])


@asynccontextmanager
async def receiver(
    sc: SpectroCoinClient,
    received: list[VerifiedCallback],
    expected: int,
    done: anyio.Event,
    wrap: Callable[[Any], Any] | None = None,
) -> AsyncIterator[str]:
    async def on_order(verified: VerifiedCallback) -> None:
        received.append(verified)
        if len(received) == expected:
            done.set()

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    app = callback_app(sc, on_order)
    server = uvicorn.Server(
        uvicorn.Config(app if wrap is None else wrap(app), lifespan="off", log_level="warning")
    )
    async with anyio.create_task_group() as tg:
        tg.start_soon(server.serve, [sock])
        with anyio.fail_after(10):
            while not server.started:  # noqa: ASYNC110 - uvicorn offers a flag, not an event
                await anyio.sleep(0.01)
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/callback"
        server.should_exit = True


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("project", "statuses"),
    [(SANDBOX_PROJECT_ID, ["PAID"]), (LEGACY_PROJECT_ID, ["EXPIRED"])],
    ids=["json", "legacy-signed"],
)
async def test_order_life_cycle_reaches_callback_app(
    sandbox_url: str, project: str, statuses: list[str]
) -> None:
    received: list[VerifiedCallback] = []
    done = anyio.Event()
    async with (
        sdk_client(
            sandbox_url,
            project_id=project,
            public_key_url=f"{sandbox_url}/sandbox/merchant.public.pem",
        ) as sc,
        receiver(sc, received, len(statuses), done) as url,
    ):
        created = await sc.merchant.create_order(
            body=CreateOrderRequest(
                project_id=UUID(project),
                order_id=f"cb-{project[:8]}",
                receive_amount=Decimal("12.34"),
                receive_currency_code="EUR",
                callback_url=url,
            )
        )
        await sc.request(
            "POST", f"/sandbox/orders/{created.order_id}/simulate", json={"status": statuses[-1]}
        )
        with anyio.fail_after(10):
            await done.wait()
    assert [v.status for v in received] == statuses
    if project == SANDBOX_PROJECT_ID:
        # JSON callbacks: the order was re-fetched with our token; only that answer counts.
        assert all(v.id == str(created.order_id) for v in received)
        assert all(v.order_id == f"cb-{project[:8]}" for v in received)
        assert received[-1].receive_amount == Decimal("12.34")
    else:
        # Legacy callbacks: RSA-signed by the sandbox key, verified against its public key.
        assert all(v.order is None for v in received)
        last = received[-1].callback
        assert isinstance(last, LegacyCallback)
        assert last.receive_amount == Decimal("12.34")


def starlette_route(app: Any) -> Any:
    from starlette.applications import Starlette
    from starlette.routing import Route

    web = Starlette()
    web.routes.append(Route("/spectrocoin/callback", app, methods=["POST"]))
    return web


def fastapi_mount(app: Any) -> Any:
    from fastapi import FastAPI

    web = FastAPI()
    web.mount("/spectrocoin/callback", app)
    return web


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("wrap", "path", "delivered"),
    [
        (starlette_route, "/spectrocoin/callback", True),
        (fastapi_mount, "/spectrocoin/callback/", True),
        (fastapi_mount, "/spectrocoin/callback", False),  # the 307 that lost callbacks
    ],
    ids=["starlette-route", "fastapi-mount-slash", "fastapi-mount-no-slash"],
)
async def test_sandbox_callbacks_through_the_documented_framework_forms(
    sandbox_url: str, wrap: Callable[[Any], Any], path: str, delivered: bool
) -> None:
    """Issue 10 item 4 over real sockets: what the sender sees for each documented form."""
    received: list[VerifiedCallback] = []
    done = anyio.Event()
    async with (
        sdk_client(sandbox_url, project_id=SANDBOX_PROJECT_ID) as sc,
        receiver(sc, received, 1, done, wrap=wrap) as url,
    ):
        created = await sc.merchant.create_order(
            body=CreateOrderRequest(
                project_id=UUID(SANDBOX_PROJECT_ID),
                order_id="framework-1",
                receive_amount=Decimal("5"),
                receive_currency_code="EUR",
                callback_url=url.removesuffix("/callback") + path,
            )
        )
        result = await sc.request(
            "POST", f"/sandbox/orders/{created.order_id}/simulate", json={"status": "PAID"}
        )
    statuses = [c["httpStatus"] for c in result["callbacks"]]
    if delivered:
        assert statuses == [200]
        assert [v.status for v in received] == ["PAID"]
    else:
        assert statuses == [307]
        assert received == []
