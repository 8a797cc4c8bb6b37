"""The ASGI app that receives callbacks, verifies them through the client, calls your handler."""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable, Mapping, MutableMapping
from typing import Any, Final, Protocol

from spectrocoin_async._callbacks.parsing import _FORM, _JSON, _media_type
from spectrocoin_async._callbacks.verification import VerifiedCallback
from spectrocoin_async._errors import (
    CallbackError,
    CallbackVerificationError,
)

# One logger for the whole package, named as before the split, so logging configuration holds.
logger = logging.getLogger("spectrocoin_async._callbacks")

MAX_CALLBACK_BODY: Final = 64 * 1024
"""Largest callback body :func:`callback_app` reads; a real callback is a few hundred bytes."""

_LENGTH_RE: Final = re.compile(r"[0-9]{1,18}")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class CallbackVerifier(Protocol):
    """What :func:`callback_app` needs from ``sc.merchant``."""

    def verify_callback(
        self, headers: Mapping[str, str], body: bytes
    ) -> Awaitable[VerifiedCallback]: ...


class SupportsMerchantCallbacks(Protocol):
    """An object with a ``merchant`` that verifies callbacks (the SDK client)."""

    @property
    def merchant(self) -> CallbackVerifier: ...


class _BodyTooLarge(Exception):
    pass


class _ClientGone(Exception):
    pass


async def _read_body(receive: Receive, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise _ClientGone
        if message["type"] != "http.request":
            continue
        chunk = bytes(message.get("body", b""))
        size += len(chunk)
        if size > limit:
            raise _BodyTooLarge
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


async def _respond(
    send: Send, status: int, text: str, headers: tuple[tuple[bytes, bytes], ...] = ()
) -> None:
    body = text.encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode("ascii")),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


async def _lifespan(receive: Receive, send: Send) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return


def _scope_headers(scope: Scope) -> dict[str, str]:
    headers: dict[str, str] = {}
    for raw_name, raw_value in scope.get("headers", ()):
        name = bytes(raw_name).decode("latin-1").lower()
        value = bytes(raw_value).decode("latin-1")
        headers[name] = f"{headers[name]}, {value}" if name in headers else value
    return headers


def _declared_length(headers: Mapping[str, str]) -> int | None:
    value = headers.get("content-length", "").strip()
    return int(value) if _LENGTH_RE.fullmatch(value) else None


class CallbackApp:
    """The ASGI 3 app made by :func:`callback_app` (a class, so Starlette routes it as an app)."""

    __slots__ = ("_max_body_size", "_on_order", "_sc")

    def __init__(
        self,
        sc: SupportsMerchantCallbacks,
        on_order: Callable[[VerifiedCallback], Awaitable[None]],
        *,
        max_body_size: int = MAX_CALLBACK_BODY,
    ) -> None:
        self._sc = sc
        self._on_order = on_order
        self._max_body_size = max_body_size

    def __repr__(self) -> str:
        return f"CallbackApp(max_body_size={self._max_body_size})"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await _lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        if scope.get("method") != "POST":
            await _respond(send, 405, "method not allowed", ((b"allow", b"POST"),))
            return
        headers = _scope_headers(scope)
        if _media_type(headers) not in (_JSON, _FORM):
            await _respond(send, 415, "unsupported content type")
            return
        declared = _declared_length(headers)
        if declared is not None and declared > self._max_body_size:
            await _respond(send, 413, "callback body too large")
            return
        try:
            body = await _read_body(receive, self._max_body_size)
        except _BodyTooLarge:
            await _respond(send, 413, "callback body too large")
            return
        except _ClientGone:
            return
        await self._handle(headers, body, send)

    async def _handle(self, headers: Mapping[str, str], body: bytes, send: Send) -> None:
        try:
            verified = await self._sc.merchant.verify_callback(headers, body)
        except CallbackVerificationError as exc:
            logger.warning("rejected a SpectroCoin callback: %s", exc)
            await _respond(send, 400, "callback verification failed")
            return
        except CallbackError as exc:
            logger.warning("rejected a malformed SpectroCoin callback: %s", exc)
            await _respond(send, 400, "malformed callback")
            return
        except Exception:
            # The API or the signing key is unreachable (CallbackUnavailableError, APIError,
            # ...): nothing is known about the callback, so ask for it again with a 5xx.
            logger.exception("could not verify a SpectroCoin callback; answering 503")
            await _respond(send, 503, "cannot verify the callback now")
            return
        try:
            await self._on_order(verified)
        except Exception:
            logger.exception(
                "the callback handler failed for order %s; answering 500",
                verified.order_id,
            )
            await _respond(send, 500, "callback handler failed")
            return
        await _respond(send, 200, "*ok*")


def callback_app(
    sc: SupportsMerchantCallbacks,
    on_order: Callable[[VerifiedCallback], Awaitable[None]],
    *,
    max_body_size: int = MAX_CALLBACK_BODY,
) -> CallbackApp:
    """A plain ASGI 3 app that receives SpectroCoin callbacks and hands verified ones to you.

    Run it on its own (``uvicorn module:app``), or add it to a Starlette or FastAPI app as a
    route at the exact path of your ``callbackUrl`` (``starlette.routing.Route``)::

        receiver = callback_app(sc, on_order)
        app.routes.append(Route("/spectrocoin/callback", receiver, methods=["POST"]))

    ``app.mount("/spectrocoin/callback", callback_app(...))`` works too, but only for a
    ``callbackUrl`` that ends in ``/`` (``https://shop.example/spectrocoin/callback/``):
    Starlette answers a POST to the mount path without the slash with a 307 redirect that
    SpectroCoin does not follow, and the callback is lost before this app sees it.

    For each POST it calls ``sc.merchant.verify_callback(headers, body)`` and then
    ``await on_order(verified)``.

    SpectroCoin sends a callback when an order becomes PAID, EXPIRED or FAILED and expects a 200
    (https://docs.spectrocoin.com/docs/order-callbacks) whose body is ``*ok*`` (its FAQ:
    https://spectrocoin.com/en/faqs/merchants-and-payment-processing/do-i-get-a-notification-about-successful-bitcoin-transaction.html).

    Answers: 200 ``*ok*`` once ``on_order`` returned; 405 for any method but POST; 415 for a
    body that is neither JSON nor a form; 413 past ``max_body_size``; 400 for a callback that
    is malformed or fails verification; 503 when verification itself could not be done (the
    API or the signing key is unreachable, ...), so that it is marked failed, not lost; 500
    when ``on_order`` raised. Anything but 200 marks the callback failed at SpectroCoin, which
    publishes no automatic retry schedule: a failed callback can be resent from its dashboard.

    **The same callback can arrive twice** (a resend, a retry after a timeout, two status
    changes racing), so ``on_order`` must be idempotent: key your changes on your order id and
    the new status, and make a repeated one a no-op::

        async def on_order(verified: VerifiedCallback) -> None:
            # The same fields for JSON and legacy callbacks, from the API or the signature.
            if verified.status == "PAID":
                # "UPDATE ... WHERE status != 'paid'" does nothing the second time
                await shop.mark_paid_once(
                    verified.order_id,
                    amount=verified.receive_amount,
                    currency=verified.receive_currency_code,
                )
            elif verified.status in ("EXPIRED", "FAILED", "CANCELLED"):
                await shop.cancel_once(verified.order_id)
            # Any other status, known or not: record it, never reject it.

    Verify the amount and currency against your own order before shipping anything.
    """
    return CallbackApp(sc, on_order, max_body_size=max_body_size)
