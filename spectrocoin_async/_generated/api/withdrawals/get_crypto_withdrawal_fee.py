from collections.abc import Mapping
from typing import Any

from ...models.crypto_withdrawal_fee import CryptoWithdrawalFee
from ...models.crypto_withdrawal_fee_request import CryptoWithdrawalFeeRequest


def _get_kwargs(
    *,
    body: CryptoWithdrawalFeeRequest,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "url": "/withdrawals/crypto/fee",
    }
    _kwargs["body"] = body.to_dict()
    return _kwargs


def _parse_response(data: Any) -> CryptoWithdrawalFee:
    response_200 = CryptoWithdrawalFee.from_dict(data)

    return response_200


def build_request(
    *,
    body: CryptoWithdrawalFeeRequest | Mapping[str, Any],
) -> dict[str, Any]:
    """The request this operation sends (path, query, body) for the runtime to validate, encode
    and send. Arguments are spelled as users pass them; UUIDs and enums given as text are
    converted here, and a bad one raises ValidationError naming it."""
    return _get_kwargs(
        body=body
        if isinstance(body, CryptoWithdrawalFeeRequest)
        else CryptoWithdrawalFeeRequest.from_dict(body),
    )
