"""Decoding response bodies: JSON with exact decimals, bounded in size and depth.

A hostile or broken server must not be able to freeze or crash the client with a body: every
failure here is a :class:`JSONDecodeLimitError` or a ``json.JSONDecodeError``, both
``ValueError`` subclasses, so every caller that already treats ``ValueError`` as "not JSON" gets
them (never a bare ``RecursionError``).
"""

from __future__ import annotations

import json
import re
from decimal import Decimal, Rounded
from itertools import accumulate
from typing import Any, Final

from ._errors import SpectroCoinError
from ._values import DIGITS_CONTEXT

__all__ = [
    "MAX_JSON_BYTES",
    "MAX_JSON_DEPTH",
    "JSONDecodeLimitError",
    "LongDecimal",
    "decode_json",
]

MAX_JSON_BYTES: Final = 64 * 1024 * 1024
"""Largest JSON body decoded (exports, which may be larger, are streamed as bytes instead)."""

MAX_JSON_DEPTH: Final = 64
"""Deepest nesting of arrays and objects accepted; the API's deepest answer has 4 levels."""


class JSONDecodeLimitError(SpectroCoinError, ValueError):
    """A body that is too large, too deep or otherwise not decodable as bounded JSON."""


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


class LongDecimal(Decimal):
    """A JSON number with more significant digits than any amount (``MAX_DECIMAL_DIGITS``).

    Decoded as it is, so that the model field holding it is named when ``to_decimal`` refuses
    it: ``to_decimal``'s fast path takes only plain ``Decimal``, which the decoder makes only
    for numbers within the bound.
    """


def _marked_number(text: str) -> Decimal:
    try:
        return DIGITS_CONTEXT.create_decimal(text)
    except Rounded:
        return LongDecimal(text)


# One decoder for all responses: json.loads(parse_float=...) would build a new one per call.
# Every number of at most MAX_DECIMAL_DIGITS digits, exactly (create_decimal in C, as fast as
# Decimal()); a longer one signals Rounded. Exponents are left wide: to_decimal bounds them.
_DECODER = json.JSONDecoder(parse_float=DIGITS_CONTEXT.create_decimal, parse_constant=_no_constants)
# Only for a body with an over-long number: every number through Python, the long ones marked.
_MARKING = json.JSONDecoder(parse_float=_marked_number, parse_constant=_no_constants)
# The depth scan keeps only quotes and brackets (bytes.translate runs at C speed); what is left
# of each string is a short `"..."` run to drop, and the brackets remain.
_ESCAPE: Final = re.compile(rb"\\.", re.S)
_QUOTED: Final = re.compile(rb'"[^"]*"')
_NOT_STRUCTURE: Final = bytes(b for b in range(256) if b not in b'"[]{}')
_STEP: Final = [0] * 256
_STEP[ord("[")] = _STEP[ord("{")] = 1
_STEP[ord("]")] = _STEP[ord("}")] = -1


def json_depth(content: bytes) -> int:
    """How deeply arrays and objects nest in ``content`` (brackets inside strings ignored).

    Exact for valid JSON; for invalid JSON it may over-count, which only refuses what the
    decoder would refuse anyway.
    """
    structure = content.translate(None, _NOT_STRUCTURE)  # quotes and brackets, at C speed
    opened = structure.count(b"[") + structure.count(b"{")
    if opened <= MAX_JSON_DEPTH:
        return opened  # an upper bound that is already small enough: skip the exact count
    if b"\\" in content:  # drop escape pairs, so that an escaped quote cannot end a string
        structure = _ESCAPE.sub(b"", content).translate(None, _NOT_STRUCTURE)
    # Most strings hold no bracket and shrink to `""`: drop those at C speed first.
    brackets = structure.replace(b'""', b"")
    if b'"' in brackets:
        brackets = _QUOTED.sub(b"", brackets)
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


def decode_json(content: bytes) -> Any:
    """JSON with every non-integer number as an exact ``Decimal`` (never through float); one of
    more than ``MAX_DECIMAL_DIGITS`` significant digits as a :class:`LongDecimal`.

    Raises ``ValueError`` for anything else: :class:`JSONDecodeLimitError` for a body larger
    than :data:`MAX_JSON_BYTES` or nested deeper than :data:`MAX_JSON_DEPTH`,
    ``json.JSONDecodeError`` for text that is not JSON, ``UnicodeDecodeError`` for bytes that
    are not UTF-8, and a plain ``ValueError`` for an integer of more than 4,300 digits.
    A number whose exponent is past what ``decimal`` holds (``1e-1999999999999999999``) is a
    :class:`JSONDecodeLimitError` too, never a bare ``decimal.InvalidOperation``.
    """
    if len(content) > MAX_JSON_BYTES:
        raise JSONDecodeLimitError(
            f"JSON body of {len(content)} bytes is larger than the limit of {MAX_JSON_BYTES}"
        )
    if json_depth(content) > MAX_JSON_DEPTH:
        raise JSONDecodeLimitError(f"JSON body is nested deeper than {MAX_JSON_DEPTH} levels")
    text = content.decode("utf-8")
    try:
        try:
            return _DECODER.decode(text)
        except Rounded:  # a number longer than any amount: decode again, marking it
            return _MARKING.decode(text)
    except RecursionError:  # unreachable after the depth check; kept as a last line
        raise JSONDecodeLimitError("JSON body is nested too deeply") from None
    except ArithmeticError:  # decimal's InvalidOperation: an exponent beyond ±10^18
        raise JSONDecodeLimitError(
            "JSON body holds a number beyond any decimal range (an exponent past ±10^18)"
        ) from None
