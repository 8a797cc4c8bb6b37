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
from ..models.bank_rail import BankRail
from ..models.withdrawal_status import WithdrawalStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="BankWithdrawal")


@_attrs_define
class BankWithdrawal:
    """A bank withdrawal (proposal).

    Attributes:
        id (str): Withdrawal id.
        amount (Decimal | Unset): Amount sent.
        beneficiary_name (str | Unset): Beneficiary name.
        bic (None | str | Unset): BIC/SWIFT code of the beneficiary's bank.
        created_at (datetime.datetime | Unset): When the withdrawal was created.
        currency_code (str | Unset): Currency sent.
        fee (Decimal | Unset): Fee charged.
        iban (None | str | Unset): Beneficiary IBAN.
        rail (BankRail | Unset): Bank payment rail of a fiat transfer (may grow).
        reference (None | str | Unset): Payment reference.
        status (WithdrawalStatus | Unset): Status of a crypto or bank withdrawal. New values may appear; unknown ones
            are kept, never refused.
    """

    id: str
    amount: Decimal | Unset = UNSET
    beneficiary_name: str | Unset = UNSET
    bic: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    currency_code: str | Unset = UNSET
    fee: Decimal | Unset = UNSET
    iban: None | str | Unset = UNSET
    rail: BankRail | Unset = UNSET
    reference: None | str | Unset = UNSET
    status: WithdrawalStatus | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = checked_str(self.id, "id")

        amount = self.amount

        beneficiary_name = (
            self.beneficiary_name
            if isinstance(self.beneficiary_name, Unset)
            else checked_str(self.beneficiary_name, "beneficiaryName")
        )

        bic: None | str | Unset
        if isinstance(self.bic, Unset):
            bic = UNSET
        else:
            bic = self.bic

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = format_datetime(self.created_at, "createdAt")

        currency_code = (
            self.currency_code
            if isinstance(self.currency_code, Unset)
            else checked_str(self.currency_code, "currencyCode")
        )

        fee = self.fee

        iban: None | str | Unset
        if isinstance(self.iban, Unset):
            iban = UNSET
        else:
            iban = self.iban

        rail: str | Unset = UNSET
        if not isinstance(self.rail, Unset):
            rail = enum_value(self.rail, BankRail, "rail")

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = enum_value(self.status, WithdrawalStatus, "status")

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if amount is not UNSET:
            field_dict["amount"] = amount
        if beneficiary_name is not UNSET:
            field_dict["beneficiaryName"] = beneficiary_name
        if bic is not UNSET:
            field_dict["bic"] = bic
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if currency_code is not UNSET:
            field_dict["currencyCode"] = currency_code
        if fee is not UNSET:
            field_dict["fee"] = fee
        if iban is not UNSET:
            field_dict["iban"] = iban
        if rail is not UNSET:
            field_dict["rail"] = rail
        if reference is not UNSET:
            field_dict["reference"] = reference
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

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
            _field = "id"
            id = expect_str(d.pop("id"))

            _field = "amount"
            _amount = d.pop("amount", UNSET)
            amount: Decimal | Unset
            if isinstance(_amount, Unset):
                amount = UNSET
            else:
                amount = to_decimal(_amount)

            _field = "beneficiaryName"
            _beneficiary_name = d.pop("beneficiaryName", UNSET)
            beneficiary_name: str | Unset = (
                _beneficiary_name
                if isinstance(_beneficiary_name, Unset)
                else expect_str(_beneficiary_name)
            )

            _field = "bic"

            def _parse_bic(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            bic = _parse_bic(d.pop("bic", UNSET))

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

            _field = "fee"
            _fee = d.pop("fee", UNSET)
            fee: Decimal | Unset
            if isinstance(_fee, Unset):
                fee = UNSET
            else:
                fee = to_decimal(_fee)

            _field = "iban"

            def _parse_iban(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            iban = _parse_iban(d.pop("iban", UNSET))

            _field = "rail"
            _rail = d.pop("rail", UNSET)
            rail: BankRail | Unset
            if isinstance(_rail, Unset):
                rail = UNSET
            else:
                rail = BankRail(_rail)

            _field = "reference"

            def _parse_reference(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            reference = _parse_reference(d.pop("reference", UNSET))

            _field = "status"
            _status = d.pop("status", UNSET)
            status: WithdrawalStatus | Unset
            if isinstance(_status, Unset):
                status = UNSET
            else:
                status = WithdrawalStatus(_status)

        except ModelValidationError as exc:
            raise exc.nested("BankWithdrawal", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("BankWithdrawal", _field, exc) from None
        instance__ = cls(
            id=id,
            amount=amount,
            beneficiary_name=beneficiary_name,
            bic=bic,
            created_at=created_at,
            currency_code=currency_code,
            fee=fee,
            iban=iban,
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
