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

T = TypeVar("T", bound="CryptoWithdrawalFeeRequest")


@_attrs_define
class CryptoWithdrawalFeeRequest:
    """A planned crypto withdrawal to price (proposal).

    Attributes:
        amount (Decimal): Amount to withdraw.
        currency_code (str): Currency to withdraw.
        network_code (str | Unset): Network to send on.
    """

    amount: Decimal
    currency_code: str
    network_code: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        currency_code = checked_str(self.currency_code, "currencyCode")

        network_code = (
            self.network_code
            if isinstance(self.network_code, Unset)
            else checked_str(self.network_code, "networkCode")
        )

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "currencyCode": currency_code,
            }
        )
        if network_code is not UNSET:
            field_dict["networkCode"] = network_code

        return field_dict

    def to_json(self) -> dict[str, Any]:
        """`to_dict()` ready for `json.dumps`: money as plain-notation strings (`"0.00000001"`)."""
        return json_ready(self.to_dict())

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decoded JSON as `CryptoWithdrawalFeeRequest`; `ModelValidationError` names what does not fit."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "CryptoWithdrawalFeeRequest",
                "",
                f"expected an object, got {type(src_dict).__name__}",
            )
        d = dict(src_dict)
        unknown_field(
            "CryptoWithdrawalFeeRequest",
            d,
            (
                "amount",
                "currencyCode",
                "networkCode",
            ),
        )
        _field = ""
        try:
            _field = "amount"
            amount = to_decimal(d.pop("amount"))

            _field = "currencyCode"
            currency_code = expect_str(d.pop("currencyCode"))

            _field = "networkCode"
            _network_code = d.pop("networkCode", UNSET)
            network_code: str | Unset = (
                _network_code if isinstance(_network_code, Unset) else expect_str(_network_code)
            )

        except ModelValidationError as exc:
            raise exc.nested("CryptoWithdrawalFeeRequest", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("CryptoWithdrawalFeeRequest", _field, exc) from None
        instance__ = cls(
            amount=amount,
            currency_code=currency_code,
            network_code=network_code,
        )

        return instance__
