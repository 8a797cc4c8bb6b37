from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._errors import ModelValidationError
from ..._values import (
    checked_str,
    expect_str,
    parse_error,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="ErrorParameter")


@_attrs_define
class ErrorParameter:
    """One key/value parameter of a validation error.

    Attributes:
        key (str | Unset): Parameter name.
        value (str | Unset): Parameter value.
    """

    key: str | Unset = UNSET
    value: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key if isinstance(self.key, Unset) else checked_str(self.key, "key")

        value = self.value if isinstance(self.value, Unset) else checked_str(self.value, "value")

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if key is not UNSET:
            field_dict["key"] = key
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decoded JSON as `ErrorParameter`; `ModelValidationError` names what does not fit."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "ErrorParameter", "", f"expected an object, got {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        _field = ""
        try:
            _field = "key"
            _key = d.pop("key", UNSET)
            key: str | Unset = _key if isinstance(_key, Unset) else expect_str(_key)

            _field = "value"
            _value = d.pop("value", UNSET)
            value: str | Unset = _value if isinstance(_value, Unset) else expect_str(_value)

        except ModelValidationError as exc:
            raise exc.nested("ErrorParameter", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("ErrorParameter", _field, exc) from None
        instance__ = cls(
            key=key,
            value=value,
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
