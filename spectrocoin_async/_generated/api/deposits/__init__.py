"""Operations tagged `deposits`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..._operations import OPERATIONS
from ...types import UNSET

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Mapping
    from decimal import Decimal
    from typing import Any, Unpack, cast
    from uuid import UUID

    from ...models.create_crypto_deposit_address_request import CreateCryptoDepositAddressRequest
    from ...models.crypto_deposit_address import CryptoDepositAddress
    from ...models.crypto_deposit_address_page import CryptoDepositAddressPage
    from ...models.deposit_instructions import DepositInstructions
    from ...types import CallOptions, PageIterator, Response, Runtime, Unset


class DepositsAPI:
    """Operations tagged `deposits`, bound to one client."""

    __slots__ = ("_runtime",)

    def __init__(self, runtime: Runtime) -> None:
        self._runtime = runtime

    async def list_deposit_addresses(
        self,
        *,
        currency_code: str | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> DepositInstructions:
        """Get deposit instructions

        Evidence: scope, unconfirmed: listed in the docs' API-key scope table, but the path is not
        published. The path here is this project's proposal and may change. Source:
        https://docs.spectrocoin.com/reference/api-reference (API-key scope table, deposit:read)

        Returns how to fund the wallet, as one small object (not paged): the crypto deposit
        addresses and the bank (SEPA/SWIFT) details of the caller. The `deposit:read` scope covers
        it, but the path and fields are this project's proposal; SpectroCoin has not published them.

        `GET /deposits/addresses`
        Args:
            currency_code (str | Unset): Only instructions for this currency (upper case).
            **options: per-call options (timeout, deadline, headers, max_attempts), see CallOptions.

        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            DepositInstructions
        """

        from . import list_deposit_addresses as _list_deposit_addresses

        return await self._runtime.call(
            OPERATIONS["list_deposit_addresses"],
            _list_deposit_addresses.build_request(
                currency_code=currency_code,
            ),
            _list_deposit_addresses._parse_response,
            options,
        )

    async def list_deposit_addresses_detailed(
        self,
        *,
        currency_code: str | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> Response[DepositInstructions]:
        """Like `list_deposit_addresses`, but returns `Response[DepositInstructions]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `list_deposit_addresses`.
        """
        from . import list_deposit_addresses as _list_deposit_addresses

        return await self._runtime.call_detailed(
            OPERATIONS["list_deposit_addresses"],
            _list_deposit_addresses.build_request(
                currency_code=currency_code,
            ),
            _list_deposit_addresses._parse_response,
            options,
        )

    async def list_crypto_deposit_addresses(
        self,
        *,
        page: int | Unset = 0,
        size: int | Unset = 20,
        sort: str | Unset = UNSET,
        currency_code: str | Unset = UNSET,
        network_code: str | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> CryptoDepositAddressPage:
        """List crypto deposit addresses

        Evidence: scope, unconfirmed: listed in the docs' API-key scope table, but the path is not
        published. The path here is this project's proposal and may change. Source:
        https://docs.spectrocoin.com/reference/api-reference (API-key scope table,
        deposit-crypto-address:read)

        Returns one page of the caller's crypto deposit addresses, optionally for one currency and
        network. The `deposit-crypto-address:read` scope covers it, but the path is this project's
        proposal; SpectroCoin has not published it.

        `GET /deposits/crypto-addresses`
        Args:
            page (int | Unset): Page to return, counted from 0 (the first page is 0; at most 10^9).
                Default: 0.
            size (int | Unset): Number of items per page, from 1 to 100. Default: 20.
            sort (str | Unset): Sort order: `createdAt`, `createdAt,asc` or `createdAt,desc`
                (`createdAt` is the one sortable property).
            currency_code (str | Unset): Only addresses for this currency (upper case).
            network_code (str | Unset): Only addresses on this network.
            **options: per-call options (timeout, deadline, headers, max_attempts), see CallOptions.

        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            CryptoDepositAddressPage
        """

        from . import list_crypto_deposit_addresses as _list_crypto_deposit_addresses

        return await self._runtime.call(
            OPERATIONS["list_crypto_deposit_addresses"],
            _list_crypto_deposit_addresses.build_request(
                page=page,
                size=size,
                sort=sort,
                currency_code=currency_code,
                network_code=network_code,
            ),
            _list_crypto_deposit_addresses._parse_response,
            options,
        )

    async def list_crypto_deposit_addresses_detailed(
        self,
        *,
        page: int | Unset = 0,
        size: int | Unset = 20,
        sort: str | Unset = UNSET,
        currency_code: str | Unset = UNSET,
        network_code: str | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> Response[CryptoDepositAddressPage]:
        """Like `list_crypto_deposit_addresses`, but returns `Response[CryptoDepositAddressPage]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `list_crypto_deposit_addresses`.
        """
        from . import list_crypto_deposit_addresses as _list_crypto_deposit_addresses

        return await self._runtime.call_detailed(
            OPERATIONS["list_crypto_deposit_addresses"],
            _list_crypto_deposit_addresses.build_request(
                page=page,
                size=size,
                sort=sort,
                currency_code=currency_code,
                network_code=network_code,
            ),
            _list_crypto_deposit_addresses._parse_response,
            options,
        )

    def iterate_list_crypto_deposit_addresses(
        self,
        *,
        size: int | Unset = 20,
        sort: str | Unset = UNSET,
        currency_code: str | Unset = UNSET,
        network_code: str | Unset = UNSET,
        prefetch: int = 1,
        **options: Unpack[CallOptions],
    ) -> PageIterator[CryptoDepositAddress]:
        """Every item of every page of `list_crypto_deposit_addresses`.

        ``async for item in ...`` requests each page when the previous one is used up.
        ``async with ... as items: async for item in items`` also fetches up to ``prefetch``
        pages ahead in the background. Stops after the last page (``last``, ``totalPages``) or
        at an empty page. Each page goes through the rate limiter and retries like any call; an
        error on any page is raised.
        """
        from . import list_crypto_deposit_addresses as _list_crypto_deposit_addresses

        return self._runtime.paginate(
            OPERATIONS["list_crypto_deposit_addresses"],
            lambda page: _list_crypto_deposit_addresses.build_request(
                page=page,
                size=size,
                sort=sort,
                currency_code=currency_code,
                network_code=network_code,
            ),
            _list_crypto_deposit_addresses._parse_response,
            options,
            prefetch,
        )

    async def create_crypto_deposit_address(
        self,
        *,
        body: CreateCryptoDepositAddressRequest | Mapping[str, Any],
        **options: Unpack[CallOptions],
    ) -> CryptoDepositAddress:
        """Generate a new crypto deposit address

        Evidence: scope, unconfirmed: listed in the docs' API-key scope table, but the path is not
        published. The path here is this project's proposal and may change. Source:
        https://docs.spectrocoin.com/reference/api-reference (API-key scope table,
        deposit-crypto-address:create)

        Generates a fresh deposit address for a currency on a network. Marked as money-moving
        because every call allocates a new address that can receive funds; do not retry blindly.
        The `deposit-crypto-address:create` scope covers it, but the path and fields are this
        project's proposal; SpectroCoin has not published them.

        Moves money: never retried once the request may have reached the server; on a connection error
        or timeout, reconcile before calling again.

        `POST /deposits/crypto-addresses`
        Args:
            body (CreateCryptoDepositAddressRequest): Request for a new crypto deposit address
                (proposal).
            **options: per-call options (timeout, deadline, headers, max_attempts), see CallOptions.

        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            CryptoDepositAddress
        """

        from . import create_crypto_deposit_address as _create_crypto_deposit_address

        return await self._runtime.call(
            OPERATIONS["create_crypto_deposit_address"],
            _create_crypto_deposit_address.build_request(
                body=body,
            ),
            _create_crypto_deposit_address._parse_response,
            options,
        )

    async def create_crypto_deposit_address_detailed(
        self,
        *,
        body: CreateCryptoDepositAddressRequest | Mapping[str, Any],
        **options: Unpack[CallOptions],
    ) -> Response[CryptoDepositAddress]:
        """Like `create_crypto_deposit_address`, but returns `Response[CryptoDepositAddress]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `create_crypto_deposit_address`.
        """
        from . import create_crypto_deposit_address as _create_crypto_deposit_address

        return await self._runtime.call_detailed(
            OPERATIONS["create_crypto_deposit_address"],
            _create_crypto_deposit_address.build_request(
                body=body,
            ),
            _create_crypto_deposit_address._parse_response,
            options,
        )


__all__ = ["DepositsAPI"]
