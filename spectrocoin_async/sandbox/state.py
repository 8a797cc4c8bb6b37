"""The in-memory ledger: balances, transactions, and every record the API hands out.

Money is ``Decimal`` from end to end, quantized to each currency's scale; nothing passes through
a float. Every balance change goes through ``Ledger._book``, which writes a transaction, so the
``amount`` of an account's transactions always adds up to its balance.

Methods are synchronous and the sandbox serves from one event loop, so each call is atomic. They
take typed values (``handlers.py`` reads the wire) and return JSON-ready dicts that use the
spec's field names. Bad input raises :class:`~.errors.SandboxError` with the documented body.
"""

from __future__ import annotations

import datetime
import itertools
import math
import random
import uuid
from collections import Counter, deque
from collections.abc import Callable, Sequence
from decimal import ROUND_DOWN, ROUND_UP, Decimal, InvalidOperation
from typing import Any, Final

import attrs
from attrs import define

from .catalogue import (
    BANK_DEPOSIT_DETAILS,
    BANK_FEES,
    CURRENCIES,
    GIFT_CARDS,
    PAYMENT_METHODS,
    PROJECTS,
    SEED_BALANCES,
    Currency,
    Network,
    Project,
)
from .errors import (
    SandboxError,
    conditionally_missing,
    insufficient_funds,
    invalid,
    invalid_state,
    not_found,
    rule_broken,
)
from .rates import RateBoard

__all__ = [
    "ORDER_TRANSITIONS",
    "Account",
    "Ledger",
    "Order",
    "PreOrder",
    "Record",
    "iso",
    "paged",
]

Record = dict[str, Any]

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
_BECH32: Final = "023456789acdefghjklmnpqrstuvwxyz"
_BASE58: Final = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_BASE64URL: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


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


