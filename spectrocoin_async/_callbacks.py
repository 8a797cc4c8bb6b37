"""Merchant callbacks: parse them, verify them, serve them.

SpectroCoin POSTs to an order's ``callbackUrl`` whenever the order's status changes, in one of
two formats:

* **JSON** (projects created since mid-2025): ``{"id": <order UUID>, "merchantApiId": <project
  id>, ...}``. It is *not signed*, so it is only a hint that something changed:
  :func:`verify_callback` fetches the order by ``id`` with the merchant's own token and trusts
  that answer alone, never the amounts or status in the body; the order must belong to the
  configured project (without one, nothing is vouched for).
* **Form** (older projects, deprecated): eleven fields signed with SpectroCoin's RSA key in
  ``sign``, checked by :func:`verify_legacy_signature` against the key that
  :class:`PublicKeySource` loads. Digits the signature does not cover are refused.

Both shapes are described in openapi.yaml (``components/callbacks/OrderCallback``); the field
lists used here come from there, through the generated ``_generated/_callbacks.py``.

Data flows one way: ``parse_callback(headers, body)`` → ``verify_callback(...)`` →
:class:`VerifiedCallback` → your handler. :func:`callback_app` wraps that in a plain ASGI app.

The ``cryptography`` package is needed only for legacy (form) callbacks, and is imported only
when one is verified (``pip install 'spectrocoin-async[callbacks]'``).
"""

from __future__ import annotations

import base64
import binascii
import enum
import json
import logging
import math
import os
import re
import time
from collections.abc import Awaitable, Callable, Iterator, Mapping, MutableMapping
from decimal import ROUND_HALF_EVEN, Context, Decimal, localcontext
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, Literal, NoReturn, Protocol
from urllib.parse import parse_qsl, quote_plus
from uuid import UUID

import anyio
import attrs
import httpx

from spectrocoin_async._errors import (
    CallbackError,
    CallbackUnavailableError,
    CallbackVerificationError,
    NotFoundError,
    ValidationError,
)
from spectrocoin_async._generated import _callbacks as _shapes
from spectrocoin_async._json import MAX_JSON_DEPTH, json_depth
from spectrocoin_async._types import Unset

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey

    from spectrocoin_async._generated.models.order import Order

__all__ = [
    "DEFAULT_KEY_REFETCH_INTERVAL",
    "LEGACY_SIGNED_FIELDS",
    "LEGACY_STATUS_NAMES",
    "MAX_CALLBACK_BODY",
    "SPECTROCOIN_PUBLIC_KEY_URL",
    "CallbackApp",
    "CallbackVerifier",
    "JsonCallback",
    "LegacyCallback",
    "PublicKeySource",
    "SupportsMerchantCallbacks",
    "VerifiedCallback",
    "callback_app",
    "legacy_signed_payload",
    "parse_callback",
    "verify_callback",
    "verify_legacy_signature",
]

logger = logging.getLogger("spectrocoin_async._callbacks")

SPECTROCOIN_PUBLIC_KEY_URL: Final = "https://spectrocoin.com/files/merchant.public.pem"
"""Where SpectroCoin publishes the public key that signs legacy (form) callbacks."""

DEFAULT_KEY_REFETCH_INTERVAL: Final = 60.0
"""Least seconds between two re-fetches of the callback key after signatures stop matching it."""

MAX_CALLBACK_BODY: Final = 64 * 1024
"""Largest callback body :func:`callback_app` reads; a real callback is a few hundred bytes."""

LEGACY_SIGNED_FIELDS: Final = _shapes.LEGACY_SIGNED_FIELDS
"""The form fields covered by ``sign``, in the order they are signed (from openapi.yaml's
``components/callbacks/OrderCallback``, ``x-signed-fields``)."""

LEGACY_STATUS_NAMES: Final[Mapping[int, str]] = MappingProxyType(_shapes.LEGACY_STATUS_NAMES)
"""Numeric status codes of legacy callbacks and the status names of the current API (from
openapi.yaml's ``x-enum-codes`` of ``OrderStatus``)."""

