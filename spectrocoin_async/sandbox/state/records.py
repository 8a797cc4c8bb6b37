"""The records the ledger keeps (accounts, orders, pre-orders) and the JSON helpers."""

from __future__ import annotations

import datetime
import math
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from attrs import define, field

from ..catalogue import Currency, Project

Record = dict[str, Any]


def _utcnow() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC)


def iso(moment: datetime.datetime) -> str:
    """ISO 8601 in UTC with milliseconds and a ``Z``, as Spring writes it."""
    return moment.astimezone(datetime.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def paged(items: Sequence[Any], page: int, size: int) -> Record:
    """The spec's page envelope around one page of already filtered and sorted ``items``."""
    total = len(items)
    start = page * size
    content = [i.to_json() if hasattr(i, "to_json") else i for i in items[start : start + size]]
    pages = math.ceil(total / size)
    return {
        "content": content,
        "number": page,
        "size": size,
        "totalElements": total,
        "totalPages": pages,
        "last": page >= pages - 1,
    }


def in_dates(
    created_at: str, date_from: datetime.date | None, date_to: datetime.date | None
) -> bool:
    day = datetime.date.fromisoformat(created_at[:10])
    return (date_from is None or day >= date_from) and (date_to is None or day <= date_to)


@define
class Account:
    id: str
    currency: Currency
    balance: Decimal
    reserved: Decimal = Decimal(0)

    @property
    def available(self) -> Decimal:
        return self.balance - self.reserved

    def to_json(self) -> Record:
        return {
            "id": self.id,
            "currencyCode": self.currency.code,
            "currencyName": self.currency.name,
            "balance": self.balance,
            "availableBalance": self.available,
            "reservedAmount": self.reserved,
        }


@define
class PreOrder:
    id: str
    project: Project
    order_id: str | None
    receive_amount: Decimal
    receive_currency: str
    is_multiple: bool
    description: str | None
    callback_url: str | None
    success_url: str | None
    failure_url: str | None
    redirect_url: str
    valid_until: str | None
    created_at: str
    used: int = 0

    def to_json(self) -> Record:
        return {
            "id": self.id,
            "orderId": self.order_id,
            "projectId": self.project.id,
            "receiveAmount": self.receive_amount,
            "receiveCurrencyCode": self.receive_currency,
            "isMultiple": self.is_multiple,
            "description": self.description,
            "redirectUrl": self.redirect_url,
            "validUntil": self.valid_until,
            "createdAt": self.created_at,
        }


@define
class Order:
    id: str
    order_id: str
    project: Project
    request_id: int
    receive_amount: Decimal
    receive_currency: str
    created_at: str
    valid_until: str
    redirect_url: str
    status: str = "NEW"
    pay_amount: Decimal | None = None
    pay_currency: str | None = None
    pay_network: str | None = None
    pre_order_id: str | None = None
    deposit_address: str | None = None
    memo: str | None = None
    description: str | None = None
    callback_url: str | None = None
    success_url: str | None = None
    failure_url: str | None = None
    received_amount: Decimal = Decimal(0)
    history: list[tuple[str, str]] = field(factory=list)
    """(status, when) for every status the order entered, for the dashboard."""

    def to_json(self) -> Record:
        return {
            "id": self.id,
            "orderId": self.order_id,
            "status": self.status,
            "receiveAmount": self.receive_amount,
            "receiveCurrencyCode": self.receive_currency,
            "payAmount": self.pay_amount,
            "payCurrencyCode": self.pay_currency,
            "payNetworkCode": self.pay_network,
            "merchantPreOrderId": self.pre_order_id,
            "depositAddress": self.deposit_address,
            "memo": self.memo,
            "validUntil": self.valid_until,
            "redirectUrl": self.redirect_url,
            "description": self.description,
            "createdAt": self.created_at,
            "callbackUrl": self.callback_url,
            "successUrl": self.success_url,
            "failureUrl": self.failure_url,
            "projectId": self.project.id,
        }
