from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._encoding import json_ready
from ..._errors import ModelValidationError
from ..._values import (
    enum_value,
    json_type,
    parse_error,
)
from ..models.bank_rail import BankRail

T = TypeVar("T", bound="BankDepositDetails")


@_attrs_define
class BankDepositDetails:
    """Bank details for funding a fiat account (proposal).

    Attributes:
        bank_name (None | str): Name of the receiving bank.
        beneficiary_name (None | str): Beneficiary name to use.
        bic (None | str): BIC/SWIFT code of the receiving bank.
        currency_code (None | str): Currency to send.
        iban (None | str): IBAN to send to.
        rail (BankRail | None): Bank payment rail.
        reference (None | str): Payment reference that identifies the caller's account.
    """

    bank_name: None | str = None
    beneficiary_name: None | str = None
    bic: None | str = None
    currency_code: None | str = None
    iban: None | str = None
    rail: BankRail | None = None
    reference: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bank_name: None | str
        bank_name = self.bank_name

        beneficiary_name: None | str
        beneficiary_name = self.beneficiary_name

        bic: None | str
        bic = self.bic

        currency_code: None | str
        currency_code = self.currency_code

        iban: None | str
        iban = self.iban

        rail: None | str
        if isinstance(self.rail, BankRail):
            rail = enum_value(self.rail, BankRail, "rail")
        else:
            rail = self.rail

        reference: None | str
        reference = self.reference

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if bank_name is not None:
            field_dict["bankName"] = bank_name
        if beneficiary_name is not None:
            field_dict["beneficiaryName"] = beneficiary_name
        if bic is not None:
            field_dict["bic"] = bic
        if currency_code is not None:
            field_dict["currencyCode"] = currency_code
        if iban is not None:
            field_dict["iban"] = iban
        if rail is not None:
            field_dict["rail"] = rail
        if reference is not None:
            field_dict["reference"] = reference

        return field_dict

    def to_json(self) -> dict[str, Any]:
        """`to_dict()` ready for `json.dumps`: money as plain-notation strings (`"0.00000001"`)."""
        return json_ready(self.to_dict())

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

            def _parse_bank_name(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            bank_name = _parse_bank_name(d.pop("bankName", None))

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

            _field = "currencyCode"

            def _parse_currency_code(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            currency_code = _parse_currency_code(d.pop("currencyCode", None))

            _field = "iban"

            def _parse_iban(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            iban = _parse_iban(d.pop("iban", None))

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
