"""Accounts and transactions."""

from __future__ import annotations

from ..state import Record
from .base import Call, _page_of, handles


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
