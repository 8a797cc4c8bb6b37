from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._types import to_uuid
from ..types import UNSET, Unset, to_decimal

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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        project_id = None if self.project_id is None else str(self.project_id)

        receive_amount = self.receive_amount

        receive_currency_code = self.receive_currency_code

        callback_url = self.callback_url

        description = self.description

        failure_url = self.failure_url

        is_multiple = self.is_multiple

        order_id = self.order_id

        success_url = self.success_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        project_id = UUID(d.pop("projectId"))

        receive_amount = to_decimal(d.pop("receiveAmount"))

        receive_currency_code = d.pop("receiveCurrencyCode")

        callback_url = d.pop("callbackUrl", UNSET)

        description = d.pop("description", UNSET)

        failure_url = d.pop("failureUrl", UNSET)

        is_multiple = d.pop("isMultiple", UNSET)

        order_id = d.pop("orderId", UNSET)

        success_url = d.pop("successUrl", UNSET)

        create_pre_order_request = cls(
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

        create_pre_order_request.additional_properties = d
        return create_pre_order_request

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