class Ledger:
    """Everything the sandbox knows. ``counts`` tallies executed money-moving operations."""

    def __init__(
        self,
        *,
        seed: int,
        now: Callable[[], datetime.datetime] = _utcnow,
    ) -> None:
        self.rates = RateBoard(seed=seed)
        self._rng = random.Random(seed)
        self._now = now
        self._ids = itertools.count(1_000_001)
        self._request_ids = itertools.count(1)
        self.counts: Counter[str] = Counter()
        self.accounts: dict[str, Account] = {}
        self.transactions: dict[str, Record] = {}
        self.exchanges: dict[str, Record] = {}
        self.addresses: dict[str, Record] = {}
        self.crypto_withdrawals: dict[str, Record] = {}
        self.bank_withdrawals: dict[str, Record] = {}
        self.withdrawals_with_exchange: dict[str, Record] = {}
        self.purchases: dict[str, Record] = {}
        self.pre_orders: dict[str, PreOrder] = {}
        self.orders: dict[str, Order] = {}
        self.refunds: dict[str, Record] = {}
        self._refund_of: dict[str, str] = {}
        opened = iso(self._now() - datetime.timedelta(days=30))
        for account_id, code, balance in SEED_BALANCES:
            account = Account(account_id, CURRENCIES[code], Decimal(0))
            self.accounts[account_id] = account
            self._book(account, balance, "DEPOSIT", "Opening balance", created_at=opened)
        for currency in CURRENCIES.values():
            if currency.crypto:
                network = currency.networks[0]
                self._add_address(currency, network, created_at=opened)

    # -- helpers --------------------------------------------------------------------------

    def _id(self) -> str:
        return str(next(self._ids))

    def _stamp(self) -> str:
        return iso(self._now())

    def currency(self, code: str, name: str) -> Currency:
        currency = CURRENCIES.get(code)
        if currency is None:
            raise rule_broken("unknown_currency", name, f"unknown currency {code}")
        return currency

    def account_for(self, code: str) -> Account:
        return next(a for a in self.accounts.values() if a.currency.code == code)

    def account(self, account_id: str) -> Account:
        account = self.accounts.get(account_id)
        if account is None:
            raise not_found("accountId", account_id)
        return account

    def _paying_account(self, account_id: str | None, currency: Currency, name: str) -> Account:
        if account_id is None:
            return self.account_for(currency.code)
        account = self.account(account_id)
        if account.currency is not currency:
            raise rule_broken(
                "account_currency_mismatch",
                name,
                f"account {account_id} holds {account.currency.code}, not {currency.code}",
            )
        return account

    @staticmethod
    def amount(currency: Currency, value: Decimal, name: str) -> Decimal:
        """``value`` as an amount of ``currency``: positive, and no finer than its scale."""
        if not value.is_finite() or value <= 0:
            raise invalid(name, "must be greater than 0")
        try:
            exact = value.quantize(currency.quantum)
        except InvalidOperation:
            raise rule_broken("amount_too_large", name, "is too large") from None
        if exact != value:
            raise rule_broken(
                "amount_scale", name, f"{currency.code} has {currency.scale} decimal places"
            )
        return exact

    @staticmethod
    def _require_funds(account: Account, needed: Decimal) -> None:
        if account.available < needed:
            raise insufficient_funds(account.id, account.available, needed)

    def _book(
        self,
        account: Account,
        amount: Decimal,
        kind: str,
        description: str,
        *,
        fee: Decimal | None = None,
        created_at: str | None = None,
    ) -> Record:
        """The only place a balance changes: apply ``amount`` and record the transaction."""
        account.balance += amount
        assert account.balance >= 0, "callers check funds before booking a debit"
        record: Record = {
            "id": self._id(),
            "accountId": account.id,
            "type": kind,
            "status": "PROCESSED",
            "amount": amount,
            "currencyCode": account.currency.code,
            "fee": fee if fee is not None else Decimal(0).quantize(account.currency.quantum),
            "description": description,
            "createdAt": created_at or self._stamp(),
        }
        self.transactions[record["id"]] = record
        return record

    @staticmethod
    def _get(records: dict[str, Any], entity: str, record_id: str) -> Any:
        record = records.get(record_id)
        if record is None:
            raise not_found(entity, record_id)
        return record

    # -- accounts and transactions ----------------------------------------------------------

    def list_transactions(
        self,
        *,
        account_id: str | None = None,
        currency_code: str | None = None,
        kind: str | None = None,
        status: str | None = None,
        date_from: datetime.date | None = None,
        date_to: datetime.date | None = None,
    ) -> list[Record]:
        return [
            t
            for t in self.transactions.values()
            if (account_id is None or t["accountId"] == account_id)
            and (currency_code is None or t["currencyCode"] == currency_code)
            and (kind is None or t["type"] == kind)
            and (status is None or t["status"] == status)
            and in_dates(t["createdAt"], date_from, date_to)
        ]

    def transaction(self, transaction_id: str) -> Record:
        record: Record = self._get(self.transactions, "transactionId", transaction_id)
        return record

    # -- exchanges ---------------------------------------------------------------------------

    def exchange_pairs(self) -> list[Record]:
        return [
            {
                "id": f"{pay}-{receive}",
                "payCurrencyCode": pay,
                "receiveCurrencyCode": receive,
                "receiveAccountId": self.account_for(receive).id,
            }
            for pay in CURRENCIES
            for receive in CURRENCIES
            if pay != receive
        ]

    def quote(
        self,
        pay_code: str,
        receive_code: str,
        *,
        pay_amount: Decimal | None = None,
        receive_amount: Decimal | None = None,
    ) -> Record:
        """Price an exchange: from ``pay_amount`` if given (it wins), else ``receive_amount``.
        The payer never gets more than the rate gives: receive rounds down, pay rounds up."""
        pay = self.currency(pay_code, "payCurrencyCode")
        receive = self.currency(receive_code, "receiveCurrencyCode")
        if pay is receive:
            raise rule_broken(
                "same_currency", "receiveCurrencyCode", "must differ from payCurrencyCode"
            )
        rate = self.rates.rate(pay.code, receive.code)
        if pay_amount is not None:
            pay_amount = self.amount(pay, pay_amount, "payAmount")
            receive_amount = (pay_amount * rate).quantize(receive.quantum, ROUND_DOWN)
        elif receive_amount is not None:
            receive_amount = self.amount(receive, receive_amount, "receiveAmount")
            pay_amount = (receive_amount / rate).quantize(pay.quantum, ROUND_UP)
        else:
            raise conditionally_missing("payAmount")
        if receive_amount <= 0:
            raise rule_broken(
                "amount_too_small", "payAmount", f"too small to buy any {receive.code}"
            )
        return {
            "payCurrencyCode": pay.code,
            "receiveCurrencyCode": receive.code,
            "payAmount": pay_amount,
            "receiveAmount": receive_amount,
            "rate": rate,
        }

    def execute_exchange(
        self,
        *,
        pay_amount: Decimal,
        pay_code: str | None = None,
        receive_code: str | None = None,
        pair_id: str | None = None,
        pay_account_id: str | None = None,
        receive_account_id: str | None = None,
    ) -> Record:
        if pair_id is not None:
            pay_code, _, receive_code = pair_id.partition("-")
            if pay_code not in CURRENCIES or receive_code not in CURRENCIES:
                raise not_found("exchangePairId", pair_id)
        elif pay_code is None and pay_account_id is not None:
            pay_code = self.account(pay_account_id).currency.code
        if pay_code is None:
            raise conditionally_missing("payCurrencyCode")
        if receive_code is None and receive_account_id is not None:
            receive_code = self.account(receive_account_id).currency.code
        if receive_code is None:
            raise conditionally_missing("receiveCurrencyCode")
        quote = self.quote(pay_code, receive_code, pay_amount=pay_amount)
        pay_account = self._paying_account(pay_account_id, CURRENCIES[pay_code], "payAccountId")
        receive_account = self._paying_account(
            receive_account_id, CURRENCIES[receive_code], "receiveAccountId"
        )
        self._require_funds(pay_account, quote["payAmount"])
        text = f"Exchange {quote['payCurrencyCode']} to {quote['receiveCurrencyCode']}"
        self._book(pay_account, -quote["payAmount"], "EXCHANGE", text)
        self._book(receive_account, quote["receiveAmount"], "EXCHANGE", text)
        record: Record = {
            "id": self._id(),
            "status": "COMPLETED",
            **quote,
            "createdAt": self._stamp(),
        }
        self.exchanges[record["id"]] = record
        self.counts["exchanges"] += 1
        return record

    def exchange(self, exchange_id: str) -> Record:
        record: Record = self._get(self.exchanges, "exchangeId", exchange_id)
        return record

    # -- deposits ----------------------------------------------------------------------------

    def _address_text(self, network: Network) -> tuple[str, str | None]:
        rng = self._rng
        if network.code == "BTC":
            return "bc1q" + "".join(rng.choices(_BECH32, k=38)), None
        if network.code in ("ETH", "BSC"):
            return "0x" + "".join(rng.choices("0123456789abcdef", k=40)), None
        if network.code == "TRX":
            return "T" + "".join(rng.choices(_BASE58, k=33)), None
        tag = str(rng.randint(10**8, 10**9 - 1))
        return "UQ" + "".join(rng.choices(_BASE64URL, k=46)), tag

    def _add_address(
        self, currency: Currency, network: Network, *, created_at: str | None = None
    ) -> Record:
        address, memo = self._address_text(network)
        record: Record = {
            "id": self._id(),
            "currencyCode": currency.code,
            "networkCode": network.code,
            "address": address,
            "memo": memo,
            "createdAt": created_at or self._stamp(),
        }
        self.addresses[record["id"]] = record
        return record

    def _crypto_network(
        self, code: str, network_code: str | None, *, name: str, deposit: bool
    ) -> tuple[Currency, Network]:
        currency = self.currency(code, name)
        if not currency.crypto:
            raise rule_broken("not_crypto", name, f"{code} is not a crypto currency")
        network = currency.network(network_code)
        if network is None:
            raise rule_broken(
                "unknown_network", "networkCode", f"{code} has no network {network_code}"
            )
        if not (network.deposit_enabled if deposit else network.withdrawal_enabled):
            raise rule_broken(
                "network_disabled", "networkCode", f"{network.code} is disabled for {code}"
            )
        return currency, network

    def create_address(self, code: str, network_code: str | None) -> Record:
        currency, network = self._crypto_network(
            code, network_code, name="currencyCode", deposit=True
        )
        record = self._add_address(currency, network)
        self.counts["depositAddresses"] += 1
        return record

    def list_addresses(
        self, currency_code: str | None = None, network_code: str | None = None
    ) -> list[Record]:
        return [
            a
            for a in self.addresses.values()
            if (currency_code is None or a["currencyCode"] == currency_code)
            and (network_code is None or a["networkCode"] == network_code)
        ]

    def deposit_instructions(self, currency_code: str | None) -> Record:
        return {
            "cryptoAddresses": self.list_addresses(currency_code),
            "bankDetails": [
                dict(d)
                for d in BANK_DEPOSIT_DETAILS
                if currency_code is None or d["currencyCode"] == currency_code
            ],
        }

    # -- withdrawals -------------------------------------------------------------------------

    def crypto_fee(self, code: str, network_code: str | None, amount: Decimal) -> Record:
        currency, network = self._crypto_network(
            code, network_code, name="currencyCode", deposit=False
        )
        amount = self.amount(currency, amount, "amount")
        return {
            "currencyCode": currency.code,
            "networkCode": network.code,
            "amount": amount,
            "fee": network.withdrawal_fee,
            "feeCurrencyCode": currency.code,
            "minAmount": network.min_withdrawal,
            "maxAmount": network.max_withdrawal,
        }

    @staticmethod
    def _check_destination(network: Network, address: str, memo: str | None) -> None:
        if not address or any(c.isspace() for c in address):
            raise rule_broken("invalid_address", "address", "is not an address")
        if network.memo_required and not memo:
            raise conditionally_missing("memo")

    @staticmethod
    def _check_limits(network: Network, amount: Decimal, name: str) -> None:
        if not network.min_withdrawal <= amount <= network.max_withdrawal:
            raise rule_broken(
                "amount_out_of_range",
                name,
                f"must be between {network.min_withdrawal} and {network.max_withdrawal}",
            )

    def create_crypto_withdrawal(
        self,
        *,
        code: str,
        address: str,
        amount: Decimal,
        network_code: str | None = None,
        memo: str | None = None,
        account_id: str | None = None,
    ) -> Record:
        currency, network = self._crypto_network(
            code, network_code, name="currencyCode", deposit=False
        )
        amount = self.amount(currency, amount, "amount")
        self._check_destination(network, address, memo)
        self._check_limits(network, amount, "amount")
        account = self._paying_account(account_id, currency, "accountId")
        fee = network.withdrawal_fee
        self._require_funds(account, amount + fee)
        text = f"{currency.code} withdrawal on {network.code}"
        self._book(account, -amount, "WITHDRAWAL", text, fee=fee)
        self._book(account, -fee, "FEE", f"Fee: {text}")
        record: Record = {
            "id": self._id(),
            "status": "COMPLETED",
            "currencyCode": currency.code,
            "networkCode": network.code,
            "address": address,
            "memo": memo,
            "amount": amount,
            "fee": fee,
            "txHash": "".join(self._rng.choices("0123456789abcdef", k=64)),
            "createdAt": self._stamp(),
        }
        self.crypto_withdrawals[record["id"]] = record
        self.counts["withdrawals"] += 1
        self.counts["cryptoWithdrawals"] += 1
        return record

    def crypto_withdrawal(self, withdrawal_id: str) -> Record:
        record: Record = self._get(self.crypto_withdrawals, "id", withdrawal_id)
        return record

    def bank_withdrawal(self, withdrawal_id: str) -> Record:
        record: Record = self._get(self.bank_withdrawals, "id", withdrawal_id)
        return record

    def create_bank_withdrawal(
        self,
        *,
        code: str,
        rail: str,
        amount: Decimal,
        beneficiary_name: str,
        iban: str | None = None,
        account_number: str | None = None,
        bic: str | None = None,
        reference: str | None = None,
        account_id: str | None = None,
    ) -> Record:
        currency = self.currency(code, "currencyCode")
        if currency.crypto:
            raise rule_broken("not_fiat", "currencyCode", f"{code} is not a fiat currency")
        rule = BANK_FEES.get(rail)
        if rule is None:
            raise invalid("rail", f"unknown rail {rail}")
        if currency.code not in rule.currencies:
            raise rule_broken("rail_currency", "rail", f"{rail} does not carry {currency.code}")
        if rail == "SEPA" and not iban:
            raise conditionally_missing("iban")
        if rail == "SWIFT":
            if not bic:
                raise conditionally_missing("bic")
            if not (iban or account_number):
                raise conditionally_missing("iban")
        amount = self.amount(currency, amount, "amount")
        account = self._paying_account(account_id, currency, "accountId")
        fee = rule.fee
        self._require_funds(account, amount + fee)
        text = f"{rail} withdrawal to {beneficiary_name}"
        self._book(account, -amount, "WITHDRAWAL", text, fee=fee)
        self._book(account, -fee, "FEE", f"Fee: {text}")
        record: Record = {
            "id": self._id(),
            "status": "PENDING",
            "currencyCode": currency.code,
            "rail": rail,
            "amount": amount,
            "fee": fee,
            "iban": iban or account_number,
            "bic": bic,
            "beneficiaryName": beneficiary_name,
            "reference": reference,
            "createdAt": self._stamp(),
        }
        self.bank_withdrawals[record["id"]] = record
        self.counts["withdrawals"] += 1
        self.counts["bankWithdrawals"] += 1
        return record

    def create_withdrawal_with_exchange(
        self,
        *,
        pay_code: str,
        pay_amount: Decimal,
        receive_code: str,
        address: str,
        network_code: str | None = None,
        memo: str | None = None,
    ) -> Record:
        pay = self.currency(pay_code, "payCurrencyCode")
        receive, network = self._crypto_network(
            receive_code, network_code, name="receiveCurrencyCode", deposit=False
        )
        if pay is receive:
            raise rule_broken(
                "same_currency", "receiveCurrencyCode", "must differ from payCurrencyCode"
            )
        pay_amount = self.amount(pay, pay_amount, "payAmount")
        self._check_destination(network, address, memo)
        rate = self.rates.rate(pay.code, receive.code)
        gross = (pay_amount * rate).quantize(receive.quantum, ROUND_DOWN)
        fee = network.withdrawal_fee
        receive_amount = gross - fee
        self._check_limits(network, receive_amount, "payAmount")
        account = self.account_for(pay.code)
        self._require_funds(account, pay_amount)
        self._book(
            account,
            -pay_amount,
            "WITHDRAWAL",
            f"Exchange to {receive.code} and withdrawal on {network.code}",
        )
        record: Record = {
            "id": self._id(),
            "status": "COMPLETED",
            "payCurrencyCode": pay.code,
            "payAmount": pay_amount,
            "receiveCurrencyCode": receive.code,
            "receiveAmount": receive_amount,
            "rate": rate,
            "fee": fee,
            "networkCode": network.code,
            "address": address,
            "memo": memo,
            "createdAt": self._stamp(),
        }
        self.withdrawals_with_exchange[record["id"]] = record
        self.counts["withdrawals"] += 1
        self.counts["withdrawalsWithExchange"] += 1
        return record

    # -- gift cards --------------------------------------------------------------------------

    def purchase_gift_card(self, gift_card_id: str, amount: Decimal, pay_code: str) -> Record:
        card = GIFT_CARDS.get(gift_card_id)
        if card is None:
            raise not_found("giftCardId", gift_card_id)
        card_currency = CURRENCIES[card.currency_code]
        amount = self.amount(card_currency, amount, "amount")
        if not card.accepts(amount):
            raise rule_broken(
                "amount_out_of_range", "amount", f"{card.name} does not come in {amount}"
            )
        pay = self.currency(pay_code, "payCurrencyCode")
        rate = self.rates.rate(card_currency.code, pay.code)
        pay_amount = (amount * rate).quantize(pay.quantum, ROUND_UP)
        account = self.account_for(pay.code)
        self._require_funds(account, pay_amount)
        self._book(account, -pay_amount, "GIFT_CARD", f"{card.name} {amount} {card.currency_code}")
        code = "-".join(
            "".join(self._rng.choices("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", k=4)) for _ in range(3)
        )
        record: Record = {
            "id": self._id(),
            "status": "DELIVERED",
            "giftCardId": card.id,
            "brand": card.brand,
            "amount": amount,
            "currencyCode": card.currency_code,
            "payAmount": pay_amount,
            "payCurrencyCode": pay.code,
            "code": f"SBX-{code}",
            "createdAt": self._stamp(),
        }
        self.purchases[record["id"]] = record
        self.counts["giftCardPurchases"] += 1
        return record

    def purchase(self, purchase_id: str) -> Record:
        record: Record = self._get(self.purchases, "id", purchase_id)
        return record

    @staticmethod
    def payment_methods(
        currency_code: str | None, country_code: str | None, direction: str | None
    ) -> list[Record]:
        return [
            dict(m)
            for m in PAYMENT_METHODS
            if (currency_code is None or m["currencyCode"] == currency_code)
            and (country_code is None or m["countryCode"] in (None, country_code))
            and (direction is None or m["direction"] == direction)
        ]

    # -- merchant ----------------------------------------------------------------------------

    @staticmethod
    def project(project_id: str) -> Project:
        project = PROJECTS.get(project_id.lower())
        if project is None:
            raise not_found("projectId", project_id)
        return project

    def _merchant_order_id(self, project: Project, wanted: str | None) -> str:
        taken = {o.order_id for o in self.orders.values() if o.project is project}
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
