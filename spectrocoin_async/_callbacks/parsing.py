"""Parse a callback request into one of its two formats: JSON, or the legacy signed form.

Nothing is verified here; the field lists come from openapi.yaml
(``components/callbacks/OrderCallback``), through the generated ``_generated/_callbacks.py``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Final, NoReturn
from urllib.parse import parse_qsl

import attrs

from spectrocoin_async._callbacks.amounts import (
    _AMOUNT_RE,
    _MAX_AMOUNT_TEXT,
    _normalised_amount,
)
from spectrocoin_async._errors import CallbackError
from spectrocoin_async._generated import _callbacks as _shapes
from spectrocoin_async._json import MAX_JSON_DEPTH, json_depth

LEGACY_SIGNED_FIELDS: Final = _shapes.LEGACY_SIGNED_FIELDS
"""The form fields covered by ``sign``, in the order they are signed (from openapi.yaml's
``components/callbacks/OrderCallback``, ``x-signed-fields``)."""

LEGACY_STATUS_NAMES: Final[Mapping[int, str]] = MappingProxyType(_shapes.LEGACY_STATUS_NAMES)
"""Numeric status codes of legacy callbacks and the status names of the current API (from
openapi.yaml's ``x-enum-codes`` of ``OrderStatus``)."""

_JSON = "application/json"
_FORM = "application/x-www-form-urlencoded"
_STATUS_RE: Final = re.compile(r"[0-9]{1,9}")
# The id ends up in a URL path (GET /merchants/orders/{id}): no "/", "..", "?" or "%" may pass.
_ORDER_ID_RE: Final = re.compile(r"[A-Za-z0-9_-]{1,128}")
_MAX_FORM_FIELDS: Final = 64


def _frozen(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping))


# --------------------------------------------------------------------------------------------
# Parsed callbacks


@attrs.frozen
class JsonCallback:
    """A JSON callback, as received. Unsigned: only ``id`` is used, to fetch the order."""

    id: str
    """SpectroCoin's order UUID."""
    merchant_api_id: str | None = None
    """The project id the callback claims to be for."""
    extra: Mapping[str, Any] = attrs.field(factory=dict, converter=_frozen)
    """Every other field of the body, untrusted (numbers as ``Decimal``)."""


@attrs.frozen
class LegacyCallback:
    """A legacy form callback, as received. Trust it only after :func:`verify_legacy_signature`."""

    merchant_id: str
    api_id: str
    order_id: str
    """The merchant's own order id (not SpectroCoin's UUID)."""
    pay_currency: str
    pay_amount: Decimal
    receive_currency: str
    receive_amount: Decimal
    received_amount: Decimal
    description: str
    order_request_id: str
    status: int
    """Numeric legacy status code; see :attr:`status_name`."""
    sign: str
    user_id: str | None = None
    merchant_api_id: str | None = None
    """Newer projects send it, but it is *not* covered by ``sign``."""
    raw: Mapping[str, str] = attrs.field(factory=dict, converter=_frozen)
    """The decoded form fields exactly as received; the signature is checked over these."""

    @property
    def status_name(self) -> str | None:
        """The status as the current API names it (``"PAID"``), or ``None`` for an unknown code."""
        return LEGACY_STATUS_NAMES.get(self.status)


# --------------------------------------------------------------------------------------------
# Parsing


def _header(headers: Mapping[str, str], name: str) -> str | None:
    wanted = name.lower()
    for key, value in headers.items():
        if key.lower() == wanted:
            return value
    return None


def _media_type(headers: Mapping[str, str]) -> str | None:
    value = _header(headers, "content-type")
    if value is None:
        return None
    return value.split(";", 1)[0].strip().lower()


def parse_callback(headers: Mapping[str, str], body: bytes) -> JsonCallback | LegacyCallback:
    """Parse a callback request into a :class:`JsonCallback` or a :class:`LegacyCallback`.

    The format is chosen by ``Content-Type`` (looked up case-insensitively). Nothing is verified
    here. Raises :class:`~spectrocoin_async._errors.CallbackError` for anything SpectroCoin does
    not send: another content type, a body that is not valid UTF-8 or JSON, a JSON value that is
    not an object with a string ``id``, a missing or malformed legacy field, a repeated field.
    """
    media_type = _media_type(headers)
    if media_type == _JSON:
        return _parse_json(body)
    if media_type == _FORM:
        return _parse_form(body)
    if media_type is None:
        raise CallbackError("callback has no Content-Type header")
    raise CallbackError(
        f"unsupported callback content type {media_type[:100]!r}: expected {_JSON} or {_FORM}"
    )


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise CallbackError(f"JSON callback repeats the key {key[:100]!r}")
        result[key] = value
    return result


