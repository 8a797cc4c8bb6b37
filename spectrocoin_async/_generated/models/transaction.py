from __future__ import annotations

import datetime
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
    format_datetime,
    json_type,
    parse_datetime,
    parse_error,
    to_decimal,
)
from ..models.transaction_status import TransactionStatus
from ..models.transaction_type import TransactionType
from ..types import UNSET, Unset

T = TypeVar("T", bound="Transaction")


@_attrs_define
class Transaction:
    """A wallet transaction (proposal).

    Attributes:
        id (str): Transaction id.
        account_id (str | Unset): Account the transaction belongs to.
        amount (Decimal | Unset): Signed amount; negative means a debit.
        created_at (datetime.datetime | Unset): When the transaction was created.
        currency_code (str | Unset): Currency of the amount.
        description (None | str | Unset): Free-text description.
        fee (Decimal | Unset): Fee charged, in the same currency.
        status (TransactionStatus | Unset): Wallet transaction status. New values may appear; unknown ones are kept,
            never refused.
        type_ (TransactionType | Unset): Kind of wallet transaction. New values may appear; unknown ones are kept, never
            refused.
    """

    id: str
    account_id: str | Unset = UNSET
    amount: Decimal | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    currency_code: str | Unset = UNSET
    description: None | str | Unset = UNSET
    fee: Decimal | Unset = UNSET
    status: TransactionStatus | Unset = UNSET
    type_: TransactionType | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = checked_str(self.id, "id")

        account_id = (
            self.account_id
            if isinstance(self.account_id, Unset)
            else checked_str(self.account_id, "accountId")
        )

        amount = self.amount

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = format_datetime(self.created_at, "createdAt")

        currency_code = (
            self.currency_code
            if isinstance(self.currency_code, Unset)
            else checked_str(self.currency_code, "currencyCode")
        )

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        fee = self.fee

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = enum_value(self.status, TransactionStatus, "status")

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = enum_value(self.type_, TransactionType, "type")

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if account_id is not UNSET:
            field_dict["accountId"] = account_id
        if amount is not UNSET:
            field_dict["amount"] = amount
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if currency_code is not UNSET:
            field_dict["currencyCode"] = currency_code
        if description is not UNSET:
            field_dict["description"] = description
        if fee is not UNSET:
            field_dict["fee"] = fee
        if status is not UNSET:
            field_dict["status"] = status
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decoded JSON as `Transaction`; `ModelValidationError` names what does not fit."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "Transaction", "", f"expected an object, got {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        _field = ""
        try:
            _field = "id"
            id = expect_str(d.pop("id"))

            _field = "accountId"
            _account_id = d.pop("accountId", UNSET)
            account_id: str | Unset = (
                _account_id if isinstance(_account_id, Unset) else expect_str(_account_id)
            )

            _field = "amount"
            _amount = d.pop("amount", UNSET)
            amount: Decimal | Unset
            if isinstance(_amount, Unset):
                amount = UNSET
            else:
                amount = to_decimal(_amount)

            _field = "createdAt"
            _created_at = d.pop("createdAt", UNSET)
            created_at: datetime.datetime | Unset
            if isinstance(_created_at, Unset):
                created_at = UNSET
            else:
                created_at = parse_datetime(_created_at)

            _field = "currencyCode"
            _currency_code = d.pop("currencyCode", UNSET)
            currency_code: str | Unset = (
                _currency_code if isinstance(_currency_code, Unset) else expect_str(_currency_code)
            )

            _field = "description"

            def _parse_description(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            description = _parse_description(d.pop("description", UNSET))

            _field = "fee"
            _fee = d.pop("fee", UNSET)
            fee: Decimal | Unset
            if isinstance(_fee, Unset):
                fee = UNSET
            else:
                fee = to_decimal(_fee)

            _field = "status"
            _status = d.pop("status", UNSET)
            status: TransactionStatus | Unset
            if isinstance(_status, Unset):
                status = UNSET
            else:
                status = TransactionStatus(_status)

            _field = "type"
            _type_ = d.pop("type", UNSET)
            type_: TransactionType | Unset
            if isinstance(_type_, Unset):
                type_ = UNSET
            else:
                type_ = TransactionType(_type_)

        except ModelValidationError as exc:
            raise exc.nested("Transaction", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("Transaction", _field, exc) from None
        instance__ = cls(
            id=id,
            account_id=account_id,
            amount=amount,
            created_at=created_at,
            currency_code=currency_code,
            description=description,
            fee=fee,
            status=status,
            type_=type_,
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
