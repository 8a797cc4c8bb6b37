from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import to_decimal

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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        gift_card_id = self.gift_card_id

        pay_currency_code = self.pay_currency_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "giftCardId": gift_card_id,
                "payCurrencyCode": pay_currency_code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount = to_decimal(d.pop("amount"))

        gift_card_id = d.pop("giftCardId")

        pay_currency_code = d.pop("payCurrencyCode")

        purchase_gift_card_request = cls(
            amount=amount,
            gift_card_id=gift_card_id,
            pay_currency_code=pay_currency_code,
        )

        purchase_gift_card_request.additional_properties = d
        return purchase_gift_card_request

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
