"""All data models of the spec, each loaded on first use (keeps `import spectrocoin_async` cheap)."""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .account import Account
    from .bank_deposit_details import BankDepositDetails
    from .bank_rail import BankRail
    from .bank_withdrawal import BankWithdrawal
    from .bank_withdrawal_page import BankWithdrawalPage
    from .calculate_exchange_request import CalculateExchangeRequest
    from .create_bank_withdrawal_request import CreateBankWithdrawalRequest
    from .create_crypto_deposit_address_request import CreateCryptoDepositAddressRequest
    from .create_crypto_withdrawal_request import CreateCryptoWithdrawalRequest
    from .create_exchange_request import CreateExchangeRequest
    from .create_order_from_pre_order_request import CreateOrderFromPreOrderRequest
    from .create_order_request import CreateOrderRequest
    from .create_order_response import CreateOrderResponse
    from .create_pre_order_request import CreatePreOrderRequest
    from .create_withdrawal_with_exchange_request import CreateWithdrawalWithExchangeRequest
    from .crypto_deposit_address import CryptoDepositAddress
    from .crypto_deposit_address_page import CryptoDepositAddressPage
    from .crypto_withdrawal import CryptoWithdrawal
    from .crypto_withdrawal_fee import CryptoWithdrawalFee
    from .crypto_withdrawal_fee_request import CryptoWithdrawalFeeRequest
    from .crypto_withdrawal_page import CryptoWithdrawalPage
    from .currency import Currency
    from .currency_network import CurrencyNetwork
    from .currency_type import CurrencyType
    from .deposit_instructions import DepositInstructions
    from .error import Error
    from .error_parameter import ErrorParameter
    from .exchange import Exchange
    from .exchange_calculation import ExchangeCalculation
    from .exchange_page import ExchangePage
    from .exchange_pair import ExchangePair
    from .exchange_status import ExchangeStatus
    from .export_format import ExportFormat
    from .gift_card import GiftCard
    from .gift_card_purchase import GiftCardPurchase
    from .gift_card_purchase_page import GiftCardPurchasePage
    from .gift_card_purchase_status import GiftCardPurchaseStatus
    from .grant_type import GrantType
    from .order import Order
    from .order_page import OrderPage
    from .order_status import OrderStatus
    from .payment_method import PaymentMethod
    from .payment_method_direction import PaymentMethodDirection
    from .pre_order import PreOrder
    from .pre_order_page import PreOrderPage
    from .project import Project
    from .purchase_gift_card_request import PurchaseGiftCardRequest
    from .rate import Rate
    from .rate_history_point import RateHistoryPoint
    from .rate_interval import RateInterval
    from .refund import Refund
    from .refund_page import RefundPage
    from .refund_status import RefundStatus
    from .token_request import TokenRequest
    from .token_response import TokenResponse
    from .transaction import Transaction
    from .transaction_page import TransactionPage
    from .transaction_status import TransactionStatus
    from .transaction_type import TransactionType
    from .withdrawal_status import WithdrawalStatus
    from .withdrawal_with_exchange import WithdrawalWithExchange
    from .withdrawal_with_exchange_page import WithdrawalWithExchangePage