_JSON = "application/json"
_FORM = "application/x-www-form-urlencoded"
_AMOUNT_FIELDS: Final = frozenset({"payAmount", "receiveAmount", "receivedAmount"})
_ATTRIBUTE_OF: Final[Mapping[str, str]] = MappingProxyType(
    {
        "merchantId": "merchant_id",
        "apiId": "api_id",
        "orderId": "order_id",
        "payCurrency": "pay_currency",
        "payAmount": "pay_amount",
        "receiveCurrency": "receive_currency",
        "receiveAmount": "receive_amount",
        "receivedAmount": "received_amount",
        "description": "description",
        "orderRequestId": "order_request_id",
        "status": "status",
    }
)
# ASCII digits only: ``Decimal`` alone would also take "1_000", "NaN", " 1 " and Arabic digits.
_AMOUNT_RE: Final = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_STATUS_RE: Final = re.compile(r"[0-9]{1,9}")
_LENGTH_RE: Final = re.compile(r"[0-9]{1,18}")
# The id ends up in a URL path (GET /merchants/orders/{id}): no "/", "..", "?" or "%" may pass.
_ORDER_ID_RE: Final = re.compile(r"[A-Za-z0-9_-]{1,128}")
_MAX_FORM_FIELDS: Final = 64
_MAX_AMOUNT_TEXT: Final = 64
_EIGHT_DECIMALS: Final = Decimal("1e-8")


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


# --------------------------------------------------------------------------------------------
# Legacy signature
#
# How SpectroCoin builds the signed string, read from the README of
# https://github.com/SpectroFinance/SpectroCoin-Merchant-API and checked against
# SpectroCoin's own reference clients:
# * Amounts use Java's DecimalFormat("0.0#######"): at least one decimal, at most eight,
#   trailing zeros dropped, rounding HALF_EVEN (Java's default), no digit grouping and no
#   exponent. The server sends amounts already in that form ("50.0", "0.0"), so normalising
#   the received string changes nothing for a genuine callback; it only matters if a proxy or
#   a test rewrites "50.0" as "50". A signed vector from SpectroCoin's Java client test
#   (receiveAmount 8523.5, receivedAmount 0 -> "0.0") verifies with this form.
#   The PHP plugins differ and are not copied: the old FormattingUtil used number_format()
#   with its default "," thousands separator ("8,523.5"), and the newer OldOrderCallback casts
#   to float, so "50.0" becomes "50"; both fail on amounts the Java format signs correctly.
# * Values are form-encoded as Java's URLEncoder / Apache URLEncodedUtils do (UTF-8, space as
#   "+", only A-Z a-z 0-9 - _ . * left as they are). That is Python's quote_plus, except that
#   quote_plus keeps "~" (Java and PHP both send %7E) and encodes "*" (Java keeps it). PHP's
#   http_build_query encodes "*" as %2A, so when a value holds "*" that spelling is accepted
#   too: both strings decode to the same values, so neither weakens the check.
# * Every other field is signed exactly as received.


def _normalised_amount(text: str) -> str:
    value = Decimal(text)
    # Enough precision for every integer digit plus eight decimals: quantize must never round
    # the integer part or fail.
    with localcontext(Context(prec=len(text) + 10, rounding=ROUND_HALF_EVEN)):
        value = value.quantize(_EIGHT_DECIMALS)
    if not value:
        value = abs(value)  # "-0.0" would be "0.0" in Java: BigDecimal has no negative zero
    digits = format(value, "f").rstrip("0")
    return digits + "0" if digits.endswith(".") else digits


def _form_encode(value: str, *, star: str = "*") -> str:
    return quote_plus(value, safe="*").replace("~", "%7E").replace("*", star)


def _signed_values(cb: LegacyCallback) -> Iterator[tuple[str, str]]:
    for name in LEGACY_SIGNED_FIELDS:
        raw = cb.raw.get(name)
        if raw is None:  # a LegacyCallback built by hand: fall back to its attributes
            attribute = getattr(cb, _ATTRIBUTE_OF[name])
            raw = format(attribute, "f") if isinstance(attribute, Decimal) else str(attribute)
        if name in _AMOUNT_FIELDS:
            if len(raw) > _MAX_AMOUNT_TEXT or not _AMOUNT_RE.fullmatch(raw):
                raise CallbackVerificationError(f"legacy callback field {name!r} is not an amount")
            normalised = _normalised_amount(raw)
            if Decimal(normalised) != Decimal(raw):
                raise CallbackVerificationError(
                    f"legacy callback field {name!r} has digits the signature does not cover"
                )
            raw = normalised
        yield name, raw


