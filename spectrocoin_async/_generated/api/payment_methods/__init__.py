"""Operations tagged `payment_methods`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..._operations import OPERATIONS
from ...types import UNSET

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Mapping
    from decimal import Decimal
    from typing import Any, Unpack, cast
    from uuid import UUID

    from ...models.payment_method import PaymentMethod
    from ...models.payment_method_direction import PaymentMethodDirection
    from ...types import CallOptions, PageIterator, Response, Runtime, Unset


class PaymentMethodsAPI:
    """Operations tagged `payment_methods`, bound to one client."""

    __slots__ = ("_runtime",)

    def __init__(self, runtime: Runtime) -> None:
        self._runtime = runtime

    async def list_payment_methods(
        self,
        *,
        currency_code: str | Unset = UNSET,
        country_code: str | Unset = UNSET,
        direction: str | PaymentMethodDirection | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> list[PaymentMethod]:
        """List deposit and withdrawal methods

        Evidence: overview, unconfirmed: the capability is named in the API overview; path and fields
        are this project's proposal, not a published address, and may change. Source:
        https://docs.spectrocoin.com/reference/api-reference

        Returns the deposit and withdrawal methods available for a currency and country, with fees
        and limits, as a plain JSON array (not paged). The API overview names payment-method
        discovery; the path and fields are this project's proposal; SpectroCoin has not published
        them.

        `GET /payment-methods`
        Args:
            currency_code (str | Unset): Only methods for this currency (upper case).
            country_code (str | Unset): Only methods available in this country (ISO 3166-1 alpha-2).
            direction (str | PaymentMethodDirection | Unset): Whether a payment method funds the
                wallet or pays out of it.
            **options: per-call options (timeout, deadline, headers, max_attempts), see CallOptions.

        Raises:
            ValidationError: an argument breaks the spec's constraints; nothing was sent.
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no usable answer; see its request_may_have_reached_server.
            ResponseValidationError: the answer is not what the spec describes.

        Returns:
            list[PaymentMethod]
        """

        from . import list_payment_methods as _list_payment_methods

        return await self._runtime.call(
            OPERATIONS["list_payment_methods"],
            _list_payment_methods.build_request(
                currency_code=currency_code,
                country_code=country_code,
                direction=direction,
            ),
            _list_payment_methods._parse_response,
            options,
        )

    async def list_payment_methods_detailed(
        self,
        *,
        currency_code: str | Unset = UNSET,
        country_code: str | Unset = UNSET,
        direction: str | PaymentMethodDirection | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> Response[list[PaymentMethod]]:
        """Like `list_payment_methods`, but returns `Response[list[PaymentMethod]]`: the parsed body
        with its status, headers, trace id, rate-limit headers and number of attempts. Errors are
        raised exactly as by `list_payment_methods`.
        """
        from . import list_payment_methods as _list_payment_methods

        return await self._runtime.call_detailed(
            OPERATIONS["list_payment_methods"],
            _list_payment_methods.build_request(
                currency_code=currency_code,
                country_code=country_code,
                direction=direction,
            ),
            _list_payment_methods._parse_response,
            options,
        )


__all__ = ["PaymentMethodsAPI"]
