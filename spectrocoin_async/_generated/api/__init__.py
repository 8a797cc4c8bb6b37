"""One namespace class per tag of the spec, and ``Namespaces``, which binds them all.

The hand-written client inherits ``Namespaces``, so a tag added to the spec becomes a client
attribute on the next `make generate`, with no hand-written code. A tag's module loads the
first time its namespace is used (``sc.accounts``), not with ``import spectrocoin_async``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..types import Runtime
    from .accounts import AccountsAPI
    from .auth import AuthAPI
    from .currencies import CurrenciesAPI
    from .deposits import DepositsAPI
    from .exchanges import ExchangesAPI
    from .exports import ExportsAPI
    from .gift_cards import GiftCardsAPI
    from .merchant import MerchantAPI
    from .payment_methods import PaymentMethodsAPI
    from .rates import RatesAPI
    from .transactions import TransactionsAPI
    from .withdrawals import WithdrawalsAPI

# Tag -> the name of its namespace class, in the module named after the tag.
_CLASSES = {
    "accounts": "AccountsAPI",
    "auth": "AuthAPI",
    "currencies": "CurrenciesAPI",
    "deposits": "DepositsAPI",
    "exchanges": "ExchangesAPI",
    "exports": "ExportsAPI",
    "gift_cards": "GiftCardsAPI",
    "merchant": "MerchantAPI",
    "payment_methods": "PaymentMethodsAPI",
    "rates": "RatesAPI",
    "transactions": "TransactionsAPI",
    "withdrawals": "WithdrawalsAPI",
}


def _class(tag: str) -> type[Any]:
    cls: type[Any] = getattr(importlib.import_module(f".{tag}", __name__), _CLASSES[tag])
    return cls


class _Namespace:
    """A tag's namespace on a client: built on first use, then an ordinary attribute."""

    def __set_name__(self, owner: type, name: str) -> None:
        self._tag = name

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        namespace = _class(self._tag)(instance._namespace_runtime)
        instance.__dict__[self._tag] = namespace  # later reads do not come here
        return namespace


def _namespace() -> Any:
    return _Namespace()


class Namespaces:
    accounts: AccountsAPI = _namespace()
    auth: AuthAPI = _namespace()
    currencies: CurrenciesAPI = _namespace()
    deposits: DepositsAPI = _namespace()
    exchanges: ExchangesAPI = _namespace()
    exports: ExportsAPI = _namespace()
    gift_cards: GiftCardsAPI = _namespace()
    merchant: MerchantAPI = _namespace()
    payment_methods: PaymentMethodsAPI = _namespace()
    rates: RatesAPI = _namespace()
    transactions: TransactionsAPI = _namespace()
    withdrawals: WithdrawalsAPI = _namespace()

    def _bind_namespaces(self, runtime: Runtime) -> None:
        self._namespace_runtime = runtime


def namespace_classes() -> dict[str, type[Any]]:
    """Tag -> namespace class, every module loaded (for tools that walk them all)."""
    return {tag: _class(tag) for tag in _CLASSES}


def __getattr__(name: str) -> Any:
    # `from spectrocoin_async._generated.api import AccountsAPI` loads that tag's module only.
    for tag, class_name in _CLASSES.items():
        if class_name == name:
            return _class(tag)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "AccountsAPI",
    "AuthAPI",
    "CurrenciesAPI",
    "DepositsAPI",
    "ExchangesAPI",
    "ExportsAPI",
    "GiftCardsAPI",
    "MerchantAPI",
    "Namespaces",
    "PaymentMethodsAPI",
    "RatesAPI",
    "TransactionsAPI",
    "WithdrawalsAPI",
    "namespace_classes",
]
