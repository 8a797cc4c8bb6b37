"""A merchant's web backend: create an order at checkout, act on its verified callback.

Type-checked, never run: ``tests/docs/check_user_programs.py`` runs ``mypy --strict`` on it
against the installed package and compares every ``reveal_type`` with the note beside it.
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import reveal_type

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from spectrocoin_async import (
    APIError,
    CreateOrderRequest,
    SpectroCoinClient,
    ValidationError,
    VerifiedCallback,
    callback_app,
)

PROJECT_ID = "f58a9032-94c8-1b36-a132-3d6c2ad81255"
sc = SpectroCoinClient(project_id=PROJECT_ID)

# The shop's own orders: our id -> (amount, currency, paid?)
ORDERS: dict[str, tuple[Decimal, str, bool]] = {}


async def checkout(request: Request) -> Response:
    our_id = f"shop-{uuid.uuid4().hex[:12]}"
    amount = Decimal(str(request.query_params.get("amount", "10")))
    try:
        created = await sc.merchant.create_order(
            body=CreateOrderRequest(
                project_id=PROJECT_ID,
                order_id=our_id,
                receive_amount=amount,
                receive_currency_code="EUR",
                callback_url="https://shop.example/spectrocoin/callback",
            )
        )
    except ValidationError as exc:
        return JSONResponse({"error": str(exc), "field": exc.field}, status_code=400)
    except APIError as exc:
        return JSONResponse({"error": exc.message, "trace": exc.trace_id}, status_code=502)
    reveal_type(created)  # revealed: CreateOrderResponse
    reveal_type(created.redirect_url)  # revealed: str
    ORDERS[our_id] = (amount, "EUR", False)
    return RedirectResponse(created.redirect_url)


async def order_status(request: Request) -> Response:
    order = await sc.merchant.get_order(uuid.UUID(request.path_params["uuid"]))
    reveal_type(order)  # revealed: Order
    reveal_type(order.receive_amount)  # revealed: Decimal | None
    reveal_type(order.created_at)  # revealed: datetime.datetime | None
    reveal_type(order.status)  # revealed: OrderStatus
    created = order.created_at.isoformat() if order.created_at is not None else None
    return JSONResponse({"status": order.status.value, "created": created})


async def on_order(verified: VerifiedCallback) -> None:
    reveal_type(verified.order_id)  # revealed: str | None
    reveal_type(verified.receive_amount)  # revealed: Decimal | None
    reveal_type(verified.status)  # revealed: str | None
    if verified.order_id is None or verified.status != "PAID":
        return
    expected = ORDERS.get(verified.order_id)
    if expected is None:
        return
    amount, currency, _ = expected
    if verified.receive_amount == amount and verified.receive_currency_code == currency:
        ORDERS[verified.order_id] = (amount, currency, True)


receiver = callback_app(sc, on_order)
app = Starlette(
    routes=[
        Route("/checkout", checkout),
        Route("/orders/{uuid}", order_status),
        Route("/spectrocoin/callback", receiver, methods=["POST"]),
    ]
)
