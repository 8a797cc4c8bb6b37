from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._errors import ModelValidationError
from ..._values import (
    expect_list,
    parse_error,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.bank_deposit_details import BankDepositDetails
    from ..models.crypto_deposit_address import CryptoDepositAddress


T = TypeVar("T", bound="DepositInstructions")


@_attrs_define
class DepositInstructions:
    """Everything needed to fund the wallet (proposal).

    Attributes:
        bank_details (list[BankDepositDetails] | Unset): Bank details per currency and rail.
        crypto_addresses (list[CryptoDepositAddress] | Unset): Crypto deposit addresses.
    """

    bank_details: list[BankDepositDetails] | Unset = UNSET
    crypto_addresses: list[CryptoDepositAddress] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bank_details: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.bank_details, Unset):
            bank_details = []
            for bank_details_item_data in self.bank_details:
                bank_details_item = bank_details_item_data.to_dict()
                bank_details.append(bank_details_item)

        crypto_addresses: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.crypto_addresses, Unset):
            crypto_addresses = []
            for crypto_addresses_item_data in self.crypto_addresses:
                crypto_addresses_item = crypto_addresses_item_data.to_dict()
                crypto_addresses.append(crypto_addresses_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if bank_details is not UNSET:
            field_dict["bankDetails"] = bank_details
        if crypto_addresses is not UNSET:
            field_dict["cryptoAddresses"] = crypto_addresses

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decoded JSON as `DepositInstructions`; `ModelValidationError` names what does not fit."""
        from ..models.bank_deposit_details import BankDepositDetails
        from ..models.crypto_deposit_address import CryptoDepositAddress

        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "DepositInstructions", "", f"expected an object, got {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        _field = ""
        try:
            _field = "bankDetails"
            _bank_details = d.pop("bankDetails", UNSET)
            bank_details: list[BankDepositDetails] | Unset = UNSET
            if not isinstance(_bank_details, Unset):
                bank_details = []
                for _i, bank_details_item_data in enumerate(expect_list(_bank_details)):
                    _field = f"bankDetails[{_i}]"
                    bank_details_item = BankDepositDetails.from_dict(bank_details_item_data)

                    bank_details.append(bank_details_item)

            _field = "cryptoAddresses"
            _crypto_addresses = d.pop("cryptoAddresses", UNSET)
            crypto_addresses: list[CryptoDepositAddress] | Unset = UNSET
            if not isinstance(_crypto_addresses, Unset):
                crypto_addresses = []
                for _i, crypto_addresses_item_data in enumerate(expect_list(_crypto_addresses)):
                    _field = f"cryptoAddresses[{_i}]"
                    crypto_addresses_item = CryptoDepositAddress.from_dict(
                        crypto_addresses_item_data
                    )

                    crypto_addresses.append(crypto_addresses_item)

        except ModelValidationError as exc:
            raise exc.nested("DepositInstructions", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("DepositInstructions", _field, exc) from None
        instance__ = cls(
            bank_details=bank_details,
            crypto_addresses=crypto_addresses,
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
