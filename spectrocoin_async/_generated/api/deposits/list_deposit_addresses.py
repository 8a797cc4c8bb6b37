from typing import Any

from ...models.deposit_instructions import DepositInstructions
from ...types import UNSET, Unset


def _get_kwargs(
    *,
    currency_code: str | Unset = UNSET,
) -> dict[str, Any]:
    params: dict[str, Any] = {}

    params["currencyCode"] = currency_code

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "url": "/deposits/addresses",
        "params": params,
    }
    return _kwargs


def _parse_response(data: Any) -> DepositInstructions:
    response_200 = DepositInstructions.from_dict(data)

    return response_200


def build_request(
    *,
    currency_code: str | Unset = UNSET,
) -> dict[str, Any]:
    """The request this operation sends (path, query, body) for the runtime to validate, encode
    and send. Arguments are spelled as users pass them; UUIDs and enums given as text are
    converted here, and a bad one raises ValidationError naming it."""
    return _get_kwargs(
        currency_code=currency_code,
    )
