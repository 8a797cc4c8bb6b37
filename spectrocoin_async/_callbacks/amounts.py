"""The amount format SpectroCoin signs legacy callbacks with (Java's ``0.0#######``).

Parsing refuses an amount with digits this format drops; the signature check signs it in this
form (see :mod:`spectrocoin_async._callbacks.signature` for how the signed string is built).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_EVEN, Context, Decimal, localcontext
from typing import Final

# ASCII digits only: ``Decimal`` alone would also take "1_000", "NaN", " 1 " and Arabic digits.
_AMOUNT_RE: Final = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_MAX_AMOUNT_TEXT: Final = 64
_EIGHT_DECIMALS: Final = Decimal("1e-8")


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
