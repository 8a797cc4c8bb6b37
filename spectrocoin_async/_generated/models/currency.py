from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._encoding import json_ready
from ..._errors import ModelValidationError
from ..._values import (
    checked_int,
    checked_str,
    enum_value,
    expect_int,
    expect_list,
    expect_str,
    json_type,
    parse_error,
)
from ..models.currency_type import CurrencyType

if TYPE_CHECKING:
    from ..models.currency_network import CurrencyNetwork


T = TypeVar("T", bound="Currency")


@_attrs_define
class Currency:
    """A supported currency (proposal).

    Attributes:
        code (str): Upper-case currency code.
        name (None | str): Display name.
        networks (list[CurrencyNetwork] | None): Networks a crypto currency moves on; empty for fiat.
        scale (int | None): Number of decimal places amounts of this currency use.
        type_ (CurrencyType | None): Fiat or crypto.
    """

    code: str
    name: None | str = None
    networks: list[CurrencyNetwork] | None = None
    scale: int | None = None
    type_: CurrencyType | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = checked_str(self.code, "code")

        name: None | str
        name = self.name

        networks: list[dict[str, Any]] | None
        if isinstance(self.networks, list):
            networks = []
            for networks_type_0_item_data in self.networks:
                networks_type_0_item = networks_type_0_item_data.to_dict()
                networks.append(networks_type_0_item)

        else:
            networks = self.networks

        scale: int | None
        if isinstance(self.scale, int):
            scale = checked_int(self.scale, "scale")
        else:
            scale = self.scale

        type_: None | str
        if isinstance(self.type_, CurrencyType):
            type_ = enum_value(self.type_, CurrencyType, "type")
        else:
            type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
            }
        )
        if name is not None:
            field_dict["name"] = name
        if networks is not None:
            field_dict["networks"] = networks
        if scale is not None:
            field_dict["scale"] = scale
        if type_ is not None:
            field_dict["type"] = type_

        return field_dict

    def to_json(self) -> dict[str, Any]:
        """`to_dict()` ready for `json.dumps`: money as plain-notation strings (`"0.00000001"`)."""
        return json_ready(self.to_dict())

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

            def _parse_name(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            name = _parse_name(d.pop("name", None))

            _field = "networks"

            def _parse_networks(data: object) -> list[CurrencyNetwork] | None:
                if data is None:
                    return data
                if isinstance(data, list):
                    networks_type_0 = []
                    _networks_type_0 = expect_list(data)
                    for _i, networks_type_0_item_data in enumerate(_networks_type_0):
                        _field = f"networks[{_i}]"
                        networks_type_0_item = CurrencyNetwork.from_dict(networks_type_0_item_data)

                        networks_type_0.append(networks_type_0_item)

                    return networks_type_0
                raise TypeError(f"expected list or null, got {json_type(data)}")

            networks = _parse_networks(d.pop("networks", None))

            _field = "scale"

            def _parse_scale(data: object) -> int | None:
                if data is None:
                    return data
                if isinstance(data, int):
                    scale_type_0 = expect_int(data)

                    return scale_type_0
                raise TypeError(f"expected an integer or null, got {json_type(data)}")

            scale = _parse_scale(d.pop("scale", None))

            _field = "type"

            def _parse_type_(data: object) -> CurrencyType | None:
                if data is None:
                    return data
                if isinstance(data, str):
                    type_type_0 = CurrencyType(data)

                    return type_type_0
                raise TypeError(f"expected CurrencyType or null, got {json_type(data)}")

            type_ = _parse_type_(d.pop("type", None))

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
