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
    DECIMAL_INPUTS,
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

T = TypeVar("T", bound="Refund")


@_attrs_define
class Refund:
    """A refund of a merchant order (proposal).

    Attributes:
        address (None | str): Address the refund was sent to.
        amount (Decimal | None): Amount refunded.
        created_at (datetime.datetime | None): When the refund was created.
        currency_code (None | str): Currency refunded.
        id (str): Refund id.
        order_id (None | str): Id of the refunded order, as SpectroCoin sends it.
        status (None | RefundStatus): Current status (RefundStatus).
    """

    id: str
    address: None | str = None
    amount: Decimal | None = None
    created_at: datetime.datetime | None = None
    currency_code: None | str = None
    order_id: None | str = None
    status: None | RefundStatus = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        address: None | str
        address = self.address

        amount: Decimal | None
        amount = self.amount

        created_at: None | str
        if isinstance(self.created_at, datetime.datetime):
            created_at = format_datetime(self.created_at, "createdAt")
        else:
            created_at = self.created_at

        currency_code: None | str
        currency_code = self.currency_code

        id = checked_str(self.id, "id")

        order_id: None | str
        order_id = self.order_id

        status: None | str
        if isinstance(self.status, RefundStatus):
            status = enum_value(self.status, RefundStatus, "status")
        else:
            status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if address is not None:
            field_dict["address"] = address
        if amount is not None:
            field_dict["amount"] = amount
        if created_at is not None:
            field_dict["createdAt"] = created_at
        if currency_code is not None:
            field_dict["currencyCode"] = currency_code
        if order_id is not None:
            field_dict["orderId"] = order_id
        if status is not None:
            field_dict["status"] = status

        return field_dict

    def to_json(self) -> dict[str, Any]:
        """`to_dict()` ready for `json.dumps`: money as plain-notation strings (`"0.00000001"`)."""
        return json_ready(self.to_dict())

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
            _field = "address"

            def _parse_address(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            address = _parse_address(d.pop("address", None))

            _field = "amount"

            def _parse_amount(data: object) -> Decimal | None:
                if data is None:
                    return data
                if isinstance(data, DECIMAL_INPUTS):
                    amount_type_0 = to_decimal(data)

                    return amount_type_0
                raise TypeError(f"expected a decimal number or null, got {json_type(data)}")

            amount = _parse_amount(d.pop("amount", None))

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

            def _parse_currency_code(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            currency_code = _parse_currency_code(d.pop("currencyCode", None))

            _field = "id"
            id = expect_str(d.pop("id"))

            _field = "orderId"

            def _parse_order_id(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            order_id = _parse_order_id(d.pop("orderId", None))

            _field = "status"

            def _parse_status(data: object) -> None | RefundStatus:
                if data is None:
                    return data
                if isinstance(data, str):
                    status_type_0 = RefundStatus(data)

                    return status_type_0
                raise TypeError(f"expected RefundStatus or null, got {json_type(data)}")

            status = _parse_status(d.pop("status", None))

        except ModelValidationError as exc:
            raise exc.nested("Refund", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("Refund", _field, exc) from None
        instance__ = cls(
            address=address,
            amount=amount,
            created_at=created_at,
            currency_code=currency_code,
            id=id,
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
