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

T = TypeVar("T", bound="Account")


@_attrs_define
class Account:
    """A wallet account in one currency (fields modelled on the legacy wallet API).

    Attributes:
        currency_code (str): Currency of the account.
        id (str): Account id (type not published; treated as an opaque string).
        available_balance (Decimal | Unset): Balance that can be spent now.
        balance (Decimal | Unset): Total balance.
        currency_name (str | Unset): Display name of the currency.
        reserved_amount (Decimal | Unset): Amount held by pending operations.
    """

    currency_code: str
    id: str
    available_balance: Decimal | Unset = UNSET
    balance: Decimal | Unset = UNSET
    currency_name: str | Unset = UNSET
    reserved_amount: Decimal | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        currency_code = checked_str(self.currency_code, "currencyCode")

        id = checked_str(self.id, "id")

        available_balance = self.available_balance

        balance = self.balance

        currency_name = (
            self.currency_name
            if isinstance(self.currency_name, Unset)
            else checked_str(self.currency_name, "currencyName")
        )

        reserved_amount = self.reserved_amount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currencyCode": currency_code,
                "id": id,
            }
        )
        if available_balance is not UNSET:
            field_dict["availableBalance"] = available_balance
        if balance is not UNSET:
            field_dict["balance"] = balance
        if currency_name is not UNSET:
            field_dict["currencyName"] = currency_name
        if reserved_amount is not UNSET:
            field_dict["reservedAmount"] = reserved_amount

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decoded JSON as `Account`; `ModelValidationError` names what does not fit."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "Account", "", f"expected an object, got {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        _field = ""
        try:
            _field = "currencyCode"
            currency_code = expect_str(d.pop("currencyCode"))

            _field = "id"
            id = expect_str(d.pop("id"))

            _field = "availableBalance"
            _available_balance = d.pop("availableBalance", UNSET)
            available_balance: Decimal | Unset
            if isinstance(_available_balance, Unset):
                available_balance = UNSET
            else:
                available_balance = to_decimal(_available_balance)

            _field = "balance"
            _balance = d.pop("balance", UNSET)
            balance: Decimal | Unset
            if isinstance(_balance, Unset):
                balance = UNSET
            else:
                balance = to_decimal(_balance)

            _field = "currencyName"
            _currency_name = d.pop("currencyName", UNSET)
            currency_name: str | Unset = (
                _currency_name if isinstance(_currency_name, Unset) else expect_str(_currency_name)
            )

            _field = "reservedAmount"
            _reserved_amount = d.pop("reservedAmount", UNSET)
            reserved_amount: Decimal | Unset
            if isinstance(_reserved_amount, Unset):
                reserved_amount = UNSET
            else:
                reserved_amount = to_decimal(_reserved_amount)

        except ModelValidationError as exc:
            raise exc.nested("Account", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("Account", _field, exc) from None
        instance__ = cls(
            currency_code=currency_code,
            id=id,
            available_balance=available_balance,
            balance=balance,
            currency_name=currency_name,
            reserved_amount=reserved_amount,
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
