from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._encoding import json_ready
from ..._errors import ModelValidationError
from ..._values import (
    checked_str,
    expect_str,
    format_datetime,
    json_type,
    parse_datetime,
    parse_error,
)

T = TypeVar("T", bound="CryptoDepositAddress")


@_attrs_define
class CryptoDepositAddress:
    """A crypto deposit address (proposal).

    Attributes:
        address (str): The deposit address.
        created_at (datetime.datetime | None): When the address was generated.
        currency_code (str): Currency the address receives.
        id (None | str): Address record id.
        memo (None | str): Memo or tag to add to deposits, where the network needs one.
        network_code (None | str): Network of the address.
    """

    address: str
    currency_code: str
    created_at: datetime.datetime | None = None
    id: None | str = None
    memo: None | str = None
    network_code: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        address = checked_str(self.address, "address")

        created_at: None | str
        if isinstance(self.created_at, datetime.datetime):
            created_at = format_datetime(self.created_at, "createdAt")
        else:
            created_at = self.created_at

        currency_code = checked_str(self.currency_code, "currencyCode")

        id: None | str
        id = self.id

        memo: None | str
        memo = self.memo

        network_code: None | str
        network_code = self.network_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "address": address,
                "currencyCode": currency_code,
            }
        )
        if created_at is not None:
            field_dict["createdAt"] = created_at
        if id is not None:
            field_dict["id"] = id
        if memo is not None:
            field_dict["memo"] = memo
        if network_code is not None:
            field_dict["networkCode"] = network_code

        return field_dict

    def to_json(self) -> dict[str, Any]:
        """`to_dict()` ready for `json.dumps`: money as plain-notation strings (`"0.00000001"`)."""
        return json_ready(self.to_dict())

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

            _field = "createdAt"

            def _parse_created_at(data: object) -> datetime.datetime | None:
                if data is None:
                    return data
                if isinstance(data, (str, int, Decimal)):
                    created_at_type_0 = parse_datetime(data)

                    return created_at_type_0
                raise TypeError(f"expected a timestamp or null, got {json_type(data)}")

            created_at = _parse_created_at(d.pop("createdAt", None))

            _field = "currencyCode"
            currency_code = expect_str(d.pop("currencyCode"))

            _field = "id"

            def _parse_id(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            id = _parse_id(d.pop("id", None))

            _field = "memo"

            def _parse_memo(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            memo = _parse_memo(d.pop("memo", None))

            _field = "networkCode"

            def _parse_network_code(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            network_code = _parse_network_code(d.pop("networkCode", None))

        except ModelValidationError as exc:
            raise exc.nested("CryptoDepositAddress", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("CryptoDepositAddress", _field, exc) from None
        instance__ = cls(
            address=address,
            created_at=created_at,
            currency_code=currency_code,
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
