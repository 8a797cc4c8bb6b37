"""Input checks taken from the spec's constraints, run before anything is sent."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from ._errors import ValidationError
from ._types import FieldRule, Unset
from ._values import check_decimal

__all__ = ["check"]


# The only text an amount may be given as: plain notation, ASCII digits, an optional leading
# "-" and at most one "." between digits. The text is sent as it is, so Decimal()'s wider reading
# ("1_000", " 5 ", "1E3", Arabic-Indic digits) must not pass: the server would get that spelling.
_PLAIN_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _as_decimal(name: str, value: Any) -> Decimal:
    if isinstance(value, bool):
        raise ValidationError(name, "must be a number, got a bool")
    if isinstance(value, float):
        raise ValidationError(name, "must be a Decimal, int or decimal string, not a float")
    if not isinstance(value, (Decimal, int, str)):
        raise ValidationError(name, f"must be a decimal number, got {type(value).__name__}")
    if isinstance(value, str):
        if len(value) > 100:
            raise ValidationError(name, "must be a decimal number of at most 100 characters")
        if not _PLAIN_NUMBER.fullmatch(value):
            raise ValidationError(
                name,
                f"text {value[:60]!r} is not a number in plain notation (ASCII digits, an "
                "optional leading '-' and one '.', e.g. '1000.50'); or pass a Decimal",
            )
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value))
    except (InvalidOperation, ValueError):  # ValueError: an int of more than 4,300 digits
        raise ValidationError(name, f"must be a decimal number, got {str(value)[:60]!r}") from None
    # NaN, sNaN, Infinity and 1E+999999999 are refused here, before any comparison.
    problem = check_decimal(number)
    if problem is not None:
        raise ValidationError(name, problem)
    return number


def check(rules: tuple[FieldRule, ...], data: Mapping[str, Any] | None) -> None:
    """Raise ``ValidationError`` naming the first field of ``data`` that breaks its rule."""
    if not rules:
        return
    data = data or {}
    for rule in rules:
        value = data.get(rule.name)
        if value is None or isinstance(value, Unset) or value == "":
            if rule.required:
                raise ValidationError(rule.name, "is required")
            continue
        if rule.pattern is not None:
            text = value.value if hasattr(value, "value") else value
            if not isinstance(text, str) or not _compiled(rule.pattern).fullmatch(text):
                hint = (
                    " (currency codes are upper case)"
                    if (isinstance(text, str) and _compiled(rule.pattern).fullmatch(text.upper()))
                    else ""
                )
                raise ValidationError(rule.name, f"{value!r} does not match {rule.pattern}{hint}")
        if rule.format == "uuid" and not isinstance(value, uuid.UUID):
            try:
                uuid.UUID(str(value))
            except ValueError:
                raise ValidationError(rule.name, f"must be a UUID, got {value!r}") from None
        if (
            rule.exclusive_minimum is not None
            or rule.minimum is not None
            or (rule.maximum is not None)
        ):
            number = _as_decimal(rule.name, value)
            if rule.exclusive_minimum is not None and not number > rule.exclusive_minimum:
                raise ValidationError(
                    rule.name, f"must be greater than {rule.exclusive_minimum}, got {number}"
                )
            if rule.minimum is not None and number < rule.minimum:
                raise ValidationError(rule.name, f"must be at least {rule.minimum}, got {number}")
            if rule.maximum is not None and number > rule.maximum:
                raise ValidationError(rule.name, f"must be at most {rule.maximum}, got {number}")


def check_any_of(groups: tuple[tuple[FieldRule, ...], ...], data: Mapping[str, Any] | None) -> None:
    """Raise ``ValidationError`` unless ``data`` satisfies every rule of at least one group
    (the spec's ``anyOf`` of ``required`` groups, such as "the receive pair or the pay pair")."""
    if not groups:
        return
    problems = []
    for group in groups:
        try:
            check(group, data)
        except ValidationError as exc:
            problems.append(exc)
        else:
            return
    wanted = " or ".join(" and ".join(rule.name for rule in group) for group in groups)
    why = "; ".join(str(p) for p in problems)
    raise ValidationError(groups[0][0].name, f"give {wanted} ({why})")
