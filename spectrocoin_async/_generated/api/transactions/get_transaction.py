from typing import Any
from urllib.parse import quote

from ...models.transaction import Transaction


def _get_kwargs(
    id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "url": "/transactions/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }
    return _kwargs


def _parse_response(data: Any) -> Transaction:
    response_200 = Transaction.from_dict(data)

    return response_200
