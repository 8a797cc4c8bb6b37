import datetime
from typing import Any, cast

from ...._types import coerce_enum
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


def build_request(
    *,
    format: str | ExportFormat,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
) -> dict[str, Any]:
    """The request this operation sends (path, query, body) for the runtime to validate, encode
    and send. Arguments are spelled as users pass them; UUIDs and enums given as text are
    converted here, and a bad one raises ValidationError naming it."""
    return _get_kwargs(
        format_=coerce_enum(ExportFormat, "format", format),
        date_from=date_from,
        date_to=date_to,
    )
