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
    enum_value,
    expect_str,
    json_type,
    parse_error,
    to_decimal,
)
from ..models.payment_method_direction import PaymentMethodDirection

T = TypeVar("T", bound="PaymentMethod")


@_attrs_define
class PaymentMethod:
    """A deposit or withdrawal method (proposal).

    Attributes:
        country_code (None | str): Country the method is limited to, or null if not limited.
        currency_code (None | str): Currency the method moves.
        direction (None | PaymentMethodDirection): Whether the method deposits or withdraws.
        fixed_fee (Decimal | None): Fixed fee per operation, in `currencyCode`.
        id (str): Method id.
        max_amount (Decimal | None): Largest amount allowed.
        min_amount (Decimal | None): Smallest amount allowed.
        name (None | str): Display name.
        percentage_fee (Decimal | None): Fee as a percentage of the amount (fee rate).
    """

    id: str
    country_code: None | str = None
    currency_code: None | str = None
    direction: None | PaymentMethodDirection = None
    fixed_fee: Decimal | None = None
    max_amount: Decimal | None = None
    min_amount: Decimal | None = None
    name: None | str = None
    percentage_fee: Decimal | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        country_code: None | str
        country_code = self.country_code

        currency_code: None | str
        currency_code = self.currency_code

        direction: None | str
        if isinstance(self.direction, PaymentMethodDirection):
            direction = enum_value(self.direction, PaymentMethodDirection, "direction")
        else:
            direction = self.direction

        fixed_fee: Decimal | None
        fixed_fee = self.fixed_fee

        id = checked_str(self.id, "id")

        max_amount: Decimal | None
        max_amount = self.max_amount

        min_amount: Decimal | None
        min_amount = self.min_amount

        name: None | str
        name = self.name

        percentage_fee: Decimal | None
        percentage_fee = self.percentage_fee

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if country_code is not None:
            field_dict["countryCode"] = country_code
        if currency_code is not None:
            field_dict["currencyCode"] = currency_code
        if direction is not None:
            field_dict["direction"] = direction
        if fixed_fee is not None:
            field_dict["fixedFee"] = fixed_fee
        if max_amount is not None:
            field_dict["maxAmount"] = max_amount
        if min_amount is not None:
            field_dict["minAmount"] = min_amount
        if name is not None:
            field_dict["name"] = name
        if percentage_fee is not None:
            field_dict["percentageFee"] = percentage_fee

        return field_dict

    def to_json(self) -> dict[str, Any]:
        """`to_dict()` ready for `json.dumps`: money as plain-notation strings (`"0.00000001"`)."""
        return json_ready(self.to_dict())

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

            _field = "direction"

            def _parse_direction(data: object) -> None | PaymentMethodDirection:
                if data is None:
                    return data
                if isinstance(data, str):
                    direction_type_0 = PaymentMethodDirection(data)

                    return direction_type_0
                raise TypeError(f"expected PaymentMethodDirection or null, got {json_type(data)}")

            direction = _parse_direction(d.pop("direction", None))

            _field = "fixedFee"

            def _parse_fixed_fee(data: object) -> Decimal | None:
                if data is None:
                    return data
                if isinstance(data, DECIMAL_INPUTS):
                    fixed_fee_type_0 = to_decimal(data)

                    return fixed_fee_type_0
                raise TypeError(f"expected a decimal number or null, got {json_type(data)}")

            fixed_fee = _parse_fixed_fee(d.pop("fixedFee", None))

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

            _field = "percentageFee"

            def _parse_percentage_fee(data: object) -> Decimal | None:
                if data is None:
                    return data
                if isinstance(data, DECIMAL_INPUTS):
                    percentage_fee_type_0 = to_decimal(data)

                    return percentage_fee_type_0
                raise TypeError(f"expected a decimal number or null, got {json_type(data)}")

            percentage_fee = _parse_percentage_fee(d.pop("percentageFee", None))

        except ModelValidationError as exc:
            raise exc.nested("PaymentMethod", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("PaymentMethod", _field, exc) from None
        instance__ = cls(
            country_code=country_code,
            currency_code=currency_code,
            direction=direction,
            fixed_fee=fixed_fee,
            id=id,
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
