from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..._encoding import json_ready
from ..._errors import ModelValidationError
from ..._values import (
    checked_str,
    expect_str,
    parse_error,
    to_decimal,
    unknown_field,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="CalculateExchangeRequest")


@_attrs_define
class CalculateExchangeRequest:
    """Quote request. Give `payAmount` or `receiveAmount`; `payAmount` wins if both are given.
    Neither is a `conditionally_required` refusal (x-business-rules): as an `anyOf` of
    `required` it makes Schemathesis 4.32's coverage phase fail intermittently inside Python
    (SystemError), so it stays a declared rule here.

        Attributes:
            pay_currency_code (str): Currency to pay.
            receive_currency_code (str): Currency to receive.
            pay_amount (Decimal | Unset): Amount to pay.
            receive_amount (Decimal | Unset): Amount to receive.
    """

    pay_currency_code: str
    receive_currency_code: str
    pay_amount: Decimal | Unset = UNSET
    receive_amount: Decimal | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        pay_currency_code = checked_str(self.pay_currency_code, "payCurrencyCode")

        receive_currency_code = checked_str(self.receive_currency_code, "receiveCurrencyCode")

        pay_amount = self.pay_amount

        receive_amount = self.receive_amount

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "payCurrencyCode": pay_currency_code,
                "receiveCurrencyCode": receive_currency_code,
            }
        )
        if pay_amount is not UNSET:
            field_dict["payAmount"] = pay_amount
        if receive_amount is not UNSET:
            field_dict["receiveAmount"] = receive_amount

        return field_dict

    def to_json(self) -> dict[str, Any]:
        """`to_dict()` ready for `json.dumps`: money as plain-notation strings (`"0.00000001"`)."""
        return json_ready(self.to_dict())

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decoded JSON as `CalculateExchangeRequest`; `ModelValidationError` names what does not fit."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "CalculateExchangeRequest", "", f"expected an object, got {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        unknown_field(
            "CalculateExchangeRequest",
            d,
            (
                "payCurrencyCode",
                "receiveCurrencyCode",
                "payAmount",
                "receiveAmount",
            ),
        )
        _field = ""
        try:
            _field = "payCurrencyCode"
            pay_currency_code = expect_str(d.pop("payCurrencyCode"))

            _field = "receiveCurrencyCode"
            receive_currency_code = expect_str(d.pop("receiveCurrencyCode"))

            _field = "payAmount"
            _pay_amount = d.pop("payAmount", UNSET)
            pay_amount: Decimal | Unset
            if isinstance(_pay_amount, Unset):
                pay_amount = UNSET
            else:
                pay_amount = to_decimal(_pay_amount)

            _field = "receiveAmount"
            _receive_amount = d.pop("receiveAmount", UNSET)
            receive_amount: Decimal | Unset
            if isinstance(_receive_amount, Unset):
                receive_amount = UNSET
            else:
                receive_amount = to_decimal(_receive_amount)

        except ModelValidationError as exc:
            raise exc.nested("CalculateExchangeRequest", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("CalculateExchangeRequest", _field, exc) from None
        instance__ = cls(
            pay_currency_code=pay_currency_code,
            receive_currency_code=receive_currency_code,
            pay_amount=pay_amount,
            receive_amount=receive_amount,
        )

        return instance__
