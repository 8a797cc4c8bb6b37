from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._encoding import json_ready
from ..._errors import ModelValidationError
from ..._values import (
    checked_bool,
    checked_str,
    expect_str,
    json_type,
    parse_error,
)

T = TypeVar("T", bound="CurrencyNetwork")


@_attrs_define
class CurrencyNetwork:
    """A blockchain network of a crypto currency (proposal).

    Attributes:
        code (str): Network code, used as `networkCode` / `payNetworkCode`.
        deposit_enabled (bool | None): Whether deposits on this network are open.
        memo_required (bool | None): Whether deposits and withdrawals need a memo or tag.
        name (None | str): Display name, e.g. "Tron (TRC20)".
        withdrawal_enabled (bool | None): Whether withdrawals on this network are open.
    """

    code: str
    deposit_enabled: bool | None = None
    memo_required: bool | None = None
    name: None | str = None
    withdrawal_enabled: bool | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = checked_str(self.code, "code")

        deposit_enabled: bool | None
        if isinstance(self.deposit_enabled, bool):
            deposit_enabled = checked_bool(self.deposit_enabled, "depositEnabled")
        else:
            deposit_enabled = self.deposit_enabled

        memo_required: bool | None
        if isinstance(self.memo_required, bool):
            memo_required = checked_bool(self.memo_required, "memoRequired")
        else:
            memo_required = self.memo_required

        name: None | str
        name = self.name

        withdrawal_enabled: bool | None
        if isinstance(self.withdrawal_enabled, bool):
            withdrawal_enabled = checked_bool(self.withdrawal_enabled, "withdrawalEnabled")
        else:
            withdrawal_enabled = self.withdrawal_enabled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
            }
        )
        if deposit_enabled is not None:
            field_dict["depositEnabled"] = deposit_enabled
        if memo_required is not None:
            field_dict["memoRequired"] = memo_required
        if name is not None:
            field_dict["name"] = name
        if withdrawal_enabled is not None:
            field_dict["withdrawalEnabled"] = withdrawal_enabled

        return field_dict

    def to_json(self) -> dict[str, Any]:
        """`to_dict()` ready for `json.dumps`: money as plain-notation strings (`"0.00000001"`)."""
        return json_ready(self.to_dict())

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

            def _parse_deposit_enabled(data: object) -> bool | None:
                if data is None:
                    return data
                if isinstance(data, bool):
                    return data
                raise TypeError(f"expected true or false or null, got {json_type(data)}")

            deposit_enabled = _parse_deposit_enabled(d.pop("depositEnabled", None))

            _field = "memoRequired"

            def _parse_memo_required(data: object) -> bool | None:
                if data is None:
                    return data
                if isinstance(data, bool):
                    return data
                raise TypeError(f"expected true or false or null, got {json_type(data)}")

            memo_required = _parse_memo_required(d.pop("memoRequired", None))

            _field = "name"

            def _parse_name(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            name = _parse_name(d.pop("name", None))

            _field = "withdrawalEnabled"

            def _parse_withdrawal_enabled(data: object) -> bool | None:
                if data is None:
                    return data
                if isinstance(data, bool):
                    return data
                raise TypeError(f"expected true or false or null, got {json_type(data)}")

            withdrawal_enabled = _parse_withdrawal_enabled(d.pop("withdrawalEnabled", None))

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
