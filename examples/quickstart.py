"""The SDK's whole job in one run, against the local sandbox (``make demo`` starts it).

Reads ``SPECTROCOIN_BASE_URL``, ``SPECTROCOIN_CLIENT_ID``, ``SPECTROCOIN_CLIENT_SECRET`` and
``SPECTROCOIN_PROJECT_ID`` from the environment, like any program using the SDK, then:

    1 token  2 accounts  3 live rate  4 exchange (quote, then execute)  5 merchant order
    6 the payer pays (a sandbox-only route)  7 the callback arrives here and is verified
    8 a CSV export streams to a file  9 summary

Step 7 runs a callback receiver (``spectrocoin_async.callback_app``) on a free local port, in
this process, next to the client.
"""

from __future__ import annotations

import os
import socket
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from uuid import UUID

import anyio
import uvicorn

from spectrocoin_async import (
    CalculateExchangeRequest,
    CreateExchangeRequest,
    CreateOrderRequest,
    SpectroCoinClient,
    SpectroCoinError,
    VerifiedCallback,
    callback_app,
)

LABEL = 13


def say(label: str, text: str = "") -> None:
    print(f"  {label:<{LABEL}}{text}", flush=True)


def more(text: str) -> None:
    say("", text)


def count(n: int, noun: str) -> str:
    """``1 order``, ``4 orders``."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def money(amount: object, code: str, width: int = 0) -> str:
    return f"{amount!s:>{width}} {code}"


def free_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


async def serving(server: uvicorn.Server, within: float = 10.0) -> None:
    """Return once uvicorn listens (it offers a flag, not an event)."""
    for _ in range(int(within / 0.01)):
        if server.started:
            return
        await anyio.sleep(0.01)
    raise RuntimeError("the callback receiver did not start")


async def run(sc: SpectroCoinClient, output_dir: Path) -> None:
    started = time.monotonic()
    print(f"\nspectrocoin-async quickstart against {sc.base_url}\n")

    # 1. Token: fetched once, cached, refreshed ahead of expiry, shared by every call below.
    if sc.tokens is None:
        raise SystemExit("set SPECTROCOIN_CLIENT_ID and SPECTROCOIN_CLIENT_SECRET")
    token = await sc.tokens.get()
    say("1 Token", f"bearer {token[:6]}…{token[-4:]}, cached for every call below")

    # 2. Accounts, with exact Decimal balances.
    accounts = await sc.accounts.list_accounts()
    before = {a.currency_code: a.balance for a in accounts}
    width = max(len(str(a.balance)) for a in accounts)
    for index, account in enumerate(accounts):
        line = f"{account.currency_code:<5} {account.balance!s:>{width}}   account {account.id}"
        say("2 Accounts" if index == 0 else "", line)

    # 3. A live rate (a public operation: no token needed).
    (rate,) = await sc.rates.get_rates(from_="BTC", to="EUR")
    say("3 Live rate", f"1 BTC = {money(rate.rate, 'EUR')}")

    # 4. Quote an exchange, then execute it; balances move by exactly the quoted amounts.
    pay = Decimal("100.00")
    quote = await sc.exchanges.calculate_exchange(
        body=CalculateExchangeRequest(
            pay_currency_code="EUR", receive_currency_code="BTC", pay_amount=pay
        )
    )
    say(
        "4 Exchange",
        f"quote     {money(quote.pay_amount, 'EUR')} -> "
        f"{money(quote.receive_amount, 'BTC')} at {quote.rate}",
    )
    exchange = await sc.exchanges.create_exchange(
        body=CreateExchangeRequest(
            pay_currency_code="EUR", receive_currency_code="BTC", pay_amount=pay
        )
    )
    more(
        f"executed  {money(exchange.pay_amount, 'EUR')} -> "
        f"{money(exchange.receive_amount, 'BTC')}  (exchange {exchange.id}, {exchange.status})"
    )
    after = {a.currency_code: a.balance for a in await sc.accounts.list_accounts()}
    # Optional fields are ``None`` when the API leaves them out; these ones it always sends.
    assert isinstance(before["EUR"], Decimal) and isinstance(before["BTC"], Decimal)
    assert isinstance(exchange.pay_amount, Decimal)
    assert isinstance(exchange.receive_amount, Decimal)
    assert after["EUR"] == before["EUR"] - exchange.pay_amount
    assert after["BTC"] == before["BTC"] + exchange.receive_amount
    more(f"EUR {before['EUR']} -> {after['EUR']}    BTC {before['BTC']} -> {after['BTC']}")

    # 5-7. An order; a receiver for its callbacks; the payer pays; the callback is verified.
    paid = anyio.Event()
    received: list[VerifiedCallback] = []

    async def on_order(verified: VerifiedCallback) -> None:
        # verify_callback re-fetched the order with our token: only that answer is trusted.
        received.append(verified)
        if verified.status == "PAID":
            paid.set()

    receiver = uvicorn.Server(
        uvicorn.Config(
            callback_app(sc, on_order), lifespan="off", log_level="warning", access_log=False
        )
    )
    sock = free_socket()
    callback_url = f"http://127.0.0.1:{sock.getsockname()[1]}/spectrocoin/callback"
    async with anyio.create_task_group() as tg:
        tg.start_soon(receiver.serve, [sock])
        await serving(receiver)

        project_id = sc.project_id
        if project_id is None:
            raise SystemExit("set SPECTROCOIN_PROJECT_ID")
        order_id = f"demo-{time.strftime('%Y%m%d-%H%M%S')}"
        created = await sc.merchant.create_order(
            body=CreateOrderRequest(
                project_id=UUID(project_id),
                order_id=order_id,
                description="Coffee beans, 1 kg",
                receive_amount=Decimal("25.00"),
                receive_currency_code="EUR",
                callback_url=callback_url,
            )
        )
        order_uuid = str(created.order_id)
        say(
            "5 Order",
            f"{order_id}: {money(created.receive_amount, 'EUR')}, order {order_uuid}",
        )
        more(f"payment window {created.redirect_url}")

        # The sandbox plays the payer; `request()` reaches routes the spec does not have.
        result = await sc.request(
            "POST", f"/sandbox/orders/{order_uuid}/simulate", json={"status": "PAID"}
        )
        say("6 Payment", "payer paid: " + " -> ".join(["NEW", *result["statuses"]]))

        with anyio.fail_after(15):
            await paid.wait()
        receiver.should_exit = True

    verified = received[-1]
    assert verified.order_id == order_id
    assert verified.receive_amount == Decimal("25.00")
    say("7 Callback", f"{len(received)} received at {callback_url}")
    more(
        f"verified by re-fetching the order: {verified.status}, "
        f"{money(verified.receive_amount, verified.receive_currency_code or '')} "
        f"(payer sent {money(verified.pay_amount, verified.pay_currency_code or '')})"
    )

    # 8. A CSV export, streamed to a file (written to a temporary file, renamed on success).
    target = anyio.Path(output_dir) / "transactions.csv"
    await target.parent.mkdir(parents=True, exist_ok=True)
    download = await sc.exports.download_transactions(str(target), format="CSV")
    rows = (await target.read_bytes()).count(b"\n") - 1
    say(
        "8 Export",
        f"{download.bytes_written:,} bytes of {download.content_type}, {rows} transactions "
        f"-> {target}",
    )

    # 9. Summary, with the sandbox ledger as the witness.
    final = {a.currency_code: a.balance for a in await sc.accounts.list_accounts()}
    ledger = await sc.request("GET", "/sandbox/ledger", public=True)
    print()
    say(
        "9 Summary",
        f"EUR {before['EUR']} -> {final['EUR']}  "
        f"(-{exchange.pay_amount} exchanged, +{verified.receive_amount} order paid)",
    )
    more(f"BTC {before['BTC']} -> {final['BTC']}  (+{exchange.receive_amount} exchanged)")
    more(
        f"sandbox ledger: {count(ledger['exchanges'], 'exchange')}, "
        f"{count(ledger['ordersCreated'], 'order')}, "
        f"{count(ledger['callbacksDelivered'], 'callback')}, "
        f"{ledger['duplicateExecutions']} money moves run twice"
    )
    more(
        f"{count(ledger['requests'], 'API call')} on {count(sc.tokens.fetch_count, 'token')}, "
        f"in {time.monotonic() - started:.2f} s"
    )
    print()


async def main() -> int:
    if not os.environ.get("SPECTROCOIN_BASE_URL"):
        print(
            "SPECTROCOIN_BASE_URL is not set: run `make demo`, or start `spectrocoin-sandbox` "
            "and point SPECTROCOIN_BASE_URL at the URL it prints.",
            file=sys.stderr,
        )
        return 2
    output_dir = Path(os.environ.get("SPECTROCOIN_DEMO_OUTPUT") or tempfile.gettempdir())
    try:
        async with SpectroCoinClient() as sc:
            await run(sc, output_dir)
    except SpectroCoinError as exc:
        print(f"\nquickstart failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(anyio.run(main))
