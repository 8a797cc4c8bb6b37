from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._encoding import json_ready
from ..._errors import ModelValidationError
from ..._values import (
    checked_str,
    expect_str,
    json_type,
    parse_error,
)

T = TypeVar("T", bound="ExchangePair")


@_attrs_define
class ExchangePair:
    """An exchangeable currency pair with its id (item fields are this project's model).

    Attributes:
        id (str): Pair id, used as `exchangePairId`.
        pay_currency_code (None | str): Currency paid.
        receive_account_id (None | str): Account that receives, used as `receiveAccountId`.
        receive_currency_code (None | str): Currency received.
    """

    id: str
    pay_currency_code: None | str = None
    receive_account_id: None | str = None
    receive_currency_code: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = checked_str(self.id, "id")

        pay_currency_code: None | str
        pay_currency_code = self.pay_currency_code

        receive_account_id: None | str
        receive_account_id = self.receive_account_id

        receive_currency_code: None | str
        receive_currency_code = self.receive_currency_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if pay_currency_code is not None:
            field_dict["payCurrencyCode"] = pay_currency_code
        if receive_account_id is not None:
            field_dict["receiveAccountId"] = receive_account_id
        if receive_currency_code is not None:
            field_dict["receiveCurrencyCode"] = receive_currency_code

        return field_dict

    def to_json(self) -> dict[str, Any]:
        """`to_dict()` ready for `json.dumps`: money as plain-notation strings (`"0.00000001"`)."""
        return json_ready(self.to_dict())

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decoded JSON as `ExchangePair`; `ModelValidationError` names what does not fit."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "ExchangePair", "", f"expected an object, got {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        _field = ""
        try:
            _field = "id"
            id = expect_str(d.pop("id"))

            _field = "payCurrencyCode"

            def _parse_pay_currency_code(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            pay_currency_code = _parse_pay_currency_code(d.pop("payCurrencyCode", None))

            _field = "receiveAccountId"

            def _parse_receive_account_id(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            receive_account_id = _parse_receive_account_id(d.pop("receiveAccountId", None))

            _field = "receiveCurrencyCode"

            def _parse_receive_currency_code(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            receive_currency_code = _parse_receive_currency_code(d.pop("receiveCurrencyCode", None))

        except ModelValidationError as exc:
            raise exc.nested("ExchangePair", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("ExchangePair", _field, exc) from None
        instance__ = cls(
            id=id,
            pay_currency_code=pay_currency_code,
            receive_account_id=receive_account_id,
            receive_currency_code=receive_currency_code,
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
