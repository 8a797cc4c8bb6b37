"""Operations tagged `accounts`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..._operations import OPERATIONS
from ...types import UNSET

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Mapping
    from decimal import Decimal
    from typing import Any, Unpack, cast
    from uuid import UUID

    from ...models.account import Account
    from ...types import CallOptions, PageIterator, Response, Runtime, Unset


class AccountsAPI:
    """Operations tagged `accounts`, bound to one client."""

    __slots__ = ("_runtime",)

    def __init__(self, runtime: Runtime) -> None:
        self._runtime = runtime

    async def list_accounts(
        self,
        **options: Unpack[CallOptions],
    ) -> list[Account]:
        """List wallet accounts

        Evidence: documented: method and path are stated on docs.spectrocoin.com. Source:
        https://docs.spectrocoin.com/reference/submitusingpost2

        Returns the caller's wallet accounts with their balances as a plain JSON array (not paged).
        An account's `id` is what exchange and withdrawal operations take as `payAccountId` or
        `accountId`. The docs link this path from the exchange reference; the account fields are
        this project's model (derived from the legacy wallet API). Needs the `account:read` scope.

        `GET /accounts`
        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            list[Account]
        """

        from . import list_accounts as _list_accounts

        return await self._runtime.call(
            OPERATIONS["list_accounts"],
            _list_accounts.build_request(),
            _list_accounts._parse_response,
            options,
        )

    async def list_accounts_detailed(
        self,
        **options: Unpack[CallOptions],
    ) -> Response[list[Account]]:
        """Like `list_accounts`, but returns `Response[list[Account]]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `list_accounts`.
        """
        from . import list_accounts as _list_accounts

        return await self._runtime.call_detailed(
            OPERATIONS["list_accounts"],
            _list_accounts.build_request(),
            _list_accounts._parse_response,
            options,
        )

    async def get_account(
        self,
        id: UUID | str,
        **options: Unpack[CallOptions],
    ) -> Account:
        """Get one wallet account

        Evidence: scope, unconfirmed: listed in the docs' API-key scope table, but the path is not
        published. The path here is this project's proposal and may change. Source:
        https://docs.spectrocoin.com/reference/api-reference (API-key scope table, account:read)

        Returns one wallet account with its balances. The `account:read` scope covers it, but the
        path is this project's proposal; SpectroCoin has not published it. The type of account ids
        is not published either, so they are treated as opaque strings.

        `GET /accounts/{id}`
        Args:
            id (UUID | str): Account id as returned by listAccounts.
            **options: per-call options (timeout, deadline, headers, max_attempts), see CallOptions.

        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            Account
        """

        from . import get_account as _get_account

        return await self._runtime.call(
            OPERATIONS["get_account"],
            _get_account.build_request(
                id=id,
            ),
            _get_account._parse_response,
            options,
        )

    async def get_account_detailed(
        self,
        id: UUID | str,
        **options: Unpack[CallOptions],
    ) -> Response[Account]:
        """Like `get_account`, but returns `Response[Account]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `get_account`.
        """
        from . import get_account as _get_account

        return await self._runtime.call_detailed(
            OPERATIONS["get_account"],
            _get_account.build_request(
                id=id,
            ),
            _get_account._parse_response,
            options,
        )


__all__ = ["AccountsAPI"]
