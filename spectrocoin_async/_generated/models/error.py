from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._errors import ModelValidationError
from ..._values import (
    checked_str,
    expect_list,
    expect_str,
    parse_error,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.error_parameter import ErrorParameter


T = TypeVar("T", bound="Error")


@_attrs_define
class Error:
    """Error body. `errorCode` may carry text after the code (e.g. "GEN_1 - Internal server error
    occurred"). Validation errors also carry `category`, `key` and `errorParameters`. Other
    shapes occur (HTML from a proxy, an empty body on 429), so parse defensively.

        Attributes:
            category (str | Unset): Error category, e.g. "validation".
            default_message (str | Unset): Human-readable message.
            error_code (str | Unset): Short error code, possibly followed by text.
            error_parameters (list[ErrorParameter] | Unset): Parameters of a validation error.
            key (str | Unset): Machine-readable error key, e.g. "entity_not_found".
            span_id (str | Unset): Id of the failed operation within the request, for support tickets.
            trace_id (str | Unset): Id of the request across SpectroCoin's services, for support tickets.
    """

    category: str | Unset = UNSET
    default_message: str | Unset = UNSET
    error_code: str | Unset = UNSET
    error_parameters: list[ErrorParameter] | Unset = UNSET
    key: str | Unset = UNSET
    span_id: str | Unset = UNSET
    trace_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        category = (
            self.category
            if isinstance(self.category, Unset)
            else checked_str(self.category, "category")
        )

        default_message = (
            self.default_message
            if isinstance(self.default_message, Unset)
            else checked_str(self.default_message, "defaultMessage")
        )

        error_code = (
            self.error_code
            if isinstance(self.error_code, Unset)
            else checked_str(self.error_code, "errorCode")
        )

        error_parameters: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.error_parameters, Unset):
            error_parameters = []
            for error_parameters_item_data in self.error_parameters:
                error_parameters_item = error_parameters_item_data.to_dict()
                error_parameters.append(error_parameters_item)

        key = self.key if isinstance(self.key, Unset) else checked_str(self.key, "key")

        span_id = (
            self.span_id if isinstance(self.span_id, Unset) else checked_str(self.span_id, "spanId")
        )

        trace_id = (
            self.trace_id
            if isinstance(self.trace_id, Unset)
            else checked_str(self.trace_id, "traceId")
        )

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if category is not UNSET:
            field_dict["category"] = category
        if default_message is not UNSET:
            field_dict["defaultMessage"] = default_message
        if error_code is not UNSET:
            field_dict["errorCode"] = error_code
        if error_parameters is not UNSET:
            field_dict["errorParameters"] = error_parameters
        if key is not UNSET:
            field_dict["key"] = key
        if span_id is not UNSET:
            field_dict["spanId"] = span_id
        if trace_id is not UNSET:
            field_dict["traceId"] = trace_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decoded JSON as `Error`; `ModelValidationError` names what does not fit."""
        from ..models.error_parameter import ErrorParameter

        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "Error", "", f"expected an object, got {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        _field = ""
        try:
            _field = "category"
            _category = d.pop("category", UNSET)
            category: str | Unset = (
                _category if isinstance(_category, Unset) else expect_str(_category)
            )

            _field = "defaultMessage"
            _default_message = d.pop("defaultMessage", UNSET)
            default_message: str | Unset = (
                _default_message
                if isinstance(_default_message, Unset)
                else expect_str(_default_message)
            )

            _field = "errorCode"
            _error_code = d.pop("errorCode", UNSET)
            error_code: str | Unset = (
                _error_code if isinstance(_error_code, Unset) else expect_str(_error_code)
            )

            _field = "errorParameters"
            _error_parameters = d.pop("errorParameters", UNSET)
            error_parameters: list[ErrorParameter] | Unset = UNSET
            if not isinstance(_error_parameters, Unset):
                error_parameters = []
                for _i, error_parameters_item_data in enumerate(expect_list(_error_parameters)):
                    _field = f"errorParameters[{_i}]"
                    error_parameters_item = ErrorParameter.from_dict(error_parameters_item_data)

                    error_parameters.append(error_parameters_item)

            _field = "key"
            _key = d.pop("key", UNSET)
            key: str | Unset = _key if isinstance(_key, Unset) else expect_str(_key)

            _field = "spanId"
            _span_id = d.pop("spanId", UNSET)
            span_id: str | Unset = _span_id if isinstance(_span_id, Unset) else expect_str(_span_id)

            _field = "traceId"
            _trace_id = d.pop("traceId", UNSET)
            trace_id: str | Unset = (
                _trace_id if isinstance(_trace_id, Unset) else expect_str(_trace_id)
            )

        except ModelValidationError as exc:
            raise exc.nested("Error", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("Error", _field, exc) from None
        instance__ = cls(
            category=category,
            default_message=default_message,
            error_code=error_code,
            error_parameters=error_parameters,
            key=key,
            span_id=span_id,
            trace_id=trace_id,
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
