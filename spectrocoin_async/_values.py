"""Parsers for the values the generated models read: exact decimals, timestamps, checked types.

Every parser bounds what it is given *before* converting it, so that a hostile number such as
``1e1000000`` is refused at once instead of starting a conversion that runs for minutes, and
raises only ``TypeError`` or ``ValueError`` (never ``OverflowError`` or
``decimal.InvalidOperation``); the generated ``from_dict`` turns those into a
``ModelValidationError`` naming the model and the field. The ``checked_*``/``format_*``
helpers, ``enum_value`` and ``path_segment`` guard the other direction (requests) and raise
``ValidationError`` naming the field, before anything is sent.
"""

from __future__ import annotations

import datetime
import enum
import re
from collections.abc import Mapping
from decimal import MAX_EMAX, MIN_EMIN, Context, Decimal, InvalidOperation, Rounded
from typing import Any, Final, TypeVar

from ._errors import ModelValidationError, UnknownFieldError, ValidationError
from ._suggest import unknown_reason

__all__ = [
    "DECIMAL_INPUTS",
    "DIGITS_CONTEXT",
    "MAX_DECIMAL_DIGITS",
    "MAX_DECIMAL_EXPONENT",
    "MAX_EPOCH_MILLISECONDS",
    "MAX_EPOCH_SECONDS",
    "check_decimal",
    "checked_bool",
    "checked_int",
    "checked_str",
    "enum_value",
    "expect_bool",
    "expect_int",
    "expect_list",
    "expect_str",
    "format_date",
    "format_datetime",
    "json_type",
    "parse_datetime",
    "parse_error",
    "path_segment",
    "to_decimal",
    "unknown_field",
]

MAX_DECIMAL_DIGITS: Final = 50
# What an amount is read from, required or nullable alike: a JSON number (a Decimal), an int, a
# decimal string, or a float from JSON the caller decoded itself (read as its shortest repr).
DECIMAL_INPUTS: Final = (Decimal, int, str, float)
"""Most significant digits a money value may have, trailing zeros included. No currency has more
than 18 decimals (ETH's wei), and 32 integer digits are more than any supply in whole units,
so a real amount never comes near; a server's 1.000...(a million zeros) is refused."""
MAX_DECIMAL_EXPONENT: Final = 40
"""Largest power of ten, either way, in a money value: plain notation stays under 90 chars."""

MAX_EPOCH_SECONDS: Final = 10**11
"""Epoch numbers below this are seconds (up to the year 5138); from here on, milliseconds."""
MAX_EPOCH_MILLISECONDS: Final = 10**14
"""Epoch numbers from this on (milliseconds past the year 5138) are refused as absurd."""
_MAX_TIMESTAMP_TEXT: Final = 64
_MAX_TEXT_DIGITS: Final = 60  # a decimal string longer than this cannot be in range
_INT_BOUND: Final = 10 ** (MAX_DECIMAL_EXPONENT + 1)  # an int below it is within the magnitude
DIGITS_CONTEXT: Final = Context(
    prec=MAX_DECIMAL_DIGITS, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[Rounded]
)
"""Signals ``Rounded`` exactly when a number has more than :data:`MAX_DECIMAL_DIGITS` digits:
a digit count in C (``plus``, ``create_decimal``), without ``as_tuple()``'s tuple of every digit
(a million for 1.000...0). The widest exponents, so that nothing else (1E+999999999) rounds.
Shared by ``check_decimal`` and the JSON decoder (``_json``)."""
# An amount sent as text must look like a JSON number: Decimal() alone also takes "1_000",
# " 12 ", "NaN" and non-ASCII digits.
_DECIMAL_TEXT: Final = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")

E = TypeVar("E", bound=enum.Enum)


def check_decimal(value: Decimal) -> str | None:
    """Why ``value`` is not a usable amount (non-finite, too many digits, absurd exponent)."""
    if not value.is_finite():
        return f"must be a finite number, got {value}"
    if _too_many_digits(value):
        return f"has more than {MAX_DECIMAL_DIGITS} significant digits"
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # finite
    # Both ends: 1E+999999999 and 0E-999999999 would each print a billion digits.
    if not -MAX_DECIMAL_EXPONENT <= exponent <= MAX_DECIMAL_EXPONENT:
        return f"is out of range (exponent {exponent}, at most ±{MAX_DECIMAL_EXPONENT})"
    return None


