"""Crypto, bank and exchange withdrawals."""

from __future__ import annotations

from ..state import Record
from .base import Call, _dated, _page_of, handles


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
