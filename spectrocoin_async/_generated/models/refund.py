from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._types import to_uuid_or_unset
from ..models.refund_status import RefundStatus
from ..types import UNSET, Unset, parse_datetime, to_decimal

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
        status (RefundStatus | Unset): Status of a merchant refund (proposal; clients must accept unknown values).
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
        id = self.id

        address: None | str | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        else:
            address = self.address

        amount = self.amount

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        currency_code = self.currency_code

        order_id: str | Unset = UNSET
        if not isinstance(self.order_id, Unset):
            order_id = None if self.order_id is None else str(self.order_id)

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

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
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address = _parse_address(d.pop("address", UNSET))

        _amount = d.pop("amount", UNSET)
        amount: Decimal | Unset
        if isinstance(_amount, Unset):
            amount = UNSET
        else:
            amount = to_decimal(_amount)

        _created_at = d.pop("createdAt", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = parse_datetime(_created_at)

        currency_code = d.pop("currencyCode", UNSET)

        _order_id = d.pop("orderId", UNSET)
        order_id: UUID | Unset
        if isinstance(_order_id, Unset):
            order_id = UNSET
        else:
            order_id = UUID(_order_id)

        _status = d.pop("status", UNSET)
        status: RefundStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = RefundStatus(_status)

        refund = cls(
            id=id,
            address=address,
            amount=amount,
            created_at=created_at,
            currency_code=currency_code,
            order_id=order_id,
            status=status,
        )

        refund.additional_properties = d
        return refund

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
