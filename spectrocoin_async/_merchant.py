"""The ``merchant`` namespace: every generated operation, plus callback verification."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from ._generated.api.merchant import MerchantAPI
from ._types import Runtime

if TYPE_CHECKING:  # the callbacks package loads with the first callback verified
    import httpx

    from ._callbacks import PublicKeySource, VerifiedCallback
    from ._generated.models import Order

__all__ = ["MerchantNamespace"]


class MerchantNamespace(MerchantAPI):
    __slots__ = ("_http", "_make_public_key", "_project_id", "_public_key")

    def __init__(
        self,
        runtime: Runtime,
        *,
        http: httpx.AsyncClient,
        project_id: str | None,
        public_key: Callable[[], PublicKeySource],
    ) -> None:
        super().__init__(runtime)
        self._http = http
        self._project_id = project_id
        self._make_public_key = public_key
        self._public_key: PublicKeySource | None = None

    async def verify_callback(self, headers: Mapping[str, str], body: bytes) -> VerifiedCallback:
        """Parse and verify a merchant callback exactly as received.

        JSON callbacks are not signed: the order is fetched with ``get_order`` and only the API's
        answer is trusted (never the body's amounts or status); the client's ``project_id`` is
        required, and the fetched order must belong to it. Legacy form callbacks are checked
        against SpectroCoin's RSA public key (cached; fetched again, at most once a minute, when a
        signature stops matching it, in case SpectroCoin rotated it). See
        :func:`~spectrocoin_async._callbacks.verify_callback`.

        Raises:
            CallbackError: the body is not a SpectroCoin callback.
            CallbackVerificationError: verification failed; do not act on it.
            CallbackUnavailableError: the signing key cannot be loaded now; answer 5xx.
            APIError, APIConnectionError: the order could not be fetched now; answer 5xx.
        """
        from ._callbacks import parse_callback, verify_callback

        callback = parse_callback(headers, body)
        if self._public_key is None:
            self._public_key = self._make_public_key()
        return await verify_callback(
            callback,
            get_order=self._get_order_by_id_text,
            project_id=self._project_id,
            public_key=self._public_key,
            http=self._http,
        )

    async def _get_order_by_id_text(self, order_id: str) -> Order:
        # The id exactly as the callback carried it (parse_callback checked its characters):
        # SpectroCoin's plugins fetch it as received, and their e2e stub keys orders by it.
        return await self.get_order(order_id)
