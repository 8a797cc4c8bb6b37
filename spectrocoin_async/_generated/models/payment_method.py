from __future__ import annotations

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
    json_type,
    parse_error,
    to_decimal,
)
from ..models.payment_method_direction import PaymentMethodDirection
from ..types import UNSET, Unset

T = TypeVar("T", bound="PaymentMethod")


@_attrs_define
class PaymentMethod:
    """A deposit or withdrawal method (proposal).

    Attributes:
        id (str): Method id.
        country_code (None | str | Unset): Country the method is limited to, or null if not limited.
        currency_code (str | Unset): Currency the method moves.
        direction (PaymentMethodDirection | Unset): Whether a payment method funds the wallet or pays out of it.
        fixed_fee (Decimal | Unset): Fixed fee per operation, in `currencyCode`.
        max_amount (Decimal | Unset): Largest amount allowed.
        min_amount (Decimal | Unset): Smallest amount allowed.
        name (str | Unset): Display name.
        percentage_fee (Decimal | Unset): Fee as a percentage of the amount (fee rate).
    """

    id: str
    country_code: None | str | Unset = UNSET
    currency_code: str | Unset = UNSET
    direction: PaymentMethodDirection | Unset = UNSET
    fixed_fee: Decimal | Unset = UNSET
    max_amount: Decimal | Unset = UNSET
    min_amount: Decimal | Unset = UNSET
    name: str | Unset = UNSET
    percentage_fee: Decimal | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = checked_str(self.id, "id")

        country_code: None | str | Unset
        if isinstance(self.country_code, Unset):
            country_code = UNSET
        else:
            country_code = self.country_code

        currency_code = (
            self.currency_code
            if isinstance(self.currency_code, Unset)
            else checked_str(self.currency_code, "currencyCode")
        )

        direction: str | Unset = UNSET
        if not isinstance(self.direction, Unset):
            direction = enum_value(self.direction, PaymentMethodDirection, "direction")

        fixed_fee = self.fixed_fee

        max_amount = self.max_amount

        min_amount = self.min_amount

        name = self.name if isinstance(self.name, Unset) else checked_str(self.name, "name")

        percentage_fee = self.percentage_fee

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if country_code is not UNSET:
            field_dict["countryCode"] = country_code
        if currency_code is not UNSET:
            field_dict["currencyCode"] = currency_code
        if direction is not UNSET:
            field_dict["direction"] = direction
        if fixed_fee is not UNSET:
            field_dict["fixedFee"] = fixed_fee
        if max_amount is not UNSET:
            field_dict["maxAmount"] = max_amount
        if min_amount is not UNSET:
            field_dict["minAmount"] = min_amount
        if name is not UNSET:
            field_dict["name"] = name
        if percentage_fee is not UNSET:
            field_dict["percentageFee"] = percentage_fee

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decoded JSON as `PaymentMethod`; `ModelValidationError` names what does not fit."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "PaymentMethod", "", f"expected an object, got {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        _field = ""
        try:
            _field = "id"
            id = expect_str(d.pop("id"))

            _field = "countryCode"

            def _parse_country_code(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            country_code = _parse_country_code(d.pop("countryCode", UNSET))

            _field = "currencyCode"
            _currency_code = d.pop("currencyCode", UNSET)
            currency_code: str | Unset = (
                _currency_code if isinstance(_currency_code, Unset) else expect_str(_currency_code)
            )

            _field = "direction"
            _direction = d.pop("direction", UNSET)
            direction: PaymentMethodDirection | Unset
            if isinstance(_direction, Unset):
                direction = UNSET
            else:
                direction = PaymentMethodDirection(_direction)

            _field = "fixedFee"
            _fixed_fee = d.pop("fixedFee", UNSET)
            fixed_fee: Decimal | Unset
            if isinstance(_fixed_fee, Unset):
                fixed_fee = UNSET
            else:
                fixed_fee = to_decimal(_fixed_fee)

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

            _field = "percentageFee"
            _percentage_fee = d.pop("percentageFee", UNSET)
            percentage_fee: Decimal | Unset
            if isinstance(_percentage_fee, Unset):
                percentage_fee = UNSET
            else:
                percentage_fee = to_decimal(_percentage_fee)

        except ModelValidationError as exc:
            raise exc.nested("PaymentMethod", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("PaymentMethod", _field, exc) from None
        instance__ = cls(
            id=id,
            country_code=country_code,
            currency_code=currency_code,
            direction=direction,
            fixed_fee=fixed_fee,
            max_amount=max_amount,
            min_amount=min_amount,
            name=name,
            percentage_fee=percentage_fee,
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
