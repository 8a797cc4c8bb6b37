from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.transaction import Transaction


T = TypeVar("T", bound="TransactionPage")


@_attrs_define
class TransactionPage:
    """One page of transactions.

    Attributes:
        content (list[Transaction]): Items of this page.
        last (bool | Unset): Whether this is the last page.
        number (int | Unset): Zero-based index of this page.
        size (int | Unset): Requested page size.
        total_elements (int | Unset): Number of items on all pages.
        total_pages (int | Unset): Number of pages.
    """

    content: list[Transaction]
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

        last = self.last

        number = self.number

        size = self.size

        total_elements = self.total_elements

        total_pages = self.total_pages

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
        from ..models.transaction import Transaction

        d = dict(src_dict)
        content = []
        _content = d.pop("content")
        for content_item_data in _content:
            content_item = Transaction.from_dict(content_item_data)

            content.append(content_item)

        last = d.pop("last", UNSET)

        number = d.pop("number", UNSET)

        size = d.pop("size", UNSET)

        total_elements = d.pop("totalElements", UNSET)

        total_pages = d.pop("totalPages", UNSET)

        transaction_page = cls(
            content=content,
            last=last,
            number=number,
            size=size,
            total_elements=total_elements,
            total_pages=total_pages,
        )

        transaction_page.additional_properties = d
        return transaction_page

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
