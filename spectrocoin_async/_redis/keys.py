"""The key scheme: every key of one account shares one hash tag, ``{<prefix>:<client_id>}``."""

from __future__ import annotations

import urllib.parse

from spectrocoin_async._errors import ValidationError


def _key_part(value: str) -> str:
    # Percent-encoding keeps braces out of the hash tag (and spaces, newlines, ... out of keys).
    return urllib.parse.quote(value, safe="-_.@")


def _check_prefix(key_prefix: str) -> str:
    if not key_prefix or any(c in key_prefix for c in "{}") or not key_prefix.isprintable():
        raise ValidationError(
            "key_prefix", f"must be non-empty printable text without braces, got {key_prefix!r}"
        )
    return key_prefix


def _resolve_client_id(client_id: str | None) -> str:
    import os

    value = client_id or os.environ.get("SPECTROCOIN_CLIENT_ID") or None
    if not value:
        raise ValidationError(
            "client_id",
            "needed to name the shared Redis keys (one allowance per account): pass client_id= "
            "or set SPECTROCOIN_CLIENT_ID",
        )
    return value


def _tag(key_prefix: str, client_id: str) -> str:
    """The hash tag of one account: every key of it lands on the same Redis Cluster slot."""
    return "{" + _check_prefix(key_prefix) + ":" + _key_part(client_id) + "}"
