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
    json_type,
    parse_datetime,
    parse_error,
    to_decimal,
)
from ..models.withdrawal_status import WithdrawalStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="WithdrawalWithExchange")


@_attrs_define
class WithdrawalWithExchange:
    """A withdrawal that included an exchange (proposal).

    Attributes:
        id (str): Operation id.
        address (str | Unset): Destination address.
        created_at (datetime.datetime | Unset): When the operation was created.
        fee (Decimal | Unset): Withdrawal fee, in the receive currency.
        memo (None | str | Unset): Memo or tag sent.
        network_code (str | Unset): Network used.
        pay_amount (Decimal | Unset): Amount paid.
        pay_currency_code (str | Unset): Currency paid.
        rate (Decimal | Unset): Applied exchange rate (receive units per pay unit).
        receive_amount (Decimal | Unset): Amount sent out.
        receive_currency_code (str | Unset): Currency sent out.
        status (WithdrawalStatus | Unset): Status of a crypto or bank withdrawal. New values may appear; unknown ones
            are kept, never refused.
    """

    id: str
    address: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    fee: Decimal | Unset = UNSET
    memo: None | str | Unset = UNSET
    network_code: str | Unset = UNSET
    pay_amount: Decimal | Unset = UNSET
    pay_currency_code: str | Unset = UNSET
    rate: Decimal | Unset = UNSET
    receive_amount: Decimal | Unset = UNSET
    receive_currency_code: str | Unset = UNSET
    status: WithdrawalStatus | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = checked_str(self.id, "id")

        address = (
            self.address
            if isinstance(self.address, Unset)
            else checked_str(self.address, "address")
        )

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = format_datetime(self.created_at, "createdAt")

        fee = self.fee

        memo: None | str | Unset
        if isinstance(self.memo, Unset):
            memo = UNSET
        else:
            memo = self.memo

        network_code = (
            self.network_code
            if isinstance(self.network_code, Unset)
            else checked_str(self.network_code, "networkCode")
        )

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
            status = enum_value(self.status, WithdrawalStatus, "status")

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if address is not UNSET:
            field_dict["address"] = address
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if fee is not UNSET:
            field_dict["fee"] = fee
        if memo is not UNSET:
            field_dict["memo"] = memo
        if network_code is not UNSET:
            field_dict["networkCode"] = network_code
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
        """Decoded JSON as `WithdrawalWithExchange`; `ModelValidationError` names what does not fit."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "WithdrawalWithExchange", "", f"expected an object, got {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        _field = ""
        try:
            _field = "id"
            id = expect_str(d.pop("id"))

            _field = "address"
            _address = d.pop("address", UNSET)
            address: str | Unset = _address if isinstance(_address, Unset) else expect_str(_address)

            _field = "createdAt"
            _created_at = d.pop("createdAt", UNSET)
            created_at: datetime.datetime | Unset
            if isinstance(_created_at, Unset):
                created_at = UNSET
            else:
                created_at = parse_datetime(_created_at)

            _field = "fee"
            _fee = d.pop("fee", UNSET)
            fee: Decimal | Unset
            if isinstance(_fee, Unset):
                fee = UNSET
            else:
                fee = to_decimal(_fee)

            _field = "memo"

            def _parse_memo(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            memo = _parse_memo(d.pop("memo", UNSET))

            _field = "networkCode"
            _network_code = d.pop("networkCode", UNSET)
            network_code: str | Unset = (
                _network_code if isinstance(_network_code, Unset) else expect_str(_network_code)
            )

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
            status: WithdrawalStatus | Unset
            if isinstance(_status, Unset):
                status = UNSET
            else:
                status = WithdrawalStatus(_status)

        except ModelValidationError as exc:
            raise exc.nested("WithdrawalWithExchange", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("WithdrawalWithExchange", _field, exc) from None
        instance__ = cls(
            id=id,
            address=address,
            created_at=created_at,
            fee=fee,
            memo=memo,
            network_code=network_code,
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
