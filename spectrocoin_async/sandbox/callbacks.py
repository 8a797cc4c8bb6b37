"""Merchant callbacks as SpectroCoin sends them: JSON by default, signed forms for legacy projects.

The legacy form is signed exactly as ``spectrocoin_async._callbacks`` verifies it: the payload is
``legacy_signed_payload`` of the fields, signed with RSA SHA-1 PKCS#1 v1.5 by a key the sandbox
makes at start-up; its public half is served at ``GET /api/public/sandbox/merchant.public.pem``.
"""

from __future__ import annotations

import base64
import time
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Final
from urllib.parse import urlencode

import attrs
import httpx
from attrs import frozen
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from .._callbacks import LEGACY_STATUS_NAMES, LegacyCallback, legacy_signed_payload
from .._encoding import encode_json
from .._generated._callbacks import JSON_CALLBACK_FIELDS, LEGACY_SIGNED_FIELDS
from .state import Order

__all__ = [
    "CallbackSigner",
    "Delivery",
    "deliver",
    "json_callback",
    "legacy_callback",
    "send",
]

_LEGACY_CODES: Final = {name: code for code, name in LEGACY_STATUS_NAMES.items()}
_EIGHT_PLACES: Final = Decimal("1e-8")


class CallbackSigner:
    """The sandbox's stand-in for SpectroCoin's callback-signing key."""

    def __init__(self) -> None:
        self._key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.public_pem = self._key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )

    def sign(self, payload: bytes) -> str:
        signature = self._key.sign(payload, padding.PKCS1v15(), hashes.SHA1())
        return base64.b64encode(signature).decode("ascii")


def java_amount(value: Decimal) -> str:
    """Java's ``DecimalFormat("0.0#######")``, which the legacy form uses: ``50.0``, ``0.0``."""
    text = format(value.quantize(_EIGHT_PLACES, ROUND_HALF_EVEN), "f").rstrip("0")
    return text + "0" if text.endswith(".") else text


def json_callback(order: Order) -> tuple[dict[str, str], bytes]:
    """The JSON callback: the fields of openapi.yaml's JSON callback shape, in its order."""
    values = {"id": order.id, "merchantApiId": order.project.id}
    body = encode_json({name: values[name] for name in JSON_CALLBACK_FIELDS})
    return {"Content-Type": "application/json"}, body


def legacy_callback(order: Order, signer: CallbackSigner) -> tuple[dict[str, str], bytes]:
    """The legacy form: openapi.yaml's ``x-signed-fields`` in order, ``sign``, ``merchantApiId``."""
    values = {
        "merchantId": order.project.merchant_id,
        "apiId": order.project.api_id,
        "orderId": order.order_id,
        "payCurrency": order.pay_currency or "",
        "payAmount": java_amount(order.pay_amount or Decimal(0)),
        "receiveCurrency": order.receive_currency,
        "receiveAmount": java_amount(order.receive_amount),
        "receivedAmount": java_amount(order.received_amount),
        "description": order.description or "",
        "orderRequestId": str(order.request_id),
        "status": str(_LEGACY_CODES.get(order.status, 0)),
    }
    # A KeyError here means the spec's signed fields changed: the sandbox must follow it.
    fields = {name: values[name] for name in LEGACY_SIGNED_FIELDS}
    unsigned = LegacyCallback(
        merchant_id=fields["merchantId"],
        api_id=fields["apiId"],
        order_id=fields["orderId"],
        pay_currency=fields["payCurrency"],
        pay_amount=Decimal(fields["payAmount"]),
        receive_currency=fields["receiveCurrency"],
        receive_amount=Decimal(fields["receiveAmount"]),
        received_amount=Decimal(fields["receivedAmount"]),
        description=fields["description"],
        order_request_id=fields["orderRequestId"],
        status=int(fields["status"]),
        sign="",
        raw=fields,
    )
    signed = {
        **fields,
        "sign": signer.sign(legacy_signed_payload(unsigned)),
        "merchantApiId": order.project.id,
    }
    body = urlencode(signed).encode("ascii")
    return {"Content-Type": "application/x-www-form-urlencoded"}, body


_SHOWN_BODY: Final = 4096  # bytes of a shop's answer kept for the dashboard


@frozen
class Delivery:
    """One callback POST as the sandbox sent it, and what the shop answered."""

    order_id: str
    status: str
    url: str
    format: str
    http_status: int | None
    error: str | None = None
    request_headers: tuple[tuple[str, str], ...] = ()
    request_body: bytes = b""
    response_body: bytes = b""
    """The first 4 KiB of the shop's answer."""
    duration_ms: float = 0.0
    resend_of: int | None = None
    """The number of the delivery this one repeats (the dashboard's "resend")."""

    @property
    def delivered(self) -> bool:
        return self.http_status == 200

    def to_json(self) -> dict[str, object]:
        return {
            "orderId": self.order_id,
            "status": self.status,
            "url": self.url,
            "format": self.format,
            "httpStatus": self.http_status,
            "delivered": self.delivered,
            "error": self.error,
        }


async def deliver(order: Order, signer: CallbackSigner, *, time_limit: float) -> Delivery | None:
    """POST the callback for the order's current status; None when it has no callback URL."""
    url = order.callback_url
    if not url:
        return None
    legacy = order.project.legacy_callbacks
    headers, body = legacy_callback(order, signer) if legacy else json_callback(order)
    unsent = Delivery(
        order.id,
        order.status,
        url,
        "form" if legacy else "json",
        None,
        request_headers=tuple(headers.items()),
        request_body=body,
    )
    return await send(unsent, time_limit=time_limit)


async def send(delivery: Delivery, *, time_limit: float, resend_of: int | None = None) -> Delivery:
    """POST ``delivery``'s request as it is, and record the answer (also for a resend)."""
    started = time.perf_counter()
    answer: bytes = b""
    try:
        async with (
            httpx.AsyncClient(timeout=time_limit) as client,
            client.stream(
                "POST",
                delivery.url,
                content=delivery.request_body,
                headers=dict(delivery.request_headers),
            ) as response,
        ):
            async for chunk in response.aiter_bytes():
                answer += chunk[: _SHOWN_BODY - len(answer)]
                if len(answer) >= _SHOWN_BODY:
                    break
    except httpx.HTTPError as exc:
        return attrs.evolve(
            delivery,
            http_status=None,
            error=f"{type(exc).__name__}: {exc}",
            response_body=b"",
            duration_ms=(time.perf_counter() - started) * 1000,
            resend_of=resend_of,
        )
    return attrs.evolve(
        delivery,
        http_status=response.status_code,
        error=None,
        response_body=answer,
        duration_ms=(time.perf_counter() - started) * 1000,
        resend_of=resend_of,
    )
