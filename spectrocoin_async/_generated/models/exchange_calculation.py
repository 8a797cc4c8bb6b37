from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._encoding import json_ready
from ..._errors import ModelValidationError
from ..._values import (
    DECIMAL_INPUTS,
    json_type,
    parse_error,
    to_decimal,
)

T = TypeVar("T", bound="ExchangeCalculation")


@_attrs_define
class ExchangeCalculation:
    """A calculated exchange quote (fields are this project's model).

    Attributes:
        pay_amount (Decimal | None): Amount paid.
        pay_currency_code (None | str): Currency paid.
        rate (Decimal | None): Units of the receive currency per unit of the pay currency.
        receive_amount (Decimal | None): Amount received.
        receive_currency_code (None | str): Currency received.
    """

    pay_amount: Decimal | None = None
    pay_currency_code: None | str = None
    rate: Decimal | None = None
    receive_amount: Decimal | None = None
    receive_currency_code: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pay_amount: Decimal | None
        pay_amount = self.pay_amount

        pay_currency_code: None | str
        pay_currency_code = self.pay_currency_code

        rate: Decimal | None
        rate = self.rate

        receive_amount: Decimal | None
        receive_amount = self.receive_amount

        receive_currency_code: None | str
        receive_currency_code = self.receive_currency_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if pay_amount is not None:
            field_dict["payAmount"] = pay_amount
        if pay_currency_code is not None:
            field_dict["payCurrencyCode"] = pay_currency_code
        if rate is not None:
            field_dict["rate"] = rate
        if receive_amount is not None:
            field_dict["receiveAmount"] = receive_amount
        if receive_currency_code is not None:
            field_dict["receiveCurrencyCode"] = receive_currency_code

        return field_dict

    def to_json(self) -> dict[str, Any]:
        """`to_dict()` ready for `json.dumps`: money as plain-notation strings (`"0.00000001"`)."""
        return json_ready(self.to_dict())

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decoded JSON as `ExchangeCalculation`; `ModelValidationError` names what does not fit."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "ExchangeCalculation", "", f"expected an object, got {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        _field = ""
        try:
            _field = "payAmount"

            def _parse_pay_amount(data: object) -> Decimal | None:
                if data is None:
                    return data
                if isinstance(data, DECIMAL_INPUTS):
                    pay_amount_type_0 = to_decimal(data)

                    return pay_amount_type_0
                raise TypeError(f"expected a decimal number or null, got {json_type(data)}")

            pay_amount = _parse_pay_amount(d.pop("payAmount", None))

            _field = "payCurrencyCode"

            def _parse_pay_currency_code(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            pay_currency_code = _parse_pay_currency_code(d.pop("payCurrencyCode", None))

            _field = "rate"

            def _parse_rate(data: object) -> Decimal | None:
                if data is None:
                    return data
                if isinstance(data, DECIMAL_INPUTS):
                    rate_type_0 = to_decimal(data)

                    return rate_type_0
                raise TypeError(f"expected a decimal number or null, got {json_type(data)}")

            rate = _parse_rate(d.pop("rate", None))

            _field = "receiveAmount"

            def _parse_receive_amount(data: object) -> Decimal | None:
                if data is None:
                    return data
                if isinstance(data, DECIMAL_INPUTS):
                    receive_amount_type_0 = to_decimal(data)

                    return receive_amount_type_0
                raise TypeError(f"expected a decimal number or null, got {json_type(data)}")

            receive_amount = _parse_receive_amount(d.pop("receiveAmount", None))

            _field = "receiveCurrencyCode"

            def _parse_receive_currency_code(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            receive_currency_code = _parse_receive_currency_code(d.pop("receiveCurrencyCode", None))

        except ModelValidationError as exc:
            raise exc.nested("ExchangeCalculation", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("ExchangeCalculation", _field, exc) from None
        instance__ = cls(
            pay_amount=pay_amount,
            pay_currency_code=pay_currency_code,
            rate=rate,
            receive_amount=receive_amount,
            receive_currency_code=receive_currency_code,
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
