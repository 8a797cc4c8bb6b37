from collections.abc import Mapping
from typing import Any

from ...models.create_withdrawal_with_exchange_request import CreateWithdrawalWithExchangeRequest
from ...models.withdrawal_with_exchange import WithdrawalWithExchange


def _get_kwargs(
    *,
    body: CreateWithdrawalWithExchangeRequest,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "url": "/withdrawals/with-exchange",
    }
    _kwargs["body"] = body.to_dict()
    return _kwargs


def _parse_response(data: Any) -> WithdrawalWithExchange:
    response_200 = WithdrawalWithExchange.from_dict(data)

    return response_200


def build_request(
    *,
    body: CreateWithdrawalWithExchangeRequest | Mapping[str, Any],
) -> dict[str, Any]:
    """The request this operation sends (path, query, body) for the runtime to validate, encode
    and send. Arguments are spelled as users pass them; UUIDs and enums given as text are
    converted here, and a bad one raises ValidationError naming it."""
    return _get_kwargs(
        body=body
        if isinstance(body, CreateWithdrawalWithExchangeRequest)
        else CreateWithdrawalWithExchangeRequest.from_dict(body),
    )
