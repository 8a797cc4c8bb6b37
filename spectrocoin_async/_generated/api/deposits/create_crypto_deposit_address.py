from typing import Any

from ...models.create_crypto_deposit_address_request import CreateCryptoDepositAddressRequest
from ...models.crypto_deposit_address import CryptoDepositAddress


def _get_kwargs(
    *,
    body: CreateCryptoDepositAddressRequest,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "url": "/deposits/crypto-addresses",
    }
    _kwargs["body"] = body.to_dict()
    return _kwargs


def _parse_response(data: Any) -> CryptoDepositAddress:
    response_200 = CryptoDepositAddress.from_dict(data)

    return response_200
