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
from ..._types import to_uuid
from ..._values import (
    checked_str,
    expect_str,
    format_date,
    parse_error,
    to_decimal,
    unknown_field,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateOrderRequest")


@_attrs_define
class CreateOrderRequest:
    """Merchant order. Give `receiveAmount` + `receiveCurrencyCode` or `payAmount` +
    `payCurrencyCode`; when both pairs are given the receive pair wins and the pay pair is
    ignored (SpectroCoin's merchant order guide). SpectroCoin's Drupal module sends every
    order with `payAmount: "0.0"` and `payCurrencyCode` beside the receive pair
    (src/SCMerchantClient/messages/SpectroCoin_CreateOrderRequest.php, getPayAmount), as the
    legacy merchant API's example did (`payAmount=0.0&receiveAmount=50.0`): a zero pay amount
    beside the receive pair is accepted; the amount of the pair that counts must be above
    zero, and no amount may be negative. Payer fields apply to projects with "verified payers
    only".

        Attributes:
            project_id (UUID): Merchant project id.
            callback_url (str | Unset): URL that receives status-change callbacks.
            description (str | Unset): Order description shown in the payment window.
            failure_url (str | Unset): Where the payer is sent after a failed payment.
            lang (str | Unset): Language of the payment window, such as `en`.
            order_id (str | Unset): Merchant's order id, unique within the project; generated if absent.
            pay_amount (Decimal | Unset): Amount the payer pays; above zero when the pay pair is the one that counts, and
                may
                be 0 beside the receive pair (which then wins).
            pay_currency_code (str | Unset): Currency the payer pays in.
            pay_network_name (str | Unset): Network the payer pays on.
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

    def to_dict(self) -> dict[str, Any]:
        project_id = None if self.project_id is None else str(self.project_id)

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

        lang = self.lang if isinstance(self.lang, Unset) else checked_str(self.lang, "lang")

        order_id = (
            self.order_id
            if isinstance(self.order_id, Unset)
            else checked_str(self.order_id, "orderId")
        )

        pay_amount = self.pay_amount

        pay_currency_code = (
            self.pay_currency_code
            if isinstance(self.pay_currency_code, Unset)
            else checked_str(self.pay_currency_code, "payCurrencyCode")
        )

        pay_network_name = (
            self.pay_network_name
            if isinstance(self.pay_network_name, Unset)
            else checked_str(self.pay_network_name, "payNetworkName")
        )

        payer_date_of_birth: str | Unset = UNSET
        if not isinstance(self.payer_date_of_birth, Unset):
            payer_date_of_birth = format_date(self.payer_date_of_birth, "payerDateOfBirth")

        payer_email = (
            self.payer_email
            if isinstance(self.payer_email, Unset)
            else checked_str(self.payer_email, "payerEmail")
        )

        payer_name = (
            self.payer_name
            if isinstance(self.payer_name, Unset)
            else checked_str(self.payer_name, "payerName")
        )

        payer_surname = (
            self.payer_surname
            if isinstance(self.payer_surname, Unset)
            else checked_str(self.payer_surname, "payerSurname")
        )

        receive_amount = self.receive_amount

        receive_currency_code = (
            self.receive_currency_code
            if isinstance(self.receive_currency_code, Unset)
            else checked_str(self.receive_currency_code, "receiveCurrencyCode")
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

    def to_json(self) -> dict[str, Any]:
        """`to_dict()` ready for `json.dumps`: money as plain-notation strings (`"0.00000001"`)."""
        return json_ready(self.to_dict())

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decoded JSON as `CreateOrderRequest`; `ModelValidationError` names what does not fit."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "CreateOrderRequest", "", f"expected an object, got {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        unknown_field(
            "CreateOrderRequest",
            d,
            (
                "projectId",
                "callbackUrl",
                "description",
                "failureUrl",
                "lang",
                "orderId",
                "payAmount",
                "payCurrencyCode",
                "payNetworkName",
                "payerDateOfBirth",
                "payerEmail",
                "payerName",
                "payerSurname",
                "receiveAmount",
                "receiveCurrencyCode",
                "successUrl",
            ),
        )
        _field = ""
        try:
            _field = "projectId"
            project_id = UUID(expect_str(d.pop("projectId")))

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

            _field = "lang"
            _lang = d.pop("lang", UNSET)
            lang: str | Unset = _lang if isinstance(_lang, Unset) else expect_str(_lang)

            _field = "orderId"
            _order_id = d.pop("orderId", UNSET)
            order_id: str | Unset = (
                _order_id if isinstance(_order_id, Unset) else expect_str(_order_id)
            )

            _field = "payAmount"
            _pay_amount = d.pop("payAmount", UNSET)
            pay_amount: Decimal | Unset
            if isinstance(_pay_amount, Unset):
                pay_amount = UNSET
            else:
                pay_amount = to_decimal(_pay_amount)

            _field = "payCurrencyCode"
            _pay_currency_code = d.pop("payCurrencyCode", UNSET)
            pay_currency_code: str | Unset = (
                _pay_currency_code
                if isinstance(_pay_currency_code, Unset)
                else expect_str(_pay_currency_code)
            )

            _field = "payNetworkName"
            _pay_network_name = d.pop("payNetworkName", UNSET)
            pay_network_name: str | Unset = (
                _pay_network_name
                if isinstance(_pay_network_name, Unset)
                else expect_str(_pay_network_name)
            )

            _field = "payerDateOfBirth"
            _payer_date_of_birth = d.pop("payerDateOfBirth", UNSET)
            payer_date_of_birth: datetime.date | Unset
            if isinstance(_payer_date_of_birth, Unset):
                payer_date_of_birth = UNSET
            else:
                payer_date_of_birth = datetime.date.fromisoformat(expect_str(_payer_date_of_birth))

            _field = "payerEmail"
            _payer_email = d.pop("payerEmail", UNSET)
            payer_email: str | Unset = (
                _payer_email if isinstance(_payer_email, Unset) else expect_str(_payer_email)
            )

            _field = "payerName"
            _payer_name = d.pop("payerName", UNSET)
            payer_name: str | Unset = (
                _payer_name if isinstance(_payer_name, Unset) else expect_str(_payer_name)
            )

            _field = "payerSurname"
            _payer_surname = d.pop("payerSurname", UNSET)
            payer_surname: str | Unset = (
                _payer_surname if isinstance(_payer_surname, Unset) else expect_str(_payer_surname)
            )

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

            _field = "successUrl"
            _success_url = d.pop("successUrl", UNSET)
            success_url: str | Unset = (
                _success_url if isinstance(_success_url, Unset) else expect_str(_success_url)
            )

        except ModelValidationError as exc:
            raise exc.nested("CreateOrderRequest", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("CreateOrderRequest", _field, exc) from None
        instance__ = cls(
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

        return instance__
