"""Accounts and transactions: the base every part of the ledger stands on.

Every balance change goes through ``_book``, which writes a transaction.
"""

from __future__ import annotations

import datetime
import random
from collections import Counter
from collections.abc import Callable, Iterator
from decimal import Context, Decimal
from typing import Any

from ..catalogue import CURRENCIES, Currency
from ..errors import insufficient_funds, invalid, not_found, rule_broken
from ..rates import RateBoard
from ..spec import MAX_AMOUNT
from .records import Account, Order, PreOrder, Record, in_dates, iso

_AMOUNT_CONTEXT = Context(prec=60)


class _Accounts:
    """Accounts, transactions, and the helpers every other part of the ledger uses."""

    # Set by Ledger.__init__ (ledger.py); declared here for every part of the ledger.
    rates: RateBoard
    _rng: random.Random
    _now: Callable[[], datetime.datetime]
    _ids: Iterator[int]
    _request_ids: Iterator[int]
    counts: Counter[str]
    accounts: dict[str, Account]
    transactions: dict[str, Record]
    exchanges: dict[str, Record]
    addresses: dict[str, Record]
    crypto_withdrawals: dict[str, Record]
    bank_withdrawals: dict[str, Record]
    withdrawals_with_exchange: dict[str, Record]
    purchases: dict[str, Record]
    pre_orders: dict[str, PreOrder]
    orders: dict[str, Order]
    refunds: dict[str, Record]
    _refund_of: dict[str, str]

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
        """``value`` as an amount of ``currency``: positive, at most ``MAX_AMOUNT`` (the spec's
        ``maximum``), and no finer than its scale."""
        if not value.is_finite() or value <= 0:
            raise invalid(name, "must be greater than 0")
        if value > MAX_AMOUNT:
            raise invalid(name, f"must be at most {MAX_AMOUNT}")
        # Room for the bound's 16 digits and any currency's scale: the bound is the only limit.
        exact = value.quantize(currency.quantum, context=_AMOUNT_CONTEXT)
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
