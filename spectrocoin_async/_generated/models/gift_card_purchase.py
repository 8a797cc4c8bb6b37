from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._errors import ModelValidationError
from ..._values import (
    checked_str,
    enum_value,
    expect_str,
    format_datetime,
    json_type,
    parse_datetime,
    parse_error,
    to_decimal,
)
from ..models.gift_card_purchase_status import GiftCardPurchaseStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="GiftCardPurchase")


@_attrs_define
class GiftCardPurchase:
    """A gift-card purchase (proposal).

    Attributes:
        id (str): Purchase id.
        amount (Decimal | Unset): Face value bought.
        brand (str | Unset): Brand name.
        code (None | str | Unset): Card code once delivered (a secret; do not log). Secret: never shown in repr().
        created_at (datetime.datetime | Unset): When the purchase was made.
        currency_code (str | Unset): Currency of the face value.
        gift_card_id (str | Unset): Gift-card product id.
        pay_amount (Decimal | Unset): Amount charged to the wallet.
        pay_currency_code (str | Unset): Currency charged.
        status (GiftCardPurchaseStatus | Unset): Status of a gift-card purchase (proposal; clients must accept unknown
            values).
    """

    id: str
    amount: Decimal | Unset = UNSET
    brand: str | Unset = UNSET
    code: None | str | Unset = _attrs_field(default=UNSET, repr=False)
    created_at: datetime.datetime | Unset = UNSET
    currency_code: str | Unset = UNSET
    gift_card_id: str | Unset = UNSET
    pay_amount: Decimal | Unset = UNSET
    pay_currency_code: str | Unset = UNSET
    status: GiftCardPurchaseStatus | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = checked_str(self.id, "id")

        amount = self.amount

        brand = self.brand if isinstance(self.brand, Unset) else checked_str(self.brand, "brand")

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = format_datetime(self.created_at, "createdAt")

        currency_code = (
            self.currency_code
            if isinstance(self.currency_code, Unset)
            else checked_str(self.currency_code, "currencyCode")
        )

        gift_card_id = (
            self.gift_card_id
            if isinstance(self.gift_card_id, Unset)
            else checked_str(self.gift_card_id, "giftCardId")
        )

        pay_amount = self.pay_amount

        pay_currency_code = (
            self.pay_currency_code
            if isinstance(self.pay_currency_code, Unset)
            else checked_str(self.pay_currency_code, "payCurrencyCode")
        )

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = enum_value(self.status, GiftCardPurchaseStatus, "status")

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if amount is not UNSET:
            field_dict["amount"] = amount
        if brand is not UNSET:
            field_dict["brand"] = brand
        if code is not UNSET:
            field_dict["code"] = code
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if currency_code is not UNSET:
            field_dict["currencyCode"] = currency_code
        if gift_card_id is not UNSET:
            field_dict["giftCardId"] = gift_card_id
        if pay_amount is not UNSET:
            field_dict["payAmount"] = pay_amount
        if pay_currency_code is not UNSET:
            field_dict["payCurrencyCode"] = pay_currency_code
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decoded JSON as `GiftCardPurchase`; `ModelValidationError` names what does not fit."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "GiftCardPurchase", "", f"expected an object, got {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        _field = ""
        try:
            _field = "id"
            id = expect_str(d.pop("id"))

            _field = "amount"
            _amount = d.pop("amount", UNSET)
            amount: Decimal | Unset
            if isinstance(_amount, Unset):
                amount = UNSET
            else:
                amount = to_decimal(_amount)

            _field = "brand"
            _brand = d.pop("brand", UNSET)
            brand: str | Unset = _brand if isinstance(_brand, Unset) else expect_str(_brand)

            _field = "code"

            def _parse_code(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            code = _parse_code(d.pop("code", UNSET))

            _field = "createdAt"
            _created_at = d.pop("createdAt", UNSET)
            created_at: datetime.datetime | Unset
            if isinstance(_created_at, Unset):
                created_at = UNSET
            else:
                created_at = parse_datetime(_created_at)

            _field = "currencyCode"
            _currency_code = d.pop("currencyCode", UNSET)
            currency_code: str | Unset = (
                _currency_code if isinstance(_currency_code, Unset) else expect_str(_currency_code)
            )

            _field = "giftCardId"
            _gift_card_id = d.pop("giftCardId", UNSET)
            gift_card_id: str | Unset = (
                _gift_card_id if isinstance(_gift_card_id, Unset) else expect_str(_gift_card_id)
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

            _field = "status"
            _status = d.pop("status", UNSET)
            status: GiftCardPurchaseStatus | Unset
            if isinstance(_status, Unset):
                status = UNSET
            else:
                status = GiftCardPurchaseStatus(_status)

        except ModelValidationError as exc:
            raise exc.nested("GiftCardPurchase", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("GiftCardPurchase", _field, exc) from None
        instance__ = cls(
            id=id,
            amount=amount,
            brand=brand,
            code=code,
            created_at=created_at,
            currency_code=currency_code,
            gift_card_id=gift_card_id,
            pay_amount=pay_amount,
            pay_currency_code=pay_currency_code,
            status=status,
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
