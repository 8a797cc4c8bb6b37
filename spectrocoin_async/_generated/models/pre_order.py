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
    checked_bool,
    checked_str,
    expect_bool,
    expect_str,
    format_datetime,
    json_type,
    parse_datetime,
    parse_error,
    to_decimal,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="PreOrder")


@_attrs_define
class PreOrder:
    """A merchant pre-order (fields are this project's model).

    Attributes:
        id (str): Pre-order id.
        created_at (datetime.datetime | Unset): When the pre-order was created.
        description (None | str | Unset): Description shown in the payment window.
        is_multiple (bool | Unset): Whether many orders can be created from it.
        order_id (None | str | Unset): Merchant's order id for the first order.
        project_id (UUID | Unset): Merchant project id.
        receive_amount (Decimal | Unset): Fixed price the merchant receives.
        receive_currency_code (str | Unset): Currency of the price.
        redirect_url (None | str | Unset): Payment link of the pre-order.
        valid_until (datetime.datetime | None | Unset): When the pre-order stops accepting orders, if ever.
    """

    id: str
    created_at: datetime.datetime | Unset = UNSET
    description: None | str | Unset = UNSET
    is_multiple: bool | Unset = UNSET
    order_id: None | str | Unset = UNSET
    project_id: UUID | Unset = _attrs_field(default=UNSET, converter=to_uuid_or_unset)
    receive_amount: Decimal | Unset = UNSET
    receive_currency_code: str | Unset = UNSET
    redirect_url: None | str | Unset = UNSET
    valid_until: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = checked_str(self.id, "id")

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = format_datetime(self.created_at, "createdAt")

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        is_multiple: bool | Unset = UNSET
        if not isinstance(self.is_multiple, Unset):
            is_multiple = checked_bool(self.is_multiple, "isMultiple")

        order_id: None | str | Unset
        if isinstance(self.order_id, Unset):
            order_id = UNSET
        else:
            order_id = self.order_id

        project_id: str | Unset = UNSET
        if not isinstance(self.project_id, Unset):
            project_id = None if self.project_id is None else str(self.project_id)

        receive_amount = self.receive_amount

        receive_currency_code = (
            self.receive_currency_code
            if isinstance(self.receive_currency_code, Unset)
            else checked_str(self.receive_currency_code, "receiveCurrencyCode")
        )

        redirect_url: None | str | Unset
        if isinstance(self.redirect_url, Unset):
            redirect_url = UNSET
        else:
            redirect_url = self.redirect_url

        valid_until: None | str | Unset
        if isinstance(self.valid_until, Unset):
            valid_until = UNSET
        elif isinstance(self.valid_until, datetime.datetime):
            valid_until = format_datetime(self.valid_until, "validUntil_type_0")
        else:
            valid_until = self.valid_until

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if description is not UNSET:
            field_dict["description"] = description
        if is_multiple is not UNSET:
            field_dict["isMultiple"] = is_multiple
        if order_id is not UNSET:
            field_dict["orderId"] = order_id
        if project_id is not UNSET:
            field_dict["projectId"] = project_id
        if receive_amount is not UNSET:
            field_dict["receiveAmount"] = receive_amount
        if receive_currency_code is not UNSET:
            field_dict["receiveCurrencyCode"] = receive_currency_code
        if redirect_url is not UNSET:
            field_dict["redirectUrl"] = redirect_url
        if valid_until is not UNSET:
            field_dict["validUntil"] = valid_until

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decoded JSON as `PreOrder`; `ModelValidationError` names what does not fit."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "PreOrder", "", f"expected an object, got {type(src_dict).__name__}"
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

            _field = "description"

            def _parse_description(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            description = _parse_description(d.pop("description", UNSET))

            _field = "isMultiple"
            _is_multiple = d.pop("isMultiple", UNSET)
            is_multiple: bool | Unset = (
                _is_multiple if isinstance(_is_multiple, Unset) else expect_bool(_is_multiple)
            )

            _field = "orderId"

            def _parse_order_id(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            order_id = _parse_order_id(d.pop("orderId", UNSET))

            _field = "projectId"
            _project_id = d.pop("projectId", UNSET)
            project_id: UUID | Unset
            if isinstance(_project_id, Unset):
                project_id = UNSET
            else:
                project_id = UUID(expect_str(_project_id))

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

            _field = "redirectUrl"

            def _parse_redirect_url(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            redirect_url = _parse_redirect_url(d.pop("redirectUrl", UNSET))

            _field = "validUntil"

            def _parse_valid_until(data: object) -> datetime.datetime | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                if isinstance(data, (str, int, Decimal)):
                    valid_until_type_0 = parse_datetime(data)

                    return valid_until_type_0
                raise TypeError(f"expected a timestamp or null, got {json_type(data)}")

            valid_until = _parse_valid_until(d.pop("validUntil", UNSET))

        except ModelValidationError as exc:
            raise exc.nested("PreOrder", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("PreOrder", _field, exc) from None
        instance__ = cls(
            id=id,
            created_at=created_at,
            description=description,
            is_multiple=is_multiple,
            order_id=order_id,
            project_id=project_id,
            receive_amount=receive_amount,
            receive_currency_code=receive_currency_code,
            redirect_url=redirect_url,
            valid_until=valid_until,
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
