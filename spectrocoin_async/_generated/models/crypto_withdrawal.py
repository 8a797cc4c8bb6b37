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
from ..models.withdrawal_status import WithdrawalStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="CryptoWithdrawal")


@_attrs_define
class CryptoWithdrawal:
    """A crypto withdrawal (proposal).

    Attributes:
        id (str): Withdrawal id.
        address (str | Unset): Destination address.
        amount (Decimal | Unset): Amount sent.
        created_at (datetime.datetime | Unset): When the withdrawal was created.
        currency_code (str | Unset): Currency sent.
        fee (Decimal | Unset): Fee charged.
        memo (None | str | Unset): Memo or tag sent with the withdrawal.
        network_code (str | Unset): Network used.
        status (WithdrawalStatus | Unset): Status of a crypto or bank withdrawal. New values may appear; unknown ones
            are kept, never refused.
        tx_hash (None | str | Unset): Blockchain transaction hash, once broadcast.
    """

    id: str
    address: str | Unset = UNSET
    amount: Decimal | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    currency_code: str | Unset = UNSET
    fee: Decimal | Unset = UNSET
    memo: None | str | Unset = UNSET
    network_code: str | Unset = UNSET
    status: WithdrawalStatus | Unset = UNSET
    tx_hash: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = checked_str(self.id, "id")

        address = (
            self.address
            if isinstance(self.address, Unset)
            else checked_str(self.address, "address")
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

        fee = self.fee

        memo: None | str | Unset
        if isinstance(self.memo, Unset):
            memo = UNSET
        else:
            memo = self.memo

        network_code = (
            self.network_code
            if isinstance(self.network_code, Unset)
            else checked_str(self.network_code, "networkCode")
        )

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = enum_value(self.status, WithdrawalStatus, "status")

        tx_hash: None | str | Unset
        if isinstance(self.tx_hash, Unset):
            tx_hash = UNSET
        else:
            tx_hash = self.tx_hash

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if address is not UNSET:
            field_dict["address"] = address
        if amount is not UNSET:
            field_dict["amount"] = amount
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if currency_code is not UNSET:
            field_dict["currencyCode"] = currency_code
        if fee is not UNSET:
            field_dict["fee"] = fee
        if memo is not UNSET:
            field_dict["memo"] = memo
        if network_code is not UNSET:
            field_dict["networkCode"] = network_code
        if status is not UNSET:
            field_dict["status"] = status
        if tx_hash is not UNSET:
            field_dict["txHash"] = tx_hash

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decoded JSON as `CryptoWithdrawal`; `ModelValidationError` names what does not fit."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "CryptoWithdrawal", "", f"expected an object, got {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        _field = ""
        try:
            _field = "id"
            id = expect_str(d.pop("id"))

            _field = "address"
            _address = d.pop("address", UNSET)
            address: str | Unset = _address if isinstance(_address, Unset) else expect_str(_address)

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

            _field = "fee"
            _fee = d.pop("fee", UNSET)
            fee: Decimal | Unset
            if isinstance(_fee, Unset):
                fee = UNSET
            else:
                fee = to_decimal(_fee)

            _field = "memo"

            def _parse_memo(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            memo = _parse_memo(d.pop("memo", UNSET))

            _field = "networkCode"
            _network_code = d.pop("networkCode", UNSET)
            network_code: str | Unset = (
                _network_code if isinstance(_network_code, Unset) else expect_str(_network_code)
            )

            _field = "status"
            _status = d.pop("status", UNSET)
            status: WithdrawalStatus | Unset
            if isinstance(_status, Unset):
                status = UNSET
            else:
                status = WithdrawalStatus(_status)

            _field = "txHash"

            def _parse_tx_hash(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            tx_hash = _parse_tx_hash(d.pop("txHash", UNSET))

        except ModelValidationError as exc:
            raise exc.nested("CryptoWithdrawal", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("CryptoWithdrawal", _field, exc) from None
        instance__ = cls(
            id=id,
            address=address,
            amount=amount,
            created_at=created_at,
            currency_code=currency_code,
            fee=fee,
            memo=memo,
            network_code=network_code,
            status=status,
            tx_hash=tx_hash,
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
