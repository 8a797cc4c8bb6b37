from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._encoding import json_ready
from ..._errors import ModelValidationError
from ..._values import (
    expect_list,
    json_type,
    parse_error,
)

if TYPE_CHECKING:
    from ..models.error_parameter import ErrorParameter


T = TypeVar("T", bound="Error")


@_attrs_define
class Error:
    """Error body. `errorCode` may carry text after the code (e.g. "GEN_1 - Internal server error
    occurred"). Validation errors also carry `category`, `key` and `errorParameters`. Other
    shapes occur (HTML from a proxy, an empty body on 429), so parse defensively.

        Attributes:
            category (None | str): Error category, e.g. "validation".
            default_message (None | str): Human-readable message.
            error_code (None | str): Short error code, possibly followed by text.
            error_parameters (list[ErrorParameter] | None): Parameters of a validation error.
            key (None | str): Machine-readable error key, e.g. "entity_not_found".
            span_id (None | str): Id of the failed operation within the request, for support tickets.
            trace_id (None | str): Id of the request across SpectroCoin's services, for support tickets.
    """

    category: None | str = None
    default_message: None | str = None
    error_code: None | str = None
    error_parameters: list[ErrorParameter] | None = None
    key: None | str = None
    span_id: None | str = None
    trace_id: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        category: None | str
        category = self.category

        default_message: None | str
        default_message = self.default_message

        error_code: None | str
        error_code = self.error_code

        error_parameters: list[dict[str, Any]] | None
        if isinstance(self.error_parameters, list):
            error_parameters = []
            for error_parameters_type_0_item_data in self.error_parameters:
                error_parameters_type_0_item = error_parameters_type_0_item_data.to_dict()
                error_parameters.append(error_parameters_type_0_item)

        else:
            error_parameters = self.error_parameters

        key: None | str
        key = self.key

        span_id: None | str
        span_id = self.span_id

        trace_id: None | str
        trace_id = self.trace_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if category is not None:
            field_dict["category"] = category
        if default_message is not None:
            field_dict["defaultMessage"] = default_message
        if error_code is not None:
            field_dict["errorCode"] = error_code
        if error_parameters is not None:
            field_dict["errorParameters"] = error_parameters
        if key is not None:
            field_dict["key"] = key
        if span_id is not None:
            field_dict["spanId"] = span_id
        if trace_id is not None:
            field_dict["traceId"] = trace_id

        return field_dict

    def to_json(self) -> dict[str, Any]:
        """`to_dict()` ready for `json.dumps`: money as plain-notation strings (`"0.00000001"`)."""
        return json_ready(self.to_dict())

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

            def _parse_category(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            category = _parse_category(d.pop("category", None))

            _field = "defaultMessage"

            def _parse_default_message(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            default_message = _parse_default_message(d.pop("defaultMessage", None))

            _field = "errorCode"

            def _parse_error_code(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            error_code = _parse_error_code(d.pop("errorCode", None))

            _field = "errorParameters"

            def _parse_error_parameters(data: object) -> list[ErrorParameter] | None:
                if data is None:
                    return data
                if isinstance(data, list):
                    error_parameters_type_0 = []
                    _error_parameters_type_0 = expect_list(data)
                    for _i, error_parameters_type_0_item_data in enumerate(
                        _error_parameters_type_0
                    ):
                        _field = f"errorParameters[{_i}]"
                        error_parameters_type_0_item = ErrorParameter.from_dict(
                            error_parameters_type_0_item_data
                        )

                        error_parameters_type_0.append(error_parameters_type_0_item)

                    return error_parameters_type_0
                raise TypeError(f"expected list or null, got {json_type(data)}")

            error_parameters = _parse_error_parameters(d.pop("errorParameters", None))

            _field = "key"

            def _parse_key(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            key = _parse_key(d.pop("key", None))

            _field = "spanId"

            def _parse_span_id(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            span_id = _parse_span_id(d.pop("spanId", None))

            _field = "traceId"

            def _parse_trace_id(data: object) -> None | str:
                if data is None:
                    return data
                if isinstance(data, str):
                    return data
                raise TypeError(f"expected a string or null, got {json_type(data)}")

            trace_id = _parse_trace_id(d.pop("traceId", None))

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
