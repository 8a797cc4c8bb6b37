from typing import Any
from urllib.parse import quote

from ...._values import (
    path_segment,
)
from ...models.pre_order import PreOrder


def _get_kwargs(
    id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "url": "/merchants/preorders/{id}".format(
            id=quote(path_segment(id, "id"), safe=""),
        ),
    }
    return _kwargs


def _parse_response(data: Any) -> PreOrder:
    response_200 = PreOrder.from_dict(data)

    return response_200