def _payload(cb: LegacyCallback, *, star: str = "*") -> bytes:
    return "&".join(
        f"{name}={_form_encode(value, star=star)}" for name, value in _signed_values(cb)
    ).encode("ascii")


def legacy_signed_payload(cb: LegacyCallback) -> bytes:
    """The exact bytes SpectroCoin signs for a legacy callback.

    The 11 fields of :data:`LEGACY_SIGNED_FIELDS` in order, each ``name=value`` form-encoded
    (space as ``+``), joined by ``&``; amounts normalised to ``0.0#######``. Values come from
    ``cb.raw`` (the form as received).
    """
    return _payload(cb)


def _load_rsa_public_key(public_key_pem: bytes) -> RSAPublicKey:
    try:
        from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
        from cryptography.hazmat.primitives.serialization import load_pem_public_key
    except ImportError as exc:
        raise ImportError(
            "verifying legacy SpectroCoin callbacks needs the 'cryptography' package: "
            "pip install 'spectrocoin-async[callbacks]'"
        ) from exc
    try:
        key = load_pem_public_key(public_key_pem)
    except Exception as exc:  # ValueError, TypeError, UnsupportedAlgorithm, ...
        raise CallbackVerificationError("the callback public key is not a PEM public key") from exc
    if not isinstance(key, RSAPublicKey):
        raise CallbackVerificationError("the callback public key is not an RSA key")
    return key


def verify_legacy_signature(cb: LegacyCallback, public_key_pem: bytes) -> None:
    """Check ``cb.sign`` (Base64 RSA PKCS#1 v1.5, SHA-1) over :func:`legacy_signed_payload`.

    Returns ``None`` when the signature is SpectroCoin's; raises
    :class:`~spectrocoin_async._errors.CallbackVerificationError` otherwise (bad Base64, a key
    that is not an RSA PEM public key, or a mismatch).
    """
    failure = _signature_mismatch(cb, public_key_pem)
    if failure is not None:
        raise CallbackVerificationError(_MISMATCH) from failure


_MISMATCH: Final = "legacy callback signature does not match: not signed by SpectroCoin, or altered"


def _signature_mismatch(cb: LegacyCallback, public_key_pem: bytes) -> Exception | None:
    """``None`` if ``cb.sign`` is a signature by this key, else why not (for ``__cause__``).

    Raises ``CallbackVerificationError`` for what no other key could fix (a ``sign`` that is
    not Base64, a key that is not an RSA PEM public key); only a plain mismatch is returned, so
    that the caller may try a fresher key.
    """
    key = _load_rsa_public_key(public_key_pem)  # first: it explains a missing 'cryptography'
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    # A "+" that reached us unescaped was decoded as a space; Java's Base64 may wrap lines.
    text = cb.sign.replace(" ", "+").replace("\r", "").replace("\n", "")
    try:
        signature = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise CallbackVerificationError("legacy callback field 'sign' is not valid Base64") from exc
    payloads = [_payload(cb)]
    if any("*" in value for _, value in _signed_values(cb)):
        payloads.append(_payload(cb, star="%2A"))
    failure: Exception | None = None
    for payload in payloads:
        try:
            key.verify(signature, payload, padding.PKCS1v15(), hashes.SHA1())
        except (InvalidSignature, ValueError, TypeError) as exc:
            failure = exc
        else:
            return None
    assert failure is not None
    return failure


# --------------------------------------------------------------------------------------------
# Public key


