from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._errors import ModelValidationError
from ..._values import (
    checked_str,
    expect_str,
    format_datetime,
    json_type,
    parse_datetime,
    parse_error,
)
from ..types import UNSET, Unset

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
        address = checked_str(self.address, "address")

        currency_code = checked_str(self.currency_code, "currencyCode")

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = format_datetime(self.created_at, "createdAt")

        id = self.id if isinstance(self.id, Unset) else checked_str(self.id, "id")

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
        """Decoded JSON as `CryptoDepositAddress`; `ModelValidationError` names what does not fit."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "CryptoDepositAddress", "", f"expected an object, got {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        _field = ""
        try:
            _field = "address"
            address = expect_str(d.pop("address"))

            _field = "currencyCode"
            currency_code = expect_str(d.pop("currencyCode"))

            _field = "createdAt"
            _created_at = d.pop("createdAt", UNSET)
            created_at: datetime.datetime | Unset
            if isinstance(_created_at, Unset):
                created_at = UNSET
            else:
                created_at = parse_datetime(_created_at)

            _field = "id"
            _id = d.pop("id", UNSET)
            id: str | Unset = _id if isinstance(_id, Unset) else expect_str(_id)

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

        except ModelValidationError as exc:
            raise exc.nested("CryptoDepositAddress", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("CryptoDepositAddress", _field, exc) from None
        instance__ = cls(
            address=address,
            currency_code=currency_code,
            created_at=created_at,
            id=id,
            memo=memo,
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
