from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, to_decimal

T = TypeVar("T", bound="CreateWithdrawalWithExchangeRequest")


@_attrs_define
class CreateWithdrawalWithExchangeRequest:
    """Exchange-then-withdraw order to a crypto address (proposal).

    Attributes:
        address (str): Destination address.
        pay_amount (Decimal): Amount to pay.
        pay_currency_code (str): Currency to pay from the wallet.
        receive_currency_code (str): Currency to send out.
        memo (str | Unset): Memo or tag, where the network needs one.
        network_code (str | Unset): Network to send on.
    """

    address: str
    pay_amount: Decimal
    pay_currency_code: str
    receive_currency_code: str
    memo: str | Unset = UNSET
    network_code: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        address = self.address

        pay_amount = self.pay_amount

        pay_currency_code = self.pay_currency_code

        receive_currency_code = self.receive_currency_code

        memo = self.memo

        network_code = self.network_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "address": address,
                "payAmount": pay_amount,
                "payCurrencyCode": pay_currency_code,
                "receiveCurrencyCode": receive_currency_code,
            }
        )
        if memo is not UNSET:
            field_dict["memo"] = memo
        if network_code is not UNSET:
            field_dict["networkCode"] = network_code

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        address = d.pop("address")

        pay_amount = to_decimal(d.pop("payAmount"))

        pay_currency_code = d.pop("payCurrencyCode")

        receive_currency_code = d.pop("receiveCurrencyCode")

        memo = d.pop("memo", UNSET)

        network_code = d.pop("networkCode", UNSET)

        create_withdrawal_with_exchange_request = cls(
            address=address,
            pay_amount=pay_amount,
            pay_currency_code=pay_currency_code,
            receive_currency_code=receive_currency_code,
            memo=memo,
            network_code=network_code,
        )

        create_withdrawal_with_exchange_request.additional_properties = d
        return create_withdrawal_with_exchange_request

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
