from collections.abc import Mapping
from typing import Any

from ...models.create_crypto_withdrawal_request import CreateCryptoWithdrawalRequest
from ...models.crypto_withdrawal import CryptoWithdrawal


def _get_kwargs(
    *,
    body: CreateCryptoWithdrawalRequest,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "url": "/withdrawals/crypto",
    }
    _kwargs["body"] = body.to_dict()
    return _kwargs


def _parse_response(data: Any) -> CryptoWithdrawal:
    response_200 = CryptoWithdrawal.from_dict(data)

    return response_200


def build_request(
    *,
    body: CreateCryptoWithdrawalRequest | Mapping[str, Any],
) -> dict[str, Any]:
    """The request this operation sends (path, query, body) for the runtime to validate, encode
    and send. Arguments are spelled as users pass them; UUIDs and enums given as text are
    converted here, and a bad one raises ValidationError naming it."""
    return _get_kwargs(
        body=body
        if isinstance(body, CreateCryptoWithdrawalRequest)
        else CreateCryptoWithdrawalRequest.from_dict(body),
    )
