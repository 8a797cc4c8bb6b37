from typing import Any

from ...._values import (
    expect_list,
)
from ...models.project import Project


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "url": "/merchants/projects",
    }
    return _kwargs


def _parse_response(data: Any) -> list[Project]:
    response_200 = []
    _response_200 = expect_list(data)
    for response_200_item_data in _response_200:
        response_200_item = Project.from_dict(response_200_item_data)

        response_200.append(response_200_item)

    return response_200


def build_request() -> dict[str, Any]:
    """The request this operation sends (path, query, body) for the runtime to validate, encode
    and send. Arguments are spelled as users pass them; UUIDs and enums given as text are
    converted here, and a bad one raises ValidationError naming it."""
    return _get_kwargs()
