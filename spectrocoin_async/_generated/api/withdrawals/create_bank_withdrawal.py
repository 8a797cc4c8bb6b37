from collections.abc import Mapping
from typing import Any

from ...models.bank_withdrawal import BankWithdrawal
from ...models.create_bank_withdrawal_request import CreateBankWithdrawalRequest


def _get_kwargs(
    *,
    body: CreateBankWithdrawalRequest,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "url": "/withdrawals/bank",
    }
    _kwargs["body"] = body.to_dict()
    return _kwargs


def _parse_response(data: Any) -> BankWithdrawal:
    response_200 = BankWithdrawal.from_dict(data)

    return response_200


def build_request(
    *,
    body: CreateBankWithdrawalRequest | Mapping[str, Any],
) -> dict[str, Any]:
    """The request this operation sends (path, query, body) for the runtime to validate, encode
    and send. Arguments are spelled as users pass them; UUIDs and enums given as text are
    converted here, and a bad one raises ValidationError naming it."""
    return _get_kwargs(
        body=body
        if isinstance(body, CreateBankWithdrawalRequest)
        else CreateBankWithdrawalRequest.from_dict(body),
    )
