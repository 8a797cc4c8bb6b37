"""The SDK's whole job against the sandbox over real sockets: the quick flow and the features."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
from decimal import Decimal
from uuid import UUID

import httpx
import pytest

from spectrocoin_async import (
    AuthenticationError,
    BankRail,
    CalculateExchangeRequest,
    CallbackVerificationError,
    CreateBankWithdrawalRequest,
    CreateCryptoDepositAddressRequest,
    CreateCryptoWithdrawalRequest,
    CreateExchangeRequest,
    CreateOrderFromPreOrderRequest,
    CreateOrderRequest,
    CreatePreOrderRequest,
    CreateWithdrawalWithExchangeRequest,
    CryptoWithdrawalFeeRequest,
    ExportFormat,
    LegacyCallback,
    PurchaseGiftCardRequest,
    SpectroCoinClient,
    UnprocessableEntityError,
)
from spectrocoin_async.sandbox import LEGACY_PROJECT_ID, SANDBOX_PROJECT_ID

from .support import (
    RECORDER,
    CallbackSink,
    Control,
    assert_transactions_add_up,
    balances,
    sdk_client,
)

pytestmark = pytest.mark.anyio

SEEDED = {
    "EUR": Decimal("10000.00"),
    "USD": Decimal("5000.00"),
    "BTC": Decimal("0.50000000"),
    "ETH": Decimal("4.00000000"),
    "USDT": Decimal("2500.000000"),
}


async def test_quick_flow(sc: SpectroCoinClient, control: Control, sink: CallbackSink) -> None:
    # 1 token, 2 accounts
    assert sc.tokens is not None
    await sc.tokens.get()
    assert await balances(sc) == SEEDED
    # 3 live rate (public)
    (rate,) = await sc.rates.get_rates(from_="BTC", to="EUR")
    assert rate.rate > 0
    # 4 quote and execute: balances move by exactly the executed amounts
    pay = Decimal("100.00")
    quote = await sc.exchanges.calculate_exchange(
        body=CalculateExchangeRequest(
            pay_currency_code="EUR", receive_currency_code="BTC", pay_amount=pay
        )
    )
    assert isinstance(quote.receive_amount, Decimal)
    assert quote.pay_amount == pay and quote.receive_amount > 0
    exchange = await sc.exchanges.create_exchange(
        body=CreateExchangeRequest(
            pay_currency_code="EUR", receive_currency_code="BTC", pay_amount=pay
        )
    )
    after = await balances(sc)
    assert isinstance(exchange.receive_amount, Decimal)
    assert after["EUR"] == SEEDED["EUR"] - pay
    assert after["BTC"] == SEEDED["BTC"] + exchange.receive_amount
    # 5 an order, 6 the payer pays, 7 callbacks arrive and are verified by re-fetching
    created = await sc.merchant.create_order(
        body=CreateOrderRequest(
            project_id=UUID(SANDBOX_PROJECT_ID),
            order_id="flow-1",
            receive_amount=Decimal("25.00"),
            receive_currency_code="EUR",
            callback_url=sink.url,
        )
    )
    result = await sc.request(
        "POST", f"/sandbox/orders/{created.order_id}/simulate", json={"status": "PAID"}
    )
    assert result["statuses"] == ["PENDING", "PAID"]
    callbacks = sink.take()
    assert len(callbacks) == 1  # PENDING sends none; PAID does
    for headers, body in callbacks:
        assert headers["content-type"] == "application/json"
        verified = await sc.merchant.verify_callback(headers, body)
        assert verified.id == str(created.order_id)
    assert verified.status == "PAID"
    assert verified.receive_amount == Decimal("25.00")
    assert (await balances(sc))["EUR"] == after["EUR"] + Decimal("25.00")
    # 8 the export lists what happened
    csv = await sc.exports.export_transactions(format=ExportFormat.CSV)
    text = csv.payload.read().decode()
    assert text.startswith("id,createdAt,accountId,")
    assert ",EXCHANGE,PROCESSED,-100.00," in text and ",MERCHANT_PAYMENT," in text
    ledger = await control.ledger()
    assert ledger["exchanges"] == 1 and ledger["ordersCreated"] == 1
    assert ledger["tokensIssued"] == 1 and ledger["callbacksDelivered"] == 1
    assert ledger["duplicateDeliveries"] == ledger["duplicateExecutions"] == 0
    await assert_transactions_add_up(sc)


async def test_legacy_callbacks_are_signed_with_the_served_key(
    sandbox_url: str, control: Control, sink: CallbackSink
) -> None:
    async with sdk_client(
        sandbox_url,
        project_id=LEGACY_PROJECT_ID,
        public_key_url=sandbox_url + "/sandbox/merchant.public.pem",
    ) as sc:
        created = await sc.merchant.create_order(
            body=CreateOrderRequest(
                project_id=UUID(LEGACY_PROJECT_ID),
                order_id="legacy 1*~",
                description="Legacy order: spaces & symbols",
                receive_amount=Decimal("50"),
                receive_currency_code="EUR",
                callback_url=sink.url,
            )
        )
        await control.simulate(str(created.order_id), "EXPIRED")
        ((headers, body),) = sink.take()
        assert headers["content-type"] == "application/x-www-form-urlencoded"
        verified = await sc.merchant.verify_callback(headers, body)
        assert verified.status == "EXPIRED"
        assert isinstance(verified.callback, LegacyCallback)
        assert verified.callback.order_id == "legacy 1*~"
        assert verified.callback.receive_amount == Decimal("50.0")
        tampered = body.replace(b"receiveAmount=50.0", b"receiveAmount=5000.0")
        assert tampered != body
        with pytest.raises(CallbackVerificationError):
            await sc.merchant.verify_callback(headers, tampered)


async def test_every_balance_change_is_an_exact_transaction(
    sc: SpectroCoinClient, control: Control
) -> None:
    fee = await sc.withdrawals.get_crypto_withdrawal_fee(
        body=CryptoWithdrawalFeeRequest(currency_code="BTC", amount=Decimal("0.01"))
    )
    withdrawal = await sc.withdrawals.create_crypto_withdrawal(
        body=CreateCryptoWithdrawalRequest(
            currency_code="BTC", address="bc1qsandboxdestination", amount=Decimal("0.01")
        )
    )
    assert withdrawal.fee == fee.fee == Decimal("0.00015")
    bank = await sc.withdrawals.create_bank_withdrawal(
        body=CreateBankWithdrawalRequest(
            currency_code="EUR",
            rail=BankRail.SEPA,
            amount=Decimal("250.10"),
            beneficiary_name="Jane Doe",
            iban="LT601010012345678901",
        )
    )
    with_exchange = await sc.withdrawals.create_withdrawal_with_exchange(
        body=CreateWithdrawalWithExchangeRequest(
            pay_currency_code="USD",
            pay_amount=Decimal("100.00"),
            receive_currency_code="USDT",
            network_code="TRX",
            address="TXsandboxDestination000000000000000",
        )
    )
    purchase = await sc.gift_cards.purchase_gift_card(
        body=PurchaseGiftCardRequest(
            gift_card_id="gc-amazon-de", amount=Decimal("25.00"), pay_currency_code="EUR"
        )
    )
    assert purchase.code and purchase.pay_amount == Decimal("25.00")
    address = await sc.deposits.create_crypto_deposit_address(
        body=CreateCryptoDepositAddressRequest(currency_code="USDT", network_code="TON")
    )
    assert address.memo  # TON needs a memo
    now = await balances(sc)
    assert isinstance(bank.amount, Decimal) and isinstance(bank.fee, Decimal)
    assert isinstance(purchase.pay_amount, Decimal)
    assert isinstance(with_exchange.pay_amount, Decimal) and isinstance(with_exchange.fee, Decimal)
    assert isinstance(with_exchange.rate, Decimal)
    assert now["BTC"] == SEEDED["BTC"] - Decimal("0.01") - Decimal("0.00015")
    assert now["EUR"] == SEEDED["EUR"] - bank.amount - bank.fee - purchase.pay_amount
    assert now["USD"] == SEEDED["USD"] - with_exchange.pay_amount
    assert with_exchange.receive_amount == (
        (Decimal("100.00") * with_exchange.rate).quantize(Decimal("0.000001"), "ROUND_DOWN")
        - with_exchange.fee
    )
    await assert_transactions_add_up(sc)
    ledger = await control.ledger()
    assert ledger["withdrawals"] == 3 and ledger["giftCardPurchases"] == 1
    assert ledger["depositAddresses"] == 1


async def test_insufficient_funds_is_a_422_with_the_error_body(
    sc: SpectroCoinClient, control: Control
) -> None:
    with pytest.raises(UnprocessableEntityError) as caught:
        await sc.withdrawals.create_crypto_withdrawal(
            body=CreateCryptoWithdrawalRequest(
                currency_code="BTC", address="bc1qsandboxdestination", amount=Decimal("1")
            )
        )
    error = caught.value
    assert error.status_code == 422
    assert error.error_code == "GEN_10" and error.key == "insufficient_funds"
    assert error.trace_id and error.span_id
    assert (await balances(sc))["BTC"] == SEEDED["BTC"]
    assert (await control.ledger())["withdrawals"] == 0


async def test_auth_and_public_operations(
    sandbox_url: str, control: Control, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SPECTROCOIN_CLIENT_ID", raising=False)
    monkeypatch.delenv("SPECTROCOIN_CLIENT_SECRET", raising=False)
    async with sdk_client(sandbox_url, client_secret="wrong") as sc:
        with pytest.raises(AuthenticationError) as caught:
            await sc.accounts.list_accounts()
        assert caught.value.status_code == 401
        # Not proven public (issue 25): with credentials configured, the token goes along.
        with pytest.raises(AuthenticationError):
            await sc.currencies.list_currencies()
    # Without credentials the sandbox serves it, as SpectroCoin may.
    async with sdk_client(sandbox_url, client_id=None, client_secret=None) as sc:
        assert {c.code for c in await sc.currencies.list_currencies()} == set(SEEDED)
    async with sdk_client(sandbox_url) as sc:
        assert {c.code for c in await sc.currencies.list_currencies()} == set(SEEDED)
        assert len(await sc.rates.get_rates(from_="BTC")) > 0
    assert (await control.ledger())["tokensIssued"] == 1
    async with httpx.AsyncClient(event_hooks={"response": [RECORDER.hook]}) as http:
        response = await http.get(sandbox_url + "/accounts")
        assert response.status_code == 401
        assert {"errorCode", "defaultMessage", "traceId", "spanId"} <= response.json().keys()
        response = await http.get(
            sandbox_url + "/accounts", headers={"Authorization": "Bearer not-a-token"}
        )
        assert response.status_code == 401
    assert (await control.ledger())["unauthorized"] == 2  # bad credentials are not counted


async def test_callbacks_go_out_on_paid_expired_and_failed_only_by_default(
    sc: SpectroCoinClient, control: Control, sink: CallbackSink
) -> None:
    """https://docs.spectrocoin.com/docs/order-callbacks names PAID, EXPIRED and FAILED: the
    sandbox sends callbacks at exactly those transitions unless told otherwise."""
    assert (await control.configure())["callbackStatuses"] == ["PAID", "EXPIRED", "FAILED"]
    sink.take()

    async def order(name: str) -> str:
        created = await sc.merchant.create_order(
            body=CreateOrderRequest(
                project_id=UUID(SANDBOX_PROJECT_ID),
                order_id=name,
                receive_amount=Decimal("3"),
                receive_currency_code="EUR",
                callback_url=sink.url,
            )
        )
        return str(created.order_id)

    walks = {
        "refunded": "REFUNDED",  # PENDING, PAID, PROCESSING_REFUND, REFUNDED
        "late": "LATE_CRYPTO_PAYMENT",  # EXPIRED, PENDING_LATE_CRYPTO_PAYMENT, LATE_...
        "failed": "FAILED",
        "underpaid": "UNDERPAID",  # PENDING, UNDERPAID; then accepted: PAID
        "cancelled": "PENDING",  # then cancelled: CANCELLED
    }
    ids = {name: await order(name) for name in walks}
    sent = {}
    for name, target in walks.items():
        result = await control.simulate(ids[name], target)
        sent[name] = [c["status"] for c in result["callbacks"]]
    assert sent == {
        "refunded": ["PAID"], "late": ["EXPIRED"], "failed": ["FAILED"], "underpaid": [],
        "cancelled": [],
    }  # fmt: skip
    assert len(sink.take()) == 3
    await sc.merchant.cancel_order(UUID(ids["cancelled"]))
    assert sink.take() == []
    await sc.merchant.accept_order(UUID(ids["underpaid"]))
    ((headers, body),) = sink.take()
    verified = await sc.merchant.verify_callback(headers, body)
    assert (verified.order_id, verified.status) == ("underpaid", "PAID")
    assert (await control.ledger())["callbacksDelivered"] == 4


async def test_paging_follows_the_envelope(sc: SpectroCoinClient) -> None:
    page = await sc.transactions.list_transactions(page=1, size=2)
    assert (page.number, page.size, page.total_elements, page.total_pages) == (1, 2, 5, 3)
    assert page.last is False and len(page.content) == 2
    last = await sc.transactions.list_transactions(page=2, size=2)
    assert last.last is True and len(last.content) == 1
    ids = [tx.id async for tx in sc.transactions.iterate_list_transactions(size=2)]
    assert len(ids) == len(set(ids)) == 5


async def test_pre_orders_statuses_accept_cancel_refund(
    sc: SpectroCoinClient, control: Control, sink: CallbackSink
) -> None:
    await control.configure(callbackStatuses=["*"])  # a callback at every status change
    pre = await sc.merchant.create_pre_order(
        body=CreatePreOrderRequest(
            project_id=UUID(SANDBOX_PROJECT_ID),
            receive_amount=Decimal("12.50"),
            receive_currency_code="EUR",
            order_id="7055",
            is_multiple=True,
            callback_url=sink.url,
        )
    )
    first = await sc.merchant.create_order_from_pre_order(
        body=CreateOrderFromPreOrderRequest(
            pre_order_id=pre.id, pay_currency_code="USDT", pay_network_code="TRX"
        )
    )
    second = await sc.merchant.create_order_from_pre_order(
        body=CreateOrderFromPreOrderRequest(pre_order_id=pre.id)
    )
    assert (first.order_id, second.order_id) == ("7055", "Pre-7055-1")
    assert isinstance(first.pay_amount, Decimal)
    assert first.pay_currency_code == "USDT" and first.pay_amount > 0
    cancelled = await sc.merchant.cancel_order(second.id)
    assert cancelled.status == "CANCELLED"
    await control.simulate(str(first.id), "UNDERPAID")
    accepted = await sc.merchant.accept_order(first.id)
    assert accepted.status == "PAID"
    with pytest.raises(UnprocessableEntityError):
        await sc.merchant.cancel_order(first.id)
    await control.simulate(str(first.id), "REFUNDED")
    refunds = await sc.merchant.list_refunds()
    assert [(r.order_id, r.status, r.amount) for r in refunds.content] == [
        (first.id, "COMPLETED", Decimal("12.50"))
    ]
    statuses = [(await sc.merchant.verify_callback(h, b)).status for h, b in sink.take()]
    assert len(statuses) == 6  # cancel; PENDING, UNDERPAID; accept; PROCESSING_REFUND, REFUNDED
    assert (await balances(sc))["EUR"] == SEEDED["EUR"]  # paid, then refunded
    await assert_transactions_add_up(sc)


async def test_json_bodies_work_where_the_spec_says_form(sandbox_url: str) -> None:
    async with sdk_client(sandbox_url, body_encodings={"exchanges": "json"}) as sc:
        exchange = await sc.exchanges.create_exchange(
            body=CreateExchangeRequest(
                pay_currency_code="USDT",
                receive_currency_code="ETH",
                pay_amount=Decimal("10.000001"),
            )
        )
        assert exchange.pay_amount == Decimal("10.000001")


async def test_exports_stream_csv_of_any_size_and_a_real_pdf(sandbox_url: str) -> None:
    async with (
        sdk_client(sandbox_url) as sc,
        httpx.AsyncClient(
            base_url=sandbox_url, event_hooks={"response": [RECORDER.hook]}, timeout=30
        ) as http,
    ):
        assert sc.tokens is not None
        headers = {"Authorization": f"Bearer {await sc.tokens.get()}"}
        size = 3 * 1024 * 1024 + 7
        received = chunks = 0
        async with http.stream(
            "GET",
            "/exports/transactions",
            params={"format": "CSV", "sandboxSize": size},
            headers=headers,
        ) as response:
            assert response.headers["content-type"].startswith("text/csv")
            async for chunk in response.aiter_raw():
                received += len(chunk)
                chunks += 1
        assert received == size and chunks > 1
        pdf = await http.get("/exports/orders", params={"format": "PDF"}, headers=headers)
        assert pdf.headers["content-type"] == "application/pdf"
        body = pdf.content
        assert body.startswith(b"%PDF-1.4") and body.rstrip().endswith(b"%%EOF")
        xref_at = int(body.rsplit(b"startxref", 1)[1].split()[0])
        assert body[xref_at:].startswith(b"xref")
        offsets = re.findall(rb"(\d{10}) 00000 n ", body)
        for number, offset in enumerate(offsets, start=1):
            assert body[int(offset) :].startswith(b"%d 0 obj" % number)


def test_command_line_prints_its_url_and_serves() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "spectrocoin_async.sandbox", "--port", "0", "--seed", "1"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        match = re.fullmatch(r"SANDBOX_URL=(http://127\.0\.0\.1:\d+/api/public)\n", line)
        assert match, line
        response = httpx.get(match.group(1) + "/currencies", timeout=10)
        assert response.status_code == 200 and len(response.json()) == 5
    finally:
        proc.terminate()
        # uvicorn shuts down gracefully, then re-raises the signal it caught.
        assert proc.wait(10) in (0, -signal.SIGTERM)
