from __future__ import annotations

import datetime
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
    format_datetime,
    json_type,
    parse_datetime,
    parse_error,
    to_decimal,
)
from ..models.transaction_status import TransactionStatus
from ..models.transaction_type import TransactionType

T = TypeVar("T", bound="Transaction")


@_attrs_define
class Transaction:
    """A wallet transaction (proposal).

    Attributes:
        account_id (None | str): Account the transaction belongs to.
        amount (Decimal | None): Signed amount; negative means a debit.
        created_at (datetime.datetime | None): When the transaction was created.
        currency_code (None | str): Currency of the amount.
        description (None | str): Free-text description.
        fee (Decimal | None): Fee charged, in the same currency.
        id (str): Transaction id.
        status (None | TransactionStatus): Current status (TransactionStatus).
        type_ (None | TransactionType): Kind of transaction.
    """

    id: str
    account_id: None | str = None
    amount: Decimal | None = None
    created_at: datetime.datetime | None = None
    currency_code: None | str = None
    description: None | str = None
    fee: Decimal | None = None
    status: None | TransactionStatus = None
    type_: None | TransactionType = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id: None | str
        account_id = self.account_id

        amount: Decimal | None
        amount = self.amount

        created_at: None | str
        if isinstance(self.created_at, datetime.datetime):
            created_at = format_datetime(self.created_at, "createdAt")
        else:
            created_at = self.created_at

        currency_code: None | str
        currency_code = self.currency_code

        description: None | str
        description = self.description

        fee: Decimal | None
        fee = self.fee

        id = checked_str(self.id, "id")

        status: None | str
        if isinstance(self.status, TransactionStatus):
            status = enum_value(self.status, TransactionStatus, "status")
        else:
            status = self.status

        type_: None | str
        if isinstance(self.type_, TransactionType):
            type_ = enum_value(self.type_, TransactionType, "type")
        else:
            type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if account_id is not None:
            field_dict["accountId"] = account_id
        if amount is not None:
            field_dict["amount"] = amount
        if created_at is not None:
            field_dict["createdAt"] = created_at
        if currency_code is not None:
            field_dict["currencyCode"] = currency_code
        if description is not None:
            field_dict["description"] = description
        if fee is not None:
            field_dict["fee"] = fee
        if status is not None:
            field_dict["status"] = status
        if type_ is not None:
            field_dict["type"] = type_

        return field_dict

    def to_json(self) -> dict[str, Any]:
        """`to_dict()` ready for `json.dumps`: money as plain-notation strings (`"0.00000001"`)."""
        return json_ready(self.to_dict())

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
            _field = "accountId"

            def _parse_account_id(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            account_id = _parse_account_id(d.pop("accountId", None))

            _field = "amount"

            def _parse_amount(data: object) -> Decimal | None:
                if data is None:
                    return data
                if isinstance(data, DECIMAL_INPUTS):
                    amount_type_0 = to_decimal(data)

                    return amount_type_0
                raise TypeError(f"expected a decimal number or null, got {json_type(data)}")

            amount = _parse_amount(d.pop("amount", None))

            _field = "createdAt"

            def _parse_created_at(data: object) -> datetime.datetime | None:
                if data is None:
                    return data
                if isinstance(data, (str, int, Decimal)):
                    created_at_type_0 = parse_datetime(data)

                    return created_at_type_0
                raise TypeError(f"expected a timestamp or null, got {json_type(data)}")

            created_at = _parse_created_at(d.pop("createdAt", None))

            _field = "currencyCode"

            def _parse_currency_code(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            currency_code = _parse_currency_code(d.pop("currencyCode", None))

            _field = "description"

            def _parse_description(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            description = _parse_description(d.pop("description", None))

            _field = "fee"

            def _parse_fee(data: object) -> Decimal | None:
                if data is None:
                    return data
                if isinstance(data, DECIMAL_INPUTS):
                    fee_type_0 = to_decimal(data)

                    return fee_type_0
                raise TypeError(f"expected a decimal number or null, got {json_type(data)}")

            fee = _parse_fee(d.pop("fee", None))

            _field = "id"
            id = expect_str(d.pop("id"))

            _field = "status"

            def _parse_status(data: object) -> None | TransactionStatus:
                if data is None:
                    return data
                if isinstance(data, str):
                    status_type_0 = TransactionStatus(data)

                    return status_type_0
                raise TypeError(f"expected TransactionStatus or null, got {json_type(data)}")

            status = _parse_status(d.pop("status", None))

            _field = "type"

            def _parse_type_(data: object) -> None | TransactionType:
                if data is None:
                    return data
                if isinstance(data, str):
                    type_type_0 = TransactionType(data)

                    return type_type_0
                raise TypeError(f"expected TransactionType or null, got {json_type(data)}")

            type_ = _parse_type_(d.pop("type", None))

        except ModelValidationError as exc:
            raise exc.nested("Transaction", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("Transaction", _field, exc) from None
        instance__ = cls(
            account_id=account_id,
            amount=amount,
            created_at=created_at,
            currency_code=currency_code,
            description=description,
            fee=fee,
            id=id,
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
