"""The ledger: every part of the sandbox's state, in one object."""

from __future__ import annotations

import datetime
import itertools
import random
from collections import Counter
from collections.abc import Callable
from decimal import Decimal

from ..catalogue import CURRENCIES, SEED_BALANCES
from ..rates import RateBoard
from .gift_cards import _GiftCards
from .orders import _Orders
from .records import Account, Order, PreOrder, Record, _utcnow, iso
from .withdrawals import _Withdrawals


class Ledger(_Orders, _Withdrawals, _GiftCards):
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
