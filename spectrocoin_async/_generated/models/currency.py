from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

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
        code = self.code

        name = self.name

        networks: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.networks, Unset):
            networks = []
            for networks_item_data in self.networks:
                networks_item = networks_item_data.to_dict()
                networks.append(networks_item)

        scale = self.scale

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

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
        from ..models.currency_network import CurrencyNetwork

        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name", UNSET)

        _networks = d.pop("networks", UNSET)
        networks: list[CurrencyNetwork] | Unset = UNSET
        if _networks is not UNSET:
            networks = []
            for networks_item_data in _networks:
                networks_item = CurrencyNetwork.from_dict(networks_item_data)

                networks.append(networks_item)

        scale = d.pop("scale", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: CurrencyType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = CurrencyType(_type_)

        currency = cls(
            code=code,
            name=name,
            networks=networks,
            scale=scale,
            type_=type_,
        )

        currency.additional_properties = d
        return currency

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
