from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.bank_rail import BankRail
from ..models.withdrawal_status import WithdrawalStatus
from ..types import UNSET, Unset, parse_datetime, to_decimal

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
        status (WithdrawalStatus | Unset): Status of a crypto or bank withdrawal (proposal; clients must accept unknown
            values).
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
        id = self.id

        amount = self.amount

        beneficiary_name = self.beneficiary_name

        bic: None | str | Unset
        if isinstance(self.bic, Unset):
            bic = UNSET
        else:
            bic = self.bic

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        currency_code = self.currency_code

        fee = self.fee

        iban: None | str | Unset
        if isinstance(self.iban, Unset):
            iban = UNSET
        else:
            iban = self.iban

        rail: str | Unset = UNSET
        if not isinstance(self.rail, Unset):
            rail = self.rail.value

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

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
        d = dict(src_dict)
        id = d.pop("id")

        _amount = d.pop("amount", UNSET)
        amount: Decimal | Unset
        if isinstance(_amount, Unset):
            amount = UNSET
        else:
            amount = to_decimal(_amount)

        beneficiary_name = d.pop("beneficiaryName", UNSET)

        def _parse_bic(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bic = _parse_bic(d.pop("bic", UNSET))

        _created_at = d.pop("createdAt", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = parse_datetime(_created_at)

        currency_code = d.pop("currencyCode", UNSET)

        _fee = d.pop("fee", UNSET)
        fee: Decimal | Unset
        if isinstance(_fee, Unset):
            fee = UNSET
        else:
            fee = to_decimal(_fee)

        def _parse_iban(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        iban = _parse_iban(d.pop("iban", UNSET))

        _rail = d.pop("rail", UNSET)
        rail: BankRail | Unset
        if isinstance(_rail, Unset):
            rail = UNSET
        else:
            rail = BankRail(_rail)

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        _status = d.pop("status", UNSET)
        status: WithdrawalStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = WithdrawalStatus(_status)

        bank_withdrawal = cls(
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

        bank_withdrawal.additional_properties = d
        return bank_withdrawal

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
