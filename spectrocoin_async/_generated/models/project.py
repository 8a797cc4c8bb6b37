from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._errors import ModelValidationError
from ..._types import to_uuid
from ..._values import (
    checked_bool,
    checked_str,
    expect_bool,
    expect_str,
    format_datetime,
    json_type,
    parse_datetime,
    parse_error,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="Project")


@_attrs_define
class Project:
    """A merchant project (proposal).

    Attributes:
        id (UUID): Project id, used as `projectId`.
        callback_url (None | str | Unset): Default callback URL.
        created_at (datetime.datetime | Unset): When the project was created.
        name (str | Unset): Project name.
        receive_currency_code (str | Unset): Default currency the merchant receives.
        test_mode (bool | Unset): Whether the project is in test mode (payments are simulated).
    """

    id: UUID = _attrs_field(converter=to_uuid)
    callback_url: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    name: str | Unset = UNSET
    receive_currency_code: str | Unset = UNSET
    test_mode: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = None if self.id is None else str(self.id)

        callback_url: None | str | Unset
        if isinstance(self.callback_url, Unset):
            callback_url = UNSET
        else:
            callback_url = self.callback_url

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = format_datetime(self.created_at, "createdAt")

        name = self.name if isinstance(self.name, Unset) else checked_str(self.name, "name")

        receive_currency_code = (
            self.receive_currency_code
            if isinstance(self.receive_currency_code, Unset)
            else checked_str(self.receive_currency_code, "receiveCurrencyCode")
        )

        test_mode: bool | Unset = UNSET
        if not isinstance(self.test_mode, Unset):
            test_mode = checked_bool(self.test_mode, "testMode")

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if callback_url is not UNSET:
            field_dict["callbackUrl"] = callback_url
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if name is not UNSET:
            field_dict["name"] = name
        if receive_currency_code is not UNSET:
            field_dict["receiveCurrencyCode"] = receive_currency_code
        if test_mode is not UNSET:
            field_dict["testMode"] = test_mode

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decoded JSON as `Project`; `ModelValidationError` names what does not fit."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "Project", "", f"expected an object, got {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        _field = ""
        try:
            _field = "id"
            id = UUID(expect_str(d.pop("id")))

            _field = "callbackUrl"

            def _parse_callback_url(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            callback_url = _parse_callback_url(d.pop("callbackUrl", UNSET))

            _field = "createdAt"
            _created_at = d.pop("createdAt", UNSET)
            created_at: datetime.datetime | Unset
            if isinstance(_created_at, Unset):
                created_at = UNSET
            else:
                created_at = parse_datetime(_created_at)

            _field = "name"
            _name = d.pop("name", UNSET)
            name: str | Unset = _name if isinstance(_name, Unset) else expect_str(_name)

            _field = "receiveCurrencyCode"
            _receive_currency_code = d.pop("receiveCurrencyCode", UNSET)
            receive_currency_code: str | Unset = (
                _receive_currency_code
                if isinstance(_receive_currency_code, Unset)
                else expect_str(_receive_currency_code)
            )

            _field = "testMode"
            _test_mode = d.pop("testMode", UNSET)
            test_mode: bool | Unset = (
                _test_mode if isinstance(_test_mode, Unset) else expect_bool(_test_mode)
            )

        except ModelValidationError as exc:
            raise exc.nested("Project", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("Project", _field, exc) from None
        instance__ = cls(
            id=id,
            callback_url=callback_url,
            created_at=created_at,
            name=name,
            receive_currency_code=receive_currency_code,
            test_mode=test_mode,
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
