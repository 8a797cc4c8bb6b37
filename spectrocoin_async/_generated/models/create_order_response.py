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
    expect_str,
    format_datetime,
    json_type,
    parse_datetime,
    parse_error,
    to_decimal,
)

T = TypeVar("T", bound="CreateOrderResponse")


@_attrs_define
class CreateOrderResponse:
    """Result of createOrder. Before the payer picks a currency in the payment window, the pay
    fields may be null. `validUntil` is ISO 8601; the legacy API sent epoch milliseconds.

        Attributes:
            deposit_address (None | str): Address the payer sends to.
            memo (None | str): Memo or tag the payer must add, where the network needs one.
            order_id (None | str): Order id as the API returns it, an opaque string (not always a UUID); `id` of getOrder
                is the UUID to look an order up.
            pay_amount (Decimal | None): Amount the payer pays.
            pay_currency_code (None | str): Currency the payer pays in.
            pay_network_code (None | str): Network the payer pays on.
            pre_order_id (None | str): Id of the pre-order created first.
            receive_amount (Decimal | None): Amount the merchant receives.
            receive_currency_code (None | str): Currency the merchant receives.
            redirect_url (str): Payment window URL to send the payer to.
            valid_until (datetime.datetime | None): End of the payment window.
    """

    redirect_url: str
    deposit_address: None | str = None
    memo: None | str = None
    order_id: None | str = None
    pay_amount: Decimal | None = None
    pay_currency_code: None | str = None
    pay_network_code: None | str = None
    pre_order_id: None | str = None
    receive_amount: Decimal | None = None
    receive_currency_code: None | str = None
    valid_until: datetime.datetime | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        deposit_address: None | str
        deposit_address = self.deposit_address

        memo: None | str
        memo = self.memo

        order_id: None | str
        order_id = self.order_id

        pay_amount: Decimal | None
        pay_amount = self.pay_amount

        pay_currency_code: None | str
        pay_currency_code = self.pay_currency_code

        pay_network_code: None | str
        pay_network_code = self.pay_network_code

        pre_order_id: None | str
        pre_order_id = self.pre_order_id

        receive_amount: Decimal | None
        receive_amount = self.receive_amount

        receive_currency_code: None | str
        receive_currency_code = self.receive_currency_code

        redirect_url = checked_str(self.redirect_url, "redirectUrl")

        valid_until: None | str
        if isinstance(self.valid_until, datetime.datetime):
            valid_until = format_datetime(self.valid_until, "validUntil")
        else:
            valid_until = self.valid_until

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "redirectUrl": redirect_url,
            }
        )
        if deposit_address is not None:
            field_dict["depositAddress"] = deposit_address
        if memo is not None:
            field_dict["memo"] = memo
        if order_id is not None:
            field_dict["orderId"] = order_id
        if pay_amount is not None:
            field_dict["payAmount"] = pay_amount
        if pay_currency_code is not None:
            field_dict["payCurrencyCode"] = pay_currency_code
        if pay_network_code is not None:
            field_dict["payNetworkCode"] = pay_network_code
        if pre_order_id is not None:
            field_dict["preOrderId"] = pre_order_id
        if receive_amount is not None:
            field_dict["receiveAmount"] = receive_amount
        if receive_currency_code is not None:
            field_dict["receiveCurrencyCode"] = receive_currency_code
        if valid_until is not None:
            field_dict["validUntil"] = valid_until

        return field_dict

    def to_json(self) -> dict[str, Any]:
        """`to_dict()` ready for `json.dumps`: money as plain-notation strings (`"0.00000001"`)."""
        return json_ready(self.to_dict())

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decoded JSON as `CreateOrderResponse`; `ModelValidationError` names what does not fit."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "CreateOrderResponse", "", f"expected an object, got {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        _field = ""
        try:
            _field = "depositAddress"

            def _parse_deposit_address(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            deposit_address = _parse_deposit_address(d.pop("depositAddress", None))

            _field = "memo"

            def _parse_memo(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            memo = _parse_memo(d.pop("memo", None))

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

            _field = "preOrderId"

            def _parse_pre_order_id(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            pre_order_id = _parse_pre_order_id(d.pop("preOrderId", None))

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
            redirect_url = expect_str(d.pop("redirectUrl"))

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
            raise exc.nested("CreateOrderResponse", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("CreateOrderResponse", _field, exc) from None
        instance__ = cls(
            deposit_address=deposit_address,
            memo=memo,
            order_id=order_id,
            pay_amount=pay_amount,
            pay_currency_code=pay_currency_code,
            pay_network_code=pay_network_code,
            pre_order_id=pre_order_id,
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
