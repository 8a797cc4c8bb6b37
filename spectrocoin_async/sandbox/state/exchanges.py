"""Currency exchanges: pairs, quotes, executed exchanges."""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_UP, Decimal

from ..catalogue import CURRENCIES
from ..errors import conditionally_missing, not_found, rule_broken
from .accounts import _Accounts
from .records import Record


class _Exchanges(_Accounts):
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
            if receive_amount is not None:  # ignored (pay wins), but held to its schema still
                self.amount(receive, receive_amount, "receiveAmount")
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
