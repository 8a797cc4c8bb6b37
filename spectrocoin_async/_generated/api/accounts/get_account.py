from typing import Any
from urllib.parse import quote
from uuid import UUID

from ...._types import path_id
from ...._values import (
    path_segment,
)
from ...models.account import Account


def _get_kwargs(
    id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "url": "/accounts/{id}".format(
            id=quote(path_segment(id, "id"), safe=""),
        ),
    }
    return _kwargs


def _parse_response(data: Any) -> Account:
    response_200 = Account.from_dict(data)

    return response_200


def build_request(
    id: UUID | str,
) -> dict[str, Any]:
    """The request this operation sends (path, query, body) for the runtime to validate, encode
    and send. Arguments are spelled as users pass them; UUIDs and enums given as text are
    converted here, and a bad one raises ValidationError naming it."""
    return _get_kwargs(
        id=path_id(id),
    )
