from typing import Any
from urllib.parse import quote

from ...._values import (
    path_segment,
)
from ...models.transaction import Transaction


def _get_kwargs(
    id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "url": "/transactions/{id}".format(
            id=quote(path_segment(id, "id"), safe=""),
        ),
    }
    return _kwargs


def _parse_response(data: Any) -> Transaction:
    response_200 = Transaction.from_dict(data)

    return response_200
