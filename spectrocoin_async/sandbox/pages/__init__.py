"""The sandbox in a browser: the payment window behind ``redirectUrl``, and the dashboard.

Server-rendered HTML (Jinja2, autoescaped) with one small script for the countdown; no build
step. See ``security`` for what keeps the pages safe to open.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from importlib import resources
from typing import TYPE_CHECKING, Final

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from ..errors import SandboxError
from .checkout import OUTCOMES, Checkout
from .dashboard import Dashboard
from .render import STATIC_PATH, Renderer
from .security import PageGuard

if TYPE_CHECKING:
    from .controls import SandboxControls

__all__ = ["OUTCOMES", "page_routes"]

_STATIC: Final = {
    "sandbox.css": "text/css; charset=utf-8",
    "sandbox.js": "text/javascript; charset=utf-8",
}


def _static_route() -> Route:
    files = resources.files(__package__) / "static"
    contents = {name: (files / name).read_bytes() for name in _STATIC}

    async def static(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in contents:
            return Response(status_code=404)
        response = Response(contents[name], media_type=_STATIC[name])
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response

    return Route(STATIC_PATH + "/{name}", static, methods=["GET"])


Handler = Callable[[Request], Awaitable[Response]]


def _page(handler: Handler) -> Handler:
    """A refusal on a page is a short text answer with the pages' security headers."""

    async def endpoint(request: Request) -> Response:
        try:
            return await handler(request)
        except SandboxError as error:
            answer = PlainTextResponse(f"{error.status}: {error.message}", error.status)
            return PageGuard.secure(answer)

    endpoint.__name__ = handler.__name__
    return endpoint


def page_routes(sandbox: SandboxControls, api_prefix: str) -> list[Route]:
    """The pages' routes; ``api_prefix`` is where the API (and so ``redirectUrl``) lives."""
    renderer = Renderer(PageGuard())
    checkout = Checkout(sandbox, renderer, api_prefix)
    dashboard = Dashboard(sandbox, renderer)
    pay = api_prefix + "/sandbox/pay"
    return [
        Route(pay + "/pre/{id}", _page(checkout.pre_order_page), methods=["GET"]),
        Route(pay + "/pre/{id}", _page(checkout.pay_pre_order), methods=["POST"]),
        Route(pay + "/{id}", _page(checkout.order_page), methods=["GET"]),
        Route(pay + "/{id}", _page(checkout.pay), methods=["POST"]),
        Route("/sandbox/", _page(dashboard.page), methods=["GET"]),
        Route("/sandbox/deliveries/{number}/resend", _page(dashboard.resend), methods=["POST"]),
        Route("/sandbox/settings", _page(dashboard.settings), methods=["POST"]),
        Route("/sandbox/reset", _page(dashboard.reset), methods=["POST"]),
        _static_route(),
    ]
