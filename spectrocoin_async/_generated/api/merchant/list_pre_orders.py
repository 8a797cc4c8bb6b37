from typing import Any
from uuid import UUID

from ...._types import coerce_uuid
from ...._values import (
    checked_int,
)
from ...models.pre_order_page import PreOrderPage
from ...types import UNSET, Unset


def _get_kwargs(
    *,
    page: int | Unset = 0,
    size: int | Unset = 20,
    sort: str | Unset = UNSET,
    project_id: UUID | Unset = UNSET,
) -> dict[str, Any]:
    params: dict[str, Any] = {}

    json_page: int | Unset = UNSET
    if not isinstance(page, Unset):
        json_page = checked_int(page, "page")
    params["page"] = json_page

    json_size: int | Unset = UNSET
    if not isinstance(size, Unset):
        json_size = checked_int(size, "size")
    params["size"] = json_size

    params["sort"] = sort

    json_project_id: str | Unset = UNSET
    if not isinstance(project_id, Unset):
        json_project_id = None if project_id is None else str(project_id)
    params["projectId"] = json_project_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "url": "/merchants/preorders",
        "params": params,
    }
    return _kwargs


def _parse_response(data: Any) -> PreOrderPage:
    response_200 = PreOrderPage.from_dict(data)

    return response_200


def build_request(
    *,
    page: int | Unset = 0,
    size: int | Unset = 20,
    sort: str | Unset = UNSET,
    project_id: str | UUID | Unset = UNSET,
) -> dict[str, Any]:
    """The request this operation sends (path, query, body) for the runtime to validate, encode
    and send. Arguments are spelled as users pass them; UUIDs and enums given as text are
    converted here, and a bad one raises ValidationError naming it."""
    return _get_kwargs(
        page=page,
        size=size,
        sort=sort,
        project_id=coerce_uuid("project_id", project_id),
    )
