from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._errors import ModelValidationError
from ..._values import (
    checked_bool,
    checked_int,
    expect_bool,
    expect_int,
    expect_list,
    parse_error,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.pre_order import PreOrder


T = TypeVar("T", bound="PreOrderPage")


@_attrs_define
class PreOrderPage:
    """One page of pre-orders.

    Attributes:
        content (list[PreOrder]): Items of this page.
        last (bool | Unset): Whether this is the last page.
        number (int | Unset): Zero-based index of this page.
        size (int | Unset): Requested page size.
        total_elements (int | Unset): Number of items on all pages.
        total_pages (int | Unset): Number of pages.
    """

    content: list[PreOrder]
    last: bool | Unset = UNSET
    number: int | Unset = UNSET
    size: int | Unset = UNSET
    total_elements: int | Unset = UNSET
    total_pages: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content = []
        for content_item_data in self.content:
            content_item = content_item_data.to_dict()
            content.append(content_item)

        last: bool | Unset = UNSET
        if not isinstance(self.last, Unset):
            last = checked_bool(self.last, "last")

        number: int | Unset = UNSET
        if not isinstance(self.number, Unset):
            number = checked_int(self.number, "number")

        size: int | Unset = UNSET
        if not isinstance(self.size, Unset):
            size = checked_int(self.size, "size")

        total_elements: int | Unset = UNSET
        if not isinstance(self.total_elements, Unset):
            total_elements = checked_int(self.total_elements, "totalElements")

        total_pages: int | Unset = UNSET
        if not isinstance(self.total_pages, Unset):
            total_pages = checked_int(self.total_pages, "totalPages")

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "content": content,
            }
        )
        if last is not UNSET:
            field_dict["last"] = last
        if number is not UNSET:
            field_dict["number"] = number
        if size is not UNSET:
            field_dict["size"] = size
        if total_elements is not UNSET:
            field_dict["totalElements"] = total_elements
        if total_pages is not UNSET:
            field_dict["totalPages"] = total_pages

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decoded JSON as `PreOrderPage`; `ModelValidationError` names what does not fit."""
        from ..models.pre_order import PreOrder

        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ModelValidationError(
                "PreOrderPage", "", f"expected an object, got {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        _field = ""
        try:
            _field = "content"
            content = []
            _content = expect_list(d.pop("content"))
            for _i, content_item_data in enumerate(_content):
                _field = f"content[{_i}]"
                content_item = PreOrder.from_dict(content_item_data)

                content.append(content_item)

            _field = "last"
            _last = d.pop("last", UNSET)
            last: bool | Unset = _last if isinstance(_last, Unset) else expect_bool(_last)

            _field = "number"
            _number = d.pop("number", UNSET)
            number: int | Unset = _number if isinstance(_number, Unset) else expect_int(_number)

            _field = "size"
            _size = d.pop("size", UNSET)
            size: int | Unset = _size if isinstance(_size, Unset) else expect_int(_size)

            _field = "totalElements"
            _total_elements = d.pop("totalElements", UNSET)
            total_elements: int | Unset = (
                _total_elements
                if isinstance(_total_elements, Unset)
                else expect_int(_total_elements)
            )

            _field = "totalPages"
            _total_pages = d.pop("totalPages", UNSET)
            total_pages: int | Unset = (
                _total_pages if isinstance(_total_pages, Unset) else expect_int(_total_pages)
            )

        except ModelValidationError as exc:
            raise exc.nested("PreOrderPage", _field) from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            raise parse_error("PreOrderPage", _field, exc) from None
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
