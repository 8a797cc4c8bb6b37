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

T = TypeVar("T", bound="CreateExchangeRequest")


@_attrs_define
class CreateExchangeRequest:
    """Exchange order. Identify the pair by `payCurrencyCode` + `receiveCurrencyCode`, or by
    `exchangePairId` + `payAccountId` + `receiveAccountId`.

        Attributes:
            pay_amount (Decimal): Amount to pay.
            exchange_pair_id (str | Unset): Pair id from listExchangePairs.
            pay_account_id (str | Unset): Paying account id from listAccounts.
            pay_currency_code (str | Unset): Currency to pay.
            receive_account_id (str | Unset): Receiving account id from listExchangePairs.
            receive_currency_code (str | Unset): Currency to receive.
    """

    pay_amount: Decimal
    exchange_pair_id: str | Unset = UNSET
    pay_account_id: str | Unset = UNSET
    pay_currency_code: str | Unset = UNSET
    receive_account_id: str | Unset = UNSET
    receive_currency_code: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        pay_amount = self.pay_amount

        exchange_pair_id = (
            self.exchange_pair_id
            if isinstance(self.exchange_pair_id, Unset)
            else checked_str(self.exchange_pair_id, "exchangePairId")
        )

        pay_account_id = (
            self.pay_account_id
            if isinstance(self.pay_account_id, Unset)
            else checked_str(self.pay_account_id, "payAccountId")
        )

        pay_currency_code = (
            self.pay_currency_code
            if isinstance(self.pay_currency_code, Unset)
            else checked_str(self.pay_currency_code, "payCurrencyCode")
        )

        receive_account_id = (
            self.receive_account_id
            if isinstance(self.receive_account_id, Unset)
            else checked_str(self.receive_account_id, "receiveAccountId")
        )

        receive_currency_code = (
            self.receive_currency_code
            if isinstance(self.receive_currency_code, Unset)
            else checked_str(self.receive_currency_code, "receiveCurrencyCode")
        )

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "payAmount": pay_amount,
            }
        )
        if exchange_pair_id is not UNSET:
            field_dict["exchangePairId"] = exchange_pair_id
        if pay_account_id is not UNSET:
            field_dict["payAccountId"] = pay_account_id
        if pay_currency_code is not UNSET:
            field_dict["payCurrencyCode"] = pay_currency_code
        if receive_account_id is not UNSET:
            field_dict["receiveAccountId"] = receive_account_id
        if receive_currency_code is not UNSET:
            field_dict["receiveCurrencyCode"] = receive_currency_code

        return field_dict

    def to_json(self) -> dict[str, Any]:
        """`to_dict()` ready for `json.dumps`: money as plain-notation strings (`"0.00000001"`)."""
        return json_ready(self.to_dict())

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decoded JSON as `CreateExchangeRequest`; `ModelValidationError` names what does not fit."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "CreateExchangeRequest", "", f"expected an object, got {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        unknown_field(
            "CreateExchangeRequest",
            d,
            (
                "payAmount",
                "exchangePairId",
                "payAccountId",
                "payCurrencyCode",
                "receiveAccountId",
                "receiveCurrencyCode",
            ),
        )
        _field = ""
        try:
            _field = "payAmount"
            pay_amount = to_decimal(d.pop("payAmount"))

            _field = "exchangePairId"
            _exchange_pair_id = d.pop("exchangePairId", UNSET)
            exchange_pair_id: str | Unset = (
                _exchange_pair_id
                if isinstance(_exchange_pair_id, Unset)
                else expect_str(_exchange_pair_id)
            )

            _field = "payAccountId"
            _pay_account_id = d.pop("payAccountId", UNSET)
            pay_account_id: str | Unset = (
                _pay_account_id
                if isinstance(_pay_account_id, Unset)
                else expect_str(_pay_account_id)
            )

            _field = "payCurrencyCode"
            _pay_currency_code = d.pop("payCurrencyCode", UNSET)
            pay_currency_code: str | Unset = (
                _pay_currency_code
                if isinstance(_pay_currency_code, Unset)
                else expect_str(_pay_currency_code)
            )

            _field = "receiveAccountId"
            _receive_account_id = d.pop("receiveAccountId", UNSET)
            receive_account_id: str | Unset = (
                _receive_account_id
                if isinstance(_receive_account_id, Unset)
                else expect_str(_receive_account_id)
            )

            _field = "receiveCurrencyCode"
            _receive_currency_code = d.pop("receiveCurrencyCode", UNSET)
            receive_currency_code: str | Unset = (
                _receive_currency_code
                if isinstance(_receive_currency_code, Unset)
                else expect_str(_receive_currency_code)
            )

        except ModelValidationError as exc:
            raise exc.nested("CreateExchangeRequest", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("CreateExchangeRequest", _field, exc) from None
        instance__ = cls(
            pay_amount=pay_amount,
            exchange_pair_id=exchange_pair_id,
            pay_account_id=pay_account_id,
            pay_currency_code=pay_currency_code,
            receive_account_id=receive_account_id,
            receive_currency_code=receive_currency_code,
        )

        return instance__
