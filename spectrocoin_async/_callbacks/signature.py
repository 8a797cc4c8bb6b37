"""The legacy callback's RSA signature: the exact signed string, and its check."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterator, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Final
from urllib.parse import quote_plus

from spectrocoin_async._callbacks.amounts import _AMOUNT_RE, _MAX_AMOUNT_TEXT, _normalised_amount
from spectrocoin_async._callbacks.parsing import LEGACY_SIGNED_FIELDS, LegacyCallback
from spectrocoin_async._errors import CallbackVerificationError

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey

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
