"""Verify a parsed callback; the one shape every verified callback takes (VerifiedCallback)."""

from __future__ import annotations

import enum
from collections.abc import Awaitable, Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal
from uuid import UUID

import attrs
import httpx

from spectrocoin_async._callbacks.keys import PublicKeySource
from spectrocoin_async._callbacks.parsing import JsonCallback, LegacyCallback
from spectrocoin_async._callbacks.signature import _MISMATCH, _signature_mismatch
from spectrocoin_async._errors import (
    CallbackVerificationError,
    NotFoundError,
)

if TYPE_CHECKING:
    from spectrocoin_async._generated.models.order import Order


def _status_text(value: Any) -> str | None:
    if isinstance(value, enum.Enum):
        value = value.value
    return value if isinstance(value, str) else None


@attrs.frozen
class VerifiedCallback:
    """A callback that passed verification: safe to act on. One shape for both formats.

    The fields are the facts to act on: for a JSON callback they come from the order fetched
    from the API (never from the unsigned body), for a legacy callback from its signed fields.
    ``order`` is that fetched :class:`~spectrocoin_async.Order` (``None`` for legacy callbacks);
    ``callback`` is the callback as parsed.
    """

    kind: Literal["json", "legacy"]
    """``"json"`` (unsigned, verified through the API) or ``"legacy"`` (verified by ``sign``)."""
    order_id: str | None
    """Your own order id (``orderId``), for both kinds, as ``Order.order_id``: key your handler
    on this."""
    status: str | None
    """The status by its current API name (``"PAID"``); an unknown legacy code as its digits."""
    pay_amount: Decimal | None
    pay_currency_code: str | None
    receive_amount: Decimal | None
    receive_currency_code: str | None
    received_amount: Decimal | None
    """Amount received so far: legacy callbacks carry it; the API's order does not (``None``)."""
    id: str | None
    """SpectroCoin's order UUID, as ``Order.id``, exactly as the JSON callback carried it
    (legacy callbacks carry none: ``None``)."""
    callback: JsonCallback | LegacyCallback = attrs.field(repr=False)
    order: Order | None = attrs.field(default=None, repr=False)

    @property
    def merchant_order_id(self) -> str | None:
        """The former name of ``order_id`` (your own order id), kept for existing handlers."""
        return self.order_id

    @classmethod
    def from_order(cls, callback: JsonCallback, order: Order) -> VerifiedCallback:
        """The verified facts of a JSON callback: the order as the API reports it."""
        return cls(
            kind="json",
            order_id=order.order_id,
            status=_status_text(order.status),
            pay_amount=order.pay_amount,
            pay_currency_code=order.pay_currency_code,
            receive_amount=order.receive_amount,
            receive_currency_code=order.receive_currency_code,
            received_amount=None,
            id=callback.id,  # as received, never reformatted
            callback=callback,
            order=order,
        )

    @classmethod
    def from_legacy(cls, callback: LegacyCallback) -> VerifiedCallback:
        """The verified facts of a legacy callback: its signed fields."""
        return cls(
            kind="legacy",
            order_id=callback.order_id,
            status=callback.status_name or str(callback.status),
            pay_amount=callback.pay_amount,
            pay_currency_code=callback.pay_currency,
            receive_amount=callback.receive_amount,
            receive_currency_code=callback.receive_currency,
            received_amount=callback.received_amount,
            id=None,
            callback=callback,
        )


def _same_project(a: object, b: str) -> bool:
    try:
        return UUID(str(a)) == UUID(b)
    except ValueError:
        return str(a).strip().lower() == b.strip().lower()


def _check_claimed_project(claimed: str | None, project_id: str | None) -> None:
    if project_id is None or claimed is None:
        return
    if not _same_project(claimed, project_id):
        raise CallbackVerificationError(
            "callback is for another project (merchantApiId does not match project_id)"
        )


async def verify_callback(
    callback: JsonCallback | LegacyCallback,
    *,
    get_order: Callable[[str], Awaitable[Order]],
    project_id: str | None = None,
    public_key: PublicKeySource | None = None,
    http: httpx.AsyncClient | None = None,
) -> VerifiedCallback:
    """Verify a parsed callback; raise ``CallbackVerificationError`` if it must not be acted on.

    JSON: a ``project_id`` is required: without one there is no way to tell this project's
    orders from those of the merchant's other projects (the same token sees them all), and the
    SDK refuses to vouch for the callback rather than guess. The claimed ``merchantApiId``
    (when present) must match; then ``get_order(callback.id)`` fetches the order, and the
    order's own ``projectId`` must match too (an order the API does not know, or one of another
    project, is rejected). Other errors from ``get_order`` (the API is down, ...) propagate
    unchanged: they say nothing about the callback, which should be answered 5xx and retried.

    Legacy: ``sign`` is checked with the key from ``public_key`` (``http`` fetches it; a key
    that cannot be loaded raises ``CallbackUnavailableError``); on a mismatch the key is fetched
    again, at most once per ``refetch_interval`` (:class:`PublicKeySource`), and ``sign`` is
    checked once more if it changed. Then ``merchantApiId`` is checked against
    ``project_id`` when both are known. ``merchantApiId`` is not covered by the signature, so
    that check is only a sanity check: also match ``order_id`` and the amounts against
    your own records, and, with several projects, the signed ``callback.merchant_id`` and
    ``callback.api_id`` (a genuine callback of another project verifies too).

    An unknown status is never a reason to reject: it is passed on as it is.
    """
    if isinstance(callback, JsonCallback):
        if project_id is None:
            raise CallbackVerificationError(
                "cannot verify a JSON callback without a project_id: configure the project the "
                "callbacks are for (project_id= or SPECTROCOIN_PROJECT_ID)"
            )
        _check_claimed_project(callback.merchant_api_id, project_id)
        try:
            order = await get_order(callback.id)
        except NotFoundError as exc:
            raise CallbackVerificationError(f"unknown order id {callback.id!r}") from exc
        owner = getattr(order, "project_id", None)
        if owner is None:
            raise CallbackVerificationError(
                f"order {callback.id!r} as fetched from the API names no project: cannot tell "
                "whether it belongs to this one"
            )
        if not _same_project(owner, project_id):
            raise CallbackVerificationError(
                f"order {callback.id!r} belongs to another project, not to project_id"
            )
        return VerifiedCallback.from_order(callback, order)

    if public_key is None:
        raise CallbackVerificationError(
            "a legacy signed callback arrived but no public_key is configured to verify it"
        )
    pem = await public_key.load(http)
    failure = _signature_mismatch(callback, pem)
    if failure is not None:
        # SpectroCoin may have rotated its key: one bounded look for a newer one.
        fresh = await public_key.refetch(pem, http)
        if fresh is not None:
            failure = _signature_mismatch(callback, fresh)
        if failure is not None:
            raise CallbackVerificationError(_MISMATCH) from failure
    _check_claimed_project(callback.merchant_api_id, project_id)
    return VerifiedCallback.from_legacy(callback)
