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
    checked_str,
    enum_value,
    expect_str,
    format_datetime,
    json_type,
    parse_datetime,
    parse_error,
    to_decimal,
)
from ..models.order_status import OrderStatus

T = TypeVar("T", bound="Order")


@_attrs_define
class Order:
    """A merchant order. The order's id comes as `id` (SpectroCoin's order guide) or, in the
    e2e stub of SpectroCoin's plugins (tests/e2e/tier2/stub/index.php in the PrestaShop,
    OpenCart, WHMCS and Drupal modules), as `uuid` with no `id`; that stub answers with only
    `uuid`, `orderId`, `status`, `receiveAmount`, `receiveCurrencyCode`, `callbackUrl` and
    `projectId`, and the plugins read only `orderId`, `status`, `receiveAmount` and
    `receiveCurrencyCode`. The SDK reads `uuid` as the id where `id` is absent.

        Attributes:
            callback_url (None | str): Callback URL of the order.
            created_at (datetime.datetime | None): When the order was created.
            deposit_address (None | str): Address the payer sends to.
            description (None | str): Order description.
            failure_url (None | str): Failure redirect URL.
            id (str): The order's id, as SpectroCoin sends it (a UUID, or 32 hex digits).
            memo (None | str): Memo or tag the payer must add.
            merchant_pre_order_id (None | str): Id of the pre-order the order came from.
            order_id (None | str): Merchant's order id.
            pay_amount (Decimal | None): Amount the payer pays, once chosen.
            pay_currency_code (None | str): Currency the payer pays in, once chosen.
            pay_network_code (None | str): Network the payer pays on, once chosen.
            project_id (None | UUID): Merchant project id.
            receive_amount (Decimal | None): Amount the merchant receives.
            receive_currency_code (None | str): Currency the merchant receives.
            redirect_url (None | str): Payment window URL.
            status (OrderStatus): Merchant order status. Legacy numeric codes: NEW 1, PENDING 2, PAID 3, FAILED 4, EXPIRED
                5,
                TEST 6, LATE_CRYPTO_PAYMENT 10, PARTIAL_PAYMENT 11, UNDERPAID 12, CANCELLED 13,
                INVALID_PAYMENT 14, TEST_PAID 15, TEST_EXPIRED 16, PROCESSING_REFUND 17, REFUNDED 18,
                REJECTED_REFUND 19, PENDING_LATE_CRYPTO_PAYMENT 20, REJECTED 21. The list has grown before:
                clients must accept unknown values. UNDERPAID and LATE_CRYPTO_PAYMENT orders can be accepted
                by the merchant and then become PAID. Names match case-insensitively and a legacy numeric
                code maps to its status, as in SpectroCoin's plugin (SCMerchantClient/Enum/OrderStatus.php).
            success_url (None | str): Success redirect URL.
            valid_until (datetime.datetime | None): End of the payment window.
    """

    id: str
    status: OrderStatus
    callback_url: None | str = None
    created_at: datetime.datetime | None = None
    deposit_address: None | str = None
    description: None | str = None
    failure_url: None | str = None
    memo: None | str = None
    merchant_pre_order_id: None | str = None
    order_id: None | str = None
    pay_amount: Decimal | None = None
    pay_currency_code: None | str = None
    pay_network_code: None | str = None
    project_id: None | UUID = None
    receive_amount: Decimal | None = None
    receive_currency_code: None | str = None
    redirect_url: None | str = None
    success_url: None | str = None
    valid_until: datetime.datetime | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        callback_url: None | str
        callback_url = self.callback_url

        created_at: None | str
        if isinstance(self.created_at, datetime.datetime):
            created_at = format_datetime(self.created_at, "createdAt")
        else:
            created_at = self.created_at

        deposit_address: None | str
        deposit_address = self.deposit_address

        description: None | str
        description = self.description

        failure_url: None | str
        failure_url = self.failure_url

        id = checked_str(self.id, "id")

        memo: None | str
        memo = self.memo

        merchant_pre_order_id: None | str
        merchant_pre_order_id = self.merchant_pre_order_id

        order_id: None | str
        order_id = self.order_id

        pay_amount: Decimal | None
        pay_amount = self.pay_amount

        pay_currency_code: None | str
        pay_currency_code = self.pay_currency_code

        pay_network_code: None | str
        pay_network_code = self.pay_network_code

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

        status = enum_value(self.status, OrderStatus, "status")

        success_url: None | str
        success_url = self.success_url

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
                "status": status,
            }
        )
        if callback_url is not None:
            field_dict["callbackUrl"] = callback_url
        if created_at is not None:
            field_dict["createdAt"] = created_at
        if deposit_address is not None:
            field_dict["depositAddress"] = deposit_address
        if description is not None:
            field_dict["description"] = description
        if failure_url is not None:
            field_dict["failureUrl"] = failure_url
        if memo is not None:
            field_dict["memo"] = memo
        if merchant_pre_order_id is not None:
            field_dict["merchantPreOrderId"] = merchant_pre_order_id
        if order_id is not None:
            field_dict["orderId"] = order_id
        if pay_amount is not None:
            field_dict["payAmount"] = pay_amount
        if pay_currency_code is not None:
            field_dict["payCurrencyCode"] = pay_currency_code
        if pay_network_code is not None:
            field_dict["payNetworkCode"] = pay_network_code
        if project_id is not None:
            field_dict["projectId"] = project_id
        if receive_amount is not None:
            field_dict["receiveAmount"] = receive_amount
        if receive_currency_code is not None:
            field_dict["receiveCurrencyCode"] = receive_currency_code
        if redirect_url is not None:
            field_dict["redirectUrl"] = redirect_url
        if success_url is not None:
            field_dict["successUrl"] = success_url
        if valid_until is not None:
            field_dict["validUntil"] = valid_until

        return field_dict

    def to_json(self) -> dict[str, Any]:
        """`to_dict()` ready for `json.dumps`: money as plain-notation strings (`"0.00000001"`)."""
        return json_ready(self.to_dict())

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decoded JSON as `Order`; `ModelValidationError` names what does not fit."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "Order", "", f"expected an object, got {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        _field = ""
        try:
            _field = "callbackUrl"

            def _parse_callback_url(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            callback_url = _parse_callback_url(d.pop("callbackUrl", None))

            _field = "createdAt"

            def _parse_created_at(data: object) -> datetime.datetime | None:
                if data is None:
                    return data
                if isinstance(data, (str, int, Decimal)):
                    created_at_type_0 = parse_datetime(data)

                    return created_at_type_0
                raise TypeError(f"expected a timestamp or null, got {json_type(data)}")

            created_at = _parse_created_at(d.pop("createdAt", None))

            _field = "depositAddress"

            def _parse_deposit_address(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            deposit_address = _parse_deposit_address(d.pop("depositAddress", None))

            _field = "description"

            def _parse_description(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            description = _parse_description(d.pop("description", None))

            _field = "failureUrl"

            def _parse_failure_url(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            failure_url = _parse_failure_url(d.pop("failureUrl", None))

            _field = "id"
            id = expect_str(
                d.pop("id") if "id" in d else d.pop("uuid") if "uuid" in d else d.pop("id")
            )

            _field = "memo"

            def _parse_memo(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            memo = _parse_memo(d.pop("memo", None))

            _field = "merchantPreOrderId"

            def _parse_merchant_pre_order_id(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            merchant_pre_order_id = _parse_merchant_pre_order_id(d.pop("merchantPreOrderId", None))

            _field = "orderId"

            def _parse_order_id(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            order_id = _parse_order_id(d.pop("orderId", None))

            _field = "payAmount"

            def _parse_pay_amount(data: object) -> Decimal | None:
                if data is None:
                    return data
                if isinstance(data, DECIMAL_INPUTS):
                    pay_amount_type_0 = to_decimal(data)

                    return pay_amount_type_0
                raise TypeError(f"expected a decimal number or null, got {json_type(data)}")

            pay_amount = _parse_pay_amount(d.pop("payAmount", None))

            _field = "payCurrencyCode"

            def _parse_pay_currency_code(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            pay_currency_code = _parse_pay_currency_code(d.pop("payCurrencyCode", None))

            _field = "payNetworkCode"

            def _parse_pay_network_code(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            pay_network_code = _parse_pay_network_code(d.pop("payNetworkCode", None))

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

            _field = "status"
            status = OrderStatus(d.pop("status"))

            _field = "successUrl"

            def _parse_success_url(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            success_url = _parse_success_url(d.pop("successUrl", None))

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
            raise exc.nested("Order", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("Order", _field, exc) from None
        instance__ = cls(
            callback_url=callback_url,
            created_at=created_at,
            deposit_address=deposit_address,
            description=description,
            failure_url=failure_url,
            id=id,
            memo=memo,
            merchant_pre_order_id=merchant_pre_order_id,
            order_id=order_id,
            pay_amount=pay_amount,
            pay_currency_code=pay_currency_code,
            pay_network_code=pay_network_code,
            project_id=project_id,
            receive_amount=receive_amount,
            receive_currency_code=receive_currency_code,
            redirect_url=redirect_url,
            status=status,
            success_url=success_url,
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
