from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..._encoding import json_ready
from ..._errors import ModelValidationError
from ..._values import (
    checked_str,
    expect_str,
    parse_error,
    to_decimal,
    unknown_field,
)

T = TypeVar("T", bound="PurchaseGiftCardRequest")


@_attrs_define
class PurchaseGiftCardRequest:
    """A gift-card purchase (proposal).

    Attributes:
        amount (Decimal): Face value to buy, in the card's currency.
        gift_card_id (str): Gift-card product id from listGiftCards.
        pay_currency_code (str): Wallet currency to pay with.
    """

    amount: Decimal
    gift_card_id: str
    pay_currency_code: str

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        gift_card_id = checked_str(self.gift_card_id, "giftCardId")

        pay_currency_code = checked_str(self.pay_currency_code, "payCurrencyCode")

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "giftCardId": gift_card_id,
                "payCurrencyCode": pay_currency_code,
            }
        )

        return field_dict

    def to_json(self) -> dict[str, Any]:
        """`to_dict()` ready for `json.dumps`: money as plain-notation strings (`"0.00000001"`)."""
        return json_ready(self.to_dict())

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decoded JSON as `PurchaseGiftCardRequest`; `ModelValidationError` names what does not fit."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "PurchaseGiftCardRequest", "", f"expected an object, got {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        unknown_field(
            "PurchaseGiftCardRequest",
            d,
            (
                "amount",
                "giftCardId",
                "payCurrencyCode",
            ),
        )
        _field = ""
        try:
            _field = "amount"
            amount = to_decimal(d.pop("amount"))

            _field = "giftCardId"
            gift_card_id = expect_str(d.pop("giftCardId"))

            _field = "payCurrencyCode"
            pay_currency_code = expect_str(d.pop("payCurrencyCode"))

        except ModelValidationError as exc:
            raise exc.nested("PurchaseGiftCardRequest", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("PurchaseGiftCardRequest", _field, exc) from None
        instance__ = cls(
            amount=amount,
            gift_card_id=gift_card_id,
            pay_currency_code=pay_currency_code,
        )

        return instance__
