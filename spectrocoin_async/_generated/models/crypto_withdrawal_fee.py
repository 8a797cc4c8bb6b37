from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._errors import ModelValidationError
from ..._values import (
    checked_str,
    expect_str,
    parse_error,
    to_decimal,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="CryptoWithdrawalFee")


@_attrs_define
class CryptoWithdrawalFee:
    """Fee and limits of a planned crypto withdrawal (proposal).

    Attributes:
        amount (Decimal | Unset): Amount that was priced.
        currency_code (str | Unset): Currency to withdraw.
        fee (Decimal | Unset): Fee that would be charged.
        fee_currency_code (str | Unset): Currency of the fee.
        max_amount (Decimal | Unset): Largest amount allowed.
        min_amount (Decimal | Unset): Smallest amount allowed.
        network_code (str | Unset): Network to send on.
    """

    amount: Decimal | Unset = UNSET
    currency_code: str | Unset = UNSET
    fee: Decimal | Unset = UNSET
    fee_currency_code: str | Unset = UNSET
    max_amount: Decimal | Unset = UNSET
    min_amount: Decimal | Unset = UNSET
    network_code: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        currency_code = (
            self.currency_code
            if isinstance(self.currency_code, Unset)
            else checked_str(self.currency_code, "currencyCode")
        )

        fee = self.fee

        fee_currency_code = (
            self.fee_currency_code
            if isinstance(self.fee_currency_code, Unset)
            else checked_str(self.fee_currency_code, "feeCurrencyCode")
        )

        max_amount = self.max_amount

        min_amount = self.min_amount

        network_code = (
            self.network_code
            if isinstance(self.network_code, Unset)
            else checked_str(self.network_code, "networkCode")
        )

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if amount is not UNSET:
            field_dict["amount"] = amount
        if currency_code is not UNSET:
            field_dict["currencyCode"] = currency_code
        if fee is not UNSET:
            field_dict["fee"] = fee
        if fee_currency_code is not UNSET:
            field_dict["feeCurrencyCode"] = fee_currency_code
        if max_amount is not UNSET:
            field_dict["maxAmount"] = max_amount
        if min_amount is not UNSET:
            field_dict["minAmount"] = min_amount
        if network_code is not UNSET:
            field_dict["networkCode"] = network_code

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decoded JSON as `CryptoWithdrawalFee`; `ModelValidationError` names what does not fit."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "CryptoWithdrawalFee", "", f"expected an object, got {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        _field = ""
        try:
            _field = "amount"
            _amount = d.pop("amount", UNSET)
            amount: Decimal | Unset
            if isinstance(_amount, Unset):
                amount = UNSET
            else:
                amount = to_decimal(_amount)

            _field = "currencyCode"
            _currency_code = d.pop("currencyCode", UNSET)
            currency_code: str | Unset = (
                _currency_code if isinstance(_currency_code, Unset) else expect_str(_currency_code)
            )

            _field = "fee"
            _fee = d.pop("fee", UNSET)
            fee: Decimal | Unset
            if isinstance(_fee, Unset):
                fee = UNSET
            else:
                fee = to_decimal(_fee)

            _field = "feeCurrencyCode"
            _fee_currency_code = d.pop("feeCurrencyCode", UNSET)
            fee_currency_code: str | Unset = (
                _fee_currency_code
                if isinstance(_fee_currency_code, Unset)
                else expect_str(_fee_currency_code)
            )

            _field = "maxAmount"
            _max_amount = d.pop("maxAmount", UNSET)
            max_amount: Decimal | Unset
            if isinstance(_max_amount, Unset):
                max_amount = UNSET
            else:
                max_amount = to_decimal(_max_amount)

            _field = "minAmount"
            _min_amount = d.pop("minAmount", UNSET)
            min_amount: Decimal | Unset
            if isinstance(_min_amount, Unset):
                min_amount = UNSET
            else:
                min_amount = to_decimal(_min_amount)

            _field = "networkCode"
            _network_code = d.pop("networkCode", UNSET)
            network_code: str | Unset = (
                _network_code if isinstance(_network_code, Unset) else expect_str(_network_code)
            )

        except ModelValidationError as exc:
            raise exc.nested("CryptoWithdrawalFee", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("CryptoWithdrawalFee", _field, exc) from None
        instance__ = cls(
            amount=amount,
            currency_code=currency_code,
            fee=fee,
            fee_currency_code=fee_currency_code,
            max_amount=max_amount,
            min_amount=min_amount,
            network_code=network_code,
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