class PublicKeySource:
    """Where SpectroCoin's callback-signing public key comes from: ``pem``, ``path`` or ``url``.

    Give at most one; with none, the key is fetched from :data:`SPECTROCOIN_PUBLIC_KEY_URL`.
    The key is read or fetched on first use and cached; concurrent first loads share one fetch,
    and a failed first fetch is not cached, so the next callback tries again.

    Key rotation: when a legacy callback's signature does not match the cached key,
    :func:`verify_callback` asks :meth:`refetch` for a fresher one and verifies once more. A
    ``url`` is fetched again and a ``path`` read again (a key file replaced on disk); a ``pem``
    given in code never changes. Such re-fetches happen at most once per ``refetch_interval``
    seconds (default 60), counted from the last try, failed or not, so a flood of forged
    callbacks costs at most one request per interval; concurrent mismatches share one try. The
    interval is short because a genuine callback signed with a new key that arrives inside it
    is rejected, while one GET of a static file a minute costs nothing. If that try fails (the
    URL is down, the file is gone or is not a key), the old key is kept and the callback is
    rejected like any mismatch (``CallbackVerificationError``, a 400 from
    :func:`callback_app`), not answered 503: the key held is a valid key that the signature
    does not match, and a 503 would let anyone turn forged callbacks into key-outage alarms.
    The failure is logged as a warning; a genuine callback caught by it is marked failed at
    SpectroCoin and can be resent from its dashboard. ``clock`` (monotonic seconds) is
    injectable for tests.
    """

    def __init__(
        self,
        *,
        pem: bytes | None = None,
        path: str | os.PathLike[str] | None = None,
        url: str | None = None,
        refetch_interval: float = DEFAULT_KEY_REFETCH_INTERVAL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        given = [name for name, v in (("pem", pem), ("path", path), ("url", url)) if v is not None]
        if len(given) > 1:
            raise ValueError(f"PublicKeySource takes one of pem=, path= or url=, got {given}")
        if (
            isinstance(refetch_interval, bool)
            or not isinstance(refetch_interval, int | float)
            or not math.isfinite(refetch_interval)
            or refetch_interval <= 0
        ):
            raise ValidationError(
                "refetch_interval",
                f"must be a finite number of seconds above 0; got {refetch_interval!r}",
            )
        if not given:
            url = SPECTROCOIN_PUBLIC_KEY_URL
        self._path = path
        self._url = url
        self._cached: bytes | None = pem
        self._lock = anyio.Lock()
        self._refetch_interval = float(refetch_interval)
        self._clock = clock
        # Monotonic time before which a key already held is not fetched again.
        self._next_fetch = -math.inf

    def __repr__(self) -> str:
        if self._url is not None:
            return f"PublicKeySource(url={self._url!r})"
        if self._path is not None:
            return f"PublicKeySource(path={os.fspath(self._path)!r})"
        return "PublicKeySource(pem=...)"

    async def load(self, http: httpx.AsyncClient | None = None) -> bytes:
        """Return the PEM bytes, reading or fetching them on first use.

        ``http`` is used for a ``url`` source (without it, a short-lived client is made). A read
        or fetch that fails, or that yields something other than an RSA public key, raises
        :class:`~spectrocoin_async._errors.CallbackUnavailableError`: it says nothing about the
        callback, which should be answered 503 (marked failed, to be resent).
        """
        if self._cached is not None:
            return self._cached
        async with self._lock:
            if self._cached is None:
                self._cached = await self._read_key(http)
            return self._cached

    async def refetch(self, stale: bytes, http: httpx.AsyncClient | None = None) -> bytes | None:
        """A newer key, after a signature did not match ``stale``; ``None`` if there is none.

        Returns the key another caller already fetched, if it differs from ``stale``;
        otherwise fetches or reads the key again, unless that was tried less than
        ``refetch_interval`` seconds ago, and returns it if it differs from ``stale``. Never
        raises for a failed fetch: the old key stays and ``None`` is returned (see the class
        docstring). A ``pem`` source always returns ``None``.
        """
        if self._url is None and self._path is None:
            return None
        async with self._lock:  # single flight: concurrent mismatches wait for one try
            held = self._cached
            if held is not None and held != stale:
                return held
            now = self._clock()
            if now < self._next_fetch:
                return None
            self._next_fetch = now + self._refetch_interval
            try:
                fresh = await self._read_key(http)
            except CallbackUnavailableError as exc:
                logger.warning(
                    "kept the cached callback public key; fetching it again failed: %s", exc
                )
                return None
            if fresh == stale:
                return None
            logger.warning(
                "SpectroCoin's callback public key changed; using the new one (%r)", self
            )
            self._cached = fresh
            return fresh

    async def _read_key(self, http: httpx.AsyncClient | None) -> bytes:
        pem = await self._read(http)
        try:
            _load_rsa_public_key(pem)
        except CallbackVerificationError as exc:
            raise CallbackUnavailableError(f"{exc} ({self!r})") from exc
        return pem

    async def _read(self, http: httpx.AsyncClient | None) -> bytes:
        if self._path is not None:
            try:
                return await anyio.Path(self._path).read_bytes()
            except OSError as exc:
                raise CallbackUnavailableError(
                    f"cannot read the callback public key from {os.fspath(self._path)!r}: {exc}"
                ) from exc
        assert self._url is not None
        if http is None:
            async with httpx.AsyncClient(timeout=10.0) as client:
                return await self._fetch(client, self._url)
        return await self._fetch(http, self._url)

    @staticmethod
    async def _fetch(http: httpx.AsyncClient, url: str) -> bytes:
        try:
            # auth=None: the SDK's bearer token has no business on a static file.
            response = await http.get(url, auth=None, follow_redirects=True)
            response.raise_for_status()
        except httpx.HTTPError as exc:
            raise CallbackUnavailableError(
                f"cannot fetch the callback public key from {url}: {type(exc).__name__}: {exc}"
            ) from exc
        return response.content


# --------------------------------------------------------------------------------------------
# Verification


def _status_text(value: Any) -> str | None:
    if isinstance(value, enum.Enum):
        value = value.value
    return value if isinstance(value, str) else None


def _known(value: Any) -> Any:
    return None if isinstance(value, Unset) else value


@attrs.frozen
class VerifiedCallback:
    """A callback that passed verification: safe to act on. One shape for both formats.

    The fields are the facts to act on: for a JSON callback they come from the order fetched
    from the API (never from the unsigned body), for a legacy callback from its signed fields.
    ``order`` is that fetched :class:`~spectrocoin_async.Order` (``None`` for legacy callbacks);
    ``callback`` is the callback as parsed.
    """

    kind: Literal["json", "legacy"]
    """``"json"`` (unsigned, verified through the API) or ``"legacy"`` (verified by ``sign``)."""
    merchant_order_id: str | None
    """Your own order id (``orderId``), for both kinds: key your handler on this."""
    status: str | None
    """The status by its current API name (``"PAID"``); an unknown legacy code as its digits."""
    pay_amount: Decimal | None
    pay_currency_code: str | None
    receive_amount: Decimal | None
    receive_currency_code: str | None
    received_amount: Decimal | None
    """Amount received so far: legacy callbacks carry it; the API's order does not (``None``)."""
    order_id: str | None
    """SpectroCoin's order UUID (JSON callbacks); legacy callbacks carry none (``None``)."""
    callback: JsonCallback | LegacyCallback = attrs.field(repr=False)
    order: Order | None = attrs.field(default=None, repr=False)

    @classmethod
    def from_order(cls, callback: JsonCallback, order: Order) -> VerifiedCallback:
        """The verified facts of a JSON callback: the order as the API reports it."""
        return cls(
            kind="json",
            merchant_order_id=_known(order.order_id),
            status=_status_text(order.status),
            pay_amount=_known(order.pay_amount),
            pay_currency_code=_known(order.pay_currency_code),
            receive_amount=_known(order.receive_amount),
            receive_currency_code=_known(order.receive_currency_code),
            received_amount=None,
            order_id=str(order.id),
            callback=callback,
            order=order,
        )

    @classmethod
    def from_legacy(cls, callback: LegacyCallback) -> VerifiedCallback:
        """The verified facts of a legacy callback: its signed fields."""
        return cls(
            kind="legacy",
            merchant_order_id=callback.order_id,
            status=callback.status_name or str(callback.status),
            pay_amount=callback.pay_amount,
            pay_currency_code=callback.pay_currency,
            receive_amount=callback.receive_amount,
            receive_currency_code=callback.receive_currency,
            received_amount=callback.received_amount,
            order_id=None,
            callback=callback,
        )


def _same_project(a: object, b: str) -> bool:
    try:
        return UUID(str(a)) == UUID(b)
    except ValueError:
        return str(a).strip().lower() == b.strip().lower()


def _check_claimed_project(claimed: str | None, project_id: str | None) -> None:
    if project_id is None or claimed is None:
        return
    if not _same_project(claimed, project_id):
        raise CallbackVerificationError(
            "callback is for another project (merchantApiId does not match project_id)"
        )


async def verify_callback(
    callback: JsonCallback | LegacyCallback,
    *,
    get_order: Callable[[str], Awaitable[Order]],
    project_id: str | None = None,
    public_key: PublicKeySource | None = None,
    http: httpx.AsyncClient | None = None,
) -> VerifiedCallback:
    """Verify a parsed callback; raise ``CallbackVerificationError`` if it must not be acted on.

    JSON: a ``project_id`` is required: without one there is no way to tell this project's
    orders from those of the merchant's other projects (the same token sees them all), and the
    SDK refuses to vouch for the callback rather than guess. The claimed ``merchantApiId``
    (when present) must match; then ``get_order(callback.id)`` fetches the order, and the
    order's own ``projectId`` must match too (an order the API does not know, or one of another
    project, is rejected). Other errors from ``get_order`` (the API is down, ...) propagate
    unchanged: they say nothing about the callback, which should be answered 5xx and retried.

    Legacy: ``sign`` is checked with the key from ``public_key`` (``http`` fetches it; a key
    that cannot be loaded raises ``CallbackUnavailableError``); on a mismatch the key is fetched
    again, at most once per ``refetch_interval`` (:class:`PublicKeySource`), and ``sign`` is
    checked once more if it changed. Then ``merchantApiId`` is checked against
    ``project_id`` when both are known. ``merchantApiId`` is not covered by the signature, so
    that check is only a sanity check: also match ``merchant_order_id`` and the amounts against
    your own records, and, with several projects, the signed ``callback.merchant_id`` and
    ``callback.api_id`` (a genuine callback of another project verifies too).

    An unknown status is never a reason to reject: it is passed on as it is.
    """
    if isinstance(callback, JsonCallback):
        if project_id is None:
            raise CallbackVerificationError(
                "cannot verify a JSON callback without a project_id: configure the project the "
                "callbacks are for (project_id= or SPECTROCOIN_PROJECT_ID)"
            )
        _check_claimed_project(callback.merchant_api_id, project_id)
        try:
            order = await get_order(callback.id)
        except NotFoundError as exc:
            raise CallbackVerificationError(f"unknown order id {callback.id!r}") from exc
        owner = _known(getattr(order, "project_id", None))
        if owner is None:
            raise CallbackVerificationError(
                f"order {callback.id!r} as fetched from the API names no project: cannot tell "
                "whether it belongs to this one"
            )
        if not _same_project(owner, project_id):
            raise CallbackVerificationError(
                f"order {callback.id!r} belongs to another project, not to project_id"
            )
        return VerifiedCallback.from_order(callback, order)

    if public_key is None:
        raise CallbackVerificationError(
            "a legacy signed callback arrived but no public_key is configured to verify it"
        )
    pem = await public_key.load(http)
    failure = _signature_mismatch(callback, pem)
    if failure is not None:
        # SpectroCoin may have rotated its key: one bounded look for a newer one.
        fresh = await public_key.refetch(pem, http)
        if fresh is not None:
            failure = _signature_mismatch(callback, fresh)
        if failure is not None:
            raise CallbackVerificationError(_MISMATCH) from failure
    _check_claimed_project(callback.merchant_api_id, project_id)
    return VerifiedCallback.from_legacy(callback)


# --------------------------------------------------------------------------------------------
# ASGI app

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
                verified.merchant_order_id,
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
                    verified.merchant_order_id,
                    amount=verified.receive_amount,
                    currency=verified.receive_currency_code,
                )
            elif verified.status in ("EXPIRED", "FAILED", "CANCELLED"):
                await shop.cancel_once(verified.merchant_order_id)
            # Any other status, known or not: record it, never reject it.

    Verify the amount and currency against your own order before shipping anything.
    """
    return CallbackApp(sc, on_order, max_body_size=max_body_size)
