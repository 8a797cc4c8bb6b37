"""Operations tagged `rates`."""

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

    from ...models.rate import Rate
    from ...models.rate_history_point import RateHistoryPoint
    from ...models.rate_interval import RateInterval
    from ...types import CallOptions, PageIterator, Response, Runtime, Unset


class RatesAPI:
    """Operations tagged `rates`, bound to one client."""

    __slots__ = ("_runtime",)

    def __init__(self, runtime: Runtime) -> None:
        self._runtime = runtime

    async def get_rates(
        self,
        *,
        from_: str | Unset = UNSET,
        to: str | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> list[Rate]:
        """Get live exchange rates

        Evidence: scope, unconfirmed: listed in the docs' API-key scope table, but the path is not
        published. The path here is this project's proposal and may change. Source:
        https://docs.spectrocoin.com/reference/api-reference (API-key scope table, exchange:create "rate
        for the selected pair")

        Returns live rates as a plain JSON array: one rate for the pair when both `from` and `to`
        are given, otherwise every rate from or to the given currency. The path and parameters are
        this project's proposal; SpectroCoin has not published them.

        Token optional: works without credentials where the API allows it; with credentials configured,
        the bearer token is sent.

        `GET /rates`
        Args:
            from_ (str | Unset): Currency to convert from (upper case).
            to (str | Unset): Currency to convert to (upper case).
            **options: per-call options (timeout, deadline, headers, max_attempts), see CallOptions.

        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            list[Rate]
        """

        from . import get_rates as _get_rates

        return await self._runtime.call(
            OPERATIONS["get_rates"],
            _get_rates.build_request(
                from_=from_,
                to=to,
            ),
            _get_rates._parse_response,
            options,
        )

    async def get_rates_detailed(
        self,
        *,
        from_: str | Unset = UNSET,
        to: str | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> Response[list[Rate]]:
        """Like `get_rates`, but returns `Response[list[Rate]]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `get_rates`.
        """
        from . import get_rates as _get_rates

        return await self._runtime.call_detailed(
            OPERATIONS["get_rates"],
            _get_rates.build_request(
                from_=from_,
                to=to,
            ),
            _get_rates._parse_response,
            options,
        )

    async def get_rate_history(
        self,
        *,
        from_: str,
        to: str,
        date_from: datetime.date | Unset = UNSET,
        date_to: datetime.date | Unset = UNSET,
        interval: str | RateInterval | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> list[RateHistoryPoint]:
        """Get historical exchange rates

        Evidence: overview, unconfirmed: the capability is named in the API overview; path and fields
        are this project's proposal, not a published address, and may change. Source:
        https://docs.spectrocoin.com/reference/api-reference

        Returns the rate of one currency pair over a date range, one point per `interval`, as a
        plain JSON array ordered by time. The path and parameters are this project's proposal;
        SpectroCoin has not published them.

        Token optional: works without credentials where the API allows it; with credentials configured,
        the bearer token is sent.

        `GET /rates/history`
        Args:
            from_ (str): Currency to convert from (upper case).
            to (str): Currency to convert to (upper case).
            date_from (datetime.date | Unset): First day of the range (inclusive).
            date_to (datetime.date | Unset): Last day of the range (inclusive).
            interval (str | RateInterval | Unset): Spacing of historical rate points.
            **options: per-call options (timeout, deadline, headers, max_attempts), see CallOptions.

        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            list[RateHistoryPoint]
        """

        from . import get_rate_history as _get_rate_history

        return await self._runtime.call(
            OPERATIONS["get_rate_history"],
            _get_rate_history.build_request(
                from_=from_,
                to=to,
                date_from=date_from,
                date_to=date_to,
                interval=interval,
            ),
            _get_rate_history._parse_response,
            options,
        )

    async def get_rate_history_detailed(
        self,
        *,
        from_: str,
        to: str,
        date_from: datetime.date | Unset = UNSET,
        date_to: datetime.date | Unset = UNSET,
        interval: str | RateInterval | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> Response[list[RateHistoryPoint]]:
        """Like `get_rate_history`, but returns `Response[list[RateHistoryPoint]]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `get_rate_history`.
        """
        from . import get_rate_history as _get_rate_history

        return await self._runtime.call_detailed(
            OPERATIONS["get_rate_history"],
            _get_rate_history.build_request(
                from_=from_,
                to=to,
                date_from=date_from,
                date_to=date_to,
                interval=interval,
            ),
            _get_rate_history._parse_response,
            options,
        )


__all__ = ["RatesAPI"]
