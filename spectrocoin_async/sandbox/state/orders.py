"""Merchant orders and pre-orders, refunds, and the statuses an order walks through."""

from __future__ import annotations

import datetime
import uuid
from collections import deque
from decimal import ROUND_UP, Decimal
from typing import Final

import attrs

from ..catalogue import CURRENCIES, PROJECTS, Project
from ..errors import (
    SandboxError,
    conditionally_missing,
    invalid,
    invalid_state,
    not_found,
    rule_broken,
)
from .deposits import _Deposits
from .exchanges import _Exchanges
from .records import Order, PreOrder, Record, in_dates, iso

ORDER_TRANSITIONS: Final[dict[str, tuple[str, ...]]] = {
    "NEW": ("PENDING", "EXPIRED", "CANCELLED", "FAILED", "TEST_PAID", "TEST_EXPIRED"),
    "PENDING": (
        "PAID",
        "UNDERPAID",
        "PARTIAL_PAYMENT",
        "EXPIRED",
        "FAILED",
        "INVALID_PAYMENT",
        "CANCELLED",
    ),
    "PARTIAL_PAYMENT": ("PAID", "UNDERPAID"),
    "EXPIRED": ("PENDING_LATE_CRYPTO_PAYMENT",),
    "PENDING_LATE_CRYPTO_PAYMENT": ("LATE_CRYPTO_PAYMENT",),
    "LATE_CRYPTO_PAYMENT": ("PAID", "REJECTED"),
    "UNDERPAID": ("PAID", "REJECTED"),
    "PAID": ("PROCESSING_REFUND",),
    "PROCESSING_REFUND": ("REFUNDED", "REJECTED_REFUND"),
}
"""Where the payer (``simulate``) can take an order from each status."""

_PAYMENT_WINDOW: Final = datetime.timedelta(minutes=15)
_NOT_PAID_YET: Final = frozenset({"NEW", "CANCELLED", "EXPIRED", "FAILED", "TEST_EXPIRED"})
_CANCELLABLE: Final = frozenset({"NEW", "PENDING"})
_ACCEPTABLE: Final = frozenset({"UNDERPAID", "LATE_CRYPTO_PAYMENT"})


