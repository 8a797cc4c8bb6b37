from typing import Any
from urllib.parse import quote
from uuid import UUID

from ...._values import (
    path_segment,
)
from ...models.order import Order


def _get_kwargs(
    id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "url": "/merchants/orders/{id}".format(
            id=quote(path_segment(id, "id"), safe=""),
        ),
    }
    return _kwargs


def _parse_response(data: Any) -> Order:
    response_200 = Order.from_dict(data)

    return response_200
