from typing import Any
from urllib.parse import quote

from ...._values import (
    path_segment,
)
from ...models.exchange import Exchange


def _get_kwargs(
    id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "url": "/exchanges/{id}".format(
            id=quote(path_segment(id, "id"), safe=""),
        ),
    }
    return _kwargs


def _parse_response(data: Any) -> Exchange:
    response_200 = Exchange.from_dict(data)

    return response_200
