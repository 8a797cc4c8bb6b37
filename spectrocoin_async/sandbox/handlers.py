"""One handler per operationId of openapi.yaml: read the wire, ask the ledger, answer.

``HANDLERS`` maps every operationId to its handler; ``app.create_app`` refuses to start if the
spec has an operation without one (or a handler has no operation). A handler returns JSON-ready
data (or a Starlette response, for exports) and raises ``SandboxError`` for the error body.
"""

from __future__ import annotations

import datetime
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from typing import Any, Final, Protocol

from attrs import frozen
from starlette.responses import Response, StreamingResponse

from .callbacks import Delivery
from .catalogue import CURRENCIES, GIFT_CARDS, PROJECTS
from .config import SandboxConfig
from .errors import SandboxError, rule_broken
from .exports import csv_stream, pdf_stream
from .rates import INTERVALS
from .state import Ledger, Order, Record, iso, paged
from .tokens import TokenIssuer
from .wire import Fields, sort_records

__all__ = ["HANDLERS", "Call", "Handler", "SandboxState"]


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


# -- auth --------------------------------------------------------------------------------------


@handles("getAccessToken")
async def get_access_token(call: Call) -> Record:
    body, config = call.body, call.sandbox.config
    grant_type = body.required_text("grant_type")
    client_id = body.required_text("client_id")
    client_secret = body.required_text("client_secret")
    if grant_type != "client_credentials":
        raise SandboxError(
            400,
            "GEN_2",
            f"Unsupported grant type '{grant_type}'.",
            key="unsupported_grant_type",
            category="validation",
        )
    if client_id != config.client_id or client_secret != config.client_secret:
        raise SandboxError(
            401,
            "GEN_3",
            "Bad client credentials.",
            key="invalid_client",
            category="authentication",
        )
    token = call.sandbox.tokens.issue(config.token_lifetime)
    return {"access_token": token, "expires_in": config.token_lifetime, "token_type": "bearer"}


# -- accounts and transactions -----------------------------------------------------------------


@handles("listAccounts")
async def list_accounts(call: Call) -> list[Record]:
    return [a.to_json() for a in call.sandbox.ledger.accounts.values()]


@handles("getAccount")
async def get_account(call: Call) -> Record:
    return call.sandbox.ledger.account(call.id).to_json()


@handles("listTransactions")
async def list_transactions(call: Call) -> Record:
    q = call.query
    items = call.sandbox.ledger.list_transactions(
        account_id=q.text("accountId"),
        currency_code=q.code("currencyCode"),
        kind=q.text("type"),
        status=q.text("status"),
        date_from=q.date("dateFrom"),
        date_to=q.date("dateTo"),
    )
    return _page_of(call, items)


@handles("getTransaction")
async def get_transaction(call: Call) -> Record:
    return call.sandbox.ledger.transaction(call.id)


# -- currencies and rates ----------------------------------------------------------------------


@handles("listCurrencies")
async def list_currencies(call: Call) -> list[Record]:
    return [c.to_json() for c in CURRENCIES.values()]


def _known(code: str | None, name: str) -> str | None:
    if code is not None and code not in CURRENCIES:
        raise rule_broken("unknown_currency", name, f"unknown currency {code}")
    return code


@handles("getRates")
async def get_rates(call: Call) -> list[Record]:
    source = _known(call.query.code("from"), "from")
    target = _known(call.query.code("to"), "to")
    rates = call.sandbox.ledger.rates
    stamp = iso(datetime.datetime.now(datetime.UTC))
    return [
        {"fromCurrencyCode": a, "toCurrencyCode": b, "rate": rates.rate(a, b), "timestamp": stamp}
        for a in CURRENCIES
        for b in CURRENCIES
        if a != b and source in (None, a) and target in (None, b)
    ]


