"""The payment window: what ``redirectUrl`` opens, for orders and pre-orders.

It shows what SpectroCoin's window shows (the amount and currency to pay, the receive amount,
the pay-in address, the time left) and lets the tester play the payer: each outcome walks the
order through its statuses and delivers the callbacks exactly as ``POST /sandbox/orders/{id}/
simulate`` does, then sends the buyer back to the shop's ``successUrl`` or ``failureUrl``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Final

from attrs import frozen
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ..catalogue import CURRENCIES
from ..errors import SandboxError
from ..wire import Fields
from .render import Renderer, read_form
from .security import TOKEN_FIELD, origin_of

if TYPE_CHECKING:
    from .controls import SandboxControls

__all__ = ["OUTCOMES", "Checkout", "Outcome"]


@frozen
class Outcome:
    label: str
    status: str
    success: bool
    received_factor: Decimal | None = None
    """The share of the pay amount that arrives, when it is not what the status implies."""


OUTCOMES: Final = {
    "paid": Outcome("Paid in full", "PAID", success=True),
    "underpaid": Outcome("Underpaid", "UNDERPAID", success=False),
    "overpaid": Outcome("Overpaid (+10 %)", "PAID", success=True, received_factor=Decimal("1.1")),
    "expired": Outcome("Let it expire", "EXPIRED", success=False),
    "failed": Outcome("Payment failed", "FAILED", success=False),
}
_OPEN: Final = frozenset({"NEW", "PENDING"})


class Checkout:
    def __init__(self, sandbox: SandboxControls, renderer: Renderer, api_prefix: str) -> None:
        self.sandbox = sandbox
        self.render = renderer
        self.api_prefix = api_prefix

    def _crypto(self) -> list[str]:
        return sorted(code for code, currency in CURRENCIES.items() if currency.crypto)

    async def order_page(self, request: Request, *, error: str | None = None) -> Response:
        order = self.sandbox.ledger.order(request.path_params["id"])
        targets = [origin_of(order.success_url), origin_of(order.failure_url)]
        return self.render(
            request,
            "checkout.html",
            {
                "order": order,
                "open": order.status in _OPEN,
                "outcomes": OUTCOMES,
                "currencies": self._crypto(),
                "error": error,
            },
            status=409 if error else 200,
            form_targets=[t for t in targets if t],
        )

    async def pay(self, request: Request) -> Response:
        form = await read_form(request)
        self.render.guard.check_post(request, form.get(TOKEN_FIELD))
        order = self.sandbox.ledger.order(request.path_params["id"])
        outcome = OUTCOMES.get(form.get("outcome", ""))
        if outcome is None:
            return await self.order_page(request, error=f"Choose one of: {', '.join(OUTCOMES)}.")
        changes = {"status": outcome.status}
        pay_code = form.get("payCurrencyCode")
        if pay_code:
            changes["payCurrencyCode"] = pay_code
        try:
            await self.sandbox.simulate(
                order.id, Fields(changes), received_factor=outcome.received_factor
            )
        except SandboxError as error:
            return await self.order_page(request, error=error.message)
        back = order.success_url if outcome.success else order.failure_url
        return RedirectResponse(back or str(request.url), status_code=303)

    async def pre_order_page(self, request: Request) -> Response:
        pre = self.sandbox.ledger.pre_order(request.path_params["id"])
        return self.render(request, "pre_order.html", {"pre": pre})

    async def pay_pre_order(self, request: Request) -> Response:
        form = await read_form(request)
        self.render.guard.check_post(request, form.get(TOKEN_FIELD))
        base_url = str(request.base_url).rstrip("/") + self.api_prefix
        order = self.sandbox.ledger.create_order_from_pre_order(
            request.path_params["id"], base_url=base_url
        )
        return RedirectResponse(order.redirect_url, status_code=303)
