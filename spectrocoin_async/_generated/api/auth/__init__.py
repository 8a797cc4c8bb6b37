"""Operations tagged `auth`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..._operations import OPERATIONS
from ...types import UNSET

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Mapping
    from decimal import Decimal
    from typing import Any, Unpack, cast
    from uuid import UUID

    from ...models.token_request import TokenRequest
    from ...models.token_response import TokenResponse
    from ...types import CallOptions, PageIterator, Response, Runtime, Unset


class AuthAPI:
    """Operations tagged `auth`, bound to one client."""

    __slots__ = ("_runtime",)

    def __init__(self, runtime: Runtime) -> None:
        self._runtime = runtime

    async def get_access_token(
        self,
        *,
        body: TokenRequest | Mapping[str, Any],
        **options: Unpack[CallOptions],
    ) -> TokenResponse:
        """Get an access token

        Evidence: documented: method and path are stated on docs.spectrocoin.com. Sources:
        https://docs.spectrocoin.com/reference/getaccesstoken,
        https://github.com/SpectroCoin/WordPress-WooCommerce-Bitcoin-Payment-Gateway-Plugin/blob/HEAD/SCMerchantClient/SCMerchantClient.php

        Exchanges the API client id and secret for a bearer access token (OAuth2 client-credentials
        grant). The body is form-encoded; no `scope` and no HTTP Basic authentication are used. There
        is no refresh token: when the token expires, request a new one with the same credentials.
        Wrong credentials give HTTP 401. HTTPS only; the token is sent as `Authorization: Bearer
        <access_token>`.

        Public: needs no credentials and never fetches a token.

        `POST /oauth/token`
        Args:
            body (TokenRequest): Form body of the client-credentials token request.
            **options: per-call options (timeout, deadline, headers, max_attempts), see CallOptions.

        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            TokenResponse
        """

        from . import get_access_token as _get_access_token

        return await self._runtime.call(
            OPERATIONS["get_access_token"],
            _get_access_token.build_request(
                body=body,
            ),
            _get_access_token._parse_response,
            options,
        )

    async def get_access_token_detailed(
        self,
        *,
        body: TokenRequest | Mapping[str, Any],
        **options: Unpack[CallOptions],
    ) -> Response[TokenResponse]:
        """Like `get_access_token`, but returns `Response[TokenResponse]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `get_access_token`.
        """
        from . import get_access_token as _get_access_token

        return await self._runtime.call_detailed(
            OPERATIONS["get_access_token"],
            _get_access_token.build_request(
                body=body,
            ),
            _get_access_token._parse_response,
            options,
        )


__all__ = ["AuthAPI"]
