from collections.abc import Mapping
from typing import Any

from ...models.calculate_exchange_request import CalculateExchangeRequest
from ...models.exchange_calculation import ExchangeCalculation


def _get_kwargs(
    *,
    body: CalculateExchangeRequest,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "url": "/exchanges/calculate",
    }
    _kwargs["body"] = body.to_dict()
    return _kwargs


def _parse_response(data: Any) -> ExchangeCalculation:
    response_200 = ExchangeCalculation.from_dict(data)

    return response_200


def build_request(
    *,
    body: CalculateExchangeRequest | Mapping[str, Any],
) -> dict[str, Any]:
    """The request this operation sends (path, query, body) for the runtime to validate, encode
    and send. Arguments are spelled as users pass them; UUIDs and enums given as text are
    converted here, and a bad one raises ValidationError naming it."""
    return _get_kwargs(
        body=body
        if isinstance(body, CalculateExchangeRequest)
        else CalculateExchangeRequest.from_dict(body),
    )
