"""``/sandbox/``: what happened in this sandbox, and the knobs that change what happens next.

Orders and pre-orders with their status history, every callback delivery (the request as sent,
the shop's answer, how long it took) with a resend button, balances and recent money moves, the
fault and rate-limit settings (editable), and a reset.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ..config import config_to_json
from ..errors import SandboxError
from .render import Renderer, read_form
from .security import TOKEN_FIELD

if TYPE_CHECKING:
    from .controls import SandboxControls

__all__ = ["SETTINGS", "Dashboard"]

SETTINGS: Final = (
    ("rateLimit", "Requests per second (empty: no limit)"),
    ("rateBurst", "Burst"),
    ("latency", "Latency added to every request (s)"),
    ("errorRate", "Share answered 503"),
    ("resetRate", "Share whose connection is reset"),
    ("htmlRate", "Share answered by an HTML 502 page"),
    ("truncateRate", "Share cut short"),
    ("faultTiming", "Faults strike before, after or at random"),
    ("faultOperations", "Only these operationIds (comma-separated; empty: all)"),
    ("faultBudget", "Faults left (empty: no limit)"),
    ("callbackTimeout", "Callback timeout (s)"),
    ("callbackStatuses", "Statuses that send a callback (comma-separated; * = every step)"),
)
_LISTS: Final = frozenset({"faultOperations", "callbackStatuses"})
_OPTIONAL: Final = frozenset({"rateLimit", "faultBudget"})
_RECENT: Final = 25


class Dashboard:
    def __init__(self, sandbox: SandboxControls, renderer: Renderer) -> None:
        self.sandbox = sandbox
        self.render = renderer

    async def page(self, request: Request, *, error: str | None = None) -> Response:
        sandbox = self.sandbox
        ledger = sandbox.ledger
        config = config_to_json(sandbox.config)
        deliveries = list(enumerate(sandbox.deliveries))[::-1]
        moves = sorted(ledger.transactions.values(), key=lambda t: str(t["createdAt"]))
        context: dict[str, Any] = {
            "orders": sorted(ledger.orders.values(), key=lambda o: o.created_at, reverse=True),
            "pre_orders": list(ledger.pre_orders.values())[::-1],
            "deliveries": deliveries,
            "accounts": sorted(ledger.accounts.values(), key=lambda a: a.currency.code),
            "moves": moves[::-1][:_RECENT],
            "settings": [(key, label, _shown(config.get(key))) for key, label in SETTINGS],
            "counts": sandbox.ledger_json(),
            "error": error,
        }
        return self.render(request, "dashboard.html", context, status=422 if error else 200)

    async def resend(self, request: Request) -> Response:
        form = await read_form(request)
        self.render.guard.check_post(request, form.get(TOKEN_FIELD))
        try:
            number = int(request.path_params["number"])
            await self.sandbox.resend(number)
        except (ValueError, IndexError):
            raise SandboxError(404, "GEN_8", "No such callback delivery.") from None
        return RedirectResponse("/sandbox/#deliveries", status_code=303)

    async def settings(self, request: Request) -> Response:
        form = await read_form(request)
        self.render.guard.check_post(request, form.get(TOKEN_FIELD))
        changes: dict[str, Any] = {}
        for key, _ in SETTINGS:
            value = form.get(key, "").strip()
            if key in _LISTS:
                changes[key] = [op.strip() for op in value.split(",") if op.strip()]
            elif value or key in _OPTIONAL:
                changes[key] = value or None
        try:
            self.sandbox.configure(changes)
        except ValueError as exc:
            return await self.page(request, error=f"Settings not changed: {exc}")
        return RedirectResponse("/sandbox/#settings", status_code=303)

    async def reset(self, request: Request) -> Response:
        form = await read_form(request)
        self.render.guard.check_post(request, form.get(TOKEN_FIELD))
        self.sandbox.reset()
        return RedirectResponse("/sandbox/", status_code=303)


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)
