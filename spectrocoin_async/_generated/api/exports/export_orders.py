import datetime
from typing import Any, cast

from ...._values import (
    enum_value,
    format_date,
)
from ...models.export_format import ExportFormat
from ...types import UNSET, File, Unset


def _get_kwargs(
    *,
    format_: ExportFormat,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
) -> dict[str, Any]:
    params: dict[str, Any] = {}

    json_format_ = enum_value(format_, ExportFormat, "format")
    params["format"] = json_format_

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
        "url": "/exports/orders",
        "params": params,
    }
    return _kwargs


def _parse_response(data: Any) -> File:
    return cast(File, data)
