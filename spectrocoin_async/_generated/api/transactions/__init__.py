"""Operations tagged `transactions`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..._operations import OPERATIONS
from ...types import UNSET

if TYPE_CHECKING:
    import datetime
    from collections.abc import AsyncIterator, Mapping
    from decimal import Decimal
    from typing import Any, Unpack, cast
    from uuid import UUID

    from ...models.transaction import Transaction
    from ...models.transaction_page import TransactionPage
    from ...models.transaction_status import TransactionStatus
    from ...models.transaction_type import TransactionType
    from ...types import CallOptions, PageIterator, Response, Runtime, Unset


class TransactionsAPI:
    """Operations tagged `transactions`, bound to one client."""

    __slots__ = ("_runtime",)

    def __init__(self, runtime: Runtime) -> None:
        self._runtime = runtime

    async def list_transactions(
        self,
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
        **options: Unpack[CallOptions],
    ) -> TransactionPage:
        """List wallet transactions

        Evidence: overview, unconfirmed: the capability is named in the API overview; path and fields
        are this project's proposal, not a published address, and may change. Source:
        https://docs.spectrocoin.com/reference/api-reference

        Returns one page of wallet transactions, newest first unless `sort` says otherwise, filtered
        by account, currency, type, status and date range. Negative amounts are debits. The API
        overview names transactions; the path, filters and fields are this project's proposal;
        SpectroCoin has not published them.

        `GET /transactions`
        Args:
            page (int | Unset): Page to return, counted from 0 (the first page is 0; at most 10^9).
                Default: 0.
            size (int | Unset): Number of items per page, from 1 to 100. Default: 20.
            sort (str | Unset): Sort order: `createdAt`, `createdAt,asc` or `createdAt,desc`
                (`createdAt` is the one sortable property).
            account_id (str | Unset): Only transactions of this account.
            currency_code (str | Unset): Only transactions in this currency (upper case).
            type (str | TransactionType | Unset): Kind of wallet transaction. New values may appear;
                unknown ones are kept, never refused.
            status (str | TransactionStatus | Unset): Wallet transaction status. New values may
                appear; unknown ones are kept, never refused.
            date_from (datetime.date | Unset): First day to include (inclusive).
            date_to (datetime.date | Unset): Last day to include (inclusive).
            **options: per-call options (timeout, deadline, headers, max_attempts), see CallOptions.

        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            TransactionPage
        """

        from . import list_transactions as _list_transactions

        return await self._runtime.call(
            OPERATIONS["list_transactions"],
            _list_transactions.build_request(
                page=page,
                size=size,
                sort=sort,
                account_id=account_id,
                currency_code=currency_code,
                type=type,
                status=status,
                date_from=date_from,
                date_to=date_to,
            ),
            _list_transactions._parse_response,
            options,
        )

    async def list_transactions_detailed(
        self,
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
        **options: Unpack[CallOptions],
    ) -> Response[TransactionPage]:
        """Like `list_transactions`, but returns `Response[TransactionPage]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `list_transactions`.
        """
        from . import list_transactions as _list_transactions

        return await self._runtime.call_detailed(
            OPERATIONS["list_transactions"],
            _list_transactions.build_request(
                page=page,
                size=size,
                sort=sort,
                account_id=account_id,
                currency_code=currency_code,
                type=type,
                status=status,
                date_from=date_from,
                date_to=date_to,
            ),
            _list_transactions._parse_response,
            options,
        )

    def iterate_list_transactions(
        self,
        *,
        size: int | Unset = 20,
        sort: str | Unset = UNSET,
        account_id: str | Unset = UNSET,
        currency_code: str | Unset = UNSET,
        type: str | TransactionType | Unset = UNSET,
        status: str | TransactionStatus | Unset = UNSET,
        date_from: datetime.date | Unset = UNSET,
        date_to: datetime.date | Unset = UNSET,
        prefetch: int = 1,
        **options: Unpack[CallOptions],
    ) -> PageIterator[Transaction]:
        """Every item of every page of `list_transactions`.

        ``async for item in ...`` requests each page when the previous one is used up.
        ``async with ... as items: async for item in items`` also fetches up to ``prefetch``
        pages ahead in the background. Stops after the last page (``last``, ``totalPages``) or
        at an empty page. Each page goes through the rate limiter and retries like any call; an
        error on any page is raised.
        """
        from . import list_transactions as _list_transactions

        return self._runtime.paginate(
            OPERATIONS["list_transactions"],
            lambda page: _list_transactions.build_request(
                page=page,
                size=size,
                sort=sort,
                account_id=account_id,
                currency_code=currency_code,
                type=type,
                status=status,
                date_from=date_from,
                date_to=date_to,
            ),
            _list_transactions._parse_response,
            options,
            prefetch,
        )

    async def get_transaction(
        self,
        id: UUID | str,
        **options: Unpack[CallOptions],
    ) -> Transaction:
        """Get one wallet transaction

        Evidence: overview, unconfirmed: the capability is named in the API overview; path and fields
        are this project's proposal, not a published address, and may change. Source:
        https://docs.spectrocoin.com/reference/api-reference

        Returns one wallet transaction. The path is this project's proposal; SpectroCoin has not
        published it.

        `GET /transactions/{id}`
        Args:
            id (UUID | str): Transaction id.
            **options: per-call options (timeout, deadline, headers, max_attempts), see CallOptions.

        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            Transaction
        """

        from . import get_transaction as _get_transaction

        return await self._runtime.call(
            OPERATIONS["get_transaction"],
            _get_transaction.build_request(
                id=id,
            ),
            _get_transaction._parse_response,
            options,
        )

    async def get_transaction_detailed(
        self,
        id: UUID | str,
        **options: Unpack[CallOptions],
    ) -> Response[Transaction]:
        """Like `get_transaction`, but returns `Response[Transaction]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `get_transaction`.
        """
        from . import get_transaction as _get_transaction

        return await self._runtime.call_detailed(
            OPERATIONS["get_transaction"],
            _get_transaction.build_request(
                id=id,
            ),
            _get_transaction._parse_response,
            options,
        )


__all__ = ["TransactionsAPI"]
