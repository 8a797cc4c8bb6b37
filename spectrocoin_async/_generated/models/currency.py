from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._errors import ModelValidationError
from ..._values import (
    checked_int,
    checked_str,
    enum_value,
    expect_int,
    expect_list,
    expect_str,
    parse_error,
)
from ..models.currency_type import CurrencyType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.currency_network import CurrencyNetwork


T = TypeVar("T", bound="Currency")


@_attrs_define
class Currency:
    """A supported currency (proposal).

    Attributes:
        code (str): Upper-case currency code.
        name (str | Unset): Display name.
        networks (list[CurrencyNetwork] | Unset): Networks a crypto currency moves on; empty for fiat.
        scale (int | Unset): Number of decimal places amounts of this currency use.
        type_ (CurrencyType | Unset): Whether a currency is fiat or crypto.
    """

    code: str
    name: str | Unset = UNSET
    networks: list[CurrencyNetwork] | Unset = UNSET
    scale: int | Unset = UNSET
    type_: CurrencyType | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = checked_str(self.code, "code")

        name = self.name if isinstance(self.name, Unset) else checked_str(self.name, "name")

        networks: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.networks, Unset):
            networks = []
            for networks_item_data in self.networks:
                networks_item = networks_item_data.to_dict()
                networks.append(networks_item)

        scale: int | Unset = UNSET
        if not isinstance(self.scale, Unset):
            scale = checked_int(self.scale, "scale")

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = enum_value(self.type_, CurrencyType, "type")

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if networks is not UNSET:
            field_dict["networks"] = networks
        if scale is not UNSET:
            field_dict["scale"] = scale
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decoded JSON as `Currency`; `ModelValidationError` names what does not fit."""
        from ..models.currency_network import CurrencyNetwork

        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "Currency", "", f"expected an object, got {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        _field = ""
        try:
            _field = "code"
            code = expect_str(d.pop("code"))

            _field = "name"
            _name = d.pop("name", UNSET)
            name: str | Unset = _name if isinstance(_name, Unset) else expect_str(_name)

            _field = "networks"
            _networks = d.pop("networks", UNSET)
            networks: list[CurrencyNetwork] | Unset = UNSET
            if not isinstance(_networks, Unset):
                networks = []
                for _i, networks_item_data in enumerate(expect_list(_networks)):
                    _field = f"networks[{_i}]"
                    networks_item = CurrencyNetwork.from_dict(networks_item_data)

                    networks.append(networks_item)

            _field = "scale"
            _scale = d.pop("scale", UNSET)
            scale: int | Unset = _scale if isinstance(_scale, Unset) else expect_int(_scale)

            _field = "type"
            _type_ = d.pop("type", UNSET)
            type_: CurrencyType | Unset
            if isinstance(_type_, Unset):
                type_ = UNSET
            else:
                type_ = CurrencyType(_type_)

        except ModelValidationError as exc:
            raise exc.nested("Currency", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("Currency", _field, exc) from None
        instance__ = cls(
            code=code,
            name=name,
            networks=networks,
            scale=scale,
            type_=type_,
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
