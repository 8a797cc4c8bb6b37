"""Operations tagged `withdrawals`."""

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

    from ...models.bank_withdrawal import BankWithdrawal
    from ...models.bank_withdrawal_page import BankWithdrawalPage
    from ...models.create_bank_withdrawal_request import CreateBankWithdrawalRequest
    from ...models.create_crypto_withdrawal_request import CreateCryptoWithdrawalRequest
    from ...models.create_withdrawal_with_exchange_request import (
        CreateWithdrawalWithExchangeRequest,
    )
    from ...models.crypto_withdrawal import CryptoWithdrawal
    from ...models.crypto_withdrawal_fee import CryptoWithdrawalFee
    from ...models.crypto_withdrawal_fee_request import CryptoWithdrawalFeeRequest
    from ...models.crypto_withdrawal_page import CryptoWithdrawalPage
    from ...models.withdrawal_status import WithdrawalStatus
    from ...models.withdrawal_with_exchange import WithdrawalWithExchange
    from ...models.withdrawal_with_exchange_page import WithdrawalWithExchangePage
    from ...types import CallOptions, PageIterator, Response, Runtime, Unset


class WithdrawalsAPI:
    """Operations tagged `withdrawals`, bound to one client."""

    __slots__ = ("_runtime",)

    def __init__(self, runtime: Runtime) -> None:
        self._runtime = runtime

    async def list_bank_withdrawals(
        self,
        *,
        page: int | Unset = 0,
        size: int | Unset = 20,
        sort: str | Unset = UNSET,
        currency_code: str | Unset = UNSET,
        status: str | WithdrawalStatus | Unset = UNSET,
        date_from: datetime.date | Unset = UNSET,
        date_to: datetime.date | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> BankWithdrawalPage:
        """List bank withdrawals

        Evidence: scope, unconfirmed: listed in the docs' API-key scope table, but the path is not
        published. The path here is this project's proposal and may change. Source:
        https://docs.spectrocoin.com/reference/api-reference (API-key scope table, bank withdrawals
        view)

        Returns one page of the caller's bank withdrawal history. The scope table lists viewing
        bank withdrawals, but the path is this project's proposal; SpectroCoin has not published it.

        `GET /withdrawals/bank`
        Args:
            page (int | Unset): Page to return, counted from 0 (the first page is 0; at most 10^9).
                Default: 0.
            size (int | Unset): Number of items per page, from 1 to 100. Default: 20.
            sort (str | Unset): Sort order: `createdAt`, `createdAt,asc` or `createdAt,desc`
                (`createdAt` is the one sortable property).
            currency_code (str | Unset): Only withdrawals of this currency (upper case).
            status (str | WithdrawalStatus | Unset): Status of a crypto or bank withdrawal. New values
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
            BankWithdrawalPage
        """

        from . import list_bank_withdrawals as _list_bank_withdrawals

        return await self._runtime.call(
            OPERATIONS["list_bank_withdrawals"],
            _list_bank_withdrawals.build_request(
                page=page,
                size=size,
                sort=sort,
                currency_code=currency_code,
                status=status,
                date_from=date_from,
                date_to=date_to,
            ),
            _list_bank_withdrawals._parse_response,
            options,
        )

    async def list_bank_withdrawals_detailed(
        self,
        *,
        page: int | Unset = 0,
        size: int | Unset = 20,
        sort: str | Unset = UNSET,
        currency_code: str | Unset = UNSET,
        status: str | WithdrawalStatus | Unset = UNSET,
        date_from: datetime.date | Unset = UNSET,
        date_to: datetime.date | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> Response[BankWithdrawalPage]:
        """Like `list_bank_withdrawals`, but returns `Response[BankWithdrawalPage]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `list_bank_withdrawals`.
        """
        from . import list_bank_withdrawals as _list_bank_withdrawals

        return await self._runtime.call_detailed(
            OPERATIONS["list_bank_withdrawals"],
            _list_bank_withdrawals.build_request(
                page=page,
                size=size,
                sort=sort,
                currency_code=currency_code,
                status=status,
                date_from=date_from,
                date_to=date_to,
            ),
            _list_bank_withdrawals._parse_response,
            options,
        )

    def iterate_list_bank_withdrawals(
        self,
        *,
        size: int | Unset = 20,
        sort: str | Unset = UNSET,
        currency_code: str | Unset = UNSET,
        status: str | WithdrawalStatus | Unset = UNSET,
        date_from: datetime.date | Unset = UNSET,
        date_to: datetime.date | Unset = UNSET,
        prefetch: int = 1,
        **options: Unpack[CallOptions],
    ) -> PageIterator[BankWithdrawal]:
        """Every item of every page of `list_bank_withdrawals`.

        ``async for item in ...`` requests each page when the previous one is used up.
        ``async with ... as items: async for item in items`` also fetches up to ``prefetch``
        pages ahead in the background. Stops after the last page (``last``, ``totalPages``) or
        at an empty page. Each page goes through the rate limiter and retries like any call; an
        error on any page is raised.
        """
        from . import list_bank_withdrawals as _list_bank_withdrawals

        return self._runtime.paginate(
            OPERATIONS["list_bank_withdrawals"],
            lambda page: _list_bank_withdrawals.build_request(
                page=page,
                size=size,
                sort=sort,
                currency_code=currency_code,
                status=status,
                date_from=date_from,
                date_to=date_to,
            ),
            _list_bank_withdrawals._parse_response,
            options,
            prefetch,
        )

    async def create_bank_withdrawal(
        self,
        *,
        body: CreateBankWithdrawalRequest | Mapping[str, Any],
        **options: Unpack[CallOptions],
    ) -> BankWithdrawal:
        """Send a bank withdrawal

        Evidence: scope, unconfirmed: listed in the docs' API-key scope table, but the path is not
        published. The path here is this project's proposal and may change. Source:
        https://docs.spectrocoin.com/reference/api-reference (API-key scope table, bank withdrawals
        create)

        Sends a fiat amount to a bank account on a payment rail (SEPA, SWIFT, ...). Moves money: do
        not retry blindly after a timeout; check listBankWithdrawals first. The scope table lists
        bank-withdrawal creation, but the path and fields are this project's proposal; SpectroCoin
        has not published them.

        Moves money: never retried once the request may have reached the server; on a connection error
        or timeout, reconcile before calling again.

        `POST /withdrawals/bank`
        Args:
            body (CreateBankWithdrawalRequest): A bank withdrawal to send (proposal). Flat form
                fields. SEPA needs `iban`; SWIFT needs
                `bic` and `iban` or `accountNumber`.
            **options: per-call options (timeout, deadline, headers, max_attempts), see CallOptions.

        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            BankWithdrawal
        """

        from . import create_bank_withdrawal as _create_bank_withdrawal

        return await self._runtime.call(
            OPERATIONS["create_bank_withdrawal"],
            _create_bank_withdrawal.build_request(
                body=body,
            ),
            _create_bank_withdrawal._parse_response,
            options,
        )

    async def create_bank_withdrawal_detailed(
        self,
        *,
        body: CreateBankWithdrawalRequest | Mapping[str, Any],
        **options: Unpack[CallOptions],
    ) -> Response[BankWithdrawal]:
        """Like `create_bank_withdrawal`, but returns `Response[BankWithdrawal]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `create_bank_withdrawal`.
        """
        from . import create_bank_withdrawal as _create_bank_withdrawal

        return await self._runtime.call_detailed(
            OPERATIONS["create_bank_withdrawal"],
            _create_bank_withdrawal.build_request(
                body=body,
            ),
            _create_bank_withdrawal._parse_response,
            options,
        )

    async def get_bank_withdrawal(
        self,
        id: UUID | str,
        **options: Unpack[CallOptions],
    ) -> BankWithdrawal:
        """Get one bank withdrawal

        Evidence: scope, unconfirmed: listed in the docs' API-key scope table, but the path is not
        published. The path here is this project's proposal and may change. Source:
        https://docs.spectrocoin.com/reference/api-reference (API-key scope table, bank withdrawals
        view)

        Returns one bank withdrawal with its status. The scope table lists viewing bank
        withdrawals, but the path is this project's proposal; SpectroCoin has not published it.

        `GET /withdrawals/bank/{id}`
        Args:
            id (UUID | str): Bank withdrawal id.
            **options: per-call options (timeout, deadline, headers, max_attempts), see CallOptions.

        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            BankWithdrawal
        """

        from . import get_bank_withdrawal as _get_bank_withdrawal

        return await self._runtime.call(
            OPERATIONS["get_bank_withdrawal"],
            _get_bank_withdrawal.build_request(
                id=id,
            ),
            _get_bank_withdrawal._parse_response,
            options,
        )

    async def get_bank_withdrawal_detailed(
        self,
        id: UUID | str,
        **options: Unpack[CallOptions],
    ) -> Response[BankWithdrawal]:
        """Like `get_bank_withdrawal`, but returns `Response[BankWithdrawal]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `get_bank_withdrawal`.
        """
        from . import get_bank_withdrawal as _get_bank_withdrawal

        return await self._runtime.call_detailed(
            OPERATIONS["get_bank_withdrawal"],
            _get_bank_withdrawal.build_request(
                id=id,
            ),
            _get_bank_withdrawal._parse_response,
            options,
        )

    async def list_crypto_withdrawals(
        self,
        *,
        page: int | Unset = 0,
        size: int | Unset = 20,
        sort: str | Unset = UNSET,
        currency_code: str | Unset = UNSET,
        status: str | WithdrawalStatus | Unset = UNSET,
        date_from: datetime.date | Unset = UNSET,
        date_to: datetime.date | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> CryptoWithdrawalPage:
        """List crypto withdrawals

        Evidence: scope, unconfirmed: listed in the docs' API-key scope table, but the path is not
        published. The path here is this project's proposal and may change. Source:
        https://docs.spectrocoin.com/reference/api-reference (API-key scope table, withdraw-crypto:read)

        Returns one page of the caller's crypto withdrawal history. The `withdraw-crypto:read` scope
        covers it, but the path is this project's proposal; SpectroCoin has not published it.

        `GET /withdrawals/crypto`
        Args:
            page (int | Unset): Page to return, counted from 0 (the first page is 0; at most 10^9).
                Default: 0.
            size (int | Unset): Number of items per page, from 1 to 100. Default: 20.
            sort (str | Unset): Sort order: `createdAt`, `createdAt,asc` or `createdAt,desc`
                (`createdAt` is the one sortable property).
            currency_code (str | Unset): Only withdrawals of this currency (upper case).
            status (str | WithdrawalStatus | Unset): Status of a crypto or bank withdrawal. New values
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
            CryptoWithdrawalPage
        """

        from . import list_crypto_withdrawals as _list_crypto_withdrawals

        return await self._runtime.call(
            OPERATIONS["list_crypto_withdrawals"],
            _list_crypto_withdrawals.build_request(
                page=page,
                size=size,
                sort=sort,
                currency_code=currency_code,
                status=status,
                date_from=date_from,
                date_to=date_to,
            ),
            _list_crypto_withdrawals._parse_response,
            options,
        )

    async def list_crypto_withdrawals_detailed(
        self,
        *,
        page: int | Unset = 0,
        size: int | Unset = 20,
        sort: str | Unset = UNSET,
        currency_code: str | Unset = UNSET,
        status: str | WithdrawalStatus | Unset = UNSET,
        date_from: datetime.date | Unset = UNSET,
        date_to: datetime.date | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> Response[CryptoWithdrawalPage]:
        """Like `list_crypto_withdrawals`, but returns `Response[CryptoWithdrawalPage]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `list_crypto_withdrawals`.
        """
        from . import list_crypto_withdrawals as _list_crypto_withdrawals

        return await self._runtime.call_detailed(
            OPERATIONS["list_crypto_withdrawals"],
            _list_crypto_withdrawals.build_request(
                page=page,
                size=size,
                sort=sort,
                currency_code=currency_code,
                status=status,
                date_from=date_from,
                date_to=date_to,
            ),
            _list_crypto_withdrawals._parse_response,
            options,
        )

    def iterate_list_crypto_withdrawals(
        self,
        *,
        size: int | Unset = 20,
        sort: str | Unset = UNSET,
        currency_code: str | Unset = UNSET,
        status: str | WithdrawalStatus | Unset = UNSET,
        date_from: datetime.date | Unset = UNSET,
        date_to: datetime.date | Unset = UNSET,
        prefetch: int = 1,
        **options: Unpack[CallOptions],
    ) -> PageIterator[CryptoWithdrawal]:
        """Every item of every page of `list_crypto_withdrawals`.

        ``async for item in ...`` requests each page when the previous one is used up.
        ``async with ... as items: async for item in items`` also fetches up to ``prefetch``
        pages ahead in the background. Stops after the last page (``last``, ``totalPages``) or
        at an empty page. Each page goes through the rate limiter and retries like any call; an
        error on any page is raised.
        """
        from . import list_crypto_withdrawals as _list_crypto_withdrawals

        return self._runtime.paginate(
            OPERATIONS["list_crypto_withdrawals"],
            lambda page: _list_crypto_withdrawals.build_request(
                page=page,
                size=size,
                sort=sort,
                currency_code=currency_code,
                status=status,
                date_from=date_from,
                date_to=date_to,
            ),
            _list_crypto_withdrawals._parse_response,
            options,
            prefetch,
        )

    async def create_crypto_withdrawal(
        self,
        *,
        body: CreateCryptoWithdrawalRequest | Mapping[str, Any],
        **options: Unpack[CallOptions],
    ) -> CryptoWithdrawal:
        """Send a crypto withdrawal

        Evidence: scope, unconfirmed: listed in the docs' API-key scope table, but the path is not
        published. The path here is this project's proposal and may change. Source:
        https://docs.spectrocoin.com/reference/api-reference (API-key scope table,
        withdraw-crypto:create)

        Sends `amount` of a crypto currency to an external address on a network, with a memo or tag
        where the network needs one. Moves money: do not retry blindly after a timeout; check
        listCryptoWithdrawals first. The `withdraw-crypto:create` scope covers it, but the path and
        fields are this project's proposal; SpectroCoin has not published them.

        Moves money: never retried once the request may have reached the server; on a connection error
        or timeout, reconcile before calling again.

        `POST /withdrawals/crypto`
        Args:
            body (CreateCryptoWithdrawalRequest): A crypto withdrawal to send (proposal).
            **options: per-call options (timeout, deadline, headers, max_attempts), see CallOptions.

        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            CryptoWithdrawal
        """

        from . import create_crypto_withdrawal as _create_crypto_withdrawal

        return await self._runtime.call(
            OPERATIONS["create_crypto_withdrawal"],
            _create_crypto_withdrawal.build_request(
                body=body,
            ),
            _create_crypto_withdrawal._parse_response,
            options,
        )

    async def create_crypto_withdrawal_detailed(
        self,
        *,
        body: CreateCryptoWithdrawalRequest | Mapping[str, Any],
        **options: Unpack[CallOptions],
    ) -> Response[CryptoWithdrawal]:
        """Like `create_crypto_withdrawal`, but returns `Response[CryptoWithdrawal]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `create_crypto_withdrawal`.
        """
        from . import create_crypto_withdrawal as _create_crypto_withdrawal

        return await self._runtime.call_detailed(
            OPERATIONS["create_crypto_withdrawal"],
            _create_crypto_withdrawal.build_request(
                body=body,
            ),
            _create_crypto_withdrawal._parse_response,
            options,
        )

    async def get_crypto_withdrawal_fee(
        self,
        *,
        body: CryptoWithdrawalFeeRequest | Mapping[str, Any],
        **options: Unpack[CallOptions],
    ) -> CryptoWithdrawalFee:
        """Get the fee of a planned crypto withdrawal

        Evidence: scope, unconfirmed: listed in the docs' API-key scope table, but the path is not
        published. The path here is this project's proposal and may change. Source:
        https://docs.spectrocoin.com/reference/api-reference (API-key scope table,
        withdraw-crypto:create)

        Returns the fee and limits that would apply to a crypto withdrawal of `amount` on a network.
        Nothing is sent. The `withdraw-crypto:create` scope covers it ("get fee information"), but
        the path and fields are this project's proposal; SpectroCoin has not published them.

        `POST /withdrawals/crypto/fee`
        Args:
            body (CryptoWithdrawalFeeRequest): A planned crypto withdrawal to price (proposal).
            **options: per-call options (timeout, deadline, headers, max_attempts), see CallOptions.

        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            CryptoWithdrawalFee
        """

        from . import get_crypto_withdrawal_fee as _get_crypto_withdrawal_fee

        return await self._runtime.call(
            OPERATIONS["get_crypto_withdrawal_fee"],
            _get_crypto_withdrawal_fee.build_request(
                body=body,
            ),
            _get_crypto_withdrawal_fee._parse_response,
            options,
        )

    async def get_crypto_withdrawal_fee_detailed(
        self,
        *,
        body: CryptoWithdrawalFeeRequest | Mapping[str, Any],
        **options: Unpack[CallOptions],
    ) -> Response[CryptoWithdrawalFee]:
        """Like `get_crypto_withdrawal_fee`, but returns `Response[CryptoWithdrawalFee]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `get_crypto_withdrawal_fee`.
        """
        from . import get_crypto_withdrawal_fee as _get_crypto_withdrawal_fee

        return await self._runtime.call_detailed(
            OPERATIONS["get_crypto_withdrawal_fee"],
            _get_crypto_withdrawal_fee.build_request(
                body=body,
            ),
            _get_crypto_withdrawal_fee._parse_response,
            options,
        )

    async def get_crypto_withdrawal(
        self,
        id: UUID | str,
        **options: Unpack[CallOptions],
    ) -> CryptoWithdrawal:
        """Get one crypto withdrawal

        Evidence: scope, unconfirmed: listed in the docs' API-key scope table, but the path is not
        published. The path here is this project's proposal and may change. Source:
        https://docs.spectrocoin.com/reference/api-reference (API-key scope table, withdraw-crypto:read)

        Returns one crypto withdrawal with its status and, once broadcast, its transaction hash.
        The `withdraw-crypto:read` scope covers it, but the path is this project's proposal;
        SpectroCoin has not published it.

        `GET /withdrawals/crypto/{id}`
        Args:
            id (UUID | str): Crypto withdrawal id.
            **options: per-call options (timeout, deadline, headers, max_attempts), see CallOptions.

        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            CryptoWithdrawal
        """

        from . import get_crypto_withdrawal as _get_crypto_withdrawal

        return await self._runtime.call(
            OPERATIONS["get_crypto_withdrawal"],
            _get_crypto_withdrawal.build_request(
                id=id,
            ),
            _get_crypto_withdrawal._parse_response,
            options,
        )

    async def get_crypto_withdrawal_detailed(
        self,
        id: UUID | str,
        **options: Unpack[CallOptions],
    ) -> Response[CryptoWithdrawal]:
        """Like `get_crypto_withdrawal`, but returns `Response[CryptoWithdrawal]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `get_crypto_withdrawal`.
        """
        from . import get_crypto_withdrawal as _get_crypto_withdrawal

        return await self._runtime.call_detailed(
            OPERATIONS["get_crypto_withdrawal"],
            _get_crypto_withdrawal.build_request(
                id=id,
            ),
            _get_crypto_withdrawal._parse_response,
            options,
        )

    async def list_withdrawals_with_exchange(
        self,
        *,
        page: int | Unset = 0,
        size: int | Unset = 20,
        sort: str | Unset = UNSET,
        status: str | WithdrawalStatus | Unset = UNSET,
        date_from: datetime.date | Unset = UNSET,
        date_to: datetime.date | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> WithdrawalWithExchangePage:
        """List withdrawals with exchange

        Evidence: scope, unconfirmed: listed in the docs' API-key scope table, but the path is not
        published. The path here is this project's proposal and may change. Source:
        https://docs.spectrocoin.com/reference/api-reference (API-key scope table,
        withdraw-with-exchange:read)

        Returns one page of the caller's withdrawals that included an exchange. The
        `withdraw-with-exchange:read` scope covers it, but the path is this project's proposal;
        SpectroCoin has not published it.

        `GET /withdrawals/with-exchange`
        Args:
            page (int | Unset): Page to return, counted from 0 (the first page is 0; at most 10^9).
                Default: 0.
            size (int | Unset): Number of items per page, from 1 to 100. Default: 20.
            sort (str | Unset): Sort order: `createdAt`, `createdAt,asc` or `createdAt,desc`
                (`createdAt` is the one sortable property).
            status (str | WithdrawalStatus | Unset): Status of a crypto or bank withdrawal. New values
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
            WithdrawalWithExchangePage
        """

        from . import list_withdrawals_with_exchange as _list_withdrawals_with_exchange

        return await self._runtime.call(
            OPERATIONS["list_withdrawals_with_exchange"],
            _list_withdrawals_with_exchange.build_request(
                page=page,
                size=size,
                sort=sort,
                status=status,
                date_from=date_from,
                date_to=date_to,
            ),
            _list_withdrawals_with_exchange._parse_response,
            options,
        )

    async def list_withdrawals_with_exchange_detailed(
        self,
        *,
        page: int | Unset = 0,
        size: int | Unset = 20,
        sort: str | Unset = UNSET,
        status: str | WithdrawalStatus | Unset = UNSET,
        date_from: datetime.date | Unset = UNSET,
        date_to: datetime.date | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> Response[WithdrawalWithExchangePage]:
        """Like `list_withdrawals_with_exchange`, but returns `Response[WithdrawalWithExchangePage]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `list_withdrawals_with_exchange`.
        """
        from . import list_withdrawals_with_exchange as _list_withdrawals_with_exchange

        return await self._runtime.call_detailed(
            OPERATIONS["list_withdrawals_with_exchange"],
            _list_withdrawals_with_exchange.build_request(
                page=page,
                size=size,
                sort=sort,
                status=status,
                date_from=date_from,
                date_to=date_to,
            ),
            _list_withdrawals_with_exchange._parse_response,
            options,
        )

    def iterate_list_withdrawals_with_exchange(
        self,
        *,
        size: int | Unset = 20,
        sort: str | Unset = UNSET,
        status: str | WithdrawalStatus | Unset = UNSET,
        date_from: datetime.date | Unset = UNSET,
        date_to: datetime.date | Unset = UNSET,
        prefetch: int = 1,
        **options: Unpack[CallOptions],
    ) -> PageIterator[WithdrawalWithExchange]:
        """Every item of every page of `list_withdrawals_with_exchange`.

        ``async for item in ...`` requests each page when the previous one is used up.
        ``async with ... as items: async for item in items`` also fetches up to ``prefetch``
        pages ahead in the background. Stops after the last page (``last``, ``totalPages``) or
        at an empty page. Each page goes through the rate limiter and retries like any call; an
        error on any page is raised.
        """
        from . import list_withdrawals_with_exchange as _list_withdrawals_with_exchange

        return self._runtime.paginate(
            OPERATIONS["list_withdrawals_with_exchange"],
            lambda page: _list_withdrawals_with_exchange.build_request(
                page=page,
                size=size,
                sort=sort,
                status=status,
                date_from=date_from,
                date_to=date_to,
            ),
            _list_withdrawals_with_exchange._parse_response,
            options,
            prefetch,
        )

    async def create_withdrawal_with_exchange(
        self,
        *,
        body: CreateWithdrawalWithExchangeRequest | Mapping[str, Any],
        **options: Unpack[CallOptions],
    ) -> WithdrawalWithExchange:
        """Exchange and withdraw in one operation

        Evidence: scope, unconfirmed: listed in the docs' API-key scope table, but the path is not
        published. The path here is this project's proposal and may change. Source:
        https://docs.spectrocoin.com/reference/api-reference (API-key scope table,
        withdraw-with-exchange create)

        Converts `payAmount` of one currency into another and sends the result to an external
        crypto address in one operation. Moves money: do not retry blindly after a timeout; check
        listWithdrawalsWithExchange first. The scope table lists withdraw-with-exchange creation,
        but the path and fields are this project's proposal; SpectroCoin has not published them.

        Moves money: never retried once the request may have reached the server; on a connection error
        or timeout, reconcile before calling again.

        `POST /withdrawals/with-exchange`
        Args:
            body (CreateWithdrawalWithExchangeRequest): Exchange-then-withdraw order to a crypto
                address (proposal).
            **options: per-call options (timeout, deadline, headers, max_attempts), see CallOptions.

        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            WithdrawalWithExchange
        """

        from . import create_withdrawal_with_exchange as _create_withdrawal_with_exchange

        return await self._runtime.call(
            OPERATIONS["create_withdrawal_with_exchange"],
            _create_withdrawal_with_exchange.build_request(
                body=body,
            ),
            _create_withdrawal_with_exchange._parse_response,
            options,
        )

    async def create_withdrawal_with_exchange_detailed(
        self,
        *,
        body: CreateWithdrawalWithExchangeRequest | Mapping[str, Any],
        **options: Unpack[CallOptions],
    ) -> Response[WithdrawalWithExchange]:
        """Like `create_withdrawal_with_exchange`, but returns `Response[WithdrawalWithExchange]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `create_withdrawal_with_exchange`.
        """
        from . import create_withdrawal_with_exchange as _create_withdrawal_with_exchange

        return await self._runtime.call_detailed(
            OPERATIONS["create_withdrawal_with_exchange"],
            _create_withdrawal_with_exchange.build_request(
                body=body,
            ),
            _create_withdrawal_with_exchange._parse_response,
            options,
        )


__all__ = ["WithdrawalsAPI"]
