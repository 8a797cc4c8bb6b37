"""What every handler shares: the request (``Call``), the registry, paging helpers."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any, Protocol

from attrs import frozen

from ..callbacks import Delivery
from ..config import SandboxConfig
from ..state import Ledger, Order, Record, paged
from ..tokens import TokenIssuer
from ..wire import Fields, sort_records


class SandboxState(Protocol):
    """What a handler may touch of the running sandbox (the app implements it): handlers
    depend on this, not on the app, so imports run one way."""

    config: SandboxConfig
    ledger: Ledger
    tokens: TokenIssuer

    async def notify(self, order: Order) -> Delivery | None: ...


@frozen
class Call:
    """One API request, as a handler sees it."""

    sandbox: SandboxState
    path: Mapping[str, str]
    query: Fields
    body: Fields
    base_url: str
    """The API root as the client called it, e.g. ``http://127.0.0.1:8080/api/public``."""

    @property
    def id(self) -> str:
        return self.path["id"]


Handler = Callable[[Call], Awaitable[Any]]
HANDLERS: dict[str, Handler] = {}


def handles(operation_id: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        if operation_id in HANDLERS:
            raise RuntimeError(f"two handlers for {operation_id}")
        HANDLERS[operation_id] = handler
        return handler

    return register


def _created(record: Record) -> str:
    return str(record["createdAt"])


def _page_of(call: Call, items: list[Any], created_at: Callable[[Any], str] = _created) -> Record:
    page, size = call.query.page()
    return paged(sort_records(items, call.query.text("sort"), created_at), page, size)


def _dated(call: Call, records: Mapping[str, Record], **equal: str | None) -> list[Record]:
    date_from, date_to = call.query.date("dateFrom"), call.query.date("dateTo")
    return [
        r
        for r in records.values()
        if all(value is None or r.get(key) == value for key, value in equal.items())
        and (date_from is None or r["createdAt"][:10] >= date_from.isoformat())
        and (date_to is None or r["createdAt"][:10] <= date_to.isoformat())
    ]
