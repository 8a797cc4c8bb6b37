from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, to_decimal

T = TypeVar("T", bound="CreateExchangeRequest")


@_attrs_define
class CreateExchangeRequest:
    """Exchange order. Identify the pair by `payCurrencyCode` + `receiveCurrencyCode`, or by
    `exchangePairId` + `payAccountId` + `receiveAccountId`.

        Attributes:
            pay_amount (Decimal): Amount to pay.
            exchange_pair_id (str | Unset): Pair id from listExchangePairs.
            pay_account_id (str | Unset): Paying account id from listAccounts.
            pay_currency_code (str | Unset): Currency to pay.
            receive_account_id (str | Unset): Receiving account id from listExchangePairs.
            receive_currency_code (str | Unset): Currency to receive.
    """

    pay_amount: Decimal
    exchange_pair_id: str | Unset = UNSET
    pay_account_id: str | Unset = UNSET
    pay_currency_code: str | Unset = UNSET
    receive_account_id: str | Unset = UNSET
    receive_currency_code: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pay_amount = self.pay_amount

        exchange_pair_id = self.exchange_pair_id

        pay_account_id = self.pay_account_id

        pay_currency_code = self.pay_currency_code

        receive_account_id = self.receive_account_id

        receive_currency_code = self.receive_currency_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "payAmount": pay_amount,
            }
        )
        if exchange_pair_id is not UNSET:
            field_dict["exchangePairId"] = exchange_pair_id
        if pay_account_id is not UNSET:
            field_dict["payAccountId"] = pay_account_id
        if pay_currency_code is not UNSET:
            field_dict["payCurrencyCode"] = pay_currency_code
        if receive_account_id is not UNSET:
            field_dict["receiveAccountId"] = receive_account_id
        if receive_currency_code is not UNSET:
            field_dict["receiveCurrencyCode"] = receive_currency_code

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        pay_amount = to_decimal(d.pop("payAmount"))

        exchange_pair_id = d.pop("exchangePairId", UNSET)

        pay_account_id = d.pop("payAccountId", UNSET)

        pay_currency_code = d.pop("payCurrencyCode", UNSET)

        receive_account_id = d.pop("receiveAccountId", UNSET)

        receive_currency_code = d.pop("receiveCurrencyCode", UNSET)

        create_exchange_request = cls(
            pay_amount=pay_amount,
            exchange_pair_id=exchange_pair_id,
            pay_account_id=pay_account_id,
            pay_currency_code=pay_currency_code,
            receive_account_id=receive_account_id,
            receive_currency_code=receive_currency_code,
        )

        create_exchange_request.additional_properties = d
        return create_exchange_request

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