@handles("getRateHistory")
async def get_rate_history(call: Call) -> list[Record]:
    q = call.query
    source = _known(q.required_code("from"), "from")
    target = _known(q.required_code("to"), "to")
    assert source is not None and target is not None
    interval = q.choice("interval", INTERVALS) or "DAY"
    now = datetime.datetime.now(datetime.UTC)
    day_to = q.date("dateTo") or now.date()
    span = datetime.timedelta(days=2) if interval == "HOUR" else datetime.timedelta(days=30)
    day_from = q.date("dateFrom") or (day_to - span)
    if day_from > day_to:
        raise rule_broken("date_range", "dateFrom", "must not be after dateTo")
    start = datetime.datetime.combine(day_from, datetime.time(), datetime.UTC)
    end = min(now, datetime.datetime.combine(day_to, datetime.time.max, datetime.UTC))
    if end < start:
        return []
    points = call.sandbox.ledger.rates.history(
        source, target, start=start, end=end, interval=interval
    )
    return [
        {"fromCurrencyCode": source, "toCurrencyCode": target, "rate": rate, "timestamp": iso(when)}
        for when, rate in points
    ]


# -- exchanges ---------------------------------------------------------------------------------


@handles("listExchangePairs")
async def list_exchange_pairs(call: Call) -> list[Record]:
    return call.sandbox.ledger.exchange_pairs()


@handles("calculateExchange")
async def calculate_exchange(call: Call) -> Record:
    b = call.body
    return call.sandbox.ledger.quote(
        b.required_code("payCurrencyCode"),
        b.required_code("receiveCurrencyCode"),
        pay_amount=b.decimal("payAmount"),
        receive_amount=b.decimal("receiveAmount"),
    )


@handles("createExchange")
async def create_exchange(call: Call) -> Record:
    b = call.body
    return call.sandbox.ledger.execute_exchange(
        pay_amount=b.required_decimal("payAmount"),
        pay_code=b.code("payCurrencyCode"),
        receive_code=b.code("receiveCurrencyCode"),
        pair_id=b.text("exchangePairId"),
        pay_account_id=b.text("payAccountId"),
        receive_account_id=b.text("receiveAccountId"),
    )


def _dated(call: Call, records: Mapping[str, Record], **equal: str | None) -> list[Record]:
    date_from, date_to = call.query.date("dateFrom"), call.query.date("dateTo")
    return [
        r
        for r in records.values()
        if all(value is None or r.get(key) == value for key, value in equal.items())
        and (date_from is None or r["createdAt"][:10] >= date_from.isoformat())
        and (date_to is None or r["createdAt"][:10] <= date_to.isoformat())
    ]


@handles("listExchanges")
async def list_exchanges(call: Call) -> Record:
    items = _dated(call, call.sandbox.ledger.exchanges, status=call.query.text("status"))
    return _page_of(call, items)


@handles("getExchange")
async def get_exchange(call: Call) -> Record:
    return call.sandbox.ledger.exchange(call.id)


# -- deposits ----------------------------------------------------------------------------------


@handles("listDepositAddresses")
async def list_deposit_addresses(call: Call) -> Record:
    return call.sandbox.ledger.deposit_instructions(call.query.code("currencyCode"))


@handles("listCryptoDepositAddresses")
async def list_crypto_deposit_addresses(call: Call) -> Record:
    items = call.sandbox.ledger.list_addresses(
        call.query.code("currencyCode"), call.query.text("networkCode")
    )
    return _page_of(call, items)


@handles("createCryptoDepositAddress")
async def create_crypto_deposit_address(call: Call) -> Record:
    return call.sandbox.ledger.create_address(
        call.body.required_code("currencyCode"), call.body.text("networkCode")
    )


# -- withdrawals -------------------------------------------------------------------------------


@handles("getCryptoWithdrawalFee")
async def get_crypto_withdrawal_fee(call: Call) -> Record:
    b = call.body
    return call.sandbox.ledger.crypto_fee(
        b.required_code("currencyCode"), b.text("networkCode"), b.required_decimal("amount")
    )


@handles("createCryptoWithdrawal")
async def create_crypto_withdrawal(call: Call) -> Record:
    b = call.body
    return call.sandbox.ledger.create_crypto_withdrawal(
        code=b.required_code("currencyCode"),
        address=b.required_text("address"),
        amount=b.required_decimal("amount"),
        network_code=b.text("networkCode"),
        memo=b.text("memo"),
        account_id=b.text("accountId"),
    )


