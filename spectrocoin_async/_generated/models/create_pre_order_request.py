from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._encoding import json_ready
from ..._errors import ModelValidationError
from ..._types import to_uuid
from ..._values import (
    checked_bool,
    checked_str,
    expect_bool,
    expect_str,
    parse_error,
    to_decimal,
    unknown_field,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreatePreOrderRequest")


@_attrs_define
class CreatePreOrderRequest:
    """Fixed-price pre-order (fields are this project's model). Flat form fields.

    Attributes:
        project_id (UUID): Merchant project id.
        receive_amount (Decimal): Fixed price the merchant receives.
        receive_currency_code (str): Currency of the price.
        callback_url (str | Unset): URL that receives status-change callbacks of its orders.
        description (str | Unset): Description shown in the payment window.
        failure_url (str | Unset): Where the payer is sent after a failed payment.
        is_multiple (bool | Unset): Whether many orders can be created from this pre-order.
        order_id (str | Unset): Merchant's order id for the first order.
        success_url (str | Unset): Where the payer is sent after a successful payment.
    """

    project_id: UUID = _attrs_field(converter=to_uuid)
    receive_amount: Decimal
    receive_currency_code: str
    callback_url: str | Unset = UNSET
    description: str | Unset = UNSET
    failure_url: str | Unset = UNSET
    is_multiple: bool | Unset = UNSET
    order_id: str | Unset = UNSET
    success_url: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        project_id = None if self.project_id is None else str(self.project_id)

        receive_amount = self.receive_amount

        receive_currency_code = checked_str(self.receive_currency_code, "receiveCurrencyCode")

        callback_url = (
            self.callback_url
            if isinstance(self.callback_url, Unset)
            else checked_str(self.callback_url, "callbackUrl")
        )

        description = (
            self.description
            if isinstance(self.description, Unset)
            else checked_str(self.description, "description")
        )

        failure_url = (
            self.failure_url
            if isinstance(self.failure_url, Unset)
            else checked_str(self.failure_url, "failureUrl")
        )

        is_multiple: bool | Unset = UNSET
        if not isinstance(self.is_multiple, Unset):
            is_multiple = checked_bool(self.is_multiple, "isMultiple")

        order_id = (
            self.order_id
            if isinstance(self.order_id, Unset)
            else checked_str(self.order_id, "orderId")
        )

        success_url = (
            self.success_url
            if isinstance(self.success_url, Unset)
            else checked_str(self.success_url, "successUrl")
        )

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "projectId": project_id,
                "receiveAmount": receive_amount,
                "receiveCurrencyCode": receive_currency_code,
            }
        )
        if callback_url is not UNSET:
            field_dict["callbackUrl"] = callback_url
        if description is not UNSET:
            field_dict["description"] = description
        if failure_url is not UNSET:
            field_dict["failureUrl"] = failure_url
        if is_multiple is not UNSET:
            field_dict["isMultiple"] = is_multiple
        if order_id is not UNSET:
            field_dict["orderId"] = order_id
        if success_url is not UNSET:
            field_dict["successUrl"] = success_url

        return field_dict

    def to_json(self) -> dict[str, Any]:
        """`to_dict()` ready for `json.dumps`: money as plain-notation strings (`"0.00000001"`)."""
        return json_ready(self.to_dict())

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decoded JSON as `CreatePreOrderRequest`; `ModelValidationError` names what does not fit."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "CreatePreOrderRequest", "", f"expected an object, got {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        unknown_field(
            "CreatePreOrderRequest",
            d,
            (
                "projectId",
                "receiveAmount",
                "receiveCurrencyCode",
                "callbackUrl",
                "description",
                "failureUrl",
                "isMultiple",
                "orderId",
                "successUrl",
            ),
        )
        _field = ""
        try:
            _field = "projectId"
            project_id = UUID(expect_str(d.pop("projectId")))

            _field = "receiveAmount"
            receive_amount = to_decimal(d.pop("receiveAmount"))

            _field = "receiveCurrencyCode"
            receive_currency_code = expect_str(d.pop("receiveCurrencyCode"))

            _field = "callbackUrl"
            _callback_url = d.pop("callbackUrl", UNSET)
            callback_url: str | Unset = (
                _callback_url if isinstance(_callback_url, Unset) else expect_str(_callback_url)
            )

            _field = "description"
            _description = d.pop("description", UNSET)
            description: str | Unset = (
                _description if isinstance(_description, Unset) else expect_str(_description)
            )

            _field = "failureUrl"
            _failure_url = d.pop("failureUrl", UNSET)
            failure_url: str | Unset = (
                _failure_url if isinstance(_failure_url, Unset) else expect_str(_failure_url)
            )

            _field = "isMultiple"
            _is_multiple = d.pop("isMultiple", UNSET)
            is_multiple: bool | Unset = (
                _is_multiple if isinstance(_is_multiple, Unset) else expect_bool(_is_multiple)
            )

            _field = "orderId"
            _order_id = d.pop("orderId", UNSET)
            order_id: str | Unset = (
                _order_id if isinstance(_order_id, Unset) else expect_str(_order_id)
            )

            _field = "successUrl"
            _success_url = d.pop("successUrl", UNSET)
            success_url: str | Unset = (
                _success_url if isinstance(_success_url, Unset) else expect_str(_success_url)
            )

        except ModelValidationError as exc:
            raise exc.nested("CreatePreOrderRequest", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("CreatePreOrderRequest", _field, exc) from None
        instance__ = cls(
            project_id=project_id,
            receive_amount=receive_amount,
            receive_currency_code=receive_currency_code,
            callback_url=callback_url,
            description=description,
            failure_url=failure_url,
            is_multiple=is_multiple,
            order_id=order_id,
            success_url=success_url,
        )

        return instance__
