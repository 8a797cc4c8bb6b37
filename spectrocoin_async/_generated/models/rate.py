from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._encoding import json_ready
from ..._errors import ModelValidationError
from ..._values import (
    checked_str,
    expect_str,
    format_datetime,
    json_type,
    parse_datetime,
    parse_error,
    to_decimal,
)

T = TypeVar("T", bound="Rate")


@_attrs_define
class Rate:
    """A live exchange rate (proposal).

    Attributes:
        from_currency_code (str): Currency converted from.
        rate (Decimal): Units of `toCurrencyCode` per unit of `fromCurrencyCode`.
        timestamp (datetime.datetime | None): When the rate was taken.
        to_currency_code (str): Currency converted to.
    """

    from_currency_code: str
    rate: Decimal
    to_currency_code: str
    timestamp: datetime.datetime | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_currency_code = checked_str(self.from_currency_code, "fromCurrencyCode")

        rate = self.rate

        timestamp: None | str
        if isinstance(self.timestamp, datetime.datetime):
            timestamp = format_datetime(self.timestamp, "timestamp")
        else:
            timestamp = self.timestamp

        to_currency_code = checked_str(self.to_currency_code, "toCurrencyCode")

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fromCurrencyCode": from_currency_code,
                "rate": rate,
                "toCurrencyCode": to_currency_code,
            }
        )
        if timestamp is not None:
            field_dict["timestamp"] = timestamp

        return field_dict

    def to_json(self) -> dict[str, Any]:
        """`to_dict()` ready for `json.dumps`: money as plain-notation strings (`"0.00000001"`)."""
        return json_ready(self.to_dict())

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

            _field = "timestamp"

            def _parse_timestamp(data: object) -> datetime.datetime | None:
                if data is None:
                    return data
                if isinstance(data, (str, int, Decimal)):
                    timestamp_type_0 = parse_datetime(data)

                    return timestamp_type_0
                raise TypeError(f"expected a timestamp or null, got {json_type(data)}")

            timestamp = _parse_timestamp(d.pop("timestamp", None))

            _field = "toCurrencyCode"
            to_currency_code = expect_str(d.pop("toCurrencyCode"))

        except ModelValidationError as exc:
            raise exc.nested("Rate", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("Rate", _field, exc) from None
        instance__ = cls(
            from_currency_code=from_currency_code,
            rate=rate,
            timestamp=timestamp,
            to_currency_code=to_currency_code,
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