_MODULES: dict[str, str] = {
    "Account": ".account",
    "BankDepositDetails": ".bank_deposit_details",
    "BankRail": ".bank_rail",
    "BankWithdrawal": ".bank_withdrawal",
    "BankWithdrawalPage": ".bank_withdrawal_page",
    "CalculateExchangeRequest": ".calculate_exchange_request",
    "CreateBankWithdrawalRequest": ".create_bank_withdrawal_request",
    "CreateCryptoDepositAddressRequest": ".create_crypto_deposit_address_request",
    "CreateCryptoWithdrawalRequest": ".create_crypto_withdrawal_request",
    "CreateExchangeRequest": ".create_exchange_request",
    "CreateOrderFromPreOrderRequest": ".create_order_from_pre_order_request",
    "CreateOrderRequest": ".create_order_request",
    "CreateOrderResponse": ".create_order_response",
    "CreatePreOrderRequest": ".create_pre_order_request",
    "CreateWithdrawalWithExchangeRequest": ".create_withdrawal_with_exchange_request",
    "CryptoDepositAddress": ".crypto_deposit_address",
    "CryptoDepositAddressPage": ".crypto_deposit_address_page",
    "CryptoWithdrawal": ".crypto_withdrawal",
    "CryptoWithdrawalFee": ".crypto_withdrawal_fee",
    "CryptoWithdrawalFeeRequest": ".crypto_withdrawal_fee_request",
    "CryptoWithdrawalPage": ".crypto_withdrawal_page",
    "Currency": ".currency",
    "CurrencyNetwork": ".currency_network",
    "CurrencyType": ".currency_type",
    "DepositInstructions": ".deposit_instructions",
    "Error": ".error",
    "ErrorParameter": ".error_parameter",
    "Exchange": ".exchange",
    "ExchangeCalculation": ".exchange_calculation",
    "ExchangePage": ".exchange_page",
    "ExchangePair": ".exchange_pair",
    "ExchangeStatus": ".exchange_status",
    "ExportFormat": ".export_format",
    "GiftCard": ".gift_card",
    "GiftCardPurchase": ".gift_card_purchase",
    "GiftCardPurchasePage": ".gift_card_purchase_page",
    "GiftCardPurchaseStatus": ".gift_card_purchase_status",
    "GrantType": ".grant_type",
    "Order": ".order",
    "OrderPage": ".order_page",
    "OrderStatus": ".order_status",
    "PaymentMethod": ".payment_method",
    "PaymentMethodDirection": ".payment_method_direction",
    "PreOrder": ".pre_order",
    "PreOrderPage": ".pre_order_page",
    "Project": ".project",
    "PurchaseGiftCardRequest": ".purchase_gift_card_request",
    "Rate": ".rate",
    "RateHistoryPoint": ".rate_history_point",
    "RateInterval": ".rate_interval",
    "Refund": ".refund",
    "RefundPage": ".refund_page",
    "RefundStatus": ".refund_status",
    "TokenRequest": ".token_request",
    "TokenResponse": ".token_response",
    "Transaction": ".transaction",
    "TransactionPage": ".transaction_page",
    "TransactionStatus": ".transaction_status",
    "TransactionType": ".transaction_type",
    "WithdrawalStatus": ".withdrawal_status",
    "WithdrawalWithExchange": ".withdrawal_with_exchange",
    "WithdrawalWithExchangePage": ".withdrawal_with_exchange_page",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(_MODULES)


__all__ = (
    "Account",
    "BankDepositDetails",
    "BankRail",
    "BankWithdrawal",
    "BankWithdrawalPage",
    "CalculateExchangeRequest",
    "CreateBankWithdrawalRequest",
    "CreateCryptoDepositAddressRequest",
    "CreateCryptoWithdrawalRequest",
    "CreateExchangeRequest",
    "CreateOrderFromPreOrderRequest",
    "CreateOrderRequest",
    "CreateOrderResponse",
    "CreatePreOrderRequest",
    "CreateWithdrawalWithExchangeRequest",
    "CryptoDepositAddress",
    "CryptoDepositAddressPage",
    "CryptoWithdrawal",
    "CryptoWithdrawalFee",
    "CryptoWithdrawalFeeRequest",
    "CryptoWithdrawalPage",
    "Currency",
    "CurrencyNetwork",
    "CurrencyType",
    "DepositInstructions",
    "Error",
    "ErrorParameter",
    "Exchange",
    "ExchangeCalculation",
    "ExchangePage",
    "ExchangePair",
    "ExchangeStatus",
    "ExportFormat",
    "GiftCard",
    "GiftCardPurchase",
    "GiftCardPurchasePage",
    "GiftCardPurchaseStatus",
    "GrantType",
    "Order",
    "OrderPage",
    "OrderStatus",
    "PaymentMethod",
    "PaymentMethodDirection",
    "PreOrder",
    "PreOrderPage",
    "Project",
    "PurchaseGiftCardRequest",
    "Rate",
    "RateHistoryPoint",
    "RateInterval",
    "Refund",
    "RefundPage",
    "RefundStatus",
    "TokenRequest",
    "TokenResponse",
    "Transaction",
    "TransactionPage",
    "TransactionStatus",
    "TransactionType",
    "WithdrawalStatus",
    "WithdrawalWithExchange",
    "WithdrawalWithExchangePage",
)
