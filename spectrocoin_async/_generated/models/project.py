from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._encoding import json_ready
from ..._errors import ModelValidationError
from ..._types import to_uuid
from ..._values import (
    checked_bool,
    expect_str,
    format_datetime,
    json_type,
    parse_datetime,
    parse_error,
)

T = TypeVar("T", bound="Project")


@_attrs_define
class Project:
    """A merchant project (proposal).

    Attributes:
        callback_url (None | str): Default callback URL.
        created_at (datetime.datetime | None): When the project was created.
        id (UUID): Project id, used as `projectId`.
        name (None | str): Project name.
        receive_currency_code (None | str): Default currency the merchant receives.
        test_mode (bool | None): Whether the project is in test mode (payments are simulated).
    """

    id: UUID = _attrs_field(converter=to_uuid)
    callback_url: None | str = None
    created_at: datetime.datetime | None = None
    name: None | str = None
    receive_currency_code: None | str = None
    test_mode: bool | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        callback_url: None | str
        callback_url = self.callback_url

        created_at: None | str
        if isinstance(self.created_at, datetime.datetime):
            created_at = format_datetime(self.created_at, "createdAt")
        else:
            created_at = self.created_at

        id = None if self.id is None else str(self.id)

        name: None | str
        name = self.name

        receive_currency_code: None | str
        receive_currency_code = self.receive_currency_code

        test_mode: bool | None
        if isinstance(self.test_mode, bool):
            test_mode = checked_bool(self.test_mode, "testMode")
        else:
            test_mode = self.test_mode

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if callback_url is not None:
            field_dict["callbackUrl"] = callback_url
        if created_at is not None:
            field_dict["createdAt"] = created_at
        if name is not None:
            field_dict["name"] = name
        if receive_currency_code is not None:
            field_dict["receiveCurrencyCode"] = receive_currency_code
        if test_mode is not None:
            field_dict["testMode"] = test_mode

        return field_dict

    def to_json(self) -> dict[str, Any]:
        """`to_dict()` ready for `json.dumps`: money as plain-notation strings (`"0.00000001"`)."""
        return json_ready(self.to_dict())

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
            _field = "callbackUrl"

            def _parse_callback_url(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            callback_url = _parse_callback_url(d.pop("callbackUrl", None))

            _field = "createdAt"

            def _parse_created_at(data: object) -> datetime.datetime | None:
                if data is None:
                    return data
                if isinstance(data, (str, int, Decimal)):
                    created_at_type_0 = parse_datetime(data)

                    return created_at_type_0
                raise TypeError(f"expected a timestamp or null, got {json_type(data)}")

            created_at = _parse_created_at(d.pop("createdAt", None))

            _field = "id"
            id = UUID(expect_str(d.pop("id")))

            _field = "name"

            def _parse_name(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            name = _parse_name(d.pop("name", None))

            _field = "receiveCurrencyCode"

            def _parse_receive_currency_code(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            receive_currency_code = _parse_receive_currency_code(d.pop("receiveCurrencyCode", None))

            _field = "testMode"

            def _parse_test_mode(data: object) -> bool | None:
                if data is None:
                    return data
                if isinstance(data, bool):
                    return data
                raise TypeError(f"expected true or false or null, got {json_type(data)}")

            test_mode = _parse_test_mode(d.pop("testMode", None))

        except ModelValidationError as exc:
            raise exc.nested("Project", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("Project", _field, exc) from None
        instance__ = cls(
            callback_url=callback_url,
            created_at=created_at,
            id=id,
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