def _no_constants(name: str) -> NoReturn:
    raise CallbackError(f"JSON callback contains {name}, which is not valid JSON")


def _parse_json(body: bytes) -> JsonCallback:
    if json_depth(body) > MAX_JSON_DEPTH:  # before decoding: a deep body never becomes objects
        raise CallbackError(f"JSON callback body is nested deeper than {MAX_JSON_DEPTH} levels")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CallbackError("JSON callback body is not valid UTF-8") from exc
    try:
        data = json.loads(
            text,
            parse_float=Decimal,
            parse_constant=_no_constants,
            object_pairs_hook=_no_duplicate_keys,
        )
    except json.JSONDecodeError as exc:
        raise CallbackError(
            f"JSON callback body is not valid JSON: {exc.msg} at position {exc.pos}"
        ) from exc
    # An integer too long to convert; decimal's InvalidOperation for an exponent past ±10^18.
    except (ValueError, RecursionError, ArithmeticError) as exc:
        raise CallbackError(f"JSON callback body is not usable JSON: {str(exc)[:200]}") from None
    if not isinstance(data, dict):
        raise CallbackError(f"JSON callback body must be an object, not {type(data).__name__}")
    for name in _shapes.JSON_CALLBACK_REQUIRED:
        if name not in data:
            raise CallbackError(f"JSON callback has no {name!r} field")
    order_id = data["id"]
    if not isinstance(order_id, str):
        raise CallbackError(
            f"JSON callback field 'id' must be a string, not {type(order_id).__name__}"
        )
    if not _ORDER_ID_RE.fullmatch(order_id):
        raise CallbackError("JSON callback field 'id' is not an order id")
    merchant_api_id = data.get("merchantApiId")
    if merchant_api_id is not None and not isinstance(merchant_api_id, str):
        raise CallbackError("JSON callback field 'merchantApiId' must be a string")
    extra = {k: v for k, v in data.items() if k not in ("id", "merchantApiId")}
    return JsonCallback(id=order_id, merchant_api_id=merchant_api_id, extra=extra)


def _parse_form(body: bytes) -> LegacyCallback:
    try:
        text = body.decode("utf-8")
        pairs = parse_qsl(
            text,
            keep_blank_values=True,
            encoding="utf-8",
            errors="strict",
            max_num_fields=_MAX_FORM_FIELDS,
        )
    except UnicodeDecodeError as exc:
        raise CallbackError("legacy callback body is not valid UTF-8") from exc
    except ValueError as exc:  # more than max_num_fields fields
        raise CallbackError(f"legacy callback body is not a usable form: {exc}") from exc
    fields: dict[str, str] = {}
    for name, value in pairs:
        if name in fields:
            raise CallbackError(f"legacy callback repeats the field {name[:100]!r}")
        fields[name] = value
    for name in _shapes.LEGACY_CALLBACK_REQUIRED:
        if name not in fields:
            raise CallbackError(f"legacy callback is missing the field {name!r}")
    if not fields["sign"]:
        raise CallbackError("legacy callback field 'sign' is empty")
    status = fields["status"]
    if not _STATUS_RE.fullmatch(status):
        raise CallbackError(f"legacy callback field 'status' is not a status code: {status[:40]!r}")
    return LegacyCallback(
        merchant_id=fields["merchantId"],
        api_id=fields["apiId"],
        order_id=fields["orderId"],
        pay_currency=fields["payCurrency"],
        pay_amount=_amount(fields, "payAmount"),
        receive_currency=fields["receiveCurrency"],
        receive_amount=_amount(fields, "receiveAmount"),
        received_amount=_amount(fields, "receivedAmount"),
        description=fields["description"],
        order_request_id=fields["orderRequestId"],
        status=int(status),
        sign=fields["sign"],
        user_id=fields.get("userId") or None,
        merchant_api_id=fields.get("merchantApiId") or None,
        raw=fields,
    )


def _amount(fields: Mapping[str, str], name: str) -> Decimal:
    text = fields[name]
    if len(text) > _MAX_AMOUNT_TEXT or not _AMOUNT_RE.fullmatch(text):
        raise CallbackError(f"legacy callback field {name!r} is not an amount: {text[:40]!r}")
    value = Decimal(text)
    if value != Decimal(_normalised_amount(text)):
        # SpectroCoin signs at most 8 decimals: digits past them are not covered by `sign`.
        raise CallbackError(
            f"legacy callback field {name!r} has more than 8 decimals, which are not signed: "
            f"{text[:40]!r}"
        )
    return value
