from typing import Any
from urllib.parse import quote

from ...._values import (
    path_segment,
)
from ...models.bank_withdrawal import BankWithdrawal


def _get_kwargs(
    id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "url": "/withdrawals/bank/{id}".format(
            id=quote(path_segment(id, "id"), safe=""),
        ),
    }
    return _kwargs


def _parse_response(data: Any) -> BankWithdrawal:
    response_200 = BankWithdrawal.from_dict(data)

    return response_200
