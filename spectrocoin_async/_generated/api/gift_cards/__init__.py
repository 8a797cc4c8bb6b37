"""Operations tagged `gift_cards`."""

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

    from ...models.gift_card import GiftCard
    from ...models.gift_card_purchase import GiftCardPurchase
    from ...models.gift_card_purchase_page import GiftCardPurchasePage
    from ...models.gift_card_purchase_status import GiftCardPurchaseStatus
    from ...models.purchase_gift_card_request import PurchaseGiftCardRequest
    from ...types import CallOptions, PageIterator, Response, Runtime, Unset


class GiftCardsAPI:
    """Operations tagged `gift_cards`, bound to one client."""

    __slots__ = ("_runtime",)

    def __init__(self, runtime: Runtime) -> None:
        self._runtime = runtime

    async def list_gift_cards(
        self,
        *,
        country_code: str | Unset = UNSET,
        currency_code: str | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> list[GiftCard]:
        """List the gift-card catalogue

        Evidence: overview, unconfirmed: the capability is named in the API overview; path and fields
        are this project's proposal, not a published address, and may change. Source:
        https://docs.spectrocoin.com/reference/api-reference

        Returns the gift cards that can be bought, as a plain JSON array (not paged): brand,
        country, card currency and the allowed denominations or amount range. The API overview
        names gift-card purchases; the path and fields are this project's proposal; SpectroCoin has
        not published them.

        `GET /gift-cards`
        Args:
            country_code (str | Unset): Only cards for this country (ISO 3166-1 alpha-2).
            currency_code (str | Unset): Only cards in this currency (upper case).
            **options: per-call options (timeout, deadline, headers, max_attempts), see CallOptions.

        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            list[GiftCard]
        """

        from . import list_gift_cards as _list_gift_cards

        return await self._runtime.call(
            OPERATIONS["list_gift_cards"],
            _list_gift_cards.build_request(
                country_code=country_code,
                currency_code=currency_code,
            ),
            _list_gift_cards._parse_response,
            options,
        )

    async def list_gift_cards_detailed(
        self,
        *,
        country_code: str | Unset = UNSET,
        currency_code: str | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> Response[list[GiftCard]]:
        """Like `list_gift_cards`, but returns `Response[list[GiftCard]]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `list_gift_cards`.
        """
        from . import list_gift_cards as _list_gift_cards

        return await self._runtime.call_detailed(
            OPERATIONS["list_gift_cards"],
            _list_gift_cards.build_request(
                country_code=country_code,
                currency_code=currency_code,
            ),
            _list_gift_cards._parse_response,
            options,
        )

    async def list_gift_card_purchases(
        self,
        *,
        page: int | Unset = 0,
        size: int | Unset = 20,
        sort: str | Unset = UNSET,
        status: str | GiftCardPurchaseStatus | Unset = UNSET,
        date_from: datetime.date | Unset = UNSET,
        date_to: datetime.date | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> GiftCardPurchasePage:
        """List gift-card purchases

        Evidence: overview, unconfirmed: the capability is named in the API overview; path and fields
        are this project's proposal, not a published address, and may change. Source:
        https://docs.spectrocoin.com/reference/api-reference

        Returns one page of the caller's gift-card purchases. The path is this project's proposal;
        SpectroCoin has not published it.

        `GET /gift-cards/purchases`
        Args:
            page (int | Unset): Page to return, counted from 0 (the first page is 0; at most 10^9).
                Default: 0.
            size (int | Unset): Number of items per page, from 1 to 100. Default: 20.
            sort (str | Unset): Sort order: `createdAt`, `createdAt,asc` or `createdAt,desc`
                (`createdAt` is the one sortable property).
            status (str | GiftCardPurchaseStatus | Unset): Status of a gift-card purchase. New values
                may appear; unknown ones are kept, never refused.
            date_from (datetime.date | Unset): First day to include (inclusive).
            date_to (datetime.date | Unset): Last day to include (inclusive).
            **options: per-call options (timeout, deadline, headers, max_attempts), see CallOptions.

        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            GiftCardPurchasePage
        """

        from . import list_gift_card_purchases as _list_gift_card_purchases

        return await self._runtime.call(
            OPERATIONS["list_gift_card_purchases"],
            _list_gift_card_purchases.build_request(
                page=page,
                size=size,
                sort=sort,
                status=status,
                date_from=date_from,
                date_to=date_to,
            ),
            _list_gift_card_purchases._parse_response,
            options,
        )

    async def list_gift_card_purchases_detailed(
        self,
        *,
        page: int | Unset = 0,
        size: int | Unset = 20,
        sort: str | Unset = UNSET,
        status: str | GiftCardPurchaseStatus | Unset = UNSET,
        date_from: datetime.date | Unset = UNSET,
        date_to: datetime.date | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> Response[GiftCardPurchasePage]:
        """Like `list_gift_card_purchases`, but returns `Response[GiftCardPurchasePage]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `list_gift_card_purchases`.
        """
        from . import list_gift_card_purchases as _list_gift_card_purchases

        return await self._runtime.call_detailed(
            OPERATIONS["list_gift_card_purchases"],
            _list_gift_card_purchases.build_request(
                page=page,
                size=size,
                sort=sort,
                status=status,
                date_from=date_from,
                date_to=date_to,
            ),
            _list_gift_card_purchases._parse_response,
            options,
        )

    def iterate_list_gift_card_purchases(
        self,
        *,
        size: int | Unset = 20,
        sort: str | Unset = UNSET,
        status: str | GiftCardPurchaseStatus | Unset = UNSET,
        date_from: datetime.date | Unset = UNSET,
        date_to: datetime.date | Unset = UNSET,
        prefetch: int = 1,
        **options: Unpack[CallOptions],
    ) -> PageIterator[GiftCardPurchase]:
        """Every item of every page of `list_gift_card_purchases`.

        ``async for item in ...`` requests each page when the previous one is used up.
        ``async with ... as items: async for item in items`` also fetches up to ``prefetch``
        pages ahead in the background. Stops after the last page (``last``, ``totalPages``) or
        at an empty page. Each page goes through the rate limiter and retries like any call; an
        error on any page is raised.
        """
        from . import list_gift_card_purchases as _list_gift_card_purchases

        return self._runtime.paginate(
            OPERATIONS["list_gift_card_purchases"],
            lambda page: _list_gift_card_purchases.build_request(
                page=page,
                size=size,
                sort=sort,
                status=status,
                date_from=date_from,
                date_to=date_to,
            ),
            _list_gift_card_purchases._parse_response,
            options,
            prefetch,
        )

    async def purchase_gift_card(
        self,
        *,
        body: PurchaseGiftCardRequest | Mapping[str, Any],
        **options: Unpack[CallOptions],
    ) -> GiftCardPurchase:
        """Buy a gift card

        Evidence: overview, unconfirmed: the capability is named in the API overview; path and fields
        are this project's proposal, not a published address, and may change. Source:
        https://docs.spectrocoin.com/reference/api-reference

        Buys a gift card of face value `amount`, paid from the wallet account of `payCurrencyCode`.
        The card code appears on the purchase once it is delivered. Moves money: do not retry
        blindly after a timeout; check listGiftCardPurchases first. The path and fields are this
        project's proposal; SpectroCoin has not published them.

        Moves money: never retried once the request may have reached the server; on a connection error
        or timeout, reconcile before calling again.

        `POST /gift-cards/purchases`
        Args:
            body (PurchaseGiftCardRequest): A gift-card purchase (proposal).
            **options: per-call options (timeout, deadline, headers, max_attempts), see CallOptions.

        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            GiftCardPurchase
        """

        from . import purchase_gift_card as _purchase_gift_card

        return await self._runtime.call(
            OPERATIONS["purchase_gift_card"],
            _purchase_gift_card.build_request(
                body=body,
            ),
            _purchase_gift_card._parse_response,
            options,
        )

    async def purchase_gift_card_detailed(
        self,
        *,
        body: PurchaseGiftCardRequest | Mapping[str, Any],
        **options: Unpack[CallOptions],
    ) -> Response[GiftCardPurchase]:
        """Like `purchase_gift_card`, but returns `Response[GiftCardPurchase]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `purchase_gift_card`.
        """
        from . import purchase_gift_card as _purchase_gift_card

        return await self._runtime.call_detailed(
            OPERATIONS["purchase_gift_card"],
            _purchase_gift_card.build_request(
                body=body,
            ),
            _purchase_gift_card._parse_response,
            options,
        )

    async def get_gift_card_purchase(
        self,
        id: UUID | str,
        **options: Unpack[CallOptions],
    ) -> GiftCardPurchase:
        """Get one gift-card purchase

        Evidence: overview, unconfirmed: the capability is named in the API overview; path and fields
        are this project's proposal, not a published address, and may change. Source:
        https://docs.spectrocoin.com/reference/api-reference

        Returns one gift-card purchase, with the card code once it is delivered. Treat the code as
        a secret. The path is this project's proposal; SpectroCoin has not published it.

        `GET /gift-cards/purchases/{id}`
        Args:
            id (UUID | str): Gift-card purchase id.
            **options: per-call options (timeout, deadline, headers, max_attempts), see CallOptions.

        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            GiftCardPurchase
        """

        from . import get_gift_card_purchase as _get_gift_card_purchase

        return await self._runtime.call(
            OPERATIONS["get_gift_card_purchase"],
            _get_gift_card_purchase.build_request(
                id=id,
            ),
            _get_gift_card_purchase._parse_response,
            options,
        )

    async def get_gift_card_purchase_detailed(
        self,
        id: UUID | str,
        **options: Unpack[CallOptions],
    ) -> Response[GiftCardPurchase]:
        """Like `get_gift_card_purchase`, but returns `Response[GiftCardPurchase]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `get_gift_card_purchase`.
        """
        from . import get_gift_card_purchase as _get_gift_card_purchase

        return await self._runtime.call_detailed(
            OPERATIONS["get_gift_card_purchase"],
            _get_gift_card_purchase.build_request(
                id=id,
            ),
            _get_gift_card_purchase._parse_response,
            options,
        )


__all__ = ["GiftCardsAPI"]
