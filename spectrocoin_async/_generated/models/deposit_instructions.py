from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._encoding import json_ready
from ..._errors import ModelValidationError
from ..._values import (
    expect_list,
    json_type,
    parse_error,
)

if TYPE_CHECKING:
    from ..models.bank_deposit_details import BankDepositDetails
    from ..models.crypto_deposit_address import CryptoDepositAddress


T = TypeVar("T", bound="DepositInstructions")


@_attrs_define
class DepositInstructions:
    """Everything needed to fund the wallet (proposal).

    Attributes:
        bank_details (list[BankDepositDetails] | None): Bank details per currency and rail.
        crypto_addresses (list[CryptoDepositAddress] | None): Crypto deposit addresses.
    """

    bank_details: list[BankDepositDetails] | None = None
    crypto_addresses: list[CryptoDepositAddress] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bank_details: list[dict[str, Any]] | None
        if isinstance(self.bank_details, list):
            bank_details = []
            for bank_details_type_0_item_data in self.bank_details:
                bank_details_type_0_item = bank_details_type_0_item_data.to_dict()
                bank_details.append(bank_details_type_0_item)

        else:
            bank_details = self.bank_details

        crypto_addresses: list[dict[str, Any]] | None
        if isinstance(self.crypto_addresses, list):
            crypto_addresses = []
            for crypto_addresses_type_0_item_data in self.crypto_addresses:
                crypto_addresses_type_0_item = crypto_addresses_type_0_item_data.to_dict()
                crypto_addresses.append(crypto_addresses_type_0_item)

        else:
            crypto_addresses = self.crypto_addresses

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if bank_details is not None:
            field_dict["bankDetails"] = bank_details
        if crypto_addresses is not None:
            field_dict["cryptoAddresses"] = crypto_addresses

        return field_dict

    def to_json(self) -> dict[str, Any]:
        """`to_dict()` ready for `json.dumps`: money as plain-notation strings (`"0.00000001"`)."""
        return json_ready(self.to_dict())

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

            def _parse_bank_details(data: object) -> list[BankDepositDetails] | None:
                if data is None:
                    return data
                if isinstance(data, list):
                    bank_details_type_0 = []
                    _bank_details_type_0 = expect_list(data)
                    for _i, bank_details_type_0_item_data in enumerate(_bank_details_type_0):
                        _field = f"bankDetails[{_i}]"
                        bank_details_type_0_item = BankDepositDetails.from_dict(
                            bank_details_type_0_item_data
                        )

                        bank_details_type_0.append(bank_details_type_0_item)

                    return bank_details_type_0
                raise TypeError(f"expected list or null, got {json_type(data)}")

            bank_details = _parse_bank_details(d.pop("bankDetails", None))

            _field = "cryptoAddresses"

            def _parse_crypto_addresses(data: object) -> list[CryptoDepositAddress] | None:
                if data is None:
                    return data
                if isinstance(data, list):
                    crypto_addresses_type_0 = []
                    _crypto_addresses_type_0 = expect_list(data)
                    for _i, crypto_addresses_type_0_item_data in enumerate(
                        _crypto_addresses_type_0
                    ):
                        _field = f"cryptoAddresses[{_i}]"
                        crypto_addresses_type_0_item = CryptoDepositAddress.from_dict(
                            crypto_addresses_type_0_item_data
                        )

                        crypto_addresses_type_0.append(crypto_addresses_type_0_item)

                    return crypto_addresses_type_0
                raise TypeError(f"expected list or null, got {json_type(data)}")

            crypto_addresses = _parse_crypto_addresses(d.pop("cryptoAddresses", None))

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
