from collections.abc import Mapping
from typing import Any

from ...models.create_order_request import CreateOrderRequest
from ...models.create_order_response import CreateOrderResponse


def _get_kwargs(
    *,
    body: CreateOrderRequest,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "url": "/merchants/orders/create",
    }
    _kwargs["body"] = body.to_dict()
    return _kwargs


def _parse_response(data: Any) -> CreateOrderResponse:
    response_200 = CreateOrderResponse.from_dict(data)

    return response_200


def build_request(
    *,
    body: CreateOrderRequest | Mapping[str, Any],
) -> dict[str, Any]:
    """The request this operation sends (path, query, body) for the runtime to validate, encode
    and send. Arguments are spelled as users pass them; UUIDs and enums given as text are
    converted here, and a bad one raises ValidationError naming it."""
    return _get_kwargs(
        body=body if isinstance(body, CreateOrderRequest) else CreateOrderRequest.from_dict(body),
    )
