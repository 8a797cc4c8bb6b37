import datetime
from typing import Any

from ...._types import coerce_enum
from ...._values import (
    checked_int,
    enum_value,
    format_date,
)
from ...models.crypto_withdrawal_page import CryptoWithdrawalPage
from ...models.withdrawal_status import WithdrawalStatus
from ...types import UNSET, Unset


def _get_kwargs(
    *,
    page: int | Unset = 0,
    size: int | Unset = 20,
    sort: str | Unset = UNSET,
    currency_code: str | Unset = UNSET,
    status: WithdrawalStatus | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
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

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = enum_value(status, WithdrawalStatus, "status")

    params["status"] = json_status

    json_date_from: str | Unset = UNSET
    if not isinstance(date_from, Unset):
        json_date_from = format_date(date_from, "dateFrom")
    params["dateFrom"] = json_date_from

    json_date_to: str | Unset = UNSET
    if not isinstance(date_to, Unset):
        json_date_to = format_date(date_to, "dateTo")
    params["dateTo"] = json_date_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "url": "/withdrawals/crypto",
        "params": params,
    }
    return _kwargs


def _parse_response(data: Any) -> CryptoWithdrawalPage:
    response_200 = CryptoWithdrawalPage.from_dict(data)

    return response_200


def build_request(
    *,
    page: int | Unset = 0,
    size: int | Unset = 20,
    sort: str | Unset = UNSET,
    currency_code: str | Unset = UNSET,
    status: str | WithdrawalStatus | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
) -> dict[str, Any]:
    """The request this operation sends (path, query, body) for the runtime to validate, encode
    and send. Arguments are spelled as users pass them; UUIDs and enums given as text are
    converted here, and a bad one raises ValidationError naming it."""
    return _get_kwargs(
        page=page,
        size=size,
        sort=sort,
        currency_code=currency_code,
        status=coerce_enum(WithdrawalStatus, "status", status),
        date_from=date_from,
        date_to=date_to,
    )
