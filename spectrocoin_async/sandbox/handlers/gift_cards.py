"""Gift cards and payment methods."""

from __future__ import annotations

from ..catalogue import GIFT_CARDS
from ..state import Record
from .base import Call, _dated, _page_of, handles


@handles("listGiftCards")
async def list_gift_cards(call: Call) -> list[Record]:
    country, currency = call.query.text("countryCode"), call.query.code("currencyCode")
    return [
        card.to_json()
        for card in GIFT_CARDS.values()
        if country in (None, card.country_code) and currency in (None, card.currency_code)
    ]


@handles("purchaseGiftCard")
async def purchase_gift_card(call: Call) -> Record:
    b = call.body
    return call.sandbox.ledger.purchase_gift_card(
        b.required_text("giftCardId"),
        b.required_decimal("amount"),
        b.required_code("payCurrencyCode"),
    )


@handles("listGiftCardPurchases")
async def list_gift_card_purchases(call: Call) -> Record:
    items = _dated(call, call.sandbox.ledger.purchases, status=call.query.text("status"))
    return _page_of(call, items)


@handles("getGiftCardPurchase")
async def get_gift_card_purchase(call: Call) -> Record:
    return call.sandbox.ledger.purchase(call.id)


@handles("listPaymentMethods")
async def list_payment_methods(call: Call) -> list[Record]:
    q = call.query
    return call.sandbox.ledger.payment_methods(
        q.code("currencyCode"), q.text("countryCode"), q.text("direction")
    )
