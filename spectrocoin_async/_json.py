"""Decoding response bodies: JSON with exact decimals."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

__all__ = ["decode_json"]


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


# One decoder for all responses: json.loads(parse_float=...) would build a new one per call.
_DECODER = json.JSONDecoder(parse_float=Decimal, parse_constant=_no_constants)


def decode_json(content: bytes) -> Any:
    """JSON with every non-integer number as an exact ``Decimal`` (never through float)."""
    return _DECODER.decode(content.decode("utf-8"))
