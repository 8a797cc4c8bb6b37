from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._errors import ModelValidationError
from ..._values import (
    checked_str,
    expect_list,
    expect_str,
    parse_error,
    to_decimal,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="GiftCard")


@_attrs_define
class GiftCard:
    """A gift card that can be bought (proposal).

    Attributes:
        id (str): Gift-card product id, used as `giftCardId`.
        brand (str | Unset): Brand name.
        country_code (str | Unset): Country the card is valid in (ISO 3166-1 alpha-2).
        currency_code (str | Unset): Currency of the card's face value.
        denominations (list[Decimal] | Unset): Fixed face values on offer; empty when any amount in the range is
            allowed.
        max_amount (Decimal | Unset): Largest face value.
        min_amount (Decimal | Unset): Smallest face value.
        name (str | Unset): Product name.
    """

    id: str
    brand: str | Unset = UNSET
    country_code: str | Unset = UNSET
    currency_code: str | Unset = UNSET
    denominations: list[Decimal] | Unset = UNSET
    max_amount: Decimal | Unset = UNSET
    min_amount: Decimal | Unset = UNSET
    name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = checked_str(self.id, "id")

        brand = self.brand if isinstance(self.brand, Unset) else checked_str(self.brand, "brand")

        country_code = (
            self.country_code
            if isinstance(self.country_code, Unset)
            else checked_str(self.country_code, "countryCode")
        )

        currency_code = (
            self.currency_code
            if isinstance(self.currency_code, Unset)
            else checked_str(self.currency_code, "currencyCode")
        )

        denominations: list[Decimal] | Unset = UNSET
        if not isinstance(self.denominations, Unset):
            denominations = self.denominations

        max_amount = self.max_amount

        min_amount = self.min_amount

        name = self.name if isinstance(self.name, Unset) else checked_str(self.name, "name")

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if brand is not UNSET:
            field_dict["brand"] = brand
        if country_code is not UNSET:
            field_dict["countryCode"] = country_code
        if currency_code is not UNSET:
            field_dict["currencyCode"] = currency_code
        if denominations is not UNSET:
            field_dict["denominations"] = denominations
        if max_amount is not UNSET:
            field_dict["maxAmount"] = max_amount
        if min_amount is not UNSET:
            field_dict["minAmount"] = min_amount
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decoded JSON as `GiftCard`; `ModelValidationError` names what does not fit."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "GiftCard", "", f"expected an object, got {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        _field = ""
        try:
            _field = "id"
            id = expect_str(d.pop("id"))

            _field = "brand"
            _brand = d.pop("brand", UNSET)
            brand: str | Unset = _brand if isinstance(_brand, Unset) else expect_str(_brand)

            _field = "countryCode"
            _country_code = d.pop("countryCode", UNSET)
            country_code: str | Unset = (
                _country_code if isinstance(_country_code, Unset) else expect_str(_country_code)
            )

            _field = "currencyCode"
            _currency_code = d.pop("currencyCode", UNSET)
            currency_code: str | Unset = (
                _currency_code if isinstance(_currency_code, Unset) else expect_str(_currency_code)
            )

            _field = "denominations"
            _denominations = d.pop("denominations", UNSET)
            denominations: list[Decimal] | Unset = UNSET
            if not isinstance(_denominations, Unset):
                denominations = []
                for _i, denominations_item_data in enumerate(expect_list(_denominations)):
                    _field = f"denominations[{_i}]"
                    denominations_item = to_decimal(denominations_item_data)

                    denominations.append(denominations_item)

            _field = "maxAmount"
            _max_amount = d.pop("maxAmount", UNSET)
            max_amount: Decimal | Unset
            if isinstance(_max_amount, Unset):
                max_amount = UNSET
            else:
                max_amount = to_decimal(_max_amount)

            _field = "minAmount"
            _min_amount = d.pop("minAmount", UNSET)
            min_amount: Decimal | Unset
            if isinstance(_min_amount, Unset):
                min_amount = UNSET
            else:
                min_amount = to_decimal(_min_amount)

            _field = "name"
            _name = d.pop("name", UNSET)
            name: str | Unset = _name if isinstance(_name, Unset) else expect_str(_name)

        except ModelValidationError as exc:
            raise exc.nested("GiftCard", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("GiftCard", _field, exc) from None
        instance__ = cls(
            id=id,
            brand=brand,
            country_code=country_code,
            currency_code=currency_code,
            denominations=denominations,
            max_amount=max_amount,
            min_amount=min_amount,
            name=name,
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