@handles("listCryptoWithdrawals")
async def list_crypto_withdrawals(call: Call) -> Record:
    q = call.query
    items = _dated(
        call,
        call.sandbox.ledger.crypto_withdrawals,
        currencyCode=q.code("currencyCode"),
        status=q.text("status"),
    )
    return _page_of(call, items)


@handles("getCryptoWithdrawal")
async def get_crypto_withdrawal(call: Call) -> Record:
    return call.sandbox.ledger.crypto_withdrawal(call.id)


@handles("createBankWithdrawal")
async def create_bank_withdrawal(call: Call) -> Record:
    b = call.body
    return call.sandbox.ledger.create_bank_withdrawal(
        code=b.required_code("currencyCode"),
        rail=b.required_text("rail"),
        amount=b.required_decimal("amount"),
        beneficiary_name=b.required_text("beneficiaryName"),
        iban=b.text("iban"),
        account_number=b.text("accountNumber"),
        bic=b.text("bic"),
        reference=b.text("reference"),
        account_id=b.text("accountId"),
    )


@handles("listBankWithdrawals")
async def list_bank_withdrawals(call: Call) -> Record:
    q = call.query
    items = _dated(
        call,
        call.sandbox.ledger.bank_withdrawals,
        currencyCode=q.code("currencyCode"),
        status=q.text("status"),
    )
    return _page_of(call, items)


@handles("getBankWithdrawal")
async def get_bank_withdrawal(call: Call) -> Record:
    return call.sandbox.ledger.bank_withdrawal(call.id)


@handles("createWithdrawalWithExchange")
async def create_withdrawal_with_exchange(call: Call) -> Record:
    b = call.body
    return call.sandbox.ledger.create_withdrawal_with_exchange(
        pay_code=b.required_code("payCurrencyCode"),
        pay_amount=b.required_decimal("payAmount"),
        receive_code=b.required_code("receiveCurrencyCode"),
        address=b.required_text("address"),
        network_code=b.text("networkCode"),
        memo=b.text("memo"),
    )


@handles("listWithdrawalsWithExchange")
async def list_withdrawals_with_exchange(call: Call) -> Record:
    items = _dated(
        call, call.sandbox.ledger.withdrawals_with_exchange, status=call.query.text("status")
    )
    return _page_of(call, items)


# -- gift cards and payment methods ------------------------------------------------------------


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


# -- exports -----------------------------------------------------------------------------------

_TRANSACTION_COLUMNS: Final = (
    "id",
    "createdAt",
    "accountId",
    "currencyCode",
    "type",
    "status",
    "amount",
    "fee",
    "description",
)
_ORDER_COLUMNS: Final = (
    "id",
    "orderId",
    "createdAt",
    "status",
    "receiveAmount",
    "receiveCurrencyCode",
    "payAmount",
    "payCurrencyCode",
    "projectId",
    "description",
)


async def _async_chunks(chunks: Iterator[bytes]) -> AsyncIterator[bytes]:
    # Filler rows are cheap to make: on the event loop, not a thread per 64 KiB chunk.
    for chunk in chunks:
        yield chunk


def _export(call: Call, name: str, columns: tuple[str, ...], rows: list[Record]) -> Response:
    export_format = call.query.choice("format", ("CSV", "PDF"), required=True)
    size = call.query.integer("sandboxSize", -1, minimum=0, maximum=10**12)
    day = datetime.date.today().isoformat()
    if export_format == "PDF":
        lines = [
            "  ".join(str(row.get(c) if row.get(c) is not None else "") for c in columns[:8])
            for row in rows
        ]
        chunks = pdf_stream(f"SpectroCoin sandbox - {name} export - {day}", lines)
        media, extension = "application/pdf", "pdf"
    else:
        table = ([row.get(c) for c in columns] for row in rows)
        chunks = csv_stream(columns, table, size=None if size < 0 else size)
        media, extension = "text/csv; charset=utf-8", "csv"
    return StreamingResponse(
        _async_chunks(chunks),
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="{name}-{day}.{extension}"'},
    )


@handles("exportTransactions")
async def export_transactions(call: Call) -> Response:
    q = call.query
    rows = call.sandbox.ledger.list_transactions(
        account_id=q.text("accountId"), date_from=q.date("dateFrom"), date_to=q.date("dateTo")
    )
    return _export(call, "transactions", _TRANSACTION_COLUMNS, rows)


