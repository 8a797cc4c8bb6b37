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

T = TypeVar("T", bound="CreateCryptoWithdrawalRequest")


@_attrs_define
class CreateCryptoWithdrawalRequest:
    """A crypto withdrawal to send (proposal).

    Attributes:
        address (str): Destination address.
        amount (Decimal): Amount to send.
        currency_code (str): Currency to withdraw.
        account_id (str | Unset): Account to pay from; the account of `currencyCode` if omitted.
        memo (str | Unset): Memo or tag, where the network needs one.
        network_code (str | Unset): Network to send on.
    """

    address: str
    amount: Decimal
    currency_code: str
    account_id: str | Unset = UNSET
    memo: str | Unset = UNSET
    network_code: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        address = checked_str(self.address, "address")

        amount = self.amount

        currency_code = checked_str(self.currency_code, "currencyCode")

        account_id = (
            self.account_id
            if isinstance(self.account_id, Unset)
            else checked_str(self.account_id, "accountId")
        )

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
                "amount": amount,
                "currencyCode": currency_code,
            }
        )
        if account_id is not UNSET:
            field_dict["accountId"] = account_id
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
        """Decoded JSON as `CreateCryptoWithdrawalRequest`; `ModelValidationError` names what does not fit."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "CreateCryptoWithdrawalRequest",
                "",
                f"expected an object, got {type(src_dict).__name__}",
            )
        d = dict(src_dict)
        unknown_field(
            "CreateCryptoWithdrawalRequest",
            d,
            (
                "address",
                "amount",
                "currencyCode",
                "accountId",
                "memo",
                "networkCode",
            ),
        )
        _field = ""
        try:
            _field = "address"
            address = expect_str(d.pop("address"))

            _field = "amount"
            amount = to_decimal(d.pop("amount"))

            _field = "currencyCode"
            currency_code = expect_str(d.pop("currencyCode"))

            _field = "accountId"
            _account_id = d.pop("accountId", UNSET)
            account_id: str | Unset = (
                _account_id if isinstance(_account_id, Unset) else expect_str(_account_id)
            )

            _field = "memo"
            _memo = d.pop("memo", UNSET)
            memo: str | Unset = _memo if isinstance(_memo, Unset) else expect_str(_memo)

            _field = "networkCode"
            _network_code = d.pop("networkCode", UNSET)
            network_code: str | Unset = (
                _network_code if isinstance(_network_code, Unset) else expect_str(_network_code)
            )

        except ModelValidationError as exc:
            raise exc.nested("CreateCryptoWithdrawalRequest", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("CreateCryptoWithdrawalRequest", _field, exc) from None
        instance__ = cls(
            address=address,
            amount=amount,
            currency_code=currency_code,
            account_id=account_id,
            memo=memo,
            network_code=network_code,
        )

        return instance__
