"""Shared helpers of the callback tests: a signed legacy callback written out by hand, orders."""

from __future__ import annotations

import base64
from collections.abc import Awaitable, Callable, Mapping
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from spectrocoin_async import Order
from spectrocoin_async._callbacks import LegacyCallback, parse_callback
from spectrocoin_async._errors import NotFoundError

FORM = {"Content-Type": "application/x-www-form-urlencoded"}
JSON = {"Content-Type": "application/json"}
PROJECT = "f58a9032-94c8-1b36-a132-3d6c2ad81255"
ORDER_UUID = "0a4f7c2e-6a57-4b7e-9d0c-3f1e2b5a6c7d"

# The legacy callback example of https://github.com/SpectroFinance/SpectroCoin-Merchant-API (README), verbatim.
DOCUMENTED_LEGACY_BODY = (
    b"merchantId=169&apiId=1&orderId=Order%20123&payCurrency=BTC&payAmount=1.23456789"
    b"&receiveCurrency=EUR&receiveAmount=50.0&receivedAmount=0.0"
    b"&description=My%20special%20order&orderRequestId=123&status=1"
    b"&sign=r6NuZ0JCBSAGCpPlYG5eXLkSRyOqSncWj8j7LfLIiiWeZdeH0Yy2nZ4Osn0JJY9cqWnoT%2Fvn%2B0KjY7f9t"
    b"dYQjk67XTFY%2Bn1yg41FkzfbDxF8LQWYinLpnBBCf5AlFACJJ26yBHXMxsPFn67khxOV55AGRJeJcw03anH%2Fobj"
    b"evHiOGkV9%2BjTVLwV553U6Y9Ud995D66f45QpPR54IgBBDhA%2BHNlwockLcEyzCMbwMPs0pnsfVO65x0if8TJ2Mt"
    b"wTCa5c%2B%2FuCAq%2BoafTRV9%2Bd9meTRbC%2BFTDf%2FAMyU9SiltpdIqoZPRypB7faBDZ5YVsQrRPIfD6Wy%2F"
    b"tS6fb8MiFBnOw%3D%3D"
)


def sign(private_key: rsa.RSAPrivateKey, payload: bytes) -> str:
    return base64.b64encode(private_key.sign(payload, padding.PKCS1v15(), hashes.SHA1())).decode()


# A legacy callback and the string SpectroCoin signs for it, written out by hand.
SIGNED_FIELDS = {
    "merchantId": "169",
    "apiId": "3",
    "orderId": "shop-42",
    "payCurrency": "BTC",
    "payAmount": "0.00123",
    "receiveCurrency": "EUR",
    "receiveAmount": "50.0",
    "receivedAmount": "0.0",
    "description": "Order #42 for Jonas & Co",
    "orderRequestId": "275",
    "status": "3",
}
SIGNED_PAYLOAD = (
    b"merchantId=169&apiId=3&orderId=shop-42&payCurrency=BTC&payAmount=0.00123"
    b"&receiveCurrency=EUR&receiveAmount=50.0&receivedAmount=0.0"
    b"&description=Order+%2342+for+Jonas+%26+Co&orderRequestId=275&status=3"
)


def form_body(fields: Mapping[str, str]) -> bytes:
    return urlencode(list(fields.items())).encode()


def parse_legacy(fields: Mapping[str, str]) -> LegacyCallback:
    cb = parse_callback(FORM, form_body(fields))
    assert isinstance(cb, LegacyCallback)
    return cb


def make_order(project: str | None = PROJECT, status: str = "PAID", **extra: Any) -> Order:
    data: dict[str, Any] = {
        "id": ORDER_UUID,
        "status": status,
        "orderId": "shop-42",
        "payAmount": Decimal("0.00123"),
        "payCurrencyCode": "BTC",
        "receiveAmount": Decimal("50.0"),
        "receiveCurrencyCode": "EUR",
        **extra,
    }
    if project is not None:
        data["projectId"] = project
    return Order.from_dict(data)


def orders(**by_id: Order) -> tuple[Callable[[str], Awaitable[Order]], list[str]]:
    calls: list[str] = []

    async def get_order(order_id: str) -> Order:
        calls.append(order_id)
        if order_id not in by_id:
            raise NotFoundError("not found", status_code=404)
        return by_id[order_id]

    return get_order, calls
