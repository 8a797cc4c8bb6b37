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
    json_type,
    parse_error,
    to_decimal,
)

T = TypeVar("T", bound="CryptoWithdrawalFee")


@_attrs_define
class CryptoWithdrawalFee:
    """Fee and limits of a planned crypto withdrawal (proposal).

    Attributes:
        amount (Decimal | None): Amount that was priced.
        currency_code (None | str): Currency to withdraw.
        fee (Decimal | None): Fee that would be charged.
        fee_currency_code (None | str): Currency of the fee.
        max_amount (Decimal | None): Largest amount allowed.
        min_amount (Decimal | None): Smallest amount allowed.
        network_code (None | str): Network to send on.
    """

    amount: Decimal | None = None
    currency_code: None | str = None
    fee: Decimal | None = None
    fee_currency_code: None | str = None
    max_amount: Decimal | None = None
    min_amount: Decimal | None = None
    network_code: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount: Decimal | None
        amount = self.amount

        currency_code: None | str
        currency_code = self.currency_code

        fee: Decimal | None
        fee = self.fee

        fee_currency_code: None | str
        fee_currency_code = self.fee_currency_code

        max_amount: Decimal | None
        max_amount = self.max_amount

        min_amount: Decimal | None
        min_amount = self.min_amount

        network_code: None | str
        network_code = self.network_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if amount is not None:
            field_dict["amount"] = amount
        if currency_code is not None:
            field_dict["currencyCode"] = currency_code
        if fee is not None:
            field_dict["fee"] = fee
        if fee_currency_code is not None:
            field_dict["feeCurrencyCode"] = fee_currency_code
        if max_amount is not None:
            field_dict["maxAmount"] = max_amount
        if min_amount is not None:
            field_dict["minAmount"] = min_amount
        if network_code is not None:
            field_dict["networkCode"] = network_code

        return field_dict

    def to_json(self) -> dict[str, Any]:
        """`to_dict()` ready for `json.dumps`: money as plain-notation strings (`"0.00000001"`)."""
        return json_ready(self.to_dict())

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decoded JSON as `CryptoWithdrawalFee`; `ModelValidationError` names what does not fit."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "CryptoWithdrawalFee", "", f"expected an object, got {type(src_dict).__name__}"
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

            _field = "currencyCode"

            def _parse_currency_code(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            currency_code = _parse_currency_code(d.pop("currencyCode", None))

            _field = "fee"

            def _parse_fee(data: object) -> Decimal | None:
                if data is None:
                    return data
                if isinstance(data, DECIMAL_INPUTS):
                    fee_type_0 = to_decimal(data)

                    return fee_type_0
                raise TypeError(f"expected a decimal number or null, got {json_type(data)}")

            fee = _parse_fee(d.pop("fee", None))

            _field = "feeCurrencyCode"

            def _parse_fee_currency_code(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            fee_currency_code = _parse_fee_currency_code(d.pop("feeCurrencyCode", None))

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

            _field = "networkCode"

            def _parse_network_code(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            network_code = _parse_network_code(d.pop("networkCode", None))

        except ModelValidationError as exc:
            raise exc.nested("CryptoWithdrawalFee", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("CryptoWithdrawalFee", _field, exc) from None
        instance__ = cls(
            amount=amount,
            currency_code=currency_code,
            fee=fee,
            fee_currency_code=fee_currency_code,
            max_amount=max_amount,
            min_amount=min_amount,
            network_code=network_code,
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
