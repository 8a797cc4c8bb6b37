"""Projects, orders, pre-orders and refunds."""

from __future__ import annotations

from ..catalogue import PROJECTS
from ..state import Order, Record
from .base import Call, _page_of, handles


@handles("listProjects")
async def list_projects(call: Call) -> list[Record]:
    return [p.to_json() for p in PROJECTS.values()]


@handles("getProject")
async def get_project(call: Call) -> Record:
    return call.sandbox.ledger.project(call.id).to_json()


@handles("createOrder")
async def create_order(call: Call) -> Record:
    b = call.body
    return call.sandbox.ledger.create_order(
        project_id=b.required_text("projectId"),
        base_url=call.base_url,
        order_id=b.text("orderId"),
        receive_amount=b.decimal("receiveAmount"),
        receive_code=b.code("receiveCurrencyCode"),
        pay_amount=b.decimal("payAmount"),
        pay_code=b.code("payCurrencyCode"),
        pay_network=b.text("payNetworkName"),
        description=b.text("description"),
        callback_url=b.text("callbackUrl"),
        success_url=b.text("successUrl"),
        failure_url=b.text("failureUrl"),
    )


@handles("createOrderFromPreOrder")
async def create_order_from_pre_order(call: Call) -> Record:
    b = call.body
    order = call.sandbox.ledger.create_order_from_pre_order(
        b.required_text("preOrderId"),
        base_url=call.base_url,
        pay_code=b.code("payCurrencyCode"),
        pay_network=b.text("payNetworkCode"),
    )
    return order.to_json()


@handles("listOrders")
async def list_orders(call: Call) -> Record:
    q = call.query
    items = call.sandbox.ledger.list_orders(
        date_from=q.date("dateFrom"),
        date_to=q.date("dateTo"),
        status=q.text("status"),
        project_id=q.text("projectId"),
    )
    return _page_of(call, items, lambda o: str(o.created_at))


@handles("getOrder")
async def get_order(call: Call) -> Record:
    return call.sandbox.ledger.order(call.id).to_json()


async def _changed(call: Call, order: Order) -> Record:
    await call.sandbox.notify(order)
    return order.to_json()


@handles("cancelOrder")
async def cancel_order(call: Call) -> Record:
    order = call.sandbox.ledger.order(call.id)
    call.sandbox.ledger.cancel(order)
    return await _changed(call, order)


@handles("acceptOrder")
async def accept_order(call: Call) -> Record:
    order = call.sandbox.ledger.order(call.id)
    call.sandbox.ledger.accept(order)
    return await _changed(call, order)


@handles("createPreOrder")
async def create_pre_order(call: Call) -> Record:
    b = call.body
    pre = call.sandbox.ledger.create_pre_order(
        project_id=b.required_text("projectId"),
        receive_amount=b.required_decimal("receiveAmount"),
        receive_code=b.required_code("receiveCurrencyCode"),
        base_url=call.base_url,
        order_id=b.text("orderId"),
        is_multiple=b.boolean("isMultiple"),
        description=b.text("description"),
        callback_url=b.text("callbackUrl"),
        success_url=b.text("successUrl"),
        failure_url=b.text("failureUrl"),
    )
    return pre.to_json()


@handles("listPreOrders")
async def list_pre_orders(call: Call) -> Record:
    project_id = call.query.text("projectId")
    items = [
        p
        for p in call.sandbox.ledger.pre_orders.values()
        if project_id is None or p.project.id == project_id.lower()
    ]
    return _page_of(call, items, lambda p: str(p.created_at))


@handles("getPreOrder")
async def get_pre_order(call: Call) -> Record:
    return call.sandbox.ledger.pre_order(call.id).to_json()


@handles("listRefunds")
async def list_refunds(call: Call) -> Record:
    q = call.query
    items = call.sandbox.ledger.list_refunds(
        date_from=q.date("dateFrom"), date_to=q.date("dateTo"), status=q.text("status")
    )
    return _page_of(call, items)
