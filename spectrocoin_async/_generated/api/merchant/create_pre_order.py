from collections.abc import Mapping
from typing import Any

from ...models.create_pre_order_request import CreatePreOrderRequest
from ...models.pre_order import PreOrder


def _get_kwargs(
    *,
    body: CreatePreOrderRequest,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "url": "/merchants/preorders",
    }
    _kwargs["body"] = body.to_dict()
    return _kwargs


def _parse_response(data: Any) -> PreOrder:
    response_200 = PreOrder.from_dict(data)

    return response_200


def build_request(
    *,
    body: CreatePreOrderRequest | Mapping[str, Any],
) -> dict[str, Any]:
    """The request this operation sends (path, query, body) for the runtime to validate, encode
    and send. Arguments are spelled as users pass them; UUIDs and enums given as text are
    converted here, and a bad one raises ValidationError naming it."""
    return _get_kwargs(
        body=body
        if isinstance(body, CreatePreOrderRequest)
        else CreatePreOrderRequest.from_dict(body),
    )
