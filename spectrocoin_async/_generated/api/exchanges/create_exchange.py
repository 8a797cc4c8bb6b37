from collections.abc import Mapping
from typing import Any

from ...models.create_exchange_request import CreateExchangeRequest
from ...models.exchange import Exchange


def _get_kwargs(
    *,
    body: CreateExchangeRequest,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "url": "/exchanges",
    }
    _kwargs["body"] = body.to_dict()
    return _kwargs


def _parse_response(data: Any) -> Exchange:
    response_200 = Exchange.from_dict(data)

    return response_200


def build_request(
    *,
    body: CreateExchangeRequest | Mapping[str, Any],
) -> dict[str, Any]:
    """The request this operation sends (path, query, body) for the runtime to validate, encode
    and send. Arguments are spelled as users pass them; UUIDs and enums given as text are
    converted here, and a bad one raises ValidationError naming it."""
    return _get_kwargs(
        body=body
        if isinstance(body, CreateExchangeRequest)
        else CreateExchangeRequest.from_dict(body),
    )
