from collections.abc import Mapping
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


def build_request(
    *,
    body: CreateCryptoDepositAddressRequest | Mapping[str, Any],
) -> dict[str, Any]:
    """The request this operation sends (path, query, body) for the runtime to validate, encode
    and send. Arguments are spelled as users pass them; UUIDs and enums given as text are
    converted here, and a bad one raises ValidationError naming it."""
    return _get_kwargs(
        body=body
        if isinstance(body, CreateCryptoDepositAddressRequest)
        else CreateCryptoDepositAddressRequest.from_dict(body),
    )
