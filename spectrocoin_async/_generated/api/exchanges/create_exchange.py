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
