"""Deposit addresses and instructions."""

from __future__ import annotations

from ..state import Record
from .base import Call, _page_of, handles


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
