from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, parse_datetime, to_decimal

T = TypeVar("T", bound="CreateOrderResponse")


@_attrs_define
class CreateOrderResponse:
    """Result of createOrder. Before the payer picks a currency in the payment window, the pay
    fields may be null. `validUntil` is ISO 8601; the legacy API sent epoch milliseconds.

        Attributes:
            redirect_url (str): Payment window URL to send the payer to.
            deposit_address (None | str | Unset): Address the payer sends to.
            memo (None | str | Unset): Memo or tag the payer must add, where the network needs one.
            order_id (None | str | Unset): Order id as the API returns it, an opaque string. SpectroCoin's own plugin test
                (tests/SCMerchantClient/Http/CreateOrderResponseTest.php) uses `"ORD123"`, not a UUID,
                and the plugin keeps it as a string; `id` of getOrder is the UUID to look an order up.
            pay_amount (Decimal | None | Unset): Amount the payer pays.
            pay_currency_code (None | str | Unset): Currency the payer pays in.
            pay_network_code (None | str | Unset): Network the payer pays on.
            pre_order_id (None | str | Unset): Id of the pre-order created first.
            receive_amount (Decimal | Unset): Amount the merchant receives.
            receive_currency_code (str | Unset): Currency the merchant receives.
            valid_until (datetime.datetime | None | Unset): End of the payment window.
    """

    redirect_url: str
    deposit_address: None | str | Unset = UNSET
    memo: None | str | Unset = UNSET
    order_id: None | str | Unset = UNSET
    pay_amount: Decimal | None | Unset = UNSET
    pay_currency_code: None | str | Unset = UNSET
    pay_network_code: None | str | Unset = UNSET
    pre_order_id: None | str | Unset = UNSET
    receive_amount: Decimal | Unset = UNSET
    receive_currency_code: str | Unset = UNSET
    valid_until: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        redirect_url = self.redirect_url

        deposit_address: None | str | Unset
        if isinstance(self.deposit_address, Unset):
            deposit_address = UNSET
        else:
            deposit_address = self.deposit_address

        memo: None | str | Unset
        if isinstance(self.memo, Unset):
            memo = UNSET
        else:
            memo = self.memo

        order_id: None | str | Unset
        if isinstance(self.order_id, Unset):
            order_id = UNSET
        else:
            order_id = self.order_id

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

        pre_order_id: None | str | Unset
        if isinstance(self.pre_order_id, Unset):
            pre_order_id = UNSET
        else:
            pre_order_id = self.pre_order_id

        receive_amount = self.receive_amount

        receive_currency_code = self.receive_currency_code

        valid_until: None | str | Unset
        if isinstance(self.valid_until, Unset):
            valid_until = UNSET
        elif isinstance(self.valid_until, datetime.datetime):
            valid_until = self.valid_until.isoformat()
        else:
            valid_until = self.valid_until

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "redirectUrl": redirect_url,
            }
        )
        if deposit_address is not UNSET:
            field_dict["depositAddress"] = deposit_address
        if memo is not UNSET:
            field_dict["memo"] = memo
        if order_id is not UNSET:
            field_dict["orderId"] = order_id
        if pay_amount is not UNSET:
            field_dict["payAmount"] = pay_amount
        if pay_currency_code is not UNSET:
            field_dict["payCurrencyCode"] = pay_currency_code
        if pay_network_code is not UNSET:
            field_dict["payNetworkCode"] = pay_network_code
        if pre_order_id is not UNSET:
            field_dict["preOrderId"] = pre_order_id
        if receive_amount is not UNSET:
            field_dict["receiveAmount"] = receive_amount
        if receive_currency_code is not UNSET:
            field_dict["receiveCurrencyCode"] = receive_currency_code
        if valid_until is not UNSET:
            field_dict["validUntil"] = valid_until

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        redirect_url = d.pop("redirectUrl")

        def _parse_deposit_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        deposit_address = _parse_deposit_address(d.pop("depositAddress", UNSET))

        def _parse_memo(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        memo = _parse_memo(d.pop("memo", UNSET))

        def _parse_order_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        order_id = _parse_order_id(d.pop("orderId", UNSET))

        def _parse_pay_amount(data: object) -> Decimal | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, (Decimal, int, str)):
                    raise TypeError()
                pay_amount_type_0 = to_decimal(data)

                return pay_amount_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Decimal | None | Unset, data)

        pay_amount = _parse_pay_amount(d.pop("payAmount", UNSET))

        def _parse_pay_currency_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pay_currency_code = _parse_pay_currency_code(d.pop("payCurrencyCode", UNSET))

        def _parse_pay_network_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pay_network_code = _parse_pay_network_code(d.pop("payNetworkCode", UNSET))

        def _parse_pre_order_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pre_order_id = _parse_pre_order_id(d.pop("preOrderId", UNSET))

        _receive_amount = d.pop("receiveAmount", UNSET)
        receive_amount: Decimal | Unset
        if isinstance(_receive_amount, Unset):
            receive_amount = UNSET
        else:
            receive_amount = to_decimal(_receive_amount)

        receive_currency_code = d.pop("receiveCurrencyCode", UNSET)

        def _parse_valid_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, (str, int)):
                    raise TypeError()
                valid_until_type_0 = parse_datetime(data)

                return valid_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        valid_until = _parse_valid_until(d.pop("validUntil", UNSET))

        create_order_response = cls(
            redirect_url=redirect_url,
            deposit_address=deposit_address,
            memo=memo,
            order_id=order_id,
            pay_amount=pay_amount,
            pay_currency_code=pay_currency_code,
            pay_network_code=pay_network_code,
            pre_order_id=pre_order_id,
            receive_amount=receive_amount,
            receive_currency_code=receive_currency_code,
            valid_until=valid_until,
        )

        create_order_response.additional_properties = d
        return create_order_response

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
