from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._encoding import json_ready
from ..._errors import ModelValidationError
from ..._values import (
    checked_str,
    enum_value,
    expect_str,
    parse_error,
    unknown_field,
)
from ..models.grant_type import GrantType

T = TypeVar("T", bound="TokenRequest")


@_attrs_define
class TokenRequest:
    """Form body of the client-credentials token request.

    Attributes:
        client_id (str): API client id (the API key) from Settings → API.
        client_secret (str): API client secret, shown once when the key is created. Secret: never shown in repr().
        grant_type (GrantType): OAuth2 grant type. Only the client-credentials grant is supported.
    """

    client_id: str
    client_secret: str = _attrs_field(repr=False)
    grant_type: GrantType

    def to_dict(self) -> dict[str, Any]:
        client_id = checked_str(self.client_id, "client_id")

        client_secret = checked_str(self.client_secret, "client_secret")

        grant_type = enum_value(self.grant_type, GrantType, "grant_type")

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "client_id": client_id,
                "client_secret": client_secret,
                "grant_type": grant_type,
            }
        )

        return field_dict

    def to_json(self) -> dict[str, Any]:
        """`to_dict()` ready for `json.dumps`: money as plain-notation strings (`"0.00000001"`)."""
        return json_ready(self.to_dict())

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decoded JSON as `TokenRequest`; `ModelValidationError` names what does not fit."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "TokenRequest", "", f"expected an object, got {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        unknown_field(
            "TokenRequest",
            d,
            (
                "client_id",
                "client_secret",
                "grant_type",
            ),
        )
        _field = ""
        try:
            _field = "client_id"
            client_id = expect_str(d.pop("client_id"))

            _field = "client_secret"
            client_secret = expect_str(d.pop("client_secret"))

            _field = "grant_type"
            grant_type = GrantType(d.pop("grant_type"))

        except ModelValidationError as exc:
            raise exc.nested("TokenRequest", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("TokenRequest", _field, exc) from None
        instance__ = cls(
            client_id=client_id,
            client_secret=client_secret,
            grant_type=grant_type,
        )

        return instance__
