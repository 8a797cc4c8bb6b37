from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..._encoding import json_ready
from ..._errors import ModelValidationError
from ..._values import (
    checked_str,
    enum_value,
    expect_str,
    parse_error,
    to_decimal,
    unknown_field,
)
from ..models.bank_rail import BankRail
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateBankWithdrawalRequest")


@_attrs_define
class CreateBankWithdrawalRequest:
    """A bank withdrawal to send (proposal). Flat form fields. SEPA needs `iban`; SWIFT needs
    `bic` and `iban` or `accountNumber`.

        Attributes:
            amount (Decimal): Amount to send.
            beneficiary_name (str): Full name of the beneficiary.
            currency_code (str): Fiat currency to send.
            rail (BankRail): Bank payment rail of a fiat transfer (may grow).
            account_id (str | Unset): Account to pay from; the account of `currencyCode` if omitted.
            account_number (str | Unset): Beneficiary account number where no IBAN exists (SWIFT).
            beneficiary_address (str | Unset): Beneficiary's address (needed for SWIFT).
            beneficiary_country_code (str | Unset): Beneficiary's country (ISO 3166-1 alpha-2).
            bic (str | Unset): BIC/SWIFT code of the beneficiary's bank.
            iban (str | Unset): Beneficiary IBAN (SEPA, and SWIFT where applicable).
            reference (str | Unset): Payment reference shown to the beneficiary.
    """

    amount: Decimal
    beneficiary_name: str
    currency_code: str
    rail: BankRail
    account_id: str | Unset = UNSET
    account_number: str | Unset = UNSET
    beneficiary_address: str | Unset = UNSET
    beneficiary_country_code: str | Unset = UNSET
    bic: str | Unset = UNSET
    iban: str | Unset = UNSET
    reference: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        beneficiary_name = checked_str(self.beneficiary_name, "beneficiaryName")

        currency_code = checked_str(self.currency_code, "currencyCode")

        rail = enum_value(self.rail, BankRail, "rail")

        account_id = (
            self.account_id
            if isinstance(self.account_id, Unset)
            else checked_str(self.account_id, "accountId")
        )

        account_number = (
            self.account_number
            if isinstance(self.account_number, Unset)
            else checked_str(self.account_number, "accountNumber")
        )

        beneficiary_address = (
            self.beneficiary_address
            if isinstance(self.beneficiary_address, Unset)
            else checked_str(self.beneficiary_address, "beneficiaryAddress")
        )

        beneficiary_country_code = (
            self.beneficiary_country_code
            if isinstance(self.beneficiary_country_code, Unset)
            else checked_str(self.beneficiary_country_code, "beneficiaryCountryCode")
        )

        bic = self.bic if isinstance(self.bic, Unset) else checked_str(self.bic, "bic")

        iban = self.iban if isinstance(self.iban, Unset) else checked_str(self.iban, "iban")

        reference = (
            self.reference
            if isinstance(self.reference, Unset)
            else checked_str(self.reference, "reference")
        )

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "beneficiaryName": beneficiary_name,
                "currencyCode": currency_code,
                "rail": rail,
            }
        )
        if account_id is not UNSET:
            field_dict["accountId"] = account_id
        if account_number is not UNSET:
            field_dict["accountNumber"] = account_number
        if beneficiary_address is not UNSET:
            field_dict["beneficiaryAddress"] = beneficiary_address
        if beneficiary_country_code is not UNSET:
            field_dict["beneficiaryCountryCode"] = beneficiary_country_code
        if bic is not UNSET:
            field_dict["bic"] = bic
        if iban is not UNSET:
            field_dict["iban"] = iban
        if reference is not UNSET:
            field_dict["reference"] = reference

        return field_dict

    def to_json(self) -> dict[str, Any]:
        """`to_dict()` ready for `json.dumps`: money as plain-notation strings (`"0.00000001"`)."""
        return json_ready(self.to_dict())

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decoded JSON as `CreateBankWithdrawalRequest`; `ModelValidationError` names what does not fit."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "CreateBankWithdrawalRequest",
                "",
                f"expected an object, got {type(src_dict).__name__}",
            )
        d = dict(src_dict)
        unknown_field(
            "CreateBankWithdrawalRequest",
            d,
            (
                "amount",
                "beneficiaryName",
                "currencyCode",
                "rail",
                "accountId",
                "accountNumber",
                "beneficiaryAddress",
                "beneficiaryCountryCode",
                "bic",
                "iban",
                "reference",
            ),
        )
        _field = ""
        try:
            _field = "amount"
            amount = to_decimal(d.pop("amount"))

            _field = "beneficiaryName"
            beneficiary_name = expect_str(d.pop("beneficiaryName"))

            _field = "currencyCode"
            currency_code = expect_str(d.pop("currencyCode"))

            _field = "rail"
            rail = BankRail(d.pop("rail"))

            _field = "accountId"
            _account_id = d.pop("accountId", UNSET)
            account_id: str | Unset = (
                _account_id if isinstance(_account_id, Unset) else expect_str(_account_id)
            )

            _field = "accountNumber"
            _account_number = d.pop("accountNumber", UNSET)
            account_number: str | Unset = (
                _account_number
                if isinstance(_account_number, Unset)
                else expect_str(_account_number)
            )

            _field = "beneficiaryAddress"
            _beneficiary_address = d.pop("beneficiaryAddress", UNSET)
            beneficiary_address: str | Unset = (
                _beneficiary_address
                if isinstance(_beneficiary_address, Unset)
                else expect_str(_beneficiary_address)
            )

            _field = "beneficiaryCountryCode"
            _beneficiary_country_code = d.pop("beneficiaryCountryCode", UNSET)
            beneficiary_country_code: str | Unset = (
                _beneficiary_country_code
                if isinstance(_beneficiary_country_code, Unset)
                else expect_str(_beneficiary_country_code)
            )

            _field = "bic"
            _bic = d.pop("bic", UNSET)
            bic: str | Unset = _bic if isinstance(_bic, Unset) else expect_str(_bic)

            _field = "iban"
            _iban = d.pop("iban", UNSET)
            iban: str | Unset = _iban if isinstance(_iban, Unset) else expect_str(_iban)

            _field = "reference"
            _reference = d.pop("reference", UNSET)
            reference: str | Unset = (
                _reference if isinstance(_reference, Unset) else expect_str(_reference)
            )

        except ModelValidationError as exc:
            raise exc.nested("CreateBankWithdrawalRequest", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("CreateBankWithdrawalRequest", _field, exc) from None
        instance__ = cls(
            amount=amount,
            beneficiary_name=beneficiary_name,
            currency_code=currency_code,
            rail=rail,
            account_id=account_id,
            account_number=account_number,
            beneficiary_address=beneficiary_address,
            beneficiary_country_code=beneficiary_country_code,
            bic=bic,
            iban=iban,
            reference=reference,
        )

        return instance__
