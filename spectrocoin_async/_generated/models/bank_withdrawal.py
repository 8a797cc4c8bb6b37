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
from ..models.bank_rail import BankRail
from ..models.withdrawal_status import WithdrawalStatus

T = TypeVar("T", bound="BankWithdrawal")


@_attrs_define
class BankWithdrawal:
    """A bank withdrawal (proposal).

    Attributes:
        amount (Decimal | None): Amount sent.
        beneficiary_name (None | str): Beneficiary name.
        bic (None | str): BIC/SWIFT code of the beneficiary's bank.
        created_at (datetime.datetime | None): When the withdrawal was created.
        currency_code (None | str): Currency sent.
        fee (Decimal | None): Fee charged.
        iban (None | str): Beneficiary IBAN.
        id (str): Withdrawal id.
        rail (BankRail | None): Bank payment rail.
        reference (None | str): Payment reference.
        status (None | WithdrawalStatus): Current status (WithdrawalStatus).
    """

    id: str
    amount: Decimal | None = None
    beneficiary_name: None | str = None
    bic: None | str = None
    created_at: datetime.datetime | None = None
    currency_code: None | str = None
    fee: Decimal | None = None
    iban: None | str = None
    rail: BankRail | None = None
    reference: None | str = None
    status: None | WithdrawalStatus = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount: Decimal | None
        amount = self.amount

        beneficiary_name: None | str
        beneficiary_name = self.beneficiary_name

        bic: None | str
        bic = self.bic

        created_at: None | str
        if isinstance(self.created_at, datetime.datetime):
            created_at = format_datetime(self.created_at, "createdAt")
        else:
            created_at = self.created_at

        currency_code: None | str
        currency_code = self.currency_code

        fee: Decimal | None
        fee = self.fee

        iban: None | str
        iban = self.iban

        id = checked_str(self.id, "id")

        rail: None | str
        if isinstance(self.rail, BankRail):
            rail = enum_value(self.rail, BankRail, "rail")
        else:
            rail = self.rail

        reference: None | str
        reference = self.reference

        status: None | str
        if isinstance(self.status, WithdrawalStatus):
            status = enum_value(self.status, WithdrawalStatus, "status")
        else:
            status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if amount is not None:
            field_dict["amount"] = amount
        if beneficiary_name is not None:
            field_dict["beneficiaryName"] = beneficiary_name
        if bic is not None:
            field_dict["bic"] = bic
        if created_at is not None:
            field_dict["createdAt"] = created_at
        if currency_code is not None:
            field_dict["currencyCode"] = currency_code
        if fee is not None:
            field_dict["fee"] = fee
        if iban is not None:
            field_dict["iban"] = iban
        if rail is not None:
            field_dict["rail"] = rail
        if reference is not None:
            field_dict["reference"] = reference
        if status is not None:
            field_dict["status"] = status

        return field_dict

    def to_json(self) -> dict[str, Any]:
        """`to_dict()` ready for `json.dumps`: money as plain-notation strings (`"0.00000001"`)."""
        return json_ready(self.to_dict())

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decoded JSON as `BankWithdrawal`; `ModelValidationError` names what does not fit."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "BankWithdrawal", "", f"expected an object, got {type(src_dict).__name__}"
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

            _field = "beneficiaryName"

            def _parse_beneficiary_name(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            beneficiary_name = _parse_beneficiary_name(d.pop("beneficiaryName", None))

            _field = "bic"

            def _parse_bic(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            bic = _parse_bic(d.pop("bic", None))

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

            _field = "fee"

            def _parse_fee(data: object) -> Decimal | None:
                if data is None:
                    return data
                if isinstance(data, DECIMAL_INPUTS):
                    fee_type_0 = to_decimal(data)

                    return fee_type_0
                raise TypeError(f"expected a decimal number or null, got {json_type(data)}")

            fee = _parse_fee(d.pop("fee", None))

            _field = "iban"

            def _parse_iban(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            iban = _parse_iban(d.pop("iban", None))

            _field = "id"
            id = expect_str(d.pop("id"))

            _field = "rail"

            def _parse_rail(data: object) -> BankRail | None:
                if data is None:
                    return data
                if isinstance(data, str):
                    rail_type_0 = BankRail(data)

                    return rail_type_0
                raise TypeError(f"expected BankRail or null, got {json_type(data)}")

            rail = _parse_rail(d.pop("rail", None))

            _field = "reference"

            def _parse_reference(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            reference = _parse_reference(d.pop("reference", None))

            _field = "status"

            def _parse_status(data: object) -> None | WithdrawalStatus:
                if data is None:
                    return data
                if isinstance(data, str):
                    status_type_0 = WithdrawalStatus(data)

                    return status_type_0
                raise TypeError(f"expected WithdrawalStatus or null, got {json_type(data)}")

            status = _parse_status(d.pop("status", None))

        except ModelValidationError as exc:
            raise exc.nested("BankWithdrawal", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("BankWithdrawal", _field, exc) from None
        instance__ = cls(
            amount=amount,
            beneficiary_name=beneficiary_name,
            bic=bic,
            created_at=created_at,
            currency_code=currency_code,
            fee=fee,
            iban=iban,
            id=id,
            rail=rail,
            reference=reference,
            status=status,
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
