from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._types import to_uuid
from ..types import UNSET, Unset, to_decimal

T = TypeVar("T", bound="CreateOrderRequest")


@_attrs_define
class CreateOrderRequest:
    """Merchant order. Give `receiveAmount` + `receiveCurrencyCode` or `payAmount` +
    `payCurrencyCode` (receive wins when both are given). Payer fields apply to projects with
    "verified payers only".

        Attributes:
            project_id (UUID): Merchant project id.
            callback_url (str | Unset): URL that receives status-change callbacks.
            description (str | Unset): Order description shown in the payment window.
            failure_url (str | Unset): Where the payer is sent after a failed payment.
            lang (str | Unset): Language of the payment window (e.g. "en"), as sent by the plugins.
            order_id (str | Unset): Merchant's order id, unique within the project; generated if absent.
            pay_amount (Decimal | Unset): Amount the payer pays.
            pay_currency_code (str | Unset): Currency the payer pays in.
            pay_network_name (str | Unset): Network the payer pays on, as sent by the plugins.
            payer_date_of_birth (datetime.date | Unset): Date of birth of the verified payer (YYYY-MM-DD).
            payer_email (str | Unset): Email of the verified payer.
            payer_name (str | Unset): First name of the verified payer.
            payer_surname (str | Unset): Last name of the verified payer.
            receive_amount (Decimal | Unset): Amount the merchant receives.
            receive_currency_code (str | Unset): Currency the merchant receives.
            success_url (str | Unset): Where the payer is sent after a successful payment.
    """

    project_id: UUID = _attrs_field(converter=to_uuid)
    callback_url: str | Unset = UNSET
    description: str | Unset = UNSET
    failure_url: str | Unset = UNSET
    lang: str | Unset = UNSET
    order_id: str | Unset = UNSET
    pay_amount: Decimal | Unset = UNSET
    pay_currency_code: str | Unset = UNSET
    pay_network_name: str | Unset = UNSET
    payer_date_of_birth: datetime.date | Unset = UNSET
    payer_email: str | Unset = UNSET
    payer_name: str | Unset = UNSET
    payer_surname: str | Unset = UNSET
    receive_amount: Decimal | Unset = UNSET
    receive_currency_code: str | Unset = UNSET
    success_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        project_id = None if self.project_id is None else str(self.project_id)

        callback_url = self.callback_url

        description = self.description

        failure_url = self.failure_url

        lang = self.lang

        order_id = self.order_id

        pay_amount = self.pay_amount

        pay_currency_code = self.pay_currency_code

        pay_network_name = self.pay_network_name

        payer_date_of_birth: str | Unset = UNSET
        if not isinstance(self.payer_date_of_birth, Unset):
            payer_date_of_birth = self.payer_date_of_birth.isoformat()

        payer_email = self.payer_email

        payer_name = self.payer_name

        payer_surname = self.payer_surname

        receive_amount = self.receive_amount

        receive_currency_code = self.receive_currency_code

        success_url = self.success_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "projectId": project_id,
            }
        )
        if callback_url is not UNSET:
            field_dict["callbackUrl"] = callback_url
        if description is not UNSET:
            field_dict["description"] = description
        if failure_url is not UNSET:
            field_dict["failureUrl"] = failure_url
        if lang is not UNSET:
            field_dict["lang"] = lang
        if order_id is not UNSET:
            field_dict["orderId"] = order_id
        if pay_amount is not UNSET:
            field_dict["payAmount"] = pay_amount
        if pay_currency_code is not UNSET:
            field_dict["payCurrencyCode"] = pay_currency_code
        if pay_network_name is not UNSET:
            field_dict["payNetworkName"] = pay_network_name
        if payer_date_of_birth is not UNSET:
            field_dict["payerDateOfBirth"] = payer_date_of_birth
        if payer_email is not UNSET:
            field_dict["payerEmail"] = payer_email
        if payer_name is not UNSET:
            field_dict["payerName"] = payer_name
        if payer_surname is not UNSET:
            field_dict["payerSurname"] = payer_surname
        if receive_amount is not UNSET:
            field_dict["receiveAmount"] = receive_amount
        if receive_currency_code is not UNSET:
            field_dict["receiveCurrencyCode"] = receive_currency_code
        if success_url is not UNSET:
            field_dict["successUrl"] = success_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        project_id = UUID(d.pop("projectId"))

        callback_url = d.pop("callbackUrl", UNSET)

        description = d.pop("description", UNSET)

        failure_url = d.pop("failureUrl", UNSET)

        lang = d.pop("lang", UNSET)

        order_id = d.pop("orderId", UNSET)

        _pay_amount = d.pop("payAmount", UNSET)
        pay_amount: Decimal | Unset
        if isinstance(_pay_amount, Unset):
            pay_amount = UNSET
        else:
            pay_amount = to_decimal(_pay_amount)

        pay_currency_code = d.pop("payCurrencyCode", UNSET)

        pay_network_name = d.pop("payNetworkName", UNSET)

        _payer_date_of_birth = d.pop("payerDateOfBirth", UNSET)
        payer_date_of_birth: datetime.date | Unset
        if isinstance(_payer_date_of_birth, Unset):
            payer_date_of_birth = UNSET
        else:
            payer_date_of_birth = datetime.date.fromisoformat(_payer_date_of_birth)

        payer_email = d.pop("payerEmail", UNSET)

        payer_name = d.pop("payerName", UNSET)

        payer_surname = d.pop("payerSurname", UNSET)

        _receive_amount = d.pop("receiveAmount", UNSET)
        receive_amount: Decimal | Unset
        if isinstance(_receive_amount, Unset):
            receive_amount = UNSET
        else:
            receive_amount = to_decimal(_receive_amount)

        receive_currency_code = d.pop("receiveCurrencyCode", UNSET)

        success_url = d.pop("successUrl", UNSET)

        create_order_request = cls(
            project_id=project_id,
            callback_url=callback_url,
            description=description,
            failure_url=failure_url,
            lang=lang,
            order_id=order_id,
            pay_amount=pay_amount,
            pay_currency_code=pay_currency_code,
            pay_network_name=pay_network_name,
            payer_date_of_birth=payer_date_of_birth,
            payer_email=payer_email,
            payer_name=payer_name,
            payer_surname=payer_surname,
            receive_amount=receive_amount,
            receive_currency_code=receive_currency_code,
            success_url=success_url,
        )

        create_order_request.additional_properties = d
        return create_order_request

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
