"""Operations tagged `exports`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..._operations import OPERATIONS
from ...types import UNSET

if TYPE_CHECKING:
    import datetime
    from collections.abc import AsyncIterator, Mapping
    from decimal import Decimal
    from io import BytesIO
    from typing import Any, Unpack, cast
    from uuid import UUID

    from ...models.export_format import ExportFormat
    from ...types import CallOptions, File, FileTypes, PageIterator, Response, Runtime, Unset


class ExportsAPI:
    """Operations tagged `exports`, bound to one client."""

    __slots__ = ("_runtime",)

    def __init__(self, runtime: Runtime) -> None:
        self._runtime = runtime

    async def export_orders(
        self,
        *,
        format: str | ExportFormat,
        date_from: datetime.date | Unset = UNSET,
        date_to: datetime.date | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> File:
        """Export merchant orders as CSV or PDF

        Evidence: overview, unconfirmed: the capability is named in the API overview; path and fields
        are this project's proposal, not a published address, and may change. Source:
        https://docs.spectrocoin.com/reference/api-reference

        Returns a file with the merchant orders of a date range: `text/csv` when `format=CSV`,
        `application/pdf` when `format=PDF`. The body can be large; stream it rather than holding
        it in memory. The path and parameters are this project's proposal; SpectroCoin has not
        published them.

        `GET /exports/orders`
        Args:
            format (str | ExportFormat): File format of an export.
            date_from (datetime.date | Unset): First day to include (inclusive).
            date_to (datetime.date | Unset): Last day to include (inclusive).
            **options: per-call options (timeout, deadline, headers, max_attempts), see CallOptions.

        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            File
        """

        from . import export_orders as _export_orders

        return await self._runtime.call(
            OPERATIONS["export_orders"],
            _export_orders.build_request(
                format=format,
                date_from=date_from,
                date_to=date_to,
            ),
            _export_orders._parse_response,
            options,
        )

    async def export_orders_detailed(
        self,
        *,
        format: str | ExportFormat,
        date_from: datetime.date | Unset = UNSET,
        date_to: datetime.date | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> Response[File]:
        """Like `export_orders`, but returns `Response[File]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `export_orders`.
        """
        from . import export_orders as _export_orders

        return await self._runtime.call_detailed(
            OPERATIONS["export_orders"],
            _export_orders.build_request(
                format=format,
                date_from=date_from,
                date_to=date_to,
            ),
            _export_orders._parse_response,
            options,
        )

    async def export_transactions(
        self,
        *,
        format: str | ExportFormat,
        date_from: datetime.date | Unset = UNSET,
        date_to: datetime.date | Unset = UNSET,
        account_id: str | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> File:
        """Export transactions as CSV or PDF

        Evidence: overview, unconfirmed: the capability is named in the API overview; path and fields
        are this project's proposal, not a published address, and may change. Source:
        https://docs.spectrocoin.com/reference/api-reference

        Returns a file with the transactions of a date range, optionally of one account: `text/csv`
        when `format=CSV`, `application/pdf` when `format=PDF`. The body can be large; stream it
        rather than holding it in memory. The API overview names bulk export as CSV or PDF; the
        path and parameters are this project's proposal; SpectroCoin has not published them.

        `GET /exports/transactions`
        Args:
            format (str | ExportFormat): File format of an export.
            date_from (datetime.date | Unset): First day to include (inclusive).
            date_to (datetime.date | Unset): Last day to include (inclusive).
            account_id (str | Unset): Only transactions of this account.
            **options: per-call options (timeout, deadline, headers, max_attempts), see CallOptions.

        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            File
        """

        from . import export_transactions as _export_transactions

        return await self._runtime.call(
            OPERATIONS["export_transactions"],
            _export_transactions.build_request(
                format=format,
                date_from=date_from,
                date_to=date_to,
                account_id=account_id,
            ),
            _export_transactions._parse_response,
            options,
        )

    async def export_transactions_detailed(
        self,
        *,
        format: str | ExportFormat,
        date_from: datetime.date | Unset = UNSET,
        date_to: datetime.date | Unset = UNSET,
        account_id: str | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> Response[File]:
        """Like `export_transactions`, but returns `Response[File]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `export_transactions`.
        """
        from . import export_transactions as _export_transactions

        return await self._runtime.call_detailed(
            OPERATIONS["export_transactions"],
            _export_transactions.build_request(
                format=format,
                date_from=date_from,
                date_to=date_to,
                account_id=account_id,
            ),
            _export_transactions._parse_response,
            options,
        )


__all__ = ["ExportsAPI"]
