from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._types import to_uuid
from ..types import UNSET, Unset, parse_datetime

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
            created_at = self.created_at.isoformat()

        name = self.name

        receive_currency_code = self.receive_currency_code

        test_mode = self.test_mode

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
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        def _parse_callback_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        callback_url = _parse_callback_url(d.pop("callbackUrl", UNSET))

        _created_at = d.pop("createdAt", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = parse_datetime(_created_at)

        name = d.pop("name", UNSET)

        receive_currency_code = d.pop("receiveCurrencyCode", UNSET)

        test_mode = d.pop("testMode", UNSET)

        project = cls(
            id=id,
            callback_url=callback_url,
            created_at=created_at,
            name=name,
            receive_currency_code=receive_currency_code,
            test_mode=test_mode,
        )

        project.additional_properties = d
        return project

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
