"""Withdrawals: crypto, bank, and crypto withdrawals paid with an exchange."""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal

from ..catalogue import BANK_FEES, Network
from ..errors import conditionally_missing, invalid, rule_broken
from .deposits import _Deposits
from .records import Record


class _Withdrawals(_Deposits):
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
