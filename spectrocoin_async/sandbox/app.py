"""The sandbox as a Starlette app: routes from openapi.yaml, plus sandbox-only control routes.

Every API request takes one path::

    method (405 + Allow) -> rate limit (429) -> token check (401)
        -> query and Accept per the spec (400/406/422) -> body -> witness -> latency
        -> fault (before) -> handler -> fault (after)

Control routes (``/api/public/sandbox/...``) are never limited, faulted or authenticated:

* ``GET  /sandbox/ledger``: counts of executed money-moving operations, tokens issued, callbacks,
  faults, and the witness: money-moving requests that reached the sandbox twice with the same
  bytes (``duplicateDeliveries``) or ran twice (``duplicateExecutions``);
* ``GET|POST /sandbox/config``: read or change the config (JSON object of fields to change);
* ``POST /sandbox/reset``: back to the seeded state and the start-up config;
* ``POST /sandbox/tokens/revoke``: every token issued so far stops working, as at an expiry;
* ``POST /sandbox/orders/{id}/simulate`` ``{"status": "PAID"}``: the payer moves the order
  through its statuses to the one asked for; a callback goes out on PAID, EXPIRED and FAILED
  (``callbackStatuses`` in the config; ``["*"]``: every step);
* ``GET  /sandbox/merchant.public.pem``: the key that verifies legacy form callbacks;
* ``POST /sandbox/deliveries/{n}/resend``: send callback delivery ``n`` again, as it was.

Pages for a browser (``pages``): the payment window behind ``redirectUrl``
(``/api/public/sandbox/pay/{id}``, ``.../pay/pre/{id}``) and the dashboard at ``/sandbox/``.
"""

from __future__ import annotations

import hashlib
import random
from collections import Counter
from collections.abc import Awaitable, Callable, Mapping
from decimal import Decimal
from typing import Any, Final

import anyio
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .callbacks import CallbackShapes, CallbackSigner, Delivery, callback_shapes, deliver, send
from .catalogue import CURRENCIES
from .config import SandboxConfig, config_from_json, config_to_json
from .errors import SandboxError, invalid, not_found
from .handlers import HANDLERS, Call
from .pages import page_routes
from .spec import (
    SpecOperation,
    check_accept,
    check_body,
    check_query,
    load_spec,
    spec_operations,
)
from .state import Ledger, Order
from .tokens import TokenIssuer
from .traffic import Traffic
from .wire import Fields, error_response, json_response, parse_body

__all__ = ["PREFIX", "Sandbox", "create_app"]

PREFIX: Final = "/api/public"

_LEDGER_KEYS: Final = (
    "ordersCreated",
    "preOrdersCreated",
    "exchanges",
    "withdrawals",
    "cryptoWithdrawals",
    "bankWithdrawals",
    "withdrawalsWithExchange",
    "giftCardPurchases",
    "depositAddresses",
)
_FAULT_KINDS: Final = ("error", "reset", "html", "truncate")
# Every path takes every method, so that the route itself answers 405 with the path's Allow.
_EVERY_METHOD: Final = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"]


