"""Operations tagged `currencies`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..._operations import OPERATIONS
from ...types import UNSET

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Mapping
    from decimal import Decimal
    from typing import Any, Unpack, cast
    from uuid import UUID

    from ...models.currency import Currency
    from ...types import CallOptions, PageIterator, Response, Runtime, Unset


class CurrenciesAPI:
    """Operations tagged `currencies`, bound to one client."""

    __slots__ = ("_runtime",)

    def __init__(self, runtime: Runtime) -> None:
        self._runtime = runtime

    async def list_currencies(
        self,
        **options: Unpack[CallOptions],
    ) -> list[Currency]:
        """List supported currencies

        Evidence: overview, unconfirmed: the capability is named in the API overview; path and fields
        are this project's proposal, not a published address, and may change. Source:
        https://docs.spectrocoin.com/reference/api-reference

        Returns every supported currency as a plain JSON array (not paged), with its decimal scale
        and, for crypto currencies, the networks it can move on. The path is this project's
        proposal; SpectroCoin has not published it.

        Token optional: works without credentials where the API allows it; with credentials configured,
        the bearer token is sent.

        `GET /currencies`
        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            list[Currency]
        """

        from . import list_currencies as _list_currencies

        return await self._runtime.call(
            OPERATIONS["list_currencies"],
            _list_currencies.build_request(),
            _list_currencies._parse_response,
            options,
        )

    async def list_currencies_detailed(
        self,
        **options: Unpack[CallOptions],
    ) -> Response[list[Currency]]:
        """Like `list_currencies`, but returns `Response[list[Currency]]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `list_currencies`.
        """
        from . import list_currencies as _list_currencies

        return await self._runtime.call_detailed(
            OPERATIONS["list_currencies"],
            _list_currencies.build_request(),
            _list_currencies._parse_response,
            options,
        )


__all__ = ["CurrenciesAPI"]
