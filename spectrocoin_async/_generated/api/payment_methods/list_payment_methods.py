from typing import Any

from ...._types import coerce_enum
from ...._values import (
    enum_value,
    expect_list,
)
from ...models.payment_method import PaymentMethod
from ...models.payment_method_direction import PaymentMethodDirection
from ...types import UNSET, Unset


def _get_kwargs(
    *,
    currency_code: str | Unset = UNSET,
    country_code: str | Unset = UNSET,
    direction: PaymentMethodDirection | Unset = UNSET,
) -> dict[str, Any]:
    params: dict[str, Any] = {}

    params["currencyCode"] = currency_code

    params["countryCode"] = country_code

    json_direction: str | Unset = UNSET
    if not isinstance(direction, Unset):
        json_direction = enum_value(direction, PaymentMethodDirection, "direction")

    params["direction"] = json_direction

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "url": "/payment-methods",
        "params": params,
    }
    return _kwargs


def _parse_response(data: Any) -> list[PaymentMethod]:
    response_200 = []
    _response_200 = expect_list(data)
    for response_200_item_data in _response_200:
        response_200_item = PaymentMethod.from_dict(response_200_item_data)

        response_200.append(response_200_item)

    return response_200


def build_request(
    *,
    currency_code: str | Unset = UNSET,
    country_code: str | Unset = UNSET,
    direction: str | PaymentMethodDirection | Unset = UNSET,
) -> dict[str, Any]:
    """The request this operation sends (path, query, body) for the runtime to validate, encode
    and send. Arguments are spelled as users pass them; UUIDs and enums given as text are
    converted here, and a bad one raises ValidationError naming it."""
    return _get_kwargs(
        currency_code=currency_code,
        country_code=country_code,
        direction=coerce_enum(PaymentMethodDirection, "direction", direction),
    )