class Sandbox:
    """The running sandbox: config, ledger, tokens, traffic control and the callback key."""

    def __init__(
        self, config: SandboxConfig, operations: list[SpecOperation], callbacks: CallbackShapes
    ) -> None:
        self.initial_config = config
        self.operations = operations
        self._check(config)
        self.signer = CallbackSigner(callbacks)
        seed = config.seed
        self.seed = seed if seed is not None else random.SystemRandom().randrange(2**32)
        self.reset()

    def reset(self) -> None:
        """The seeded state, the start-up config, no tokens, all counters at zero."""
        self.config = self.initial_config
        self.ledger = Ledger(seed=self.seed)
        self.tokens = TokenIssuer()
        self.traffic = Traffic(self.config, seed=self.seed)
        self.counters: Counter[str] = Counter()
        self.deliveries: list[Delivery] = []
        self._delivered: set[bytes] = set()
        self._executed: set[bytes] = set()

    def configure(self, changes: Mapping[str, Any]) -> SandboxConfig:
        """Apply ``changes`` (JSON field names); ValueError leaves the config as it was."""
        config = config_from_json(self.config, changes)
        self._check(config)
        self.config = config
        self.traffic.reconfigure(config)
        return config

    def _check(self, config: SandboxConfig) -> None:
        unknown = set(config.fault_operations) - {op.operation_id for op in self.operations}
        if unknown:
            raise ValueError(f"fault_operations names no operation of the spec: {sorted(unknown)}")

    def ledger_json(self) -> dict[str, Any]:
        counts = self.ledger.counts
        c = self.counters
        stats = self.traffic.stats
        return {
            **{key: counts[key] for key in _LEDGER_KEYS},
            "tokensIssued": self.tokens.issued,
            "callbacksDelivered": c["callbacksDelivered"],
            "callbacksFailed": c["callbacksFailed"],
            "requests": c["requests"],
            "rateLimited": stats["rateLimited"],
            "unauthorized": c["unauthorized"],
            "faults": {kind: stats[f"fault.{kind}"] for kind in _FAULT_KINDS},
            "moneyMovingDeliveries": c["moneyMovingDeliveries"],
            "duplicateDeliveries": c["duplicateDeliveries"],
            "duplicateExecutions": c["duplicateExecutions"],
        }

    async def notify(self, order: Order) -> Delivery | None:
        """Send the callback for the order's current status, if that status is one that sends
        callbacks (``callback_statuses``), and remember how it went."""
        wanted = self.config.callback_statuses
        if order.status not in wanted and "*" not in wanted:
            return None
        delivery = await deliver(order, self.signer, time_limit=self.config.callback_timeout)
        if delivery is not None:
            self.deliveries.append(delivery)
            self.counters["callbacksDelivered" if delivery.delivered else "callbacksFailed"] += 1
        return delivery

    # -- the API request path ------------------------------------------------------------------

    async def dispatch(self, operation: SpecOperation, request: Request) -> Response:
        self.counters["requests"] += 1
        try:
            return await self._dispatch(operation, request)
        except SandboxError as error:
            if error.status == 401:
                self.counters["unauthorized"] += 1
            return error_response(error)

    async def _dispatch(self, operation: SpecOperation, request: Request) -> Response:
        traffic = self.traffic
        wait = traffic.admit()
        if wait is not None:
            raise SandboxError(
                429,
                "GEN_9",
                "Too many requests.",
                key="too_many_requests",
                category="rate_limit",
                headers={"Retry-After": traffic.retry_after(wait)},
            )
        if not operation.public:
            self.tokens.check(request.headers.get("authorization"))
        check_query(operation.query, request.query_params)
        check_accept(operation.produces, request.headers.get("accept"), request.query_params)
        raw = await request.body()
        body = parse_body(request.headers.get("content-type"), raw)
        check_body(operation.not_null, body)
        digest = b""
        if operation.moves_money:
            digest = self._digest(operation, request, raw)
            self._witness(digest, self._delivered, "moneyMovingDeliveries", "duplicateDeliveries")
        if self.config.latency:
            await anyio.sleep(self.config.latency)
        fault = traffic.draw(operation.operation_id)
        if fault is not None and not fault.after:
            return fault.response(None)
        call = Call(
            sandbox=self,
            path=dict(request.path_params),
            query=Fields(request.query_params),
            body=Fields(body),
            base_url=str(request.base_url).rstrip("/") + PREFIX,
        )
        try:
            result = await HANDLERS[operation.operation_id](call)
        except SandboxError as error:
            answer = error_response(error)
        else:
            if operation.moves_money:
                self._witness(digest, self._executed, None, "duplicateExecutions")
            answer = result if isinstance(result, Response) else json_response(result)
        return fault.response(answer) if fault is not None else answer

    @staticmethod
    def _digest(operation: SpecOperation, request: Request, raw: bytes) -> bytes:
        h = hashlib.sha256(operation.operation_id.encode())
        for key, value in sorted(request.path_params.items()):
            h.update(f"\0{key}={value}".encode())
        h.update(b"\0" + raw)
        return h.digest()

    def _witness(self, digest: bytes, seen: set[bytes], total: str | None, repeat: str) -> None:
        if total is not None:
            self.counters[total] += 1
        if digest in seen:
            self.counters[repeat] += 1
        seen.add(digest)

    # -- control routes ------------------------------------------------------------------------

    async def simulate(
        self, order_id: str, changes: Fields, *, received_factor: Decimal | None = None
    ) -> dict[str, Any]:
        """Walk the order to ``changes["status"]``, a callback at every step. ``received_factor``
        sets what arrives at the last step as a share of the pay amount (an overpayment)."""
        status = changes.required_text("status")
        order = self.ledger.order(order_id)
        steps = self.ledger.path_to(order, status)
        callbacks = []
        for step in steps:
            self.ledger.enter(
                order,
                step,
                pay_code=changes.code("payCurrencyCode"),
                pay_network=changes.text("payNetworkCode"),
            )
            if step == steps[-1] and received_factor is not None and order.pay_amount:
                quantum = CURRENCIES[order.pay_currency or "BTC"].quantum
                order.received_amount = (order.pay_amount * received_factor).quantize(quantum)
            delivery = await self.notify(order)
            if delivery is not None:
                callbacks.append(delivery.to_json())
        return {"order": order.to_json(), "statuses": steps, "callbacks": callbacks}

    async def resend(self, number: int) -> Delivery:
        """Send delivery ``number`` again, byte for byte, and record the new answer."""
        if number < 0:
            raise IndexError(number)
        again = await send(
            self.deliveries[number], time_limit=self.config.callback_timeout, resend_of=number
        )
        self.deliveries.append(again)
        self.counters["callbacksDelivered" if again.delivered else "callbacksFailed"] += 1
        return again


