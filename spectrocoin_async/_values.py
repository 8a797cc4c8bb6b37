"""Parsers for the values the generated models read: exact decimals and timestamps."""

import datetime
from decimal import Decimal, InvalidOperation

__all__ = ["parse_datetime", "to_decimal"]


def to_decimal(value: object) -> Decimal:
    """An exact Decimal from a JSON number (already a Decimal), an int or a decimal string."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool) or not isinstance(value, (int, str, float)):
        raise TypeError(f"expected a decimal number, got {type(value).__name__}")
    try:
        # str() first: a stray float keeps its shortest repr, not its binary expansion.
        result = Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"not a decimal number: {value!r}") from None
    if not result.is_finite():
        raise ValueError(f"not a finite decimal number: {value!r}")
    return result


def parse_datetime(value: object) -> datetime.datetime:
    """A datetime from ISO 8601 text or epoch milliseconds (the legacy API's ``validUntil``)."""
    if isinstance(value, bool):
        raise TypeError("expected a timestamp, got bool")
    if isinstance(value, (int, Decimal)):
        return datetime.datetime.fromtimestamp(int(value) / 1000, tz=datetime.UTC)
    if isinstance(value, str):
        if value.isdigit():
            return datetime.datetime.fromtimestamp(int(value) / 1000, tz=datetime.UTC)
        return datetime.datetime.fromisoformat(value)
    raise TypeError(f"expected a timestamp, got {type(value).__name__}")
