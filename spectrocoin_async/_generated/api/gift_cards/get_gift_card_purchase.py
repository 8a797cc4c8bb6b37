from typing import Any
from urllib.parse import quote

from ...._values import (
    path_segment,
)
from ...models.gift_card_purchase import GiftCardPurchase


def _get_kwargs(
    id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "url": "/gift-cards/purchases/{id}".format(
            id=quote(path_segment(id, "id"), safe=""),
        ),
    }
    return _kwargs


def _parse_response(data: Any) -> GiftCardPurchase:
    response_200 = GiftCardPurchase.from_dict(data)

    return response_200
