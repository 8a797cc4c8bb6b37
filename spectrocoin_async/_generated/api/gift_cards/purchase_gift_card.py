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
