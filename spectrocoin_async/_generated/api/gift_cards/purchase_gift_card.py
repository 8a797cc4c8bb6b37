from collections.abc import Mapping
from typing import Any

from ...models.gift_card_purchase import GiftCardPurchase
from ...models.purchase_gift_card_request import PurchaseGiftCardRequest


def _get_kwargs(
    *,
    body: PurchaseGiftCardRequest,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "url": "/gift-cards/purchases",
    }
    _kwargs["body"] = body.to_dict()
    return _kwargs


def _parse_response(data: Any) -> GiftCardPurchase:
    response_200 = GiftCardPurchase.from_dict(data)

    return response_200


def build_request(
    *,
    body: PurchaseGiftCardRequest | Mapping[str, Any],
) -> dict[str, Any]:
    """The request this operation sends (path, query, body) for the runtime to validate, encode
    and send. Arguments are spelled as users pass them; UUIDs and enums given as text are
    converted here, and a bad one raises ValidationError naming it."""
    return _get_kwargs(
        body=body
        if isinstance(body, PurchaseGiftCardRequest)
        else PurchaseGiftCardRequest.from_dict(body),
    )