def _resource(sandbox: Sandbox, path: str, operations: list[SpecOperation]) -> Route:
    """One route per path of the spec: its operations by method, 405 + ``Allow`` for the rest.

    One route per path (not per operation) so that ``Allow`` lists every method of the path,
    and an undeclared method on a literal path (``GET /merchants/orders/create``) is a 405
    instead of falling through to a templated sibling (``GET /merchants/orders/{id}``).
    """
    by_method = {op.method: op for op in operations}
    allow = ", ".join(sorted(by_method))

    async def endpoint(request: Request) -> Response:
        operation = by_method.get(request.method)
        if operation is None:
            return error_response(
                SandboxError(
                    405,
                    "GEN_405",
                    f"Method {request.method} is not allowed here; allowed: {allow}.",
                    key="method_not_allowed",
                    category="validation",
                    headers={"Allow": allow},
                )
            )
        return await sandbox.dispatch(operation, request)

    endpoint.__name__ = "_".join(sorted(op.operation_id for op in operations))
    return Route(PREFIX + path, endpoint, methods=_EVERY_METHOD)


def _control_routes(sandbox: Sandbox) -> list[Route]:
    async def body_of(request: Request) -> dict[str, Any]:
        return parse_body(request.headers.get("content-type"), await request.body())

    async def ledger(request: Request) -> Response:
        return json_response(sandbox.ledger_json())

    async def config(request: Request) -> Response:
        if request.method == "POST":
            try:
                sandbox.configure(await body_of(request))
            except ValueError as exc:
                raise invalid("config", str(exc)) from exc
        return json_response(config_to_json(sandbox.config))

    async def reset(request: Request) -> Response:
        sandbox.reset()
        return json_response({"reset": True})

    async def revoke(request: Request) -> Response:
        return json_response({"revoked": sandbox.tokens.revoke_all()})

    async def simulate(request: Request) -> Response:
        fields = Fields(await body_of(request))
        return json_response(await sandbox.simulate(request.path_params["id"], fields))

    async def resend(request: Request) -> Response:
        try:
            again = await sandbox.resend(int(request.path_params["number"]))
        except (ValueError, IndexError):
            raise not_found("delivery", request.path_params["number"]) from None
        return json_response(again.to_json())

    async def public_key(request: Request) -> Response:
        return Response(sandbox.signer.public_pem, media_type="application/x-pem-file")

    def guarded(
        handler: Callable[[Request], Awaitable[Response]],
    ) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            try:
                return await handler(request)
            except SandboxError as error:
                return error_response(error)

        endpoint.__name__ = handler.__name__
        return endpoint

    base = PREFIX + "/sandbox"
    return [
        Route(base + "/ledger", guarded(ledger), methods=["GET"]),
        Route(base + "/config", guarded(config), methods=["GET", "POST"]),
        Route(base + "/reset", guarded(reset), methods=["POST"]),
        Route(base + "/tokens/revoke", guarded(revoke), methods=["POST"]),
        Route(base + "/orders/{id}/simulate", guarded(simulate), methods=["POST"]),
        Route(base + "/merchant.public.pem", guarded(public_key), methods=["GET"]),
        Route(base + "/deliveries/{number}/resend", guarded(resend), methods=["POST"]),
    ]


async def _server_error(request: Request, exc: Exception) -> Response:
    # A bug in the sandbox still answers with the documented body (and uvicorn logs it).
    error = SandboxError(500, "GEN_1 - Internal server error occurred", f"{type(exc).__name__}")
    return error_response(error)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404:
        error = SandboxError(
            404,
            "GEN_8",
            "No such endpoint.",
            key="endpoint_not_found",
            category="validation",
            parameters={"path": request.url.path},
        )
    else:
        error = SandboxError(
            exc.status_code, f"GEN_{exc.status_code}", str(exc.detail), headers=exc.headers
        )
    return error_response(error)


def create_app(config: SandboxConfig | None = None) -> Starlette:
    """The sandbox app. Fails at once if openapi.yaml has an operation without a handler."""
    config = config or SandboxConfig()
    spec = load_spec(config.spec_path)
    operations = spec_operations(spec)
    in_spec = {op.operation_id for op in operations}
    missing = sorted(in_spec - HANDLERS.keys())
    if missing:
        raise RuntimeError(f"the sandbox has no handler for: {', '.join(missing)}")
    stale = sorted(HANDLERS.keys() - in_spec)
    if stale:
        raise RuntimeError(f"sandbox handlers for operations not in the spec: {', '.join(stale)}")
    sandbox = Sandbox(config, operations, callback_shapes(spec))
    by_path: dict[str, list[SpecOperation]] = {}
    for op in operations:
        by_path.setdefault(op.path, []).append(op)
    # Literal paths first: /merchants/orders/create must win over /merchants/orders/{id}.
    routes = [
        _resource(sandbox, path, ops)
        for path, ops in sorted(by_path.items(), key=lambda item: "{" in item[0])
    ]
    app = Starlette(
        routes=[*_control_routes(sandbox), *page_routes(sandbox, PREFIX), *routes],
        exception_handlers={HTTPException: _http_error, Exception: _server_error},
    )
    app.state.sandbox = sandbox
    return app