def to_decimal(value: object) -> Decimal:
    """An exact Decimal from a JSON number (already a Decimal), an int or a decimal string.

    Non-finite values and magnitudes beyond 10^±40 raise ``ValueError``; so do values with
    more than :data:`MAX_DECIMAL_DIGITS` significant digits (``1.`` and a million zeros is
    within the magnitude, but no amount). Integers and strings are bounded before they are
    converted (a string at 60 characters). A JSON number arrives here already a ``Decimal``,
    its digits bounded by the decoder (``_json.decode_json``); a plain ``Decimal`` made
    elsewhere is checked for its magnitude only.
    """
    if type(value) is Decimal:
        # The hot path (every amount of every response): two cheap checks, no digit count. The
        # JSON decoder makes a plain Decimal only of at most MAX_DECIMAL_DIGITS digits; a longer
        # number arrives as a LongDecimal (a subclass), which takes the checks below.
        if value.is_finite() and -MAX_DECIMAL_EXPONENT <= value.adjusted() <= MAX_DECIMAL_EXPONENT:
            return value
        raise ValueError(_magnitude_problem(value))
    if type(value) is int:
        if -_INT_BOUND < value < _INT_BOUND:
            return Decimal(value)  # exact, and faster than through str
        raise ValueError(_int_problem(value))
    if isinstance(value, bool) or not isinstance(value, (Decimal, int, str, float)):
        raise TypeError(f"expected a decimal number, got {json_type(value)}")
    if isinstance(value, str):
        if len(value) > _MAX_TEXT_DIGITS:
            raise ValueError(f"not a decimal number of at most {_MAX_TEXT_DIGITS} characters")
        if not _DECIMAL_TEXT.fullmatch(value):
            raise ValueError(f"not a decimal number: {value[:40]!r}")
    if isinstance(value, int) and value.bit_length() > 4 * MAX_DECIMAL_DIGITS:
        raise ValueError(f"has more than {MAX_DECIMAL_DIGITS} significant digits")
    try:
        # str() first: a stray float keeps its shortest repr, not its binary expansion.
        result = value if isinstance(value, Decimal) else Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"not a decimal number: {str(value)[:40]!r}") from None
    problem = check_decimal(result)
    if problem is not None:
        raise ValueError(problem)
    return result


def _too_many_digits(value: Decimal) -> bool:
    try:
        DIGITS_CONTEXT.plus(value)
    except Rounded:
        return True
    return False


def _int_problem(value: int) -> str:
    if value.bit_length() > 4 * MAX_DECIMAL_DIGITS or abs(value) >= 10**MAX_DECIMAL_DIGITS:
        return f"has more than {MAX_DECIMAL_DIGITS} significant digits"
    # Fewer than 51 digits here: str() is cheap.
    return f"is out of range (exponent {len(str(abs(value))) - 1}, at most ±{MAX_DECIMAL_EXPONENT})"


def _magnitude_problem(value: Decimal) -> str:
    if not value.is_finite():
        return f"must be a finite number, got {value}"
    return f"is out of range (exponent {value.adjusted()}, at most ±{MAX_DECIMAL_EXPONENT})"


def _from_epoch(number: int | Decimal) -> datetime.datetime:
    # Bounded before any conversion: the caller has made sure |number| < 10^15.
    if number < 0:
        raise ValueError(f"epoch timestamp {number} is before 1970")
    if number >= MAX_EPOCH_MILLISECONDS:
        raise ValueError(f"epoch timestamp {number} is out of range")
    seconds = Decimal(number) if number < MAX_EPOCH_SECONDS else Decimal(number) / 1000
    whole = int(seconds)
    micros = int((seconds - whole) * 1_000_000)
    return datetime.datetime.fromtimestamp(whole, tz=datetime.UTC) + datetime.timedelta(
        microseconds=micros
    )


def parse_datetime(value: object) -> datetime.datetime:
    """An aware datetime from ISO 8601 text or an epoch number; UTC when no offset is given.

    Epoch numbers (JSON numbers or all-digit strings) follow one magnitude rule: below
    :data:`MAX_EPOCH_SECONDS` (10^11) they are **seconds**, from there up to
    :data:`MAX_EPOCH_MILLISECONDS` (10^14) **milliseconds** (the legacy API's ``validUntil``);
    negative or larger values raise ``ValueError``. 10^11 seconds is the year 5138 and 10^11
    milliseconds is March 1973, so no real timestamp of this API is ambiguous.
    """
    if isinstance(value, bool):
        raise TypeError("expected a timestamp, got boolean")
    if isinstance(value, int):
        if value.bit_length() > 60:
            raise ValueError("epoch timestamp is out of range")
        return _from_epoch(value)
    if isinstance(value, Decimal):
        if not value.is_finite() or value.adjusted() > 15:
            raise ValueError(f"epoch timestamp {value:.3} is out of range")
        return _from_epoch(value)
    if isinstance(value, str):
        if len(value) > _MAX_TIMESTAMP_TEXT:
            raise ValueError(f"timestamp text longer than {_MAX_TIMESTAMP_TEXT} characters")
        if value.isascii() and value.isdigit():
            return _from_epoch(int(value))
        parsed = datetime.datetime.fromisoformat(value)
        return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=datetime.UTC)
    raise TypeError(f"expected a timestamp, got {json_type(value)}")


