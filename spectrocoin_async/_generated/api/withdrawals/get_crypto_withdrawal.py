from typing import Any
from urllib.parse import quote

from ...._values import (
    path_segment,
)
from ...models.crypto_withdrawal import CryptoWithdrawal


def _get_kwargs(
    id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "url": "/withdrawals/crypto/{id}".format(
            id=quote(path_segment(id, "id"), safe=""),
        ),
    }
    return _kwargs


def _parse_response(data: Any) -> CryptoWithdrawal:
    response_200 = CryptoWithdrawal.from_dict(data)

    return response_200
