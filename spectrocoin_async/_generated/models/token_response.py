from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._encoding import json_ready
from ..._errors import ModelValidationError
from ..._values import (
    checked_int,
    checked_str,
    expect_int,
    expect_str,
    parse_error,
)

T = TypeVar("T", bound="TokenResponse")


@_attrs_define
class TokenResponse:
    """A bearer access token.

    Attributes:
        access_token (str): The token to send as `Authorization: Bearer <access_token>`. Secret: never shown in repr().
        expires_in (int): Lifetime of the token in seconds (a longer one than a year is refused).
        token_type (str): Token type, "bearer" (compare case-insensitively).
    """

    access_token: str = _attrs_field(repr=False)
    expires_in: int
    token_type: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        access_token = checked_str(self.access_token, "access_token")

        expires_in = checked_int(self.expires_in, "expires_in")

        token_type = checked_str(self.token_type, "token_type")

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "access_token": access_token,
                "expires_in": expires_in,
                "token_type": token_type,
            }
        )

        return field_dict

    def to_json(self) -> dict[str, Any]:
        """`to_dict()` ready for `json.dumps`: money as plain-notation strings (`"0.00000001"`)."""
        return json_ready(self.to_dict())

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decoded JSON as `TokenResponse`; `ModelValidationError` names what does not fit."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "TokenResponse", "", f"expected an object, got {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        _field = ""
        try:
            _field = "access_token"
            access_token = expect_str(d.pop("access_token"))

            _field = "expires_in"
            expires_in = expect_int(d.pop("expires_in"))

            _field = "token_type"
            token_type = expect_str(d.pop("token_type"))

        except ModelValidationError as exc:
            raise exc.nested("TokenResponse", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("TokenResponse", _field, exc) from None
        instance__ = cls(
            access_token=access_token,
            expires_in=expires_in,
            token_type=token_type,
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
