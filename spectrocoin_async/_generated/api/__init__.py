"""One namespace class per tag of the spec, and ``Namespaces``, which binds them all.

The hand-written client inherits ``Namespaces``, so a tag added to the spec becomes a client
attribute on the next `make generate`, with no hand-written code.
"""

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


class Namespaces:
    accounts: AccountsAPI
    auth: AuthAPI
    currencies: CurrenciesAPI
    deposits: DepositsAPI
    exchanges: ExchangesAPI
    exports: ExportsAPI
    gift_cards: GiftCardsAPI
    merchant: MerchantAPI
    payment_methods: PaymentMethodsAPI
    rates: RatesAPI
    transactions: TransactionsAPI
    withdrawals: WithdrawalsAPI

    def _bind_namespaces(self, runtime: Runtime) -> None:
        self.accounts = AccountsAPI(runtime)
        self.auth = AuthAPI(runtime)
        self.currencies = CurrenciesAPI(runtime)
        self.deposits = DepositsAPI(runtime)
        self.exchanges = ExchangesAPI(runtime)
        self.exports = ExportsAPI(runtime)
        self.gift_cards = GiftCardsAPI(runtime)
        self.merchant = MerchantAPI(runtime)
        self.payment_methods = PaymentMethodsAPI(runtime)
        self.rates = RatesAPI(runtime)
        self.transactions = TransactionsAPI(runtime)
        self.withdrawals = WithdrawalsAPI(runtime)


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
]
