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
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateWithdrawalWithExchangeRequest")


@_attrs_define
class CreateWithdrawalWithExchangeRequest:
    """Exchange-then-withdraw order to a crypto address (proposal).

    Attributes:
        address (str): Destination address.
        pay_amount (Decimal): Amount to pay.
        pay_currency_code (str): Currency to pay from the wallet.
        receive_currency_code (str): Currency to send out.
        memo (str | Unset): Memo or tag, where the network needs one.
        network_code (str | Unset): Network to send on.
    """

    address: str
    pay_amount: Decimal
    pay_currency_code: str
    receive_currency_code: str
    memo: str | Unset = UNSET
    network_code: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        address = checked_str(self.address, "address")

        pay_amount = self.pay_amount

        pay_currency_code = checked_str(self.pay_currency_code, "payCurrencyCode")

        receive_currency_code = checked_str(self.receive_currency_code, "receiveCurrencyCode")

        memo = self.memo if isinstance(self.memo, Unset) else checked_str(self.memo, "memo")

        network_code = (
            self.network_code
            if isinstance(self.network_code, Unset)
            else checked_str(self.network_code, "networkCode")
        )

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "address": address,
                "payAmount": pay_amount,
                "payCurrencyCode": pay_currency_code,
                "receiveCurrencyCode": receive_currency_code,
            }
        )
        if memo is not UNSET:
            field_dict["memo"] = memo
        if network_code is not UNSET:
            field_dict["networkCode"] = network_code

        return field_dict

    def to_json(self) -> dict[str, Any]:
        """`to_dict()` ready for `json.dumps`: money as plain-notation strings (`"0.00000001"`)."""
        return json_ready(self.to_dict())

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decoded JSON as `CreateWithdrawalWithExchangeRequest`; `ModelValidationError` names what does not fit."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "CreateWithdrawalWithExchangeRequest",
                "",
                f"expected an object, got {type(src_dict).__name__}",
            )
        d = dict(src_dict)
        unknown_field(
            "CreateWithdrawalWithExchangeRequest",
            d,
            (
                "address",
                "payAmount",
                "payCurrencyCode",
                "receiveCurrencyCode",
                "memo",
                "networkCode",
            ),
        )
        _field = ""
        try:
            _field = "address"
            address = expect_str(d.pop("address"))

            _field = "payAmount"
            pay_amount = to_decimal(d.pop("payAmount"))

            _field = "payCurrencyCode"
            pay_currency_code = expect_str(d.pop("payCurrencyCode"))

            _field = "receiveCurrencyCode"
            receive_currency_code = expect_str(d.pop("receiveCurrencyCode"))

            _field = "memo"
            _memo = d.pop("memo", UNSET)
            memo: str | Unset = _memo if isinstance(_memo, Unset) else expect_str(_memo)

            _field = "networkCode"
            _network_code = d.pop("networkCode", UNSET)
            network_code: str | Unset = (
                _network_code if isinstance(_network_code, Unset) else expect_str(_network_code)
            )

        except ModelValidationError as exc:
            raise exc.nested("CreateWithdrawalWithExchangeRequest", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("CreateWithdrawalWithExchangeRequest", _field, exc) from None
        instance__ = cls(
            address=address,
            pay_amount=pay_amount,
            pay_currency_code=pay_currency_code,
            receive_currency_code=receive_currency_code,
            memo=memo,
            network_code=network_code,
        )

        return instance__
