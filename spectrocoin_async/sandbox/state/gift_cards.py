"""Gift card purchases, and the payment methods listing."""

from __future__ import annotations

from decimal import ROUND_UP, Decimal

from ..catalogue import CURRENCIES, GIFT_CARDS, PAYMENT_METHODS
from ..errors import not_found, rule_broken
from .accounts import _Accounts
from .records import Record


class _GiftCards(_Accounts):
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
