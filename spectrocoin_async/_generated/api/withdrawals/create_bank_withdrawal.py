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
