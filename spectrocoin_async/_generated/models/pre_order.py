from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._encoding import json_ready
from ..._errors import ModelValidationError
from ..._values import (
    DECIMAL_INPUTS,
    checked_bool,
    checked_str,
    expect_str,
    format_datetime,
    json_type,
    parse_datetime,
    parse_error,
    to_decimal,
)

T = TypeVar("T", bound="PreOrder")


@_attrs_define
class PreOrder:
    """A merchant pre-order (fields are this project's model).

    Attributes:
        created_at (datetime.datetime | None): When the pre-order was created.
        description (None | str): Description shown in the payment window.
        id (str): Pre-order id.
        is_multiple (bool | None): Whether many orders can be created from it.
        order_id (None | str): Merchant's order id for the first order.
        project_id (None | UUID): Merchant project id.
        receive_amount (Decimal | None): Fixed price the merchant receives.
        receive_currency_code (None | str): Currency of the price.
        redirect_url (None | str): Payment link of the pre-order.
        valid_until (datetime.datetime | None): When the pre-order stops accepting orders, if ever.
    """

    id: str
    created_at: datetime.datetime | None = None
    description: None | str = None
    is_multiple: bool | None = None
    order_id: None | str = None
    project_id: None | UUID = None
    receive_amount: Decimal | None = None
    receive_currency_code: None | str = None
    redirect_url: None | str = None
    valid_until: datetime.datetime | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at: None | str
        if isinstance(self.created_at, datetime.datetime):
            created_at = format_datetime(self.created_at, "createdAt")
        else:
            created_at = self.created_at

        description: None | str
        description = self.description

        id = checked_str(self.id, "id")

        is_multiple: bool | None
        if isinstance(self.is_multiple, bool):
            is_multiple = checked_bool(self.is_multiple, "isMultiple")
        else:
            is_multiple = self.is_multiple

        order_id: None | str
        order_id = self.order_id

        project_id: None | str
        if isinstance(self.project_id, UUID):
            project_id = None if self.project_id is None else str(self.project_id)
        else:
            project_id = self.project_id

        receive_amount: Decimal | None
        receive_amount = self.receive_amount

        receive_currency_code: None | str
        receive_currency_code = self.receive_currency_code

        redirect_url: None | str
        redirect_url = self.redirect_url

        valid_until: None | str
        if isinstance(self.valid_until, datetime.datetime):
            valid_until = format_datetime(self.valid_until, "validUntil")
        else:
            valid_until = self.valid_until

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if created_at is not None:
            field_dict["createdAt"] = created_at
        if description is not None:
            field_dict["description"] = description
        if is_multiple is not None:
            field_dict["isMultiple"] = is_multiple
        if order_id is not None:
            field_dict["orderId"] = order_id
        if project_id is not None:
            field_dict["projectId"] = project_id
        if receive_amount is not None:
            field_dict["receiveAmount"] = receive_amount
        if receive_currency_code is not None:
            field_dict["receiveCurrencyCode"] = receive_currency_code
        if redirect_url is not None:
            field_dict["redirectUrl"] = redirect_url
        if valid_until is not None:
            field_dict["validUntil"] = valid_until

        return field_dict

    def to_json(self) -> dict[str, Any]:
        """`to_dict()` ready for `json.dumps`: money as plain-notation strings (`"0.00000001"`)."""
        return json_ready(self.to_dict())

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
            _field = "createdAt"

            def _parse_created_at(data: object) -> datetime.datetime | None:
                if data is None:
                    return data
                if isinstance(data, (str, int, Decimal)):
                    created_at_type_0 = parse_datetime(data)

                    return created_at_type_0
                raise TypeError(f"expected a timestamp or null, got {json_type(data)}")

            created_at = _parse_created_at(d.pop("createdAt", None))

            _field = "description"

            def _parse_description(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            description = _parse_description(d.pop("description", None))

            _field = "id"
            id = expect_str(d.pop("id"))

            _field = "isMultiple"

            def _parse_is_multiple(data: object) -> bool | None:
                if data is None:
                    return data
                if isinstance(data, bool):
                    return data
                raise TypeError(f"expected true or false or null, got {json_type(data)}")

            is_multiple = _parse_is_multiple(d.pop("isMultiple", None))

            _field = "orderId"

            def _parse_order_id(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            order_id = _parse_order_id(d.pop("orderId", None))

            _field = "projectId"

            def _parse_project_id(data: object) -> None | UUID:
                if data is None:
                    return data
                if isinstance(data, str):
                    project_id_type_0 = UUID(expect_str(data))

                    return project_id_type_0
                raise TypeError(f"expected a UUID or null, got {json_type(data)}")

            project_id = _parse_project_id(d.pop("projectId", None))

            _field = "receiveAmount"

            def _parse_receive_amount(data: object) -> Decimal | None:
                if data is None:
                    return data
                if isinstance(data, DECIMAL_INPUTS):
                    receive_amount_type_0 = to_decimal(data)

                    return receive_amount_type_0
                raise TypeError(f"expected a decimal number or null, got {json_type(data)}")

            receive_amount = _parse_receive_amount(d.pop("receiveAmount", None))

            _field = "receiveCurrencyCode"

            def _parse_receive_currency_code(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            receive_currency_code = _parse_receive_currency_code(d.pop("receiveCurrencyCode", None))

            _field = "redirectUrl"

            def _parse_redirect_url(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            redirect_url = _parse_redirect_url(d.pop("redirectUrl", None))

            _field = "validUntil"

            def _parse_valid_until(data: object) -> datetime.datetime | None:
                if data is None:
                    return data
                if isinstance(data, (str, int, Decimal)):
                    valid_until_type_0 = parse_datetime(data)

                    return valid_until_type_0
                raise TypeError(f"expected a timestamp or null, got {json_type(data)}")

            valid_until = _parse_valid_until(d.pop("validUntil", None))

        except ModelValidationError as exc:
            raise exc.nested("PreOrder", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("PreOrder", _field, exc) from None
        instance__ = cls(
            created_at=created_at,
            description=description,
            id=id,
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
