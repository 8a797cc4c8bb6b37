"""Contains all the data models used in inputs/outputs"""

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
