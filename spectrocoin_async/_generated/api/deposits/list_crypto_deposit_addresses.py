from typing import Any

from ...._values import (
    checked_int,
)
from ...models.crypto_deposit_address_page import CryptoDepositAddressPage
from ...types import UNSET, Unset


def _get_kwargs(
    *,
    page: int | Unset = 0,
    size: int | Unset = 20,
    sort: str | Unset = UNSET,
    currency_code: str | Unset = UNSET,
    network_code: str | Unset = UNSET,
) -> dict[str, Any]:
    params: dict[str, Any] = {}

    json_page: int | Unset = UNSET
    if not isinstance(page, Unset):
        json_page = checked_int(page, "page")
    params["page"] = json_page

    json_size: int | Unset = UNSET
    if not isinstance(size, Unset):
        json_size = checked_int(size, "size")
    params["size"] = json_size

    params["sort"] = sort

    params["currencyCode"] = currency_code

    params["networkCode"] = network_code

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "url": "/deposits/crypto-addresses",
        "params": params,
    }
    return _kwargs


def _parse_response(data: Any) -> CryptoDepositAddressPage:
    response_200 = CryptoDepositAddressPage.from_dict(data)

    return response_200


def build_request(
    *,
    page: int | Unset = 0,
    size: int | Unset = 20,
    sort: str | Unset = UNSET,
    currency_code: str | Unset = UNSET,
    network_code: str | Unset = UNSET,
) -> dict[str, Any]:
    """The request this operation sends (path, query, body) for the runtime to validate, encode
    and send. Arguments are spelled as users pass them; UUIDs and enums given as text are
    converted here, and a bad one raises ValidationError naming it."""
    return _get_kwargs(
        page=page,
        size=size,
        sort=sort,
        currency_code=currency_code,
        network_code=network_code,
    )
