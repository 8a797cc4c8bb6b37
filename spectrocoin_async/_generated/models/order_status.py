from enum import StrEnum
from typing import Any


class OrderStatus(StrEnum):
    """Merchant order status. Legacy numeric codes: NEW 1, PENDING 2, PAID 3, FAILED 4, EXPIRED 5,
    TEST 6, LATE_CRYPTO_PAYMENT 10, PARTIAL_PAYMENT 11, UNDERPAID 12, CANCELLED 13,
    INVALID_PAYMENT 14, TEST_PAID 15, TEST_EXPIRED 16, PROCESSING_REFUND 17, REFUNDED 18,
    REJECTED_REFUND 19, PENDING_LATE_CRYPTO_PAYMENT 20, REJECTED 21. The list has grown before:
    clients must accept unknown values. UNDERPAID and LATE_CRYPTO_PAYMENT orders can be accepted
    by the merchant and then become PAID.

    A value this SDK does not know yet parses into a pseudo-member whose ``is_unknown`` is True and
    whose ``value`` is the raw string, so a new server-side value never breaks a call.
    """

    CANCELLED = "CANCELLED"
    EXPIRED = "EXPIRED"
    FAILED = "FAILED"
    INVALID_PAYMENT = "INVALID_PAYMENT"
    LATE_CRYPTO_PAYMENT = "LATE_CRYPTO_PAYMENT"
    NEW = "NEW"
    PAID = "PAID"
    PARTIAL_PAYMENT = "PARTIAL_PAYMENT"
    PENDING = "PENDING"
    PENDING_LATE_CRYPTO_PAYMENT = "PENDING_LATE_CRYPTO_PAYMENT"
    PROCESSING_REFUND = "PROCESSING_REFUND"
    REFUNDED = "REFUNDED"
    REJECTED = "REJECTED"
    REJECTED_REFUND = "REJECTED_REFUND"
    TEST = "TEST"
    TEST_EXPIRED = "TEST_EXPIRED"
    TEST_PAID = "TEST_PAID"
    UNDERPAID = "UNDERPAID"

    @classmethod
    def _missing_(cls, value: Any) -> "OrderStatus | None":
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = "UNKNOWN"
        member._value_ = value
        return member

    @property
    def is_unknown(self) -> bool:
        """True for a value the spec did not list when this SDK was generated."""
        return self._name_ == "UNKNOWN"

    def __str__(self) -> str:
        return str(self.value)
