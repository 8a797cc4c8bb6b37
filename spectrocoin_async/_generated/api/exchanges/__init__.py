"""Operations tagged `exchanges`."""

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

    from ...models.calculate_exchange_request import CalculateExchangeRequest
    from ...models.create_exchange_request import CreateExchangeRequest
    from ...models.exchange import Exchange
    from ...models.exchange_calculation import ExchangeCalculation
    from ...models.exchange_page import ExchangePage
    from ...models.exchange_pair import ExchangePair
    from ...models.exchange_status import ExchangeStatus
    from ...types import CallOptions, PageIterator, Response, Runtime, Unset


class ExchangesAPI:
    """Operations tagged `exchanges`, bound to one client."""

    __slots__ = ("_runtime",)

    def __init__(self, runtime: Runtime) -> None:
        self._runtime = runtime

    async def list_exchanges(
        self,
        *,
        page: int | Unset = 0,
        size: int | Unset = 20,
        sort: str | Unset = UNSET,
        date_from: datetime.date | Unset = UNSET,
        date_to: datetime.date | Unset = UNSET,
        status: str | ExchangeStatus | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> ExchangePage:
        """List executed exchanges

        Evidence: scope, unconfirmed: listed in the docs' API-key scope table, but the path is not
        published. The path here is this project's proposal and may change. Source:
        https://docs.spectrocoin.com/reference/api-reference (API-key scope table, exchange:read)

        Returns one page of the caller's exchange history. The `exchange:read` scope covers it, but
        the path is this project's proposal; SpectroCoin has not published it.

        `GET /exchanges`
        Args:
            page (int | Unset): Page to return, counted from 0 (the first page is 0; at most 10^9).
                Default: 0.
            size (int | Unset): Number of items per page, from 1 to 100. Default: 20.
            sort (str | Unset): Sort order: `createdAt`, `createdAt,asc` or `createdAt,desc`
                (`createdAt` is the one sortable property).
            date_from (datetime.date | Unset): First day to include (inclusive).
            date_to (datetime.date | Unset): Last day to include (inclusive).
            status (str | ExchangeStatus | Unset): Status of an exchange. New values may appear;
                unknown ones are kept, never refused.
            **options: per-call options (timeout, deadline, headers, max_attempts), see CallOptions.

        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            ExchangePage
        """

        from . import list_exchanges as _list_exchanges

        return await self._runtime.call(
            OPERATIONS["list_exchanges"],
            _list_exchanges.build_request(
                page=page,
                size=size,
                sort=sort,
                date_from=date_from,
                date_to=date_to,
                status=status,
            ),
            _list_exchanges._parse_response,
            options,
        )

    async def list_exchanges_detailed(
        self,
        *,
        page: int | Unset = 0,
        size: int | Unset = 20,
        sort: str | Unset = UNSET,
        date_from: datetime.date | Unset = UNSET,
        date_to: datetime.date | Unset = UNSET,
        status: str | ExchangeStatus | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> Response[ExchangePage]:
        """Like `list_exchanges`, but returns `Response[ExchangePage]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `list_exchanges`.
        """
        from . import list_exchanges as _list_exchanges

        return await self._runtime.call_detailed(
            OPERATIONS["list_exchanges"],
            _list_exchanges.build_request(
                page=page,
                size=size,
                sort=sort,
                date_from=date_from,
                date_to=date_to,
                status=status,
            ),
            _list_exchanges._parse_response,
            options,
        )

    def iterate_list_exchanges(
        self,
        *,
        size: int | Unset = 20,
        sort: str | Unset = UNSET,
        date_from: datetime.date | Unset = UNSET,
        date_to: datetime.date | Unset = UNSET,
        status: str | ExchangeStatus | Unset = UNSET,
        prefetch: int = 1,
        **options: Unpack[CallOptions],
    ) -> PageIterator[Exchange]:
        """Every item of every page of `list_exchanges`.

        ``async for item in ...`` requests each page when the previous one is used up.
        ``async with ... as items: async for item in items`` also fetches up to ``prefetch``
        pages ahead in the background. Stops after the last page (``last``, ``totalPages``) or
        at an empty page. Each page goes through the rate limiter and retries like any call; an
        error on any page is raised.
        """
        from . import list_exchanges as _list_exchanges

        return self._runtime.paginate(
            OPERATIONS["list_exchanges"],
            lambda page: _list_exchanges.build_request(
                page=page,
                size=size,
                sort=sort,
                date_from=date_from,
                date_to=date_to,
                status=status,
            ),
            _list_exchanges._parse_response,
            options,
            prefetch,
        )

    async def create_exchange(
        self,
        *,
        body: CreateExchangeRequest | Mapping[str, Any],
        **options: Unpack[CallOptions],
    ) -> Exchange:
        """Execute a currency exchange

        Evidence: documented: method and path are stated on docs.spectrocoin.com. Source:
        https://docs.spectrocoin.com/reference/submitusingpost2

        Converts `payAmount` from one wallet account to another. Identify the pair either by
        `payCurrencyCode` + `receiveCurrencyCode`, or by `exchangePairId` + `payAccountId` +
        `receiveAccountId` (from listAccounts and listExchangePairs). Moves money: do not retry
        blindly after a timeout; check listExchanges first. Needs the `exchange:create` scope. The
        response fields are this project's model.

        Moves money: never retried once the request may have reached the server; on a connection error
        or timeout, reconcile before calling again.

        `POST /exchanges`
        Args:
            body (CreateExchangeRequest): Exchange order. Identify the pair by `payCurrencyCode` +
                `receiveCurrencyCode`, or by
                `exchangePairId` + `payAccountId` + `receiveAccountId`.
            **options: per-call options (timeout, deadline, headers, max_attempts), see CallOptions.

        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            Exchange
        """

        from . import create_exchange as _create_exchange

        return await self._runtime.call(
            OPERATIONS["create_exchange"],
            _create_exchange.build_request(
                body=body,
            ),
            _create_exchange._parse_response,
            options,
        )

    async def create_exchange_detailed(
        self,
        *,
        body: CreateExchangeRequest | Mapping[str, Any],
        **options: Unpack[CallOptions],
    ) -> Response[Exchange]:
        """Like `create_exchange`, but returns `Response[Exchange]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `create_exchange`.
        """
        from . import create_exchange as _create_exchange

        return await self._runtime.call_detailed(
            OPERATIONS["create_exchange"],
            _create_exchange.build_request(
                body=body,
            ),
            _create_exchange._parse_response,
            options,
        )

    async def calculate_exchange(
        self,
        *,
        body: CalculateExchangeRequest | Mapping[str, Any],
        **options: Unpack[CallOptions],
    ) -> ExchangeCalculation:
        """Calculate an exchange quote

        Evidence: documented: method and path are stated on docs.spectrocoin.com. Source:
        https://docs.spectrocoin.com/reference/calculateexchangeamountusingpost2

        Calculates the other side of an exchange for a currency pair at the current rate. Give
        `payAmount` or `receiveAmount`; at least one is needed, and `payAmount` wins when both are
        given. Nothing is executed and no money moves. Needs the `exchange:create` scope.

        `POST /exchanges/calculate`
        Args:
            body (CalculateExchangeRequest): Quote request. Give `payAmount` or `receiveAmount`;
                `payAmount` wins if both are given.
                Neither is a `conditionally_required` refusal (x-business-rules): as an `anyOf` of
                `required` it makes Schemathesis 4.32's coverage phase fail intermittently inside Python
                (SystemError), so it stays a declared rule here.
            **options: per-call options (timeout, deadline, headers, max_attempts), see CallOptions.

        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            ExchangeCalculation
        """

        from . import calculate_exchange as _calculate_exchange

        return await self._runtime.call(
            OPERATIONS["calculate_exchange"],
            _calculate_exchange.build_request(
                body=body,
            ),
            _calculate_exchange._parse_response,
            options,
        )

    async def calculate_exchange_detailed(
        self,
        *,
        body: CalculateExchangeRequest | Mapping[str, Any],
        **options: Unpack[CallOptions],
    ) -> Response[ExchangeCalculation]:
        """Like `calculate_exchange`, but returns `Response[ExchangeCalculation]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `calculate_exchange`.
        """
        from . import calculate_exchange as _calculate_exchange

        return await self._runtime.call_detailed(
            OPERATIONS["calculate_exchange"],
            _calculate_exchange.build_request(
                body=body,
            ),
            _calculate_exchange._parse_response,
            options,
        )

    async def list_exchange_pairs(
        self,
        **options: Unpack[CallOptions],
    ) -> list[ExchangePair]:
        """List exchange pairs with their ids

        Evidence: documented: method and path are stated on docs.spectrocoin.com. Source:
        https://docs.spectrocoin.com/reference/submitusingpost2

        Returns the currency pairs the caller can exchange, as a plain JSON array, with the pair id
        and the receiving account id that createExchange accepts as `exchangePairId` and
        `receiveAccountId`. The path is linked from the documented exchange operation; the item
        fields are this project's model. Needs the `exchange:read` scope.

        `GET /exchanges/pairs/ids`
        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            list[ExchangePair]
        """

        from . import list_exchange_pairs as _list_exchange_pairs

        return await self._runtime.call(
            OPERATIONS["list_exchange_pairs"],
            _list_exchange_pairs.build_request(),
            _list_exchange_pairs._parse_response,
            options,
        )

    async def list_exchange_pairs_detailed(
        self,
        **options: Unpack[CallOptions],
    ) -> Response[list[ExchangePair]]:
        """Like `list_exchange_pairs`, but returns `Response[list[ExchangePair]]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `list_exchange_pairs`.
        """
        from . import list_exchange_pairs as _list_exchange_pairs

        return await self._runtime.call_detailed(
            OPERATIONS["list_exchange_pairs"],
            _list_exchange_pairs.build_request(),
            _list_exchange_pairs._parse_response,
            options,
        )

    async def get_exchange(
        self,
        id: UUID | str,
        **options: Unpack[CallOptions],
    ) -> Exchange:
        """Get one exchange

        Evidence: scope, unconfirmed: listed in the docs' API-key scope table, but the path is not
        published. The path here is this project's proposal and may change. Source:
        https://docs.spectrocoin.com/reference/api-reference (API-key scope table, exchange:read)

        Returns one executed exchange. The `exchange:read` scope covers it, but the path is this
        project's proposal; SpectroCoin has not published it.

        `GET /exchanges/{id}`
        Args:
            id (UUID | str): Exchange id.
            **options: per-call options (timeout, deadline, headers, max_attempts), see CallOptions.

        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            Exchange
        """

        from . import get_exchange as _get_exchange

        return await self._runtime.call(
            OPERATIONS["get_exchange"],
            _get_exchange.build_request(
                id=id,
            ),
            _get_exchange._parse_response,
            options,
        )

    async def get_exchange_detailed(
        self,
        id: UUID | str,
        **options: Unpack[CallOptions],
    ) -> Response[Exchange]:
        """Like `get_exchange`, but returns `Response[Exchange]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `get_exchange`.
        """
        from . import get_exchange as _get_exchange

        return await self._runtime.call_detailed(
            OPERATIONS["get_exchange"],
            _get_exchange.build_request(
                id=id,
            ),
            _get_exchange._parse_response,
            options,
        )


__all__ = ["ExchangesAPI"]