class _Orders(_Exchanges, _Deposits):
    # -- merchant ----------------------------------------------------------------------------

    @staticmethod
    def project(project_id: str) -> Project:
        project = PROJECTS.get(project_id.lower())
        if project is None:
            raise not_found("projectId", project_id)
        return project

    def _merchant_order_id(
        self, project: Project, wanted: str | None, *, pre_orders: bool = False
    ) -> str:
        taken = {o.order_id for o in self.orders.values() if o.project is project}
        if pre_orders:  # a pre-order's orderId is its first order's: taken by any other's too
            taken |= {
                p.order_id
                for p in self.pre_orders.values()
                if p.project is project and p.order_id is not None
            }
        if wanted is None:
            return f"SBX-{len(self.orders) + 1:05d}"
        if wanted in taken:
            raise SandboxError(
                422,
                "GEN_7",
                f"An order with orderId '{wanted}' already exists in this project.",
                key="duplicate_order_id",
                category="business",
                parameters={"orderId": wanted},
            )
        return wanted

    def _choose_payment(self, order: Order, pay_code: str | None, network_code: str | None) -> None:
        """The payer picks a currency and network: price the order and give an address."""
        currency = self.currency(pay_code or "BTC", "payCurrencyCode")
        if not currency.crypto:
            raise rule_broken(
                "not_crypto", "payCurrencyCode", f"{currency.code} is not a crypto currency"
            )
        network = currency.network(network_code)
        if network is None:
            raise rule_broken(
                "unknown_network",
                "payNetworkCode",
                f"{currency.code} has no network {network_code}",
            )
        rate = self.rates.rate(order.receive_currency, currency.code)
        order.pay_currency = currency.code
        order.pay_network = network.code
        order.pay_amount = (order.receive_amount * rate).quantize(currency.quantum, ROUND_UP)
        order.deposit_address, order.memo = self._address_text(network)

    def _new_order(
        self,
        project: Project,
        *,
        merchant_order_id: str,
        receive_amount: Decimal,
        receive_code: str,
        pre_order_id: str | None,
        base_url: str,
        description: str | None,
        callback_url: str | None,
        success_url: str | None,
        failure_url: str | None,
    ) -> Order:
        now = self._now()
        order_uuid = str(uuid.UUID(int=self._rng.getrandbits(128), version=4))
        order = Order(
            id=order_uuid,
            order_id=merchant_order_id,
            project=project,
            request_id=next(self._request_ids),
            receive_amount=receive_amount,
            receive_currency=receive_code,
            created_at=iso(now),
            valid_until=iso(now + _PAYMENT_WINDOW),
            redirect_url=f"{base_url}/sandbox/pay/{order_uuid}",
            pre_order_id=pre_order_id,
            description=description,
            callback_url=callback_url or project.callback_url,
            success_url=success_url,
            failure_url=failure_url,
        )
        order.history.append((order.status, order.created_at))
        self.orders[order.id] = order
        self.counts["ordersCreated"] += 1
        return order

    def _pre_order(
        self,
        project: Project,
        *,
        merchant_order_id: str | None,
        receive_amount: Decimal,
        receive_code: str,
        is_multiple: bool,
        base_url: str,
        description: str | None,
        callback_url: str | None,
        success_url: str | None,
        failure_url: str | None,
    ) -> PreOrder:
        now = self._now()
        pre_id = str(uuid.UUID(int=self._rng.getrandbits(128), version=4))
        pre = PreOrder(
            id=pre_id,
            project=project,
            order_id=merchant_order_id,
            receive_amount=receive_amount,
            receive_currency=receive_code,
            is_multiple=is_multiple,
            description=description,
            callback_url=callback_url,
            success_url=success_url,
            failure_url=failure_url,
            redirect_url=f"{base_url}/sandbox/pay/pre/{pre_id}",
            valid_until=None if is_multiple else iso(now + _PAYMENT_WINDOW),
            created_at=iso(now),
        )
        self.pre_orders[pre.id] = pre
        return pre

    def create_order(
        self,
        *,
        project_id: str,
        base_url: str,
        order_id: str | None = None,
        receive_amount: Decimal | None = None,
        receive_code: str | None = None,
        pay_amount: Decimal | None = None,
        pay_code: str | None = None,
        pay_network: str | None = None,
        description: str | None = None,
        callback_url: str | None = None,
        success_url: str | None = None,
        failure_url: str | None = None,
    ) -> Record:
        """``POST /merchants/orders/create``: a pre-order and its order, in one go."""
        project = self.project(project_id)
        if pay_amount is not None and not (pay_amount.is_finite() and pay_amount >= 0):
            # A zero pay amount beside the receive pair is what SpectroCoin's Drupal module sends
            # (the receive pair wins); a negative one is refused wherever it stands.
            raise invalid("payAmount", "must be at least 0")
        if receive_amount is not None:
            if receive_code is None:
                raise conditionally_missing("receiveCurrencyCode")
            receive = self.currency(receive_code, "receiveCurrencyCode")
            receive_amount = self.amount(receive, receive_amount, "receiveAmount")
        elif pay_amount is not None:
            if pay_code is None:
                raise conditionally_missing("payCurrencyCode")
            quote = self.quote(pay_code, project.receive_currency_code, pay_amount=pay_amount)
            receive = CURRENCIES[project.receive_currency_code]
            receive_amount = quote["receiveAmount"]
        else:
            raise conditionally_missing("receiveAmount")
        merchant_order_id = self._merchant_order_id(project, order_id)
        urls = {
            "callback_url": callback_url,
            "success_url": success_url,
            "failure_url": failure_url,
        }
        pre = self._pre_order(
            project,
            merchant_order_id=merchant_order_id,
            receive_amount=receive_amount,
            receive_code=receive.code,
            is_multiple=False,
            base_url=base_url,
            description=description,
            **urls,
        )
        pre.used = 1
        order = self._new_order(
            project,
            merchant_order_id=merchant_order_id,
            receive_amount=receive_amount,
            receive_code=receive.code,
            pre_order_id=pre.id,
            base_url=base_url,
            description=description,
            **urls,
        )
        if pay_code is not None:
            self._choose_payment(order, pay_code, pay_network)
        return {
            "preOrderId": pre.id,
            "orderId": order.id,
            "validUntil": order.valid_until,
            "payCurrencyCode": order.pay_currency,
            "payNetworkCode": order.pay_network,
            "receiveCurrencyCode": order.receive_currency,
            "payAmount": order.pay_amount,
            "receiveAmount": order.receive_amount,
            "depositAddress": order.deposit_address,
            "memo": order.memo,
            "redirectUrl": order.redirect_url,
        }

    def create_pre_order(
        self,
        *,
        project_id: str,
        receive_amount: Decimal,
        receive_code: str,
        base_url: str,
        order_id: str | None = None,
        is_multiple: bool = False,
        description: str | None = None,
        callback_url: str | None = None,
        success_url: str | None = None,
        failure_url: str | None = None,
    ) -> PreOrder:
        project = self.project(project_id)
        receive = self.currency(receive_code, "receiveCurrencyCode")
        receive_amount = self.amount(receive, receive_amount, "receiveAmount")
        if order_id is not None:
            # Refused now, as for an order: accepted, every order made from it would be refused.
            self._merchant_order_id(project, order_id, pre_orders=True)
        pre = self._pre_order(
            project,
            merchant_order_id=order_id,
            receive_amount=receive_amount,
            receive_code=receive.code,
            is_multiple=is_multiple,
            base_url=base_url,
            description=description,
            callback_url=callback_url,
            success_url=success_url,
            failure_url=failure_url,
        )
        self.counts["preOrdersCreated"] += 1
        return pre

    def create_order_from_pre_order(
        self,
        pre_order_id: str,
        *,
        base_url: str,
        pay_code: str | None = None,
        pay_network: str | None = None,
    ) -> Order:
        pre: PreOrder = self._get(self.pre_orders, "preOrderId", pre_order_id)
        if pre.used and not pre.is_multiple:
            raise invalid_state("This pre-order has already been used.", preOrderId=pre.id)
        base = pre.order_id or f"SBX-PRE-{len(self.pre_orders):05d}"
        wanted = base if pre.used == 0 else f"Pre-{base}-{pre.used}"
        merchant_order_id = self._merchant_order_id(pre.project, wanted)
        pre.used += 1
        order = self._new_order(
            pre.project,
            merchant_order_id=merchant_order_id,
            receive_amount=pre.receive_amount,
            receive_code=pre.receive_currency,
            pre_order_id=pre.id,
            base_url=base_url,
            description=pre.description,
            callback_url=pre.callback_url,
            success_url=pre.success_url,
            failure_url=pre.failure_url,
        )
        if pay_code is not None or pay_network is not None:
            self._choose_payment(order, pay_code, pay_network)
        return order

    def order(self, order_id: str) -> Order:
        order: Order = self._get(self.orders, "id", order_id.lower())
        return order

    def list_orders(
        self,
        *,
        date_from: datetime.date | None = None,
        date_to: datetime.date | None = None,
        status: str | None = None,
        project_id: str | None = None,
    ) -> list[Order]:
        return [
            o
            for o in self.orders.values()
            if (status is None or o.status == status)
            and (project_id is None or o.project.id == project_id.lower())
            and in_dates(o.created_at, date_from, date_to)
        ]

    def pre_order(self, pre_order_id: str) -> PreOrder:
        pre: PreOrder = self._get(self.pre_orders, "id", pre_order_id)
        return pre

    def list_refunds(
        self,
        *,
        date_from: datetime.date | None = None,
        date_to: datetime.date | None = None,
        status: str | None = None,
    ) -> list[Record]:
        return [
            r
            for r in self.refunds.values()
            if (status is None or r["status"] == status)
            and in_dates(r["createdAt"], date_from, date_to)
        ]

    # -- order statuses ----------------------------------------------------------------------

    @staticmethod
    def path_to(order: Order, target: str) -> list[str]:
        """The shortest walk of statuses from the order's status to ``target`` (excluded: the
        current one). Raises if the payer cannot get there."""
        if target == order.status:
            return []
        previous: dict[str, str] = {}
        queue = deque([order.status])
        while queue:
            status = queue.popleft()
            for following in ORDER_TRANSITIONS.get(status, ()):
                if following in previous or following == order.status:
                    continue
                previous[following] = status
                if following == target:
                    path = [following]
                    while path[-1] in previous and previous[path[-1]] != order.status:
                        path.append(previous[path[-1]])
                    return path[::-1]
                queue.append(following)
        raise invalid_state(
            f"An order in status {order.status} cannot become {target}.",
            status=order.status,
            target=target,
        )

    def enter(
        self,
        order: Order,
        status: str,
        *,
        pay_code: str | None = None,
        pay_network: str | None = None,
    ) -> None:
        """Move ``order`` to ``status`` with its side effects (credit, refund)."""
        if order.pay_currency is None and status not in _NOT_PAID_YET:
            self._choose_payment(order, pay_code, pay_network)
        order.status = status
        order.history.append((status, self._stamp()))
        merchant = self.account_for(order.receive_currency)
        if status == "PAID":
            order.received_amount = order.pay_amount or Decimal(0)
            self._book(
                merchant, order.receive_amount, "MERCHANT_PAYMENT", f"Order {order.order_id}"
            )
        elif status in ("UNDERPAID", "PARTIAL_PAYMENT") and order.pay_amount is not None:
            half = order.pay_amount / 2
            order.received_amount = half.quantize(CURRENCIES[order.pay_currency or "BTC"].quantum)
        elif status in ("LATE_CRYPTO_PAYMENT", "TEST_PAID"):
            order.received_amount = order.pay_amount or Decimal(0)
        elif status == "PROCESSING_REFUND":
            refund: Record = {
                "id": self._id(),
                "orderId": order.id,
                "status": "PENDING",
                "amount": order.receive_amount,
                "currencyCode": order.receive_currency,
                "address": None,
                "createdAt": self._stamp(),
            }
            self.refunds[refund["id"]] = refund
            self._refund_of[order.id] = refund["id"]
        elif status in ("REFUNDED", "REJECTED_REFUND"):
            refund = self.refunds[self._refund_of[order.id]]
            if status == "REFUNDED":
                self._require_funds(merchant, order.receive_amount)
                self._book(merchant, -order.receive_amount, "REFUND", f"Order {order.order_id}")
                refund["status"] = "COMPLETED"
            else:
                refund["status"] = "REJECTED"

    def cancel(self, order: Order) -> None:
        if order.status not in _CANCELLABLE:
            raise invalid_state(
                f"Only NEW or PENDING orders can be cancelled; this one is {order.status}.",
                status=order.status,
            )
        self.enter(order, "CANCELLED")

    def accept(self, order: Order) -> None:
        if order.status not in _ACCEPTABLE:
            raise invalid_state(
                "Only UNDERPAID or LATE_CRYPTO_PAYMENT orders can be accepted; "
                f"this one is {order.status}.",
                status=order.status,
            )
        self.enter(order, "PAID")

    @staticmethod
    def snapshot(order: Order) -> Order:
        return attrs.evolve(order)
