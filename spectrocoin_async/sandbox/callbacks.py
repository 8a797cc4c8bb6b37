"""Merchant callbacks as SpectroCoin sends them: JSON by default, signed forms for legacy projects.

The sandbox signs on its own side, as SpectroCoin does, with none of the SDK's callback code: the
field lists and status codes come from openapi.yaml (``components/callbacks/OrderCallback``:
the JSON shape's properties, the form's ``x-signed-fields``; ``OrderStatus``'s
``x-enum-codes``), amounts are written as Java's ``DecimalFormat("0.0#######")``, and values are
encoded as Java's ``URLEncoder`` does. The payload is signed with RSA SHA-1 PKCS#1 v1.5 by a key
the sandbox makes at start-up; its public half is served at
``GET /api/public/sandbox/merchant.public.pem``. So the SDK's verifier is checked against an
independent signer, and both against SpectroCoin's own signed vector (tests).
"""

from __future__ import annotations

import base64
import string
import time
from collections.abc import Mapping
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any, Final

import attrs
import httpx
from attrs import frozen
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from .._encoding import encode_json
from .spec import _resolve
from .state import Order

__all__ = [
    "CallbackShapes",
    "CallbackSigner",
    "Delivery",
    "callback_shapes",
    "deliver",
    "java_amount",
    "java_url_encode",
    "json_callback",
    "legacy_callback",
    "send",
    "signed_payload",
]

_EIGHT_PLACES: Final = Decimal("1e-8")
_JSON: Final = "application/json"
_FORM: Final = "application/x-www-form-urlencoded"
# What java.net.URLEncoder leaves as it is; a space becomes "+", every other byte of the UTF-8
# encoding %XX (upper-case hex).
_URL_SAFE: Final = frozenset(string.ascii_letters + string.digits + "-_.*")


@frozen
class CallbackShapes:
    """What openapi.yaml says the two callback formats carry."""

    json_fields: tuple[str, ...]
    """The JSON callback's properties, in order."""
    signed_fields: tuple[str, ...]
    """The legacy form's ``x-signed-fields``: the fields ``sign`` covers, in signing order."""
    status_codes: Mapping[str, int]
    """Order status name -> the numeric code a legacy callback sends (``x-enum-codes``)."""


def callback_shapes(spec: Mapping[str, Any]) -> CallbackShapes:
    """The callback shapes of a loaded openapi.yaml."""
    (item,) = spec["components"]["callbacks"]["OrderCallback"].values()
    content = item["post"]["requestBody"]["content"]
    json_schema = _resolve(spec, content[_JSON]["schema"])
    form_schema = _resolve(spec, content[_FORM]["schema"])
    status = _resolve(spec, spec["components"]["schemas"]["OrderStatus"])
    return CallbackShapes(
        json_fields=tuple(json_schema["properties"]),
        signed_fields=tuple(form_schema["x-signed-fields"]),
        status_codes={name: int(code) for code, name in status["x-enum-codes"].items()},
    )


class CallbackSigner:
    """The sandbox's stand-in for SpectroCoin's callback-signing key."""

    def __init__(self, shapes: CallbackShapes) -> None:
        self.shapes = shapes
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


def java_url_encode(value: str) -> str:
    """``java.net.URLEncoder.encode(value, UTF_8)``: ``"a b*~"`` -> ``"a+b*%7E"``."""
    out: list[str] = []
    for byte in value.encode("utf-8"):
        char = chr(byte)
        if char in _URL_SAFE:
            out.append(char)
        elif char == " ":
            out.append("+")
        else:
            out.append(f"%{byte:02X}")
    return "".join(out)


def _form(fields: Mapping[str, str]) -> bytes:
    return "&".join(f"{java_url_encode(k)}={java_url_encode(v)}" for k, v in fields.items()).encode(
        "ascii"
    )


def signed_payload(fields: Mapping[str, str], signed_fields: tuple[str, ...]) -> bytes:
    """The bytes SpectroCoin signs: ``name=value`` of each signed field in order, joined by
    ``&``, values URL-encoded. A KeyError means a signed field has no value."""
    return _form({name: fields[name] for name in signed_fields})


def json_callback(order: Order, shapes: CallbackShapes) -> tuple[dict[str, str], bytes]:
    """The JSON callback: the fields of openapi.yaml's JSON callback shape, in its order."""
    values = {"id": order.id, "merchantApiId": order.project.id}
    body = encode_json({name: values[name] for name in shapes.json_fields})
    return {"Content-Type": _JSON}, body


def legacy_callback(order: Order, signer: CallbackSigner) -> tuple[dict[str, str], bytes]:
    """The legacy form: openapi.yaml's ``x-signed-fields`` in order, ``sign``, ``merchantApiId``."""
    shapes = signer.shapes
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
        "status": str(shapes.status_codes.get(order.status, 0)),
    }
    # A KeyError here means the spec's signed fields changed: the sandbox must follow it.
    fields = {name: values[name] for name in shapes.signed_fields}
    signed = {
        **fields,
        "sign": signer.sign(signed_payload(fields, shapes.signed_fields)),
        "merchantApiId": order.project.id,
    }
    return {"Content-Type": _FORM}, _form(signed)


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
    if legacy:
        headers, body = legacy_callback(order, signer)
    else:
        headers, body = json_callback(order, signer.shapes)
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
