from typing import Any

from ...._values import (
    expect_list,
)
from ...models.rate import Rate
from ...types import UNSET, Unset


def _get_kwargs(
    *,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
) -> dict[str, Any]:
    params: dict[str, Any] = {}

    params["from"] = from_

    params["to"] = to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "url": "/rates",
        "params": params,
    }
    return _kwargs


def _parse_response(data: Any) -> list[Rate]:
    response_200 = []
    _response_200 = expect_list(data)
    for response_200_item_data in _response_200:
        response_200_item = Rate.from_dict(response_200_item_data)

        response_200.append(response_200_item)

    return response_200


def build_request(
    *,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
) -> dict[str, Any]:
    """The request this operation sends (path, query, body) for the runtime to validate, encode
    and send. Arguments are spelled as users pass them; UUIDs and enums given as text are
    converted here, and a bad one raises ValidationError naming it."""
    return _get_kwargs(
        from_=from_,
        to=to,
    )
