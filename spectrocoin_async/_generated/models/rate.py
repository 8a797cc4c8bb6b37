from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._errors import ModelValidationError
from ..._values import (
    checked_str,
    expect_str,
    format_datetime,
    parse_datetime,
    parse_error,
    to_decimal,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="Rate")


@_attrs_define
class Rate:
    """A live exchange rate (proposal).

    Attributes:
        from_currency_code (str): Currency converted from.
        rate (Decimal): Units of `toCurrencyCode` per unit of `fromCurrencyCode`.
        to_currency_code (str): Currency converted to.
        timestamp (datetime.datetime | Unset): When the rate was taken.
    """

    from_currency_code: str
    rate: Decimal
    to_currency_code: str
    timestamp: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_currency_code = checked_str(self.from_currency_code, "fromCurrencyCode")

        rate = self.rate

        to_currency_code = checked_str(self.to_currency_code, "toCurrencyCode")

        timestamp: str | Unset = UNSET
        if not isinstance(self.timestamp, Unset):
            timestamp = format_datetime(self.timestamp, "timestamp")

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fromCurrencyCode": from_currency_code,
                "rate": rate,
                "toCurrencyCode": to_currency_code,
            }
        )
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decoded JSON as `Rate`; `ModelValidationError` names what does not fit."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "Rate", "", f"expected an object, got {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        _field = ""
        try:
            _field = "fromCurrencyCode"
            from_currency_code = expect_str(d.pop("fromCurrencyCode"))

            _field = "rate"
            rate = to_decimal(d.pop("rate"))

            _field = "toCurrencyCode"
            to_currency_code = expect_str(d.pop("toCurrencyCode"))

            _field = "timestamp"
            _timestamp = d.pop("timestamp", UNSET)
            timestamp: datetime.datetime | Unset
            if isinstance(_timestamp, Unset):
                timestamp = UNSET
            else:
                timestamp = parse_datetime(_timestamp)

        except ModelValidationError as exc:
            raise exc.nested("Rate", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("Rate", _field, exc) from None
        instance__ = cls(
            from_currency_code=from_currency_code,
            rate=rate,
            to_currency_code=to_currency_code,
            timestamp=timestamp,
        )

        instance__.additional_properties = d
        return instance__

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
