from __future__ import annotations

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
    expect_list,
    expect_str,
    json_type,
    parse_error,
    to_decimal,
)

T = TypeVar("T", bound="GiftCard")


@_attrs_define
class GiftCard:
    """A gift card that can be bought (proposal).

    Attributes:
        brand (None | str): Brand name.
        country_code (None | str): Country the card is valid in (ISO 3166-1 alpha-2).
        currency_code (None | str): Currency of the card's face value.
        denominations (list[Decimal] | None): Fixed face values on offer; empty when any amount in the range is allowed.
        id (str): Gift-card product id, used as `giftCardId`.
        max_amount (Decimal | None): Largest face value.
        min_amount (Decimal | None): Smallest face value.
        name (None | str): Product name.
    """

    id: str
    brand: None | str = None
    country_code: None | str = None
    currency_code: None | str = None
    denominations: list[Decimal] | None = None
    max_amount: Decimal | None = None
    min_amount: Decimal | None = None
    name: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        brand: None | str
        brand = self.brand

        country_code: None | str
        country_code = self.country_code

        currency_code: None | str
        currency_code = self.currency_code

        denominations: list[Decimal] | None
        if isinstance(self.denominations, list):
            denominations = self.denominations

        else:
            denominations = self.denominations

        id = checked_str(self.id, "id")

        max_amount: Decimal | None
        max_amount = self.max_amount

        min_amount: Decimal | None
        min_amount = self.min_amount

        name: None | str
        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if brand is not None:
            field_dict["brand"] = brand
        if country_code is not None:
            field_dict["countryCode"] = country_code
        if currency_code is not None:
            field_dict["currencyCode"] = currency_code
        if denominations is not None:
            field_dict["denominations"] = denominations
        if max_amount is not None:
            field_dict["maxAmount"] = max_amount
        if min_amount is not None:
            field_dict["minAmount"] = min_amount
        if name is not None:
            field_dict["name"] = name

        return field_dict

    def to_json(self) -> dict[str, Any]:
        """`to_dict()` ready for `json.dumps`: money as plain-notation strings (`"0.00000001"`)."""
        return json_ready(self.to_dict())

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
            _field = "brand"

            def _parse_brand(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            brand = _parse_brand(d.pop("brand", None))

            _field = "countryCode"

            def _parse_country_code(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            country_code = _parse_country_code(d.pop("countryCode", None))

            _field = "currencyCode"

            def _parse_currency_code(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            currency_code = _parse_currency_code(d.pop("currencyCode", None))

            _field = "denominations"

            def _parse_denominations(data: object) -> list[Decimal] | None:
                if data is None:
                    return data
                if isinstance(data, list):
                    denominations_type_0 = []
                    _denominations_type_0 = expect_list(data)
                    for _i, denominations_type_0_item_data in enumerate(_denominations_type_0):
                        _field = f"denominations[{_i}]"
                        denominations_type_0_item = to_decimal(denominations_type_0_item_data)

                        denominations_type_0.append(denominations_type_0_item)

                    return denominations_type_0
                raise TypeError(f"expected list or null, got {json_type(data)}")

            denominations = _parse_denominations(d.pop("denominations", None))

            _field = "id"
            id = expect_str(d.pop("id"))

            _field = "maxAmount"

            def _parse_max_amount(data: object) -> Decimal | None:
                if data is None:
                    return data
                if isinstance(data, DECIMAL_INPUTS):
                    max_amount_type_0 = to_decimal(data)

                    return max_amount_type_0
                raise TypeError(f"expected a decimal number or null, got {json_type(data)}")

            max_amount = _parse_max_amount(d.pop("maxAmount", None))

            _field = "minAmount"

            def _parse_min_amount(data: object) -> Decimal | None:
                if data is None:
                    return data
                if isinstance(data, DECIMAL_INPUTS):
                    min_amount_type_0 = to_decimal(data)

                    return min_amount_type_0
                raise TypeError(f"expected a decimal number or null, got {json_type(data)}")

            min_amount = _parse_min_amount(d.pop("minAmount", None))

            _field = "name"

            def _parse_name(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            name = _parse_name(d.pop("name", None))

        except ModelValidationError as exc:
            raise exc.nested("GiftCard", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("GiftCard", _field, exc) from None
        instance__ = cls(
            brand=brand,
            country_code=country_code,
            currency_code=currency_code,
            denominations=denominations,
            id=id,
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
