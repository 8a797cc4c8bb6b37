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

from spectrocoin_async._callbacks.keys import (
    DEFAULT_KEY_REFETCH_INTERVAL,
    SPECTROCOIN_PUBLIC_KEY_URL,
    PublicKeySource,
)
from spectrocoin_async._callbacks.parsing import (
    LEGACY_SIGNED_FIELDS,
    LEGACY_STATUS_NAMES,
    JsonCallback,
    LegacyCallback,
    parse_callback,
)
from spectrocoin_async._callbacks.receiver import (
    MAX_CALLBACK_BODY,
    CallbackApp,
    CallbackVerifier,
    SupportsMerchantCallbacks,
    callback_app,
)
from spectrocoin_async._callbacks.signature import legacy_signed_payload, verify_legacy_signature
from spectrocoin_async._callbacks.verification import VerifiedCallback, verify_callback

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
