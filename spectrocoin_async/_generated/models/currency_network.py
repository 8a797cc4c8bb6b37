from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._errors import ModelValidationError
from ..._values import (
    checked_bool,
    checked_str,
    expect_bool,
    expect_str,
    parse_error,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="CurrencyNetwork")


@_attrs_define
class CurrencyNetwork:
    """A blockchain network of a crypto currency (proposal).

    Attributes:
        code (str): Network code, used as `networkCode` / `payNetworkCode`.
        deposit_enabled (bool | Unset): Whether deposits on this network are open.
        memo_required (bool | Unset): Whether deposits and withdrawals need a memo or tag.
        name (str | Unset): Display name, e.g. "Tron (TRC20)".
        withdrawal_enabled (bool | Unset): Whether withdrawals on this network are open.
    """

    code: str
    deposit_enabled: bool | Unset = UNSET
    memo_required: bool | Unset = UNSET
    name: str | Unset = UNSET
    withdrawal_enabled: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = checked_str(self.code, "code")

        deposit_enabled: bool | Unset = UNSET
        if not isinstance(self.deposit_enabled, Unset):
            deposit_enabled = checked_bool(self.deposit_enabled, "depositEnabled")

        memo_required: bool | Unset = UNSET
        if not isinstance(self.memo_required, Unset):
            memo_required = checked_bool(self.memo_required, "memoRequired")

        name = self.name if isinstance(self.name, Unset) else checked_str(self.name, "name")

        withdrawal_enabled: bool | Unset = UNSET
        if not isinstance(self.withdrawal_enabled, Unset):
            withdrawal_enabled = checked_bool(self.withdrawal_enabled, "withdrawalEnabled")

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
            }
        )
        if deposit_enabled is not UNSET:
            field_dict["depositEnabled"] = deposit_enabled
        if memo_required is not UNSET:
            field_dict["memoRequired"] = memo_required
        if name is not UNSET:
            field_dict["name"] = name
        if withdrawal_enabled is not UNSET:
            field_dict["withdrawalEnabled"] = withdrawal_enabled

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decoded JSON as `CurrencyNetwork`; `ModelValidationError` names what does not fit."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "CurrencyNetwork", "", f"expected an object, got {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        _field = ""
        try:
            _field = "code"
            code = expect_str(d.pop("code"))

            _field = "depositEnabled"
            _deposit_enabled = d.pop("depositEnabled", UNSET)
            deposit_enabled: bool | Unset = (
                _deposit_enabled
                if isinstance(_deposit_enabled, Unset)
                else expect_bool(_deposit_enabled)
            )

            _field = "memoRequired"
            _memo_required = d.pop("memoRequired", UNSET)
            memo_required: bool | Unset = (
                _memo_required if isinstance(_memo_required, Unset) else expect_bool(_memo_required)
            )

            _field = "name"
            _name = d.pop("name", UNSET)
            name: str | Unset = _name if isinstance(_name, Unset) else expect_str(_name)

            _field = "withdrawalEnabled"
            _withdrawal_enabled = d.pop("withdrawalEnabled", UNSET)
            withdrawal_enabled: bool | Unset = (
                _withdrawal_enabled
                if isinstance(_withdrawal_enabled, Unset)
                else expect_bool(_withdrawal_enabled)
            )

        except ModelValidationError as exc:
            raise exc.nested("CurrencyNetwork", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("CurrencyNetwork", _field, exc) from None
        instance__ = cls(
            code=code,
            deposit_enabled=deposit_enabled,
            memo_required=memo_required,
            name=name,
            withdrawal_enabled=withdrawal_enabled,
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
