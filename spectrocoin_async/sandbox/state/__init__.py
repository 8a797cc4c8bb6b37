"""The in-memory ledger: balances, transactions, and every record the API hands out.

Money is ``Decimal`` from end to end, quantized to each currency's scale; nothing passes through
a float. Every balance change goes through ``Ledger._book``, which writes a transaction, so the
``amount`` of an account's transactions always adds up to its balance.

Methods are synchronous and the sandbox serves from one event loop, so each call is atomic. They
take typed values (``handlers.py`` reads the wire) and return JSON-ready dicts that use the
spec's field names. Bad input raises :class:`~.errors.SandboxError` with the documented body.
"""

from .ledger import Ledger
from .orders import ORDER_TRANSITIONS
from .records import Account, Order, PreOrder, Record, iso, paged

__all__ = [
    "ORDER_TRANSITIONS",
    "Account",
    "Ledger",
    "Order",
    "PreOrder",
    "Record",
    "iso",
    "paged",
]
