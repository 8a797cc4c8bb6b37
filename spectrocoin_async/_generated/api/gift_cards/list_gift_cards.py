from typing import Any

from ...._values import (
    expect_list,
)
from ...models.gift_card import GiftCard
from ...types import UNSET, Unset


def _get_kwargs(
    *,
    country_code: str | Unset = UNSET,
    currency_code: str | Unset = UNSET,
) -> dict[str, Any]:
    params: dict[str, Any] = {}

    params["countryCode"] = country_code

    params["currencyCode"] = currency_code

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "url": "/gift-cards",
        "params": params,
    }
    return _kwargs


def _parse_response(data: Any) -> list[GiftCard]:
    response_200 = []
    _response_200 = expect_list(data)
    for response_200_item_data in _response_200:
        response_200_item = GiftCard.from_dict(response_200_item_data)

        response_200.append(response_200_item)

    return response_200


def build_request(
    *,
    country_code: str | Unset = UNSET,
    currency_code: str | Unset = UNSET,
) -> dict[str, Any]:
    """The request this operation sends (path, query, body) for the runtime to validate, encode
    and send. Arguments are spelled as users pass them; UUIDs and enums given as text are
    converted here, and a bad one raises ValidationError naming it."""
    return _get_kwargs(
        country_code=country_code,
        currency_code=currency_code,
    )
