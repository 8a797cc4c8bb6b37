from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._encoding import json_ready
from ..._errors import ModelValidationError
from ..._values import (
    checked_bool,
    checked_int,
    expect_int,
    expect_list,
    json_type,
    parse_error,
)

if TYPE_CHECKING:
    from ..models.bank_withdrawal import BankWithdrawal


T = TypeVar("T", bound="BankWithdrawalPage")


@_attrs_define
class BankWithdrawalPage:
    """One page of bank withdrawals.

    Attributes:
        content (list[BankWithdrawal]): Items of this page.
        last (bool | None): Whether this is the last page.
        number (int | None): Zero-based index of this page.
        size (int | None): Requested page size.
        total_elements (int | None): Number of items on all pages.
        total_pages (int | None): Number of pages.
    """

    content: list[BankWithdrawal]
    last: bool | None = None
    number: int | None = None
    size: int | None = None
    total_elements: int | None = None
    total_pages: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content = []
        for content_item_data in self.content:
            content_item = content_item_data.to_dict()
            content.append(content_item)

        last: bool | None
        if isinstance(self.last, bool):
            last = checked_bool(self.last, "last")
        else:
            last = self.last

        number: int | None
        if isinstance(self.number, int):
            number = checked_int(self.number, "number")
        else:
            number = self.number

        size: int | None
        if isinstance(self.size, int):
            size = checked_int(self.size, "size")
        else:
            size = self.size

        total_elements: int | None
        if isinstance(self.total_elements, int):
            total_elements = checked_int(self.total_elements, "totalElements")
        else:
            total_elements = self.total_elements

        total_pages: int | None
        if isinstance(self.total_pages, int):
            total_pages = checked_int(self.total_pages, "totalPages")
        else:
            total_pages = self.total_pages

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "content": content,
            }
        )
        if last is not None:
            field_dict["last"] = last
        if number is not None:
            field_dict["number"] = number
        if size is not None:
            field_dict["size"] = size
        if total_elements is not None:
            field_dict["totalElements"] = total_elements
        if total_pages is not None:
            field_dict["totalPages"] = total_pages

        return field_dict

    def to_json(self) -> dict[str, Any]:
        """`to_dict()` ready for `json.dumps`: money as plain-notation strings (`"0.00000001"`)."""
        return json_ready(self.to_dict())

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decoded JSON as `BankWithdrawalPage`; `ModelValidationError` names what does not fit."""
        from ..models.bank_withdrawal import BankWithdrawal

        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "BankWithdrawalPage", "", f"expected an object, got {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        _field = ""
        try:
            _field = "content"
            content = []
            _content = expect_list(d.pop("content"))
            for _i, content_item_data in enumerate(_content):
                _field = f"content[{_i}]"
                content_item = BankWithdrawal.from_dict(content_item_data)

                content.append(content_item)

            _field = "last"

            def _parse_last(data: object) -> bool | None:
                if data is None:
                    return data
                if isinstance(data, bool):
                    return data
                raise TypeError(f"expected true or false or null, got {json_type(data)}")

            last = _parse_last(d.pop("last", None))

            _field = "number"

            def _parse_number(data: object) -> int | None:
                if data is None:
                    return data
                if isinstance(data, int):
                    number_type_0 = expect_int(data)

                    return number_type_0
                raise TypeError(f"expected an integer or null, got {json_type(data)}")

            number = _parse_number(d.pop("number", None))

            _field = "size"

            def _parse_size(data: object) -> int | None:
                if data is None:
                    return data
                if isinstance(data, int):
                    size_type_0 = expect_int(data)

                    return size_type_0
                raise TypeError(f"expected an integer or null, got {json_type(data)}")

            size = _parse_size(d.pop("size", None))

            _field = "totalElements"

            def _parse_total_elements(data: object) -> int | None:
                if data is None:
                    return data
                if isinstance(data, int):
                    total_elements_type_0 = expect_int(data)

                    return total_elements_type_0
                raise TypeError(f"expected an integer or null, got {json_type(data)}")

            total_elements = _parse_total_elements(d.pop("totalElements", None))

            _field = "totalPages"

            def _parse_total_pages(data: object) -> int | None:
                if data is None:
                    return data
                if isinstance(data, int):
                    total_pages_type_0 = expect_int(data)

                    return total_pages_type_0
                raise TypeError(f"expected an integer or null, got {json_type(data)}")

            total_pages = _parse_total_pages(d.pop("totalPages", None))

        except ModelValidationError as exc:
            raise exc.nested("BankWithdrawalPage", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("BankWithdrawalPage", _field, exc) from None
        instance__ = cls(
            content=content,
            last=last,
            number=number,
            size=size,
            total_elements=total_elements,
            total_pages=total_pages,
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
