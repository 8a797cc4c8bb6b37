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
