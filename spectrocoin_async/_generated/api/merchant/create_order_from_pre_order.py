from collections.abc import Mapping
from typing import Any

from ...models.create_order_from_pre_order_request import CreateOrderFromPreOrderRequest
from ...models.order import Order


def _get_kwargs(
    *,
    body: CreateOrderFromPreOrderRequest,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "url": "/merchants/orders",
    }
    _kwargs["body"] = body.to_dict()
    return _kwargs


def _parse_response(data: Any) -> Order:
    response_200 = Order.from_dict(data)

    return response_200


def build_request(
    *,
    body: CreateOrderFromPreOrderRequest | Mapping[str, Any],
) -> dict[str, Any]:
    """The request this operation sends (path, query, body) for the runtime to validate, encode
    and send. Arguments are spelled as users pass them; UUIDs and enums given as text are
    converted here, and a bad one raises ValidationError naming it."""
    return _get_kwargs(
        body=body
        if isinstance(body, CreateOrderFromPreOrderRequest)
        else CreateOrderFromPreOrderRequest.from_dict(body),
    )
