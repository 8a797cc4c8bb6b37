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
    checked_str,
    expect_str,
    json_type,
    parse_error,
    to_decimal,
)

T = TypeVar("T", bound="Account")


@_attrs_define
class Account:
    """A wallet account in one currency (fields modelled on the legacy wallet API).

    Attributes:
        available_balance (Decimal | None): Balance that can be spent now.
        balance (Decimal | None): Total balance.
        currency_code (str): Currency of the account.
        currency_name (None | str): Display name of the currency.
        id (str): Account id (type not published; treated as an opaque string).
        reserved_amount (Decimal | None): Amount held by pending operations.
    """

    currency_code: str
    id: str
    available_balance: Decimal | None = None
    balance: Decimal | None = None
    currency_name: None | str = None
    reserved_amount: Decimal | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        available_balance: Decimal | None
        available_balance = self.available_balance

        balance: Decimal | None
        balance = self.balance

        currency_code = checked_str(self.currency_code, "currencyCode")

        currency_name: None | str
        currency_name = self.currency_name

        id = checked_str(self.id, "id")

        reserved_amount: Decimal | None
        reserved_amount = self.reserved_amount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currencyCode": currency_code,
                "id": id,
            }
        )
        if available_balance is not None:
            field_dict["availableBalance"] = available_balance
        if balance is not None:
            field_dict["balance"] = balance
        if currency_name is not None:
            field_dict["currencyName"] = currency_name
        if reserved_amount is not None:
            field_dict["reservedAmount"] = reserved_amount

        return field_dict

    def to_json(self) -> dict[str, Any]:
        """`to_dict()` ready for `json.dumps`: money as plain-notation strings (`"0.00000001"`)."""
        return json_ready(self.to_dict())

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
            _field = "availableBalance"

            def _parse_available_balance(data: object) -> Decimal | None:
                if data is None:
                    return data
                if isinstance(data, DECIMAL_INPUTS):
                    available_balance_type_0 = to_decimal(data)

                    return available_balance_type_0
                raise TypeError(f"expected a decimal number or null, got {json_type(data)}")

            available_balance = _parse_available_balance(d.pop("availableBalance", None))

            _field = "balance"

            def _parse_balance(data: object) -> Decimal | None:
                if data is None:
                    return data
                if isinstance(data, DECIMAL_INPUTS):
                    balance_type_0 = to_decimal(data)

                    return balance_type_0
                raise TypeError(f"expected a decimal number or null, got {json_type(data)}")

            balance = _parse_balance(d.pop("balance", None))

            _field = "currencyCode"
            currency_code = expect_str(d.pop("currencyCode"))

            _field = "currencyName"

            def _parse_currency_name(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            currency_name = _parse_currency_name(d.pop("currencyName", None))

            _field = "id"
            id = expect_str(d.pop("id"))

            _field = "reservedAmount"

            def _parse_reserved_amount(data: object) -> Decimal | None:
                if data is None:
                    return data
                if isinstance(data, DECIMAL_INPUTS):
                    reserved_amount_type_0 = to_decimal(data)

                    return reserved_amount_type_0
                raise TypeError(f"expected a decimal number or null, got {json_type(data)}")

            reserved_amount = _parse_reserved_amount(d.pop("reservedAmount", None))

        except ModelValidationError as exc:
            raise exc.nested("Account", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("Account", _field, exc) from None
        instance__ = cls(
            available_balance=available_balance,
            balance=balance,
            currency_code=currency_code,
            currency_name=currency_name,
            id=id,
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
