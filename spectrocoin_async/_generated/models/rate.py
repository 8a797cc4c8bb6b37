from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, parse_datetime, to_decimal

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
        from_currency_code = self.from_currency_code

        rate = self.rate

        to_currency_code = self.to_currency_code

        timestamp: str | Unset = UNSET
        if not isinstance(self.timestamp, Unset):
            timestamp = self.timestamp.isoformat()

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
        d = dict(src_dict)
        from_currency_code = d.pop("fromCurrencyCode")

        rate = to_decimal(d.pop("rate"))

        to_currency_code = d.pop("toCurrencyCode")

        _timestamp = d.pop("timestamp", UNSET)
        timestamp: datetime.datetime | Unset
        if isinstance(_timestamp, Unset):
            timestamp = UNSET
        else:
            timestamp = parse_datetime(_timestamp)

        rate = cls(
            from_currency_code=from_currency_code,
            rate=rate,
            to_currency_code=to_currency_code,
            timestamp=timestamp,
        )

        rate.additional_properties = d
        return rate

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
