from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._errors import ModelValidationError
from ..._types import to_uuid_or_unset
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
from ..models.refund_status import RefundStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="Refund")


@_attrs_define
class Refund:
    """A refund of a merchant order (proposal).

    Attributes:
        id (str): Refund id.
        address (None | str | Unset): Address the refund was sent to.
        amount (Decimal | Unset): Amount refunded.
        created_at (datetime.datetime | Unset): When the refund was created.
        currency_code (str | Unset): Currency refunded.
        order_id (UUID | Unset): System UUID of the refunded order.
        status (RefundStatus | Unset): Status of a merchant refund. New values may appear; unknown ones are kept, never
            refused.
    """

    id: str
    address: None | str | Unset = UNSET
    amount: Decimal | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    currency_code: str | Unset = UNSET
    order_id: UUID | Unset = _attrs_field(default=UNSET, converter=to_uuid_or_unset)
    status: RefundStatus | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = checked_str(self.id, "id")

        address: None | str | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        else:
            address = self.address

        amount = self.amount

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = format_datetime(self.created_at, "createdAt")

        currency_code = (
            self.currency_code
            if isinstance(self.currency_code, Unset)
            else checked_str(self.currency_code, "currencyCode")
        )

        order_id: str | Unset = UNSET
        if not isinstance(self.order_id, Unset):
            order_id = None if self.order_id is None else str(self.order_id)

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = enum_value(self.status, RefundStatus, "status")

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if address is not UNSET:
            field_dict["address"] = address
        if amount is not UNSET:
            field_dict["amount"] = amount
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if currency_code is not UNSET:
            field_dict["currencyCode"] = currency_code
        if order_id is not UNSET:
            field_dict["orderId"] = order_id
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decoded JSON as `Refund`; `ModelValidationError` names what does not fit."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "Refund", "", f"expected an object, got {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        _field = ""
        try:
            _field = "id"
            id = expect_str(d.pop("id"))

            _field = "address"

            def _parse_address(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            address = _parse_address(d.pop("address", UNSET))

            _field = "amount"
            _amount = d.pop("amount", UNSET)
            amount: Decimal | Unset
            if isinstance(_amount, Unset):
                amount = UNSET
            else:
                amount = to_decimal(_amount)

            _field = "createdAt"
            _created_at = d.pop("createdAt", UNSET)
            created_at: datetime.datetime | Unset
            if isinstance(_created_at, Unset):
                created_at = UNSET
            else:
                created_at = parse_datetime(_created_at)

            _field = "currencyCode"
            _currency_code = d.pop("currencyCode", UNSET)
            currency_code: str | Unset = (
                _currency_code if isinstance(_currency_code, Unset) else expect_str(_currency_code)
            )

            _field = "orderId"
            _order_id = d.pop("orderId", UNSET)
            order_id: UUID | Unset
            if isinstance(_order_id, Unset):
                order_id = UNSET
            else:
                order_id = UUID(expect_str(_order_id))

            _field = "status"
            _status = d.pop("status", UNSET)
            status: RefundStatus | Unset
            if isinstance(_status, Unset):
                status = UNSET
            else:
                status = RefundStatus(_status)

        except ModelValidationError as exc:
            raise exc.nested("Refund", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("Refund", _field, exc) from None
        instance__ = cls(
            id=id,
            address=address,
            amount=amount,
            created_at=created_at,
            currency_code=currency_code,
            order_id=order_id,
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
