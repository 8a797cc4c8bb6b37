from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, parse_datetime, to_decimal

T = TypeVar("T", bound="RateHistoryPoint")


@_attrs_define
class RateHistoryPoint:
    """One point of a historical rate series (proposal).

    Attributes:
        rate (Decimal): Units of `toCurrencyCode` per unit of `fromCurrencyCode`.
        timestamp (datetime.datetime): Start of the interval this point stands for.
        from_currency_code (str | Unset): Currency converted from.
        to_currency_code (str | Unset): Currency converted to.
    """

    rate: Decimal
    timestamp: datetime.datetime
    from_currency_code: str | Unset = UNSET
    to_currency_code: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rate = self.rate

        timestamp = self.timestamp.isoformat()

        from_currency_code = self.from_currency_code

        to_currency_code = self.to_currency_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rate": rate,
                "timestamp": timestamp,
            }
        )
        if from_currency_code is not UNSET:
            field_dict["fromCurrencyCode"] = from_currency_code
        if to_currency_code is not UNSET:
            field_dict["toCurrencyCode"] = to_currency_code

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        rate = to_decimal(d.pop("rate"))

        timestamp = parse_datetime(d.pop("timestamp"))

        from_currency_code = d.pop("fromCurrencyCode", UNSET)

        to_currency_code = d.pop("toCurrencyCode", UNSET)

        rate_history_point = cls(
            rate=rate,
            timestamp=timestamp,
            from_currency_code=from_currency_code,
            to_currency_code=to_currency_code,
        )

        rate_history_point.additional_properties = d
        return rate_history_point

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
