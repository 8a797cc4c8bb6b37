import datetime
from typing import Any

from ...._types import coerce_enum
from ...._values import (
    enum_value,
    expect_list,
    format_date,
)
from ...models.rate_history_point import RateHistoryPoint
from ...models.rate_interval import RateInterval
from ...types import UNSET, Unset


def _get_kwargs(
    *,
    from_: str,
    to: str,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    interval: RateInterval | Unset = UNSET,
) -> dict[str, Any]:
    params: dict[str, Any] = {}

    params["from"] = from_

    params["to"] = to

    json_date_from: str | Unset = UNSET
    if not isinstance(date_from, Unset):
        json_date_from = format_date(date_from, "dateFrom")
    params["dateFrom"] = json_date_from

    json_date_to: str | Unset = UNSET
    if not isinstance(date_to, Unset):
        json_date_to = format_date(date_to, "dateTo")
    params["dateTo"] = json_date_to

    json_interval: str | Unset = UNSET
    if not isinstance(interval, Unset):
        json_interval = enum_value(interval, RateInterval, "interval")

    params["interval"] = json_interval

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "url": "/rates/history",
        "params": params,
    }
    return _kwargs


def _parse_response(data: Any) -> list[RateHistoryPoint]:
    response_200 = []
    _response_200 = expect_list(data)
    for response_200_item_data in _response_200:
        response_200_item = RateHistoryPoint.from_dict(response_200_item_data)

        response_200.append(response_200_item)

    return response_200


def build_request(
    *,
    from_: str,
    to: str,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    interval: str | RateInterval | Unset = UNSET,
) -> dict[str, Any]:
    """The request this operation sends (path, query, body) for the runtime to validate, encode
    and send. Arguments are spelled as users pass them; UUIDs and enums given as text are
    converted here, and a bad one raises ValidationError naming it."""
    return _get_kwargs(
        from_=from_,
        to=to,
        date_from=date_from,
        date_to=date_to,
        interval=coerce_enum(RateInterval, "interval", interval),
    )
