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
