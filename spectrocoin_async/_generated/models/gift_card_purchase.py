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
    enum_value,
    expect_str,
    format_datetime,
    json_type,
    parse_datetime,
    parse_error,
    to_decimal,
)
from ..models.gift_card_purchase_status import GiftCardPurchaseStatus

T = TypeVar("T", bound="GiftCardPurchase")


@_attrs_define
class GiftCardPurchase:
    """A gift-card purchase (proposal).

    Attributes:
        amount (Decimal | None): Face value bought.
        brand (None | str): Brand name.
        code (None | str): Card code once delivered (a secret; do not log). Secret: never shown in repr().
        created_at (datetime.datetime | None): When the purchase was made.
        currency_code (None | str): Currency of the face value.
        gift_card_id (None | str): Gift-card product id.
        id (str): Purchase id.
        pay_amount (Decimal | None): Amount charged to the wallet.
        pay_currency_code (None | str): Currency charged.
        status (GiftCardPurchaseStatus | None): Current status (GiftCardPurchaseStatus).
    """

    id: str
    amount: Decimal | None = None
    brand: None | str = None
    code: None | str = _attrs_field(default=None, repr=False)
    created_at: datetime.datetime | None = None
    currency_code: None | str = None
    gift_card_id: None | str = None
    pay_amount: Decimal | None = None
    pay_currency_code: None | str = None
    status: GiftCardPurchaseStatus | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount: Decimal | None
        amount = self.amount

        brand: None | str
        brand = self.brand

        code: None | str
        code = self.code

        created_at: None | str
        if isinstance(self.created_at, datetime.datetime):
            created_at = format_datetime(self.created_at, "createdAt")
        else:
            created_at = self.created_at

        currency_code: None | str
        currency_code = self.currency_code

        gift_card_id: None | str
        gift_card_id = self.gift_card_id

        id = checked_str(self.id, "id")

        pay_amount: Decimal | None
        pay_amount = self.pay_amount

        pay_currency_code: None | str
        pay_currency_code = self.pay_currency_code

        status: None | str
        if isinstance(self.status, GiftCardPurchaseStatus):
            status = enum_value(self.status, GiftCardPurchaseStatus, "status")
        else:
            status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if amount is not None:
            field_dict["amount"] = amount
        if brand is not None:
            field_dict["brand"] = brand
        if code is not None:
            field_dict["code"] = code
        if created_at is not None:
            field_dict["createdAt"] = created_at
        if currency_code is not None:
            field_dict["currencyCode"] = currency_code
        if gift_card_id is not None:
            field_dict["giftCardId"] = gift_card_id
        if pay_amount is not None:
            field_dict["payAmount"] = pay_amount
        if pay_currency_code is not None:
            field_dict["payCurrencyCode"] = pay_currency_code
        if status is not None:
            field_dict["status"] = status

        return field_dict

    def to_json(self) -> dict[str, Any]:
        """`to_dict()` ready for `json.dumps`: money as plain-notation strings (`"0.00000001"`)."""
        return json_ready(self.to_dict())

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
            _field = "amount"

            def _parse_amount(data: object) -> Decimal | None:
                if data is None:
                    return data
                if isinstance(data, DECIMAL_INPUTS):
                    amount_type_0 = to_decimal(data)

                    return amount_type_0
                raise TypeError(f"expected a decimal number or null, got {json_type(data)}")

            amount = _parse_amount(d.pop("amount", None))

            _field = "brand"

            def _parse_brand(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            brand = _parse_brand(d.pop("brand", None))

            _field = "code"

            def _parse_code(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            code = _parse_code(d.pop("code", None))

            _field = "createdAt"

            def _parse_created_at(data: object) -> datetime.datetime | None:
                if data is None:
                    return data
                if isinstance(data, (str, int, Decimal)):
                    created_at_type_0 = parse_datetime(data)

                    return created_at_type_0
                raise TypeError(f"expected a timestamp or null, got {json_type(data)}")

            created_at = _parse_created_at(d.pop("createdAt", None))

            _field = "currencyCode"

            def _parse_currency_code(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            currency_code = _parse_currency_code(d.pop("currencyCode", None))

            _field = "giftCardId"

            def _parse_gift_card_id(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            gift_card_id = _parse_gift_card_id(d.pop("giftCardId", None))

            _field = "id"
            id = expect_str(d.pop("id"))

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

            _field = "status"

            def _parse_status(data: object) -> GiftCardPurchaseStatus | None:
                if data is None:
                    return data
                if isinstance(data, str):
                    status_type_0 = GiftCardPurchaseStatus(data)

                    return status_type_0
                raise TypeError(f"expected GiftCardPurchaseStatus or null, got {json_type(data)}")

            status = _parse_status(d.pop("status", None))

        except ModelValidationError as exc:
            raise exc.nested("GiftCardPurchase", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("GiftCardPurchase", _field, exc) from None
        instance__ = cls(
            amount=amount,
            brand=brand,
            code=code,
            created_at=created_at,
            currency_code=currency_code,
            gift_card_id=gift_card_id,
            id=id,
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
