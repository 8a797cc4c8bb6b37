from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

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
        category = self.category

        default_message = self.default_message

        error_code = self.error_code

        error_parameters: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.error_parameters, Unset):
            error_parameters = []
            for error_parameters_item_data in self.error_parameters:
                error_parameters_item = error_parameters_item_data.to_dict()
                error_parameters.append(error_parameters_item)

        key = self.key

        span_id = self.span_id

        trace_id = self.trace_id

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
        from ..models.error_parameter import ErrorParameter

        d = dict(src_dict)
        category = d.pop("category", UNSET)

        default_message = d.pop("defaultMessage", UNSET)

        error_code = d.pop("errorCode", UNSET)

        _error_parameters = d.pop("errorParameters", UNSET)
        error_parameters: list[ErrorParameter] | Unset = UNSET
        if _error_parameters is not UNSET:
            error_parameters = []
            for error_parameters_item_data in _error_parameters:
                error_parameters_item = ErrorParameter.from_dict(error_parameters_item_data)

                error_parameters.append(error_parameters_item)

        key = d.pop("key", UNSET)

        span_id = d.pop("spanId", UNSET)

        trace_id = d.pop("traceId", UNSET)

        error = cls(
            category=category,
            default_message=default_message,
            error_code=error_code,
            error_parameters=error_parameters,
            key=key,
            span_id=span_id,
            trace_id=trace_id,
        )

        error.additional_properties = d
        return error

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
