from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.payment_method_direction import PaymentMethodDirection
from ..types import UNSET, Unset, to_decimal

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
        id = self.id

        country_code: None | str | Unset
        if isinstance(self.country_code, Unset):
            country_code = UNSET
        else:
            country_code = self.country_code

        currency_code = self.currency_code

        direction: str | Unset = UNSET
        if not isinstance(self.direction, Unset):
            direction = self.direction.value

        fixed_fee = self.fixed_fee

        max_amount = self.max_amount

        min_amount = self.min_amount

        name = self.name

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
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_country_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country_code = _parse_country_code(d.pop("countryCode", UNSET))

        currency_code = d.pop("currencyCode", UNSET)

        _direction = d.pop("direction", UNSET)
        direction: PaymentMethodDirection | Unset
        if isinstance(_direction, Unset):
            direction = UNSET
        else:
            direction = PaymentMethodDirection(_direction)

        _fixed_fee = d.pop("fixedFee", UNSET)
        fixed_fee: Decimal | Unset
        if isinstance(_fixed_fee, Unset):
            fixed_fee = UNSET
        else:
            fixed_fee = to_decimal(_fixed_fee)

        _max_amount = d.pop("maxAmount", UNSET)
        max_amount: Decimal | Unset
        if isinstance(_max_amount, Unset):
            max_amount = UNSET
        else:
            max_amount = to_decimal(_max_amount)

        _min_amount = d.pop("minAmount", UNSET)
        min_amount: Decimal | Unset
        if isinstance(_min_amount, Unset):
            min_amount = UNSET
        else:
            min_amount = to_decimal(_min_amount)

        name = d.pop("name", UNSET)

        _percentage_fee = d.pop("percentageFee", UNSET)
        percentage_fee: Decimal | Unset
        if isinstance(_percentage_fee, Unset):
            percentage_fee = UNSET
        else:
            percentage_fee = to_decimal(_percentage_fee)

        payment_method = cls(
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

        payment_method.additional_properties = d
        return payment_method

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
