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
from ..types import UNSET, Unset

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
            id (str): The order's id, as SpectroCoin sends it (a UUID, or 32 hex digits).
            status (OrderStatus): Merchant order status. Legacy numeric codes: NEW 1, PENDING 2, PAID 3, FAILED 4, EXPIRED
                5,
                TEST 6, LATE_CRYPTO_PAYMENT 10, PARTIAL_PAYMENT 11, UNDERPAID 12, CANCELLED 13,
                INVALID_PAYMENT 14, TEST_PAID 15, TEST_EXPIRED 16, PROCESSING_REFUND 17, REFUNDED 18,
                REJECTED_REFUND 19, PENDING_LATE_CRYPTO_PAYMENT 20, REJECTED 21. The list has grown before:
                clients must accept unknown values. UNDERPAID and LATE_CRYPTO_PAYMENT orders can be accepted
                by the merchant and then become PAID. Names match case-insensitively and a legacy numeric
                code maps to its status, as in SpectroCoin's plugin (SCMerchantClient/Enum/OrderStatus.php).
            callback_url (None | str | Unset): Callback URL of the order.
            created_at (datetime.datetime | Unset): When the order was created.
            deposit_address (None | str | Unset): Address the payer sends to.
            description (None | str | Unset): Order description.
            failure_url (None | str | Unset): Failure redirect URL.
            memo (None | str | Unset): Memo or tag the payer must add.
            merchant_pre_order_id (None | str | Unset): Id of the pre-order the order came from.
            order_id (str | Unset): Merchant's order id.
            pay_amount (Decimal | None | Unset): Amount the payer pays, once chosen.
            pay_currency_code (None | str | Unset): Currency the payer pays in, once chosen.
            pay_network_code (None | str | Unset): Network the payer pays on, once chosen.
            project_id (UUID | Unset): Merchant project id.
            receive_amount (Decimal | Unset): Amount the merchant receives.
            receive_currency_code (str | Unset): Currency the merchant receives.
            redirect_url (None | str | Unset): Payment window URL.
            success_url (None | str | Unset): Success redirect URL.
            valid_until (datetime.datetime | None | Unset): End of the payment window.
    """

    id: str
    status: OrderStatus
    callback_url: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    deposit_address: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    failure_url: None | str | Unset = UNSET
    memo: None | str | Unset = UNSET
    merchant_pre_order_id: None | str | Unset = UNSET
    order_id: str | Unset = UNSET
    pay_amount: Decimal | None | Unset = UNSET
    pay_currency_code: None | str | Unset = UNSET
    pay_network_code: None | str | Unset = UNSET
    project_id: UUID | Unset = _attrs_field(default=UNSET, converter=to_uuid_or_unset)
    receive_amount: Decimal | Unset = UNSET
    receive_currency_code: str | Unset = UNSET
    redirect_url: None | str | Unset = UNSET
    success_url: None | str | Unset = UNSET
    valid_until: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = checked_str(self.id, "id")

        status = enum_value(self.status, OrderStatus, "status")

        callback_url: None | str | Unset
        if isinstance(self.callback_url, Unset):
            callback_url = UNSET
        else:
            callback_url = self.callback_url

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = format_datetime(self.created_at, "createdAt")

        deposit_address: None | str | Unset
        if isinstance(self.deposit_address, Unset):
            deposit_address = UNSET
        else:
            deposit_address = self.deposit_address

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        failure_url: None | str | Unset
        if isinstance(self.failure_url, Unset):
            failure_url = UNSET
        else:
            failure_url = self.failure_url

        memo: None | str | Unset
        if isinstance(self.memo, Unset):
            memo = UNSET
        else:
            memo = self.memo

        merchant_pre_order_id: None | str | Unset
        if isinstance(self.merchant_pre_order_id, Unset):
            merchant_pre_order_id = UNSET
        else:
            merchant_pre_order_id = self.merchant_pre_order_id

        order_id = (
            self.order_id
            if isinstance(self.order_id, Unset)
            else checked_str(self.order_id, "orderId")
        )

        pay_amount: Decimal | None | Unset
        if isinstance(self.pay_amount, Unset):
            pay_amount = UNSET
        else:
            pay_amount = self.pay_amount

        pay_currency_code: None | str | Unset
        if isinstance(self.pay_currency_code, Unset):
            pay_currency_code = UNSET
        else:
            pay_currency_code = self.pay_currency_code

        pay_network_code: None | str | Unset
        if isinstance(self.pay_network_code, Unset):
            pay_network_code = UNSET
        else:
            pay_network_code = self.pay_network_code

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

        success_url: None | str | Unset
        if isinstance(self.success_url, Unset):
            success_url = UNSET
        else:
            success_url = self.success_url

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
                "status": status,
            }
        )
        if callback_url is not UNSET:
            field_dict["callbackUrl"] = callback_url
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if deposit_address is not UNSET:
            field_dict["depositAddress"] = deposit_address
        if description is not UNSET:
            field_dict["description"] = description
        if failure_url is not UNSET:
            field_dict["failureUrl"] = failure_url
        if memo is not UNSET:
            field_dict["memo"] = memo
        if merchant_pre_order_id is not UNSET:
            field_dict["merchantPreOrderId"] = merchant_pre_order_id
        if order_id is not UNSET:
            field_dict["orderId"] = order_id
        if pay_amount is not UNSET:
            field_dict["payAmount"] = pay_amount
        if pay_currency_code is not UNSET:
            field_dict["payCurrencyCode"] = pay_currency_code
        if pay_network_code is not UNSET:
            field_dict["payNetworkCode"] = pay_network_code
        if project_id is not UNSET:
            field_dict["projectId"] = project_id
        if receive_amount is not UNSET:
            field_dict["receiveAmount"] = receive_amount
        if receive_currency_code is not UNSET:
            field_dict["receiveCurrencyCode"] = receive_currency_code
        if redirect_url is not UNSET:
            field_dict["redirectUrl"] = redirect_url
        if success_url is not UNSET:
            field_dict["successUrl"] = success_url
        if valid_until is not UNSET:
            field_dict["validUntil"] = valid_until

        return field_dict

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
            _field = "id"
            id = expect_str(
                d.pop("id") if "id" in d else d.pop("uuid") if "uuid" in d else d.pop("id")
            )

            _field = "status"
            status = OrderStatus(d.pop("status"))

            _field = "callbackUrl"

            def _parse_callback_url(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            callback_url = _parse_callback_url(d.pop("callbackUrl", UNSET))

            _field = "createdAt"
            _created_at = d.pop("createdAt", UNSET)
            created_at: datetime.datetime | Unset
            if isinstance(_created_at, Unset):
                created_at = UNSET
            else:
                created_at = parse_datetime(_created_at)

            _field = "depositAddress"

            def _parse_deposit_address(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            deposit_address = _parse_deposit_address(d.pop("depositAddress", UNSET))

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

            _field = "failureUrl"

            def _parse_failure_url(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            failure_url = _parse_failure_url(d.pop("failureUrl", UNSET))

            _field = "memo"

            def _parse_memo(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            memo = _parse_memo(d.pop("memo", UNSET))

            _field = "merchantPreOrderId"

            def _parse_merchant_pre_order_id(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            merchant_pre_order_id = _parse_merchant_pre_order_id(d.pop("merchantPreOrderId", UNSET))

            _field = "orderId"
            _order_id = d.pop("orderId", UNSET)
            order_id: str | Unset = (
                _order_id if isinstance(_order_id, Unset) else expect_str(_order_id)
            )

            _field = "payAmount"

            def _parse_pay_amount(data: object) -> Decimal | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                if isinstance(data, DECIMAL_INPUTS):
                    pay_amount_type_0 = to_decimal(data)

                    return pay_amount_type_0
                raise TypeError(f"expected a decimal number or null, got {json_type(data)}")

            pay_amount = _parse_pay_amount(d.pop("payAmount", UNSET))

            _field = "payCurrencyCode"

            def _parse_pay_currency_code(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            pay_currency_code = _parse_pay_currency_code(d.pop("payCurrencyCode", UNSET))

            _field = "payNetworkCode"

            def _parse_pay_network_code(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            pay_network_code = _parse_pay_network_code(d.pop("payNetworkCode", UNSET))

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

            _field = "successUrl"

            def _parse_success_url(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            success_url = _parse_success_url(d.pop("successUrl", UNSET))

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
            raise exc.nested("Order", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("Order", _field, exc) from None
        instance__ = cls(
            id=id,
            status=status,
            callback_url=callback_url,
            created_at=created_at,
            deposit_address=deposit_address,
            description=description,
            failure_url=failure_url,
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
