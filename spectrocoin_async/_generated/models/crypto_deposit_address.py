from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, parse_datetime

T = TypeVar("T", bound="CryptoDepositAddress")


@_attrs_define
class CryptoDepositAddress:
    """A crypto deposit address (proposal).

    Attributes:
        address (str): The deposit address.
        currency_code (str): Currency the address receives.
        created_at (datetime.datetime | Unset): When the address was generated.
        id (str | Unset): Address record id.
        memo (None | str | Unset): Memo or tag to add to deposits, where the network needs one.
        network_code (str | Unset): Network of the address.
    """

    address: str
    currency_code: str
    created_at: datetime.datetime | Unset = UNSET
    id: str | Unset = UNSET
    memo: None | str | Unset = UNSET
    network_code: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        address = self.address

        currency_code = self.currency_code

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        id = self.id

        memo: None | str | Unset
        if isinstance(self.memo, Unset):
            memo = UNSET
        else:
            memo = self.memo

        network_code = self.network_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "address": address,
                "currencyCode": currency_code,
            }
        )
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if id is not UNSET:
            field_dict["id"] = id
        if memo is not UNSET:
            field_dict["memo"] = memo
        if network_code is not UNSET:
            field_dict["networkCode"] = network_code

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        address = d.pop("address")

        currency_code = d.pop("currencyCode")

        _created_at = d.pop("createdAt", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = parse_datetime(_created_at)

        id = d.pop("id", UNSET)

        def _parse_memo(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        memo = _parse_memo(d.pop("memo", UNSET))

        network_code = d.pop("networkCode", UNSET)

        crypto_deposit_address = cls(
            address=address,
            currency_code=currency_code,
            created_at=created_at,
            id=id,
            memo=memo,
            network_code=network_code,
        )

        crypto_deposit_address.additional_properties = d
        return crypto_deposit_address

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
