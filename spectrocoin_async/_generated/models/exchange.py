from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._errors import ModelValidationError
from ..._values import (
    checked_str,
    enum_value,
    expect_str,
    format_datetime,
    parse_datetime,
    parse_error,
    to_decimal,
)
from ..models.exchange_status import ExchangeStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="Exchange")


@_attrs_define
class Exchange:
    """An executed exchange (fields are this project's model).

    Attributes:
        id (str): Exchange id.
        created_at (datetime.datetime | Unset): When the exchange was executed.
        pay_amount (Decimal | Unset): Amount paid.
        pay_currency_code (str | Unset): Currency paid.
        rate (Decimal | Unset): Applied rate (receive units per pay unit).
        receive_amount (Decimal | Unset): Amount received.
        receive_currency_code (str | Unset): Currency received.
        status (ExchangeStatus | Unset): Status of an exchange. New values may appear; unknown ones are kept, never
            refused.
    """

    id: str
    created_at: datetime.datetime | Unset = UNSET
    pay_amount: Decimal | Unset = UNSET
    pay_currency_code: str | Unset = UNSET
    rate: Decimal | Unset = UNSET
    receive_amount: Decimal | Unset = UNSET
    receive_currency_code: str | Unset = UNSET
    status: ExchangeStatus | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = checked_str(self.id, "id")

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = format_datetime(self.created_at, "createdAt")

        pay_amount = self.pay_amount

        pay_currency_code = (
            self.pay_currency_code
            if isinstance(self.pay_currency_code, Unset)
            else checked_str(self.pay_currency_code, "payCurrencyCode")
        )

        rate = self.rate

        receive_amount = self.receive_amount

        receive_currency_code = (
            self.receive_currency_code
            if isinstance(self.receive_currency_code, Unset)
            else checked_str(self.receive_currency_code, "receiveCurrencyCode")
        )

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = enum_value(self.status, ExchangeStatus, "status")

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if pay_amount is not UNSET:
            field_dict["payAmount"] = pay_amount
        if pay_currency_code is not UNSET:
            field_dict["payCurrencyCode"] = pay_currency_code
        if rate is not UNSET:
            field_dict["rate"] = rate
        if receive_amount is not UNSET:
            field_dict["receiveAmount"] = receive_amount
        if receive_currency_code is not UNSET:
            field_dict["receiveCurrencyCode"] = receive_currency_code
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decoded JSON as `Exchange`; `ModelValidationError` names what does not fit."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "Exchange", "", f"expected an object, got {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        _field = ""
        try:
            _field = "id"
            id = expect_str(d.pop("id"))

            _field = "createdAt"
            _created_at = d.pop("createdAt", UNSET)
            created_at: datetime.datetime | Unset
            if isinstance(_created_at, Unset):
                created_at = UNSET
            else:
                created_at = parse_datetime(_created_at)

            _field = "payAmount"
            _pay_amount = d.pop("payAmount", UNSET)
            pay_amount: Decimal | Unset
            if isinstance(_pay_amount, Unset):
                pay_amount = UNSET
            else:
                pay_amount = to_decimal(_pay_amount)

            _field = "payCurrencyCode"
            _pay_currency_code = d.pop("payCurrencyCode", UNSET)
            pay_currency_code: str | Unset = (
                _pay_currency_code
                if isinstance(_pay_currency_code, Unset)
                else expect_str(_pay_currency_code)
            )

            _field = "rate"
            _rate = d.pop("rate", UNSET)
            rate: Decimal | Unset
            if isinstance(_rate, Unset):
                rate = UNSET
            else:
                rate = to_decimal(_rate)

            _field = "receiveAmount"
            _receive_amount = d.pop("receiveAmount", UNSET)
            receive_amount: Decimal | Unset
            if isinstance(_receive_amount, Unset):
                receive_amount = UNSET
            else:
                receive_amount = to_decimal(_receive_amount)

            _field = "receiveCurrencyCode"
            _receive_currency_code = d.pop("receiveCurrencyCode", UNSET)
            receive_currency_code: str | Unset = (
                _receive_currency_code
                if isinstance(_receive_currency_code, Unset)
                else expect_str(_receive_currency_code)
            )

            _field = "status"
            _status = d.pop("status", UNSET)
            status: ExchangeStatus | Unset
            if isinstance(_status, Unset):
                status = UNSET
            else:
                status = ExchangeStatus(_status)

        except ModelValidationError as exc:
            raise exc.nested("Exchange", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("Exchange", _field, exc) from None
        instance__ = cls(
            id=id,
            created_at=created_at,
            pay_amount=pay_amount,
            pay_currency_code=pay_currency_code,
            rate=rate,
            receive_amount=receive_amount,
            receive_currency_code=receive_currency_code,
            status=status,
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
