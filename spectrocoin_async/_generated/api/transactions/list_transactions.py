import datetime
from typing import Any

from ...._types import coerce_enum
from ...._values import (
    checked_int,
    enum_value,
    format_date,
)
from ...models.transaction_page import TransactionPage
from ...models.transaction_status import TransactionStatus
from ...models.transaction_type import TransactionType
from ...types import UNSET, Unset


def _get_kwargs(
    *,
    page: int | Unset = 0,
    size: int | Unset = 20,
    sort: str | Unset = UNSET,
    account_id: str | Unset = UNSET,
    currency_code: str | Unset = UNSET,
    type_: TransactionType | Unset = UNSET,
    status: TransactionStatus | Unset = UNSET,
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

    params["accountId"] = account_id

    params["currencyCode"] = currency_code

    json_type_: str | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = enum_value(type_, TransactionType, "type")

    params["type"] = json_type_

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = enum_value(status, TransactionStatus, "status")

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
        "url": "/transactions",
        "params": params,
    }
    return _kwargs


def _parse_response(data: Any) -> TransactionPage:
    response_200 = TransactionPage.from_dict(data)

    return response_200


def build_request(
    *,
    page: int | Unset = 0,
    size: int | Unset = 20,
    sort: str | Unset = UNSET,
    account_id: str | Unset = UNSET,
    currency_code: str | Unset = UNSET,
    type: str | TransactionType | Unset = UNSET,
    status: str | TransactionStatus | Unset = UNSET,
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
        account_id=account_id,
        currency_code=currency_code,
        type_=coerce_enum(TransactionType, "type", type),
        status=coerce_enum(TransactionStatus, "status", status),
        date_from=date_from,
        date_to=date_to,
    )
