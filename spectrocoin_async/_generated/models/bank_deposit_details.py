from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._errors import ModelValidationError
from ..._values import (
    checked_str,
    enum_value,
    expect_str,
    json_type,
    parse_error,
)
from ..models.bank_rail import BankRail
from ..types import UNSET, Unset

T = TypeVar("T", bound="BankDepositDetails")


@_attrs_define
class BankDepositDetails:
    """Bank details for funding a fiat account (proposal).

    Attributes:
        bank_name (str | Unset): Name of the receiving bank.
        beneficiary_name (str | Unset): Beneficiary name to use.
        bic (str | Unset): BIC/SWIFT code of the receiving bank.
        currency_code (str | Unset): Currency to send.
        iban (str | Unset): IBAN to send to.
        rail (BankRail | Unset): Bank payment rail of a fiat transfer (may grow).
        reference (None | str | Unset): Payment reference that identifies the caller's account.
    """

    bank_name: str | Unset = UNSET
    beneficiary_name: str | Unset = UNSET
    bic: str | Unset = UNSET
    currency_code: str | Unset = UNSET
    iban: str | Unset = UNSET
    rail: BankRail | Unset = UNSET
    reference: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bank_name = (
            self.bank_name
            if isinstance(self.bank_name, Unset)
            else checked_str(self.bank_name, "bankName")
        )

        beneficiary_name = (
            self.beneficiary_name
            if isinstance(self.beneficiary_name, Unset)
            else checked_str(self.beneficiary_name, "beneficiaryName")
        )

        bic = self.bic if isinstance(self.bic, Unset) else checked_str(self.bic, "bic")

        currency_code = (
            self.currency_code
            if isinstance(self.currency_code, Unset)
            else checked_str(self.currency_code, "currencyCode")
        )

        iban = self.iban if isinstance(self.iban, Unset) else checked_str(self.iban, "iban")

        rail: str | Unset = UNSET
        if not isinstance(self.rail, Unset):
            rail = enum_value(self.rail, BankRail, "rail")

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if bank_name is not UNSET:
            field_dict["bankName"] = bank_name
        if beneficiary_name is not UNSET:
            field_dict["beneficiaryName"] = beneficiary_name
        if bic is not UNSET:
            field_dict["bic"] = bic
        if currency_code is not UNSET:
            field_dict["currencyCode"] = currency_code
        if iban is not UNSET:
            field_dict["iban"] = iban
        if rail is not UNSET:
            field_dict["rail"] = rail
        if reference is not UNSET:
            field_dict["reference"] = reference

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decoded JSON as `BankDepositDetails`; `ModelValidationError` names what does not fit."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "BankDepositDetails", "", f"expected an object, got {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        _field = ""
        try:
            _field = "bankName"
            _bank_name = d.pop("bankName", UNSET)
            bank_name: str | Unset = (
                _bank_name if isinstance(_bank_name, Unset) else expect_str(_bank_name)
            )

            _field = "beneficiaryName"
            _beneficiary_name = d.pop("beneficiaryName", UNSET)
            beneficiary_name: str | Unset = (
                _beneficiary_name
                if isinstance(_beneficiary_name, Unset)
                else expect_str(_beneficiary_name)
            )

            _field = "bic"
            _bic = d.pop("bic", UNSET)
            bic: str | Unset = _bic if isinstance(_bic, Unset) else expect_str(_bic)

            _field = "currencyCode"
            _currency_code = d.pop("currencyCode", UNSET)
            currency_code: str | Unset = (
                _currency_code if isinstance(_currency_code, Unset) else expect_str(_currency_code)
            )

            _field = "iban"
            _iban = d.pop("iban", UNSET)
            iban: str | Unset = _iban if isinstance(_iban, Unset) else expect_str(_iban)

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

        except ModelValidationError as exc:
            raise exc.nested("BankDepositDetails", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("BankDepositDetails", _field, exc) from None
        instance__ = cls(
            bank_name=bank_name,
            beneficiary_name=beneficiary_name,
            bic=bic,
            currency_code=currency_code,
            iban=iban,
            rail=rail,
            reference=reference,
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
