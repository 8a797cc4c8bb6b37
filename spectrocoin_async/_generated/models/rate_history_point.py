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
    format_datetime,
    json_type,
    parse_datetime,
    parse_error,
    to_decimal,
)

T = TypeVar("T", bound="RateHistoryPoint")


@_attrs_define
class RateHistoryPoint:
    """One point of a historical rate series (proposal).

    Attributes:
        from_currency_code (None | str): Currency converted from.
        rate (Decimal): Units of `toCurrencyCode` per unit of `fromCurrencyCode`.
        timestamp (datetime.datetime): Start of the interval this point stands for.
        to_currency_code (None | str): Currency converted to.
    """

    rate: Decimal
    timestamp: datetime.datetime
    from_currency_code: None | str = None
    to_currency_code: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_currency_code: None | str
        from_currency_code = self.from_currency_code

        rate = self.rate

        timestamp = format_datetime(self.timestamp, "timestamp")

        to_currency_code: None | str
        to_currency_code = self.to_currency_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rate": rate,
                "timestamp": timestamp,
            }
        )
        if from_currency_code is not None:
            field_dict["fromCurrencyCode"] = from_currency_code
        if to_currency_code is not None:
            field_dict["toCurrencyCode"] = to_currency_code

        return field_dict

    def to_json(self) -> dict[str, Any]:
        """`to_dict()` ready for `json.dumps`: money as plain-notation strings (`"0.00000001"`)."""
        return json_ready(self.to_dict())

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decoded JSON as `RateHistoryPoint`; `ModelValidationError` names what does not fit."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "RateHistoryPoint", "", f"expected an object, got {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        _field = ""
        try:
            _field = "fromCurrencyCode"

            def _parse_from_currency_code(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            from_currency_code = _parse_from_currency_code(d.pop("fromCurrencyCode", None))

            _field = "rate"
            rate = to_decimal(d.pop("rate"))

            _field = "timestamp"
            timestamp = parse_datetime(d.pop("timestamp"))

            _field = "toCurrencyCode"

            def _parse_to_currency_code(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            to_currency_code = _parse_to_currency_code(d.pop("toCurrencyCode", None))

        except ModelValidationError as exc:
            raise exc.nested("RateHistoryPoint", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("RateHistoryPoint", _field, exc) from None
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