@handles("exportOrders")
async def export_orders(call: Call) -> Response:
    q = call.query
    orders = call.sandbox.ledger.list_orders(date_from=q.date("dateFrom"), date_to=q.date("dateTo"))
    return _export(call, "orders", _ORDER_COLUMNS, [o.to_json() for o in orders])


# -- merchant ----------------------------------------------------------------------------------


@handles("listProjects")
async def list_projects(call: Call) -> list[Record]:
    return [p.to_json() for p in PROJECTS.values()]


@handles("getProject")
async def get_project(call: Call) -> Record:
    return call.sandbox.ledger.project(call.id).to_json()


@handles("createOrder")
async def create_order(call: Call) -> Record:
    b = call.body
    return call.sandbox.ledger.create_order(
        project_id=b.required_text("projectId"),
        base_url=call.base_url,
        order_id=b.text("orderId"),
        receive_amount=b.decimal("receiveAmount"),
        receive_code=b.code("receiveCurrencyCode"),
        pay_amount=b.decimal("payAmount"),
        pay_code=b.code("payCurrencyCode"),
        pay_network=b.text("payNetworkName"),
        description=b.text("description"),
        callback_url=b.text("callbackUrl"),
        success_url=b.text("successUrl"),
        failure_url=b.text("failureUrl"),
    )


@handles("createOrderFromPreOrder")
async def create_order_from_pre_order(call: Call) -> Record:
    b = call.body
    order = call.sandbox.ledger.create_order_from_pre_order(
        b.required_text("preOrderId"),
        base_url=call.base_url,
        pay_code=b.code("payCurrencyCode"),
        pay_network=b.text("payNetworkCode"),
    )
    return order.to_json()


@handles("listOrders")
async def list_orders(call: Call) -> Record:
    q = call.query
    items = call.sandbox.ledger.list_orders(
        date_from=q.date("dateFrom"),
        date_to=q.date("dateTo"),
        status=q.text("status"),
        project_id=q.text("projectId"),
    )
    return _page_of(call, items, lambda o: str(o.created_at))


@handles("getOrder")
async def get_order(call: Call) -> Record:
    return call.sandbox.ledger.order(call.id).to_json()


async def _changed(call: Call, order: Order) -> Record:
    await call.sandbox.notify(order)
    return order.to_json()


@handles("cancelOrder")
async def cancel_order(call: Call) -> Record:
    order = call.sandbox.ledger.order(call.id)
    call.sandbox.ledger.cancel(order)
    return await _changed(call, order)


@handles("acceptOrder")
async def accept_order(call: Call) -> Record:
    order = call.sandbox.ledger.order(call.id)
    call.sandbox.ledger.accept(order)
    return await _changed(call, order)


@handles("createPreOrder")
async def create_pre_order(call: Call) -> Record:
    b = call.body
    pre = call.sandbox.ledger.create_pre_order(
        project_id=b.required_text("projectId"),
        receive_amount=b.required_decimal("receiveAmount"),
        receive_code=b.required_code("receiveCurrencyCode"),
        base_url=call.base_url,
        order_id=b.text("orderId"),
        is_multiple=b.boolean("isMultiple"),
        description=b.text("description"),
        callback_url=b.text("callbackUrl"),
        success_url=b.text("successUrl"),
        failure_url=b.text("failureUrl"),
    )
    return pre.to_json()


@handles("listPreOrders")
async def list_pre_orders(call: Call) -> Record:
    project_id = call.query.text("projectId")
    items = [
        p
        for p in call.sandbox.ledger.pre_orders.values()
        if project_id is None or p.project.id == project_id.lower()
    ]
    return _page_of(call, items, lambda p: str(p.created_at))


@handles("getPreOrder")
async def get_pre_order(call: Call) -> Record:
    return call.sandbox.ledger.pre_order(call.id).to_json()


@handles("listRefunds")
async def list_refunds(call: Call) -> Record:
    q = call.query
    items = call.sandbox.ledger.list_refunds(
        date_from=q.date("dateFrom"), date_to=q.date("dateTo"), status=q.text("status")
    )
    return _page_of(call, items)