def json_type(value: object) -> str:
    """How JSON would name the type of a decoded value: ``null``, ``boolean``, ``number``, ..."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float, Decimal)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, (list, tuple)):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def expect_str(value: object) -> str:
    """``value`` itself when it is a JSON string; ``TypeError`` otherwise."""
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {json_type(value)}")
    return value


def expect_int(value: object) -> int:
    """``value`` itself when it is a JSON integer (not a bool, not 1.0); ``TypeError`` otherwise."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected an integer, got {json_type(value)}")
    if value.bit_length() > 63:
        raise ValueError("integer out of the 64-bit range")
    return value


def expect_bool(value: object) -> bool:
    """``value`` itself when it is ``true`` or ``false``; ``TypeError`` otherwise."""
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, got {json_type(value)}")
    return value


def expect_list(value: object) -> list[Any]:
    """``value`` itself when it is a JSON array; ``TypeError`` otherwise."""
    if not isinstance(value, list):
        raise TypeError(f"expected an array, got {json_type(value)}")
    return value


def checked_str(value: str, field: str) -> str:
    """A request's text field as given; another type is a ``ValidationError`` naming it.

    ``None`` passes (the caller's "not set"), as the encoders leave it out.
    """
    if isinstance(value, str) or value is None:
        return value
    raise ValidationError(field, f"must be a str, got {type(value).__name__}")


def checked_int(value: int, field: str) -> int:
    """A request's integer field or parameter; a bool, float or text is a ``ValidationError``."""
    if (isinstance(value, int) and not isinstance(value, bool)) or value is None:
        return value
    raise ValidationError(field, f"must be an int, got {type(value).__name__}")


def checked_bool(value: bool, field: str) -> bool:
    """A request's boolean field or parameter; anything but ``True``/``False`` is refused."""
    if isinstance(value, bool) or value is None:
        return value
    raise ValidationError(field, f"must be a bool, got {type(value).__name__}")


def format_date(value: object, field: str) -> str:
    """ISO 8601 text of a request's date field; ``ValidationError`` naming it otherwise."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise ValidationError(field, f"must be a date, got {type(value).__name__}")


def format_datetime(value: object, field: str) -> str:
    """ISO 8601 text of a request's datetime field; ``ValidationError`` naming it otherwise."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    raise ValidationError(field, f"must be a datetime, got {type(value).__name__}")


def parse_error(model: str, field: str, exc: BaseException) -> ModelValidationError:
    """The :class:`ModelValidationError` for ``exc``, raised while reading ``field``."""
    if isinstance(exc, KeyError):
        return ModelValidationError(model, field, "is required but missing")
    reason = str(exc) or type(exc).__name__
    return ModelValidationError(model, field, reason[:200])


def unknown_field(model: str, given: Mapping[str, Any], known: tuple[str, ...]) -> None:
    """Refuse a key of a request that ``model`` does not have (the first, with the closest wire
    name): a misspelt key would otherwise be dropped without a word."""
    for key in given:
        if key not in known:
            shown = str(key)[:80]
            raise UnknownFieldError(model, shown, unknown_reason(shown, known, "field"))


def enum_value(value: Any, enum_type: type[E], field: str) -> Any:
    """The wire value of an enum field that may have been given as a member or as its string.

    A string is accepted when the enum knows it; anything else raises ``ValidationError``
    naming ``field``, before anything is sent. Members (including the pseudo-members that
    stand for values this SDK does not know yet, read from a response) pass unchanged.
    """
    if isinstance(value, enum_type):
        return value.value
    if isinstance(value, str):
        try:
            member = enum_type(value)
        except ValueError:
            member = None
        if member is not None and not getattr(member, "is_unknown", False):
            return member.value
    allowed = ", ".join(str(m.value) for m in enum_type)
    shown = repr(value) if isinstance(value, str) else type(value).__name__
    raise ValidationError(field, f"must be one of {allowed}, got {shown[:60]}")


def path_segment(value: object, field: str) -> str:
    """``value`` as one URL path segment, refusing what could leave it or name its parent.

    Empty, ``.``, ``..``, and anything holding ``/``, ``\\`` or a control character raise
    ``ValidationError`` naming ``field``: ``get_transaction("..")`` would otherwise address
    ``GET /api/public``. The caller percent-encodes the rest.
    """
    if isinstance(value, (bool, bytes)) or value is None:
        raise ValidationError(field, f"must be an id, got {type(value).__name__}")
    text = str(value)
    if text in ("", ".", ".."):
        raise ValidationError(field, f"must be an id, got {text!r}")
    if len(text) > 256:
        raise ValidationError(field, "is longer than 256 characters")
    if any(c in "/\\" or not c.isprintable() for c in text):
        raise ValidationError(field, f"must stay inside its path segment, got {text[:60]!r}")
    return text
