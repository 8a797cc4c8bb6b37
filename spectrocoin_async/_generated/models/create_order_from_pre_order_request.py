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

T = TypeVar("T", bound="CreateOrderFromPreOrderRequest")


@_attrs_define
class CreateOrderFromPreOrderRequest:
    """Order from a pre-order (fields are this project's model).

    Attributes:
        pre_order_id (str): Pre-order to create the order from.
        pay_currency_code (str | Unset): Currency the payer pays in.
        pay_network_code (str | Unset): Network the payer pays on.
    """

    pre_order_id: str
    pay_currency_code: str | Unset = UNSET
    pay_network_code: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        pre_order_id = checked_str(self.pre_order_id, "preOrderId")

        pay_currency_code = (
            self.pay_currency_code
            if isinstance(self.pay_currency_code, Unset)
            else checked_str(self.pay_currency_code, "payCurrencyCode")
        )

        pay_network_code = (
            self.pay_network_code
            if isinstance(self.pay_network_code, Unset)
            else checked_str(self.pay_network_code, "payNetworkCode")
        )

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "preOrderId": pre_order_id,
            }
        )
        if pay_currency_code is not UNSET:
            field_dict["payCurrencyCode"] = pay_currency_code
        if pay_network_code is not UNSET:
            field_dict["payNetworkCode"] = pay_network_code

        return field_dict

    def to_json(self) -> dict[str, Any]:
        """`to_dict()` ready for `json.dumps`: money as plain-notation strings (`"0.00000001"`)."""
        return json_ready(self.to_dict())

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decoded JSON as `CreateOrderFromPreOrderRequest`; `ModelValidationError` names what does not fit."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "CreateOrderFromPreOrderRequest",
                "",
                f"expected an object, got {type(src_dict).__name__}",
            )
        d = dict(src_dict)
        unknown_field(
            "CreateOrderFromPreOrderRequest",
            d,
            (
                "preOrderId",
                "payCurrencyCode",
                "payNetworkCode",
            ),
        )
        _field = ""
        try:
            _field = "preOrderId"
            pre_order_id = expect_str(d.pop("preOrderId"))

            _field = "payCurrencyCode"
            _pay_currency_code = d.pop("payCurrencyCode", UNSET)
            pay_currency_code: str | Unset = (
                _pay_currency_code
                if isinstance(_pay_currency_code, Unset)
                else expect_str(_pay_currency_code)
            )

            _field = "payNetworkCode"
            _pay_network_code = d.pop("payNetworkCode", UNSET)
            pay_network_code: str | Unset = (
                _pay_network_code
                if isinstance(_pay_network_code, Unset)
                else expect_str(_pay_network_code)
            )

        except ModelValidationError as exc:
            raise exc.nested("CreateOrderFromPreOrderRequest", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("CreateOrderFromPreOrderRequest", _field, exc) from None
        instance__ = cls(
            pre_order_id=pre_order_id,
            pay_currency_code=pay_currency_code,
            pay_network_code=pay_network_code,
        )

        return instance__
