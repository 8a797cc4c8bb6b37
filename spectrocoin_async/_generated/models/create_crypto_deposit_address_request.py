from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..._encoding import json_ready
from ..._errors import ModelValidationError
from ..._values import (
    checked_str,
    expect_str,
    parse_error,
    unknown_field,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateCryptoDepositAddressRequest")


@_attrs_define
class CreateCryptoDepositAddressRequest:
    """Request for a new crypto deposit address (proposal).

    Attributes:
        currency_code (str): Currency the address should receive.
        network_code (str | Unset): Network of the address; the currency's default network if omitted.
    """

    currency_code: str
    network_code: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        currency_code = checked_str(self.currency_code, "currencyCode")

        network_code = (
            self.network_code
            if isinstance(self.network_code, Unset)
            else checked_str(self.network_code, "networkCode")
        )

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "currencyCode": currency_code,
            }
        )
        if network_code is not UNSET:
            field_dict["networkCode"] = network_code

        return field_dict

    def to_json(self) -> dict[str, Any]:
        """`to_dict()` ready for `json.dumps`: money as plain-notation strings (`"0.00000001"`)."""
        return json_ready(self.to_dict())

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decoded JSON as `CreateCryptoDepositAddressRequest`; `ModelValidationError` names what does not fit."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "CreateCryptoDepositAddressRequest",
                "",
                f"expected an object, got {type(src_dict).__name__}",
            )
        d = dict(src_dict)
        unknown_field(
            "CreateCryptoDepositAddressRequest",
            d,
            (
                "currencyCode",
                "networkCode",
            ),
        )
        _field = ""
        try:
            _field = "currencyCode"
            currency_code = expect_str(d.pop("currencyCode"))

            _field = "networkCode"
            _network_code = d.pop("networkCode", UNSET)
            network_code: str | Unset = (
                _network_code if isinstance(_network_code, Unset) else expect_str(_network_code)
            )

        except ModelValidationError as exc:
            raise exc.nested("CreateCryptoDepositAddressRequest", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("CreateCryptoDepositAddressRequest", _field, exc) from None
        instance__ = cls(
            currency_code=currency_code,
            network_code=network_code,
        )

        return instance__
