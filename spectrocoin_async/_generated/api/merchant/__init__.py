"""Operations tagged `merchant`."""

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

    from ...models.create_order_from_pre_order_request import CreateOrderFromPreOrderRequest
    from ...models.create_order_request import CreateOrderRequest
    from ...models.create_order_response import CreateOrderResponse
    from ...models.create_pre_order_request import CreatePreOrderRequest
    from ...models.order import Order
    from ...models.order_page import OrderPage
    from ...models.order_status import OrderStatus
    from ...models.pre_order import PreOrder
    from ...models.pre_order_page import PreOrderPage
    from ...models.project import Project
    from ...models.refund import Refund
    from ...models.refund_page import RefundPage
    from ...models.refund_status import RefundStatus
    from ...types import CallOptions, PageIterator, Response, Runtime, Unset


class MerchantAPI:
    """Operations tagged `merchant`, bound to one client."""

    __slots__ = ("_runtime",)

    def __init__(self, runtime: Runtime) -> None:
        self._runtime = runtime

    async def list_orders(
        self,
        *,
        page: int | Unset = 0,
        size: int | Unset = 20,
        sort: str | Unset = UNSET,
        date_from: datetime.date | Unset = UNSET,
        date_to: datetime.date | Unset = UNSET,
        status: str | OrderStatus | Unset = UNSET,
        project_id: str | UUID | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> OrderPage:
        """List merchant orders

        Evidence: documented: method and path are stated on docs.spectrocoin.com. Source:
        https://docs.spectrocoin.com/docs/expired-orders

        Returns one page of merchant orders, filtered by date range and status. The docs' guide
        names the path and the filters; their parameter names and the paging are this project's
        proposal.

        `GET /merchants/orders`
        Args:
            page (int | Unset): Page to return, counted from 0 (the first page is 0; at most 10^9).
                Default: 0.
            size (int | Unset): Number of items per page, from 1 to 100. Default: 20.
            sort (str | Unset): Sort order: `createdAt`, `createdAt,asc` or `createdAt,desc`
                (`createdAt` is the one sortable property).
            date_from (datetime.date | Unset): First day to include (inclusive).
            date_to (datetime.date | Unset): Last day to include (inclusive).
            status (str | OrderStatus | Unset): Merchant order status. Legacy numeric codes: NEW 1,
                PENDING 2, PAID 3, FAILED 4, EXPIRED 5,
                TEST 6, LATE_CRYPTO_PAYMENT 10, PARTIAL_PAYMENT 11, UNDERPAID 12, CANCELLED 13,
                INVALID_PAYMENT 14, TEST_PAID 15, TEST_EXPIRED 16, PROCESSING_REFUND 17, REFUNDED 18,
                REJECTED_REFUND 19, PENDING_LATE_CRYPTO_PAYMENT 20, REJECTED 21. The list has grown
                before:
                clients must accept unknown values. UNDERPAID and LATE_CRYPTO_PAYMENT orders can be
                accepted
                by the merchant and then become PAID. Names match case-insensitively and a legacy numeric
                code maps to its status, as in SpectroCoin's plugin
                (SCMerchantClient/Enum/OrderStatus.php).
            project_id (str | UUID | Unset): Only orders of this project (UUID).
            **options: per-call options (timeout, deadline, headers, max_attempts), see CallOptions.

        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            OrderPage
        """

        from . import list_orders as _list_orders

        return await self._runtime.call(
            OPERATIONS["list_orders"],
            _list_orders.build_request(
                page=page,
                size=size,
                sort=sort,
                date_from=date_from,
                date_to=date_to,
                status=status,
                project_id=project_id,
            ),
            _list_orders._parse_response,
            options,
        )

    async def list_orders_detailed(
        self,
        *,
        page: int | Unset = 0,
        size: int | Unset = 20,
        sort: str | Unset = UNSET,
        date_from: datetime.date | Unset = UNSET,
        date_to: datetime.date | Unset = UNSET,
        status: str | OrderStatus | Unset = UNSET,
        project_id: str | UUID | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> Response[OrderPage]:
        """Like `list_orders`, but returns `Response[OrderPage]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `list_orders`.
        """
        from . import list_orders as _list_orders

        return await self._runtime.call_detailed(
            OPERATIONS["list_orders"],
            _list_orders.build_request(
                page=page,
                size=size,
                sort=sort,
                date_from=date_from,
                date_to=date_to,
                status=status,
                project_id=project_id,
            ),
            _list_orders._parse_response,
            options,
        )

    def iterate_list_orders(
        self,
        *,
        size: int | Unset = 20,
        sort: str | Unset = UNSET,
        date_from: datetime.date | Unset = UNSET,
        date_to: datetime.date | Unset = UNSET,
        status: str | OrderStatus | Unset = UNSET,
        project_id: str | UUID | Unset = UNSET,
        prefetch: int = 1,
        **options: Unpack[CallOptions],
    ) -> PageIterator[Order]:
        """Every item of every page of `list_orders`.

        ``async for item in ...`` requests each page when the previous one is used up.
        ``async with ... as items: async for item in items`` also fetches up to ``prefetch``
        pages ahead in the background. Stops after the last page (``last``, ``totalPages``) or
        at an empty page. Each page goes through the rate limiter and retries like any call; an
        error on any page is raised.
        """
        from . import list_orders as _list_orders

        return self._runtime.paginate(
            OPERATIONS["list_orders"],
            lambda page: _list_orders.build_request(
                page=page,
                size=size,
                sort=sort,
                date_from=date_from,
                date_to=date_to,
                status=status,
                project_id=project_id,
            ),
            _list_orders._parse_response,
            options,
            prefetch,
        )

    async def create_order_from_pre_order(
        self,
        *,
        body: CreateOrderFromPreOrderRequest | Mapping[str, Any],
        **options: Unpack[CallOptions],
    ) -> Order:
        """Create an order from a pre-order

        Evidence: documented: method and path are stated on docs.spectrocoin.com. Source:
        https://docs.spectrocoin.com/reference/createusingpost8

        Creates an order from an existing pre-order. A pre-order with `isMultiple: true` can yield
        many orders: the first keeps the pre-order's `orderId` (e.g. "7055"), later ones get
        "Pre-7055-1", "Pre-7055-2", and so on. Remember that `id` (system UUID) and `orderId`
        (merchant's tracking id) differ. The body is JSON. The path is documented; the request
        fields are this project's model. Moves money: do not retry blindly after a timeout.

        Moves money: never retried once the request may have reached the server; on a connection error
        or timeout, reconcile before calling again.

        `POST /merchants/orders`
        Args:
            body (CreateOrderFromPreOrderRequest): Order from a pre-order (fields are this project's
                model).
            **options: per-call options (timeout, deadline, headers, max_attempts), see CallOptions.

        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            Order
        """

        from . import create_order_from_pre_order as _create_order_from_pre_order

        return await self._runtime.call(
            OPERATIONS["create_order_from_pre_order"],
            _create_order_from_pre_order.build_request(
                body=body,
            ),
            _create_order_from_pre_order._parse_response,
            options,
        )

    async def create_order_from_pre_order_detailed(
        self,
        *,
        body: CreateOrderFromPreOrderRequest | Mapping[str, Any],
        **options: Unpack[CallOptions],
    ) -> Response[Order]:
        """Like `create_order_from_pre_order`, but returns `Response[Order]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `create_order_from_pre_order`.
        """
        from . import create_order_from_pre_order as _create_order_from_pre_order

        return await self._runtime.call_detailed(
            OPERATIONS["create_order_from_pre_order"],
            _create_order_from_pre_order.build_request(
                body=body,
            ),
            _create_order_from_pre_order._parse_response,
            options,
        )

    async def create_order(
        self,
        *,
        body: CreateOrderRequest | Mapping[str, Any],
        **options: Unpack[CallOptions],
    ) -> CreateOrderResponse:
        """Create a merchant order

        Evidence: documented: method and path are stated on docs.spectrocoin.com. Sources:
        https://docs.spectrocoin.com/reference/createorderusingpost2,
        https://docs.spectrocoin.com/docs/creating-a-payment,
        https://docs.spectrocoin.com/docs/verified-payers-only,
        https://github.com/SpectroCoin/WordPress-WooCommerce-Bitcoin-Payment-Gateway-Plugin/blob/HEAD/SCMerchantClient/SCMerchantClient.php,
        https://github.com/SpectroCoin/WordPress-WooCommerce-Bitcoin-Payment-Gateway-Plugin/blob/7e96668de4d7cafe94264312fde9d859b81ff17a/SCMerchantClient/SCMerchantClient.php,
        https://github.com/SpectroCoin/Drupal-Bitcoin-Payment-Gateway-Module/blob/HEAD/src/SCMerchantClient/SCMerchantClient.php,
        https://github.com/SpectroCoin/Drupal-Bitcoin-Payment-Gateway-Module/blob/HEAD/src/SCMerchantClient/messages/SpectroCoin_CreateOrderRequest.php

        Creates a merchant order for a project and returns `redirectUrl`, the payment window where
        the payer picks currency and network. SpectroCoin first creates a pre-order; the order
        itself exists once the payer has chosen. Give `receiveAmount` + `receiveCurrencyCode` or
        `payAmount` + `payCurrencyCode`; receive wins when both are given. `orderId` must be unique
        within the project. The payer fields apply to projects with "verified payers only". The
        body is JSON (as in the docs' guide and SpectroCoin's plugins), not form-encoded. Moves
        money: do not retry blindly after a timeout; the merchant `orderId` makes a repeat
        detectable.

        Moves money: never retried once the request may have reached the server; on a connection error
        or timeout, reconcile before calling again.

        `POST /merchants/orders/create`
        Args:
            body (CreateOrderRequest): Merchant order. Give `receiveAmount` + `receiveCurrencyCode` or
                `payAmount` +
                `payCurrencyCode`; when both pairs are given the receive pair wins and the pay pair is
                ignored (SpectroCoin's merchant order guide). SpectroCoin's Drupal module sends every
                order with `payAmount: "0.0"` and `payCurrencyCode` beside the receive pair
                (src/SCMerchantClient/messages/SpectroCoin_CreateOrderRequest.php, getPayAmount), as the
                legacy merchant API's example did (`payAmount=0.0&receiveAmount=50.0`): a zero pay amount
                beside the receive pair is accepted; the amount of the pair that counts must be above
                zero, and no amount may be negative. Payer fields apply to projects with "verified payers
                only".
            **options: per-call options (timeout, deadline, headers, max_attempts), see CallOptions.

        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            CreateOrderResponse
        """

        from . import create_order as _create_order

        return await self._runtime.call(
            OPERATIONS["create_order"],
            _create_order.build_request(
                body=body,
            ),
            _create_order._parse_response,
            options,
        )

    async def create_order_detailed(
        self,
        *,
        body: CreateOrderRequest | Mapping[str, Any],
        **options: Unpack[CallOptions],
    ) -> Response[CreateOrderResponse]:
        """Like `create_order`, but returns `Response[CreateOrderResponse]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `create_order`.
        """
        from . import create_order as _create_order

        return await self._runtime.call_detailed(
            OPERATIONS["create_order"],
            _create_order.build_request(
                body=body,
            ),
            _create_order._parse_response,
            options,
        )

    async def get_order(
        self,
        id: UUID | str,
        **options: Unpack[CallOptions],
    ) -> Order:
        """Get one merchant order

        Evidence: documented: method and path are stated on docs.spectrocoin.com. Sources:
        https://docs.spectrocoin.com/docs/expired-orders,
        https://github.com/SpectroCoin/WordPress-WooCommerce-Bitcoin-Payment-Gateway-Plugin/blob/HEAD/includes/SpectroCoinGateway.php,
        https://github.com/SpectroCoin/Drupal-Bitcoin-Payment-Gateway-Module/blob/HEAD/tests/e2e/tier2/stub/index.php

        Returns one merchant order by its system UUID `id` (not the merchant's `orderId`). This is
        the way to verify a callback: take only `id` from the unsigned callback, fetch the order
        here with your own token, and trust only this response.

        `GET /merchants/orders/{id}`
        Args:
            id (UUID | str): The order's id, sent exactly as given: a UUID in SpectroCoin's
                documentation, 32 hex
                digits without dashes in the e2e stub of SpectroCoin's plugins
                (tests/e2e/tier2/stub/index.php), which looks orders up by the exact string.
            **options: per-call options (timeout, deadline, headers, max_attempts), see CallOptions.

        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            Order
        """

        from . import get_order as _get_order

        return await self._runtime.call(
            OPERATIONS["get_order"],
            _get_order.build_request(
                id=id,
            ),
            _get_order._parse_response,
            options,
        )

    async def get_order_detailed(
        self,
        id: UUID | str,
        **options: Unpack[CallOptions],
    ) -> Response[Order]:
        """Like `get_order`, but returns `Response[Order]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `get_order`.
        """
        from . import get_order as _get_order

        return await self._runtime.call_detailed(
            OPERATIONS["get_order"],
            _get_order.build_request(
                id=id,
            ),
            _get_order._parse_response,
            options,
        )

    async def accept_order(
        self,
        id: UUID | str,
        **options: Unpack[CallOptions],
    ) -> Order:
        """Accept an underpaid or late order

        Evidence: overview, unconfirmed: the capability is named in the API overview; path and fields
        are this project's proposal, not a published address, and may change. Source:
        https://docs.spectrocoin.com/docs/order-statuses

        Accepts an order in status `UNDERPAID` or `LATE_CRYPTO_PAYMENT`; it then becomes `PAID`.
        No request body. The method and path are this project's proposal; SpectroCoin has not
        published them.

        `POST /merchants/orders/{id}/accept`
        Args:
            id (UUID | str): The order's id, sent exactly as given: a UUID in SpectroCoin's
                documentation, 32 hex
                digits without dashes in the e2e stub of SpectroCoin's plugins
                (tests/e2e/tier2/stub/index.php), which looks orders up by the exact string.
            **options: per-call options (timeout, deadline, headers, max_attempts), see CallOptions.

        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            Order
        """

        from . import accept_order as _accept_order

        return await self._runtime.call(
            OPERATIONS["accept_order"],
            _accept_order.build_request(
                id=id,
            ),
            _accept_order._parse_response,
            options,
        )

    async def accept_order_detailed(
        self,
        id: UUID | str,
        **options: Unpack[CallOptions],
    ) -> Response[Order]:
        """Like `accept_order`, but returns `Response[Order]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `accept_order`.
        """
        from . import accept_order as _accept_order

        return await self._runtime.call_detailed(
            OPERATIONS["accept_order"],
            _accept_order.build_request(
                id=id,
            ),
            _accept_order._parse_response,
            options,
        )

    async def cancel_order(
        self,
        id: UUID | str,
        **options: Unpack[CallOptions],
    ) -> Order:
        """Cancel a merchant order

        Evidence: scope, unconfirmed: listed in the docs' API-key scope table, but the path is not
        published. The path here is this project's proposal and may change. Source:
        https://docs.spectrocoin.com/reference/api-reference (API-key scope table, merchant orders
        cancel)

        Cancels an unpaid merchant order and returns it. No request body. The scope table lists
        cancelling merchant orders, but the path is this project's proposal; SpectroCoin has not
        published it.

        `POST /merchants/orders/{id}/cancel`
        Args:
            id (UUID | str): The order's id, sent exactly as given: a UUID in SpectroCoin's
                documentation, 32 hex
                digits without dashes in the e2e stub of SpectroCoin's plugins
                (tests/e2e/tier2/stub/index.php), which looks orders up by the exact string.
            **options: per-call options (timeout, deadline, headers, max_attempts), see CallOptions.

        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            Order
        """

        from . import cancel_order as _cancel_order

        return await self._runtime.call(
            OPERATIONS["cancel_order"],
            _cancel_order.build_request(
                id=id,
            ),
            _cancel_order._parse_response,
            options,
        )

    async def cancel_order_detailed(
        self,
        id: UUID | str,
        **options: Unpack[CallOptions],
    ) -> Response[Order]:
        """Like `cancel_order`, but returns `Response[Order]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `cancel_order`.
        """
        from . import cancel_order as _cancel_order

        return await self._runtime.call_detailed(
            OPERATIONS["cancel_order"],
            _cancel_order.build_request(
                id=id,
            ),
            _cancel_order._parse_response,
            options,
        )

    async def list_pre_orders(
        self,
        *,
        page: int | Unset = 0,
        size: int | Unset = 20,
        sort: str | Unset = UNSET,
        project_id: str | UUID | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> PreOrderPage:
        """List pre-orders

        Evidence: scope, unconfirmed: listed in the docs' API-key scope table, but the path is not
        published. The path here is this project's proposal and may change. Source:
        https://docs.spectrocoin.com/reference/api-reference (API-key scope table,
        merchants-preorders:read)

        Returns one page of the caller's pre-orders. The `merchants-preorders:read` scope covers
        it, but the path is this project's proposal; SpectroCoin has not published it.

        `GET /merchants/preorders`
        Args:
            page (int | Unset): Page to return, counted from 0 (the first page is 0; at most 10^9).
                Default: 0.
            size (int | Unset): Number of items per page, from 1 to 100. Default: 20.
            sort (str | Unset): Sort order: `createdAt`, `createdAt,asc` or `createdAt,desc`
                (`createdAt` is the one sortable property).
            project_id (str | UUID | Unset): Only pre-orders of this project (UUID).
            **options: per-call options (timeout, deadline, headers, max_attempts), see CallOptions.

        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            PreOrderPage
        """

        from . import list_pre_orders as _list_pre_orders

        return await self._runtime.call(
            OPERATIONS["list_pre_orders"],
            _list_pre_orders.build_request(
                page=page,
                size=size,
                sort=sort,
                project_id=project_id,
            ),
            _list_pre_orders._parse_response,
            options,
        )

    async def list_pre_orders_detailed(
        self,
        *,
        page: int | Unset = 0,
        size: int | Unset = 20,
        sort: str | Unset = UNSET,
        project_id: str | UUID | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> Response[PreOrderPage]:
        """Like `list_pre_orders`, but returns `Response[PreOrderPage]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `list_pre_orders`.
        """
        from . import list_pre_orders as _list_pre_orders

        return await self._runtime.call_detailed(
            OPERATIONS["list_pre_orders"],
            _list_pre_orders.build_request(
                page=page,
                size=size,
                sort=sort,
                project_id=project_id,
            ),
            _list_pre_orders._parse_response,
            options,
        )

    def iterate_list_pre_orders(
        self,
        *,
        size: int | Unset = 20,
        sort: str | Unset = UNSET,
        project_id: str | UUID | Unset = UNSET,
        prefetch: int = 1,
        **options: Unpack[CallOptions],
    ) -> PageIterator[PreOrder]:
        """Every item of every page of `list_pre_orders`.

        ``async for item in ...`` requests each page when the previous one is used up.
        ``async with ... as items: async for item in items`` also fetches up to ``prefetch``
        pages ahead in the background. Stops after the last page (``last``, ``totalPages``) or
        at an empty page. Each page goes through the rate limiter and retries like any call; an
        error on any page is raised.
        """
        from . import list_pre_orders as _list_pre_orders

        return self._runtime.paginate(
            OPERATIONS["list_pre_orders"],
            lambda page: _list_pre_orders.build_request(
                page=page,
                size=size,
                sort=sort,
                project_id=project_id,
            ),
            _list_pre_orders._parse_response,
            options,
            prefetch,
        )

    async def create_pre_order(
        self,
        *,
        body: CreatePreOrderRequest | Mapping[str, Any],
        **options: Unpack[CallOptions],
    ) -> PreOrder:
        """Create a pre-order

        Evidence: documented: method and path are stated on docs.spectrocoin.com. Source:
        https://docs.spectrocoin.com/reference/createusingpost8

        Creates a reusable fixed-price pre-order for a project (for example for a point-of-sale
        link). With `isMultiple: true` many orders can be created from it. The docs name this path;
        the request and response fields are this project's model. Not money-moving by itself: no
        payment is requested until an order is created from it.

        `POST /merchants/preorders`
        Args:
            body (CreatePreOrderRequest): Fixed-price pre-order (fields are this project's model).
                Flat form fields.
            **options: per-call options (timeout, deadline, headers, max_attempts), see CallOptions.

        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            PreOrder
        """

        from . import create_pre_order as _create_pre_order

        return await self._runtime.call(
            OPERATIONS["create_pre_order"],
            _create_pre_order.build_request(
                body=body,
            ),
            _create_pre_order._parse_response,
            options,
        )

    async def create_pre_order_detailed(
        self,
        *,
        body: CreatePreOrderRequest | Mapping[str, Any],
        **options: Unpack[CallOptions],
    ) -> Response[PreOrder]:
        """Like `create_pre_order`, but returns `Response[PreOrder]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `create_pre_order`.
        """
        from . import create_pre_order as _create_pre_order

        return await self._runtime.call_detailed(
            OPERATIONS["create_pre_order"],
            _create_pre_order.build_request(
                body=body,
            ),
            _create_pre_order._parse_response,
            options,
        )

    async def get_pre_order(
        self,
        id: UUID | str,
        **options: Unpack[CallOptions],
    ) -> PreOrder:
        """Get one pre-order

        Evidence: scope, unconfirmed: listed in the docs' API-key scope table, but the path is not
        published. The path here is this project's proposal and may change. Source:
        https://docs.spectrocoin.com/reference/api-reference (API-key scope table,
        merchants-preorders:read)

        Returns one pre-order. The `merchants-preorders:read` scope covers it, but the path is this
        project's proposal; SpectroCoin has not published it.

        `GET /merchants/preorders/{id}`
        Args:
            id (UUID | str): Pre-order id.
            **options: per-call options (timeout, deadline, headers, max_attempts), see CallOptions.

        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            PreOrder
        """

        from . import get_pre_order as _get_pre_order

        return await self._runtime.call(
            OPERATIONS["get_pre_order"],
            _get_pre_order.build_request(
                id=id,
            ),
            _get_pre_order._parse_response,
            options,
        )

    async def get_pre_order_detailed(
        self,
        id: UUID | str,
        **options: Unpack[CallOptions],
    ) -> Response[PreOrder]:
        """Like `get_pre_order`, but returns `Response[PreOrder]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `get_pre_order`.
        """
        from . import get_pre_order as _get_pre_order

        return await self._runtime.call_detailed(
            OPERATIONS["get_pre_order"],
            _get_pre_order.build_request(
                id=id,
            ),
            _get_pre_order._parse_response,
            options,
        )

    async def list_projects(
        self,
        **options: Unpack[CallOptions],
    ) -> list[Project]:
        """List merchant projects

        Evidence: overview, unconfirmed: the capability is named in the API overview; path and fields
        are this project's proposal, not a published address, and may change. Source:
        https://docs.spectrocoin.com/reference/api-reference

        Returns the caller's merchant projects as a plain JSON array (not paged). The API overview
        names projects; the path and fields are this project's proposal; SpectroCoin has not
        published them.

        `GET /merchants/projects`
        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            list[Project]
        """

        from . import list_projects as _list_projects

        return await self._runtime.call(
            OPERATIONS["list_projects"],
            _list_projects.build_request(),
            _list_projects._parse_response,
            options,
        )

    async def list_projects_detailed(
        self,
        **options: Unpack[CallOptions],
    ) -> Response[list[Project]]:
        """Like `list_projects`, but returns `Response[list[Project]]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `list_projects`.
        """
        from . import list_projects as _list_projects

        return await self._runtime.call_detailed(
            OPERATIONS["list_projects"],
            _list_projects.build_request(),
            _list_projects._parse_response,
            options,
        )

    async def get_project(
        self,
        id: UUID | str,
        **options: Unpack[CallOptions],
    ) -> Project:
        """Get one merchant project

        Evidence: overview, unconfirmed: the capability is named in the API overview; path and fields
        are this project's proposal, not a published address, and may change. Source:
        https://docs.spectrocoin.com/reference/api-reference

        Returns one merchant project with its settings (test mode, receive currency, callback
        URL). The path and fields are this project's proposal; SpectroCoin has not published them.

        `GET /merchants/projects/{id}`
        Args:
            id (UUID | str): Project id (a UUID), sent exactly as given.
            **options: per-call options (timeout, deadline, headers, max_attempts), see CallOptions.

        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            Project
        """

        from . import get_project as _get_project

        return await self._runtime.call(
            OPERATIONS["get_project"],
            _get_project.build_request(
                id=id,
            ),
            _get_project._parse_response,
            options,
        )

    async def get_project_detailed(
        self,
        id: UUID | str,
        **options: Unpack[CallOptions],
    ) -> Response[Project]:
        """Like `get_project`, but returns `Response[Project]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `get_project`.
        """
        from . import get_project as _get_project

        return await self._runtime.call_detailed(
            OPERATIONS["get_project"],
            _get_project.build_request(
                id=id,
            ),
            _get_project._parse_response,
            options,
        )

    async def list_refunds(
        self,
        *,
        page: int | Unset = 0,
        size: int | Unset = 20,
        sort: str | Unset = UNSET,
        date_from: datetime.date | Unset = UNSET,
        date_to: datetime.date | Unset = UNSET,
        status: str | RefundStatus | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> RefundPage:
        """List merchant refunds

        Evidence: scope, unconfirmed: listed in the docs' API-key scope table, but the path is not
        published. The path here is this project's proposal and may change. Source:
        https://docs.spectrocoin.com/reference/api-reference (API-key scope table,
        merchants-refunds:read)

        Returns one page of refunds of merchant orders. The `merchants-refunds:read` scope covers
        it, but the path and fields are this project's proposal; SpectroCoin has not published them.

        `GET /merchants/refunds`
        Args:
            page (int | Unset): Page to return, counted from 0 (the first page is 0; at most 10^9).
                Default: 0.
            size (int | Unset): Number of items per page, from 1 to 100. Default: 20.
            sort (str | Unset): Sort order: `createdAt`, `createdAt,asc` or `createdAt,desc`
                (`createdAt` is the one sortable property).
            date_from (datetime.date | Unset): First day to include (inclusive).
            date_to (datetime.date | Unset): Last day to include (inclusive).
            status (str | RefundStatus | Unset): Status of a merchant refund. New values may appear;
                unknown ones are kept, never refused.
            **options: per-call options (timeout, deadline, headers, max_attempts), see CallOptions.

        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            RefundPage
        """

        from . import list_refunds as _list_refunds

        return await self._runtime.call(
            OPERATIONS["list_refunds"],
            _list_refunds.build_request(
                page=page,
                size=size,
                sort=sort,
                date_from=date_from,
                date_to=date_to,
                status=status,
            ),
            _list_refunds._parse_response,
            options,
        )

    async def list_refunds_detailed(
        self,
        *,
        page: int | Unset = 0,
        size: int | Unset = 20,
        sort: str | Unset = UNSET,
        date_from: datetime.date | Unset = UNSET,
        date_to: datetime.date | Unset = UNSET,
        status: str | RefundStatus | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> Response[RefundPage]:
        """Like `list_refunds`, but returns `Response[RefundPage]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `list_refunds`.
        """
        from . import list_refunds as _list_refunds

        return await self._runtime.call_detailed(
            OPERATIONS["list_refunds"],
            _list_refunds.build_request(
                page=page,
                size=size,
                sort=sort,
                date_from=date_from,
                date_to=date_to,
                status=status,
            ),
            _list_refunds._parse_response,
            options,
        )

    def iterate_list_refunds(
        self,
        *,
        size: int | Unset = 20,
        sort: str | Unset = UNSET,
        date_from: datetime.date | Unset = UNSET,
        date_to: datetime.date | Unset = UNSET,
        status: str | RefundStatus | Unset = UNSET,
        prefetch: int = 1,
        **options: Unpack[CallOptions],
    ) -> PageIterator[Refund]:
        """Every item of every page of `list_refunds`.

        ``async for item in ...`` requests each page when the previous one is used up.
        ``async with ... as items: async for item in items`` also fetches up to ``prefetch``
        pages ahead in the background. Stops after the last page (``last``, ``totalPages``) or
        at an empty page. Each page goes through the rate limiter and retries like any call; an
        error on any page is raised.
        """
        from . import list_refunds as _list_refunds

        return self._runtime.paginate(
            OPERATIONS["list_refunds"],
            lambda page: _list_refunds.build_request(
                page=page,
                size=size,
                sort=sort,
                date_from=date_from,
                date_to=date_to,
                status=status,
            ),
            _list_refunds._parse_response,
            options,
            prefetch,
        )


__all__ = ["MerchantAPI"]
