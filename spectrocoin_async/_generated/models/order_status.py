from enum import StrEnum
from typing import Any

# Legacy numeric codes (x-enum-codes in openapi.yaml): a status may arrive as 3 or "3".
_CODES: dict[int, str] = {
    1: "NEW",
    2: "PENDING",
    3: "PAID",
    4: "FAILED",
    5: "EXPIRED",
    6: "TEST",
    10: "LATE_CRYPTO_PAYMENT",
    11: "PARTIAL_PAYMENT",
    12: "UNDERPAID",
    13: "CANCELLED",
    14: "INVALID_PAYMENT",
    15: "TEST_PAID",
    16: "TEST_EXPIRED",
    17: "PROCESSING_REFUND",
    18: "REFUNDED",
    19: "REJECTED_REFUND",
    20: "PENDING_LATE_CRYPTO_PAYMENT",
    21: "REJECTED",
}


class OrderStatus(StrEnum):
    """Merchant order status. Legacy numeric codes: NEW 1, PENDING 2, PAID 3, FAILED 4, EXPIRED 5,
    TEST 6, LATE_CRYPTO_PAYMENT 10, PARTIAL_PAYMENT 11, UNDERPAID 12, CANCELLED 13,
    INVALID_PAYMENT 14, TEST_PAID 15, TEST_EXPIRED 16, PROCESSING_REFUND 17, REFUNDED 18,
    REJECTED_REFUND 19, PENDING_LATE_CRYPTO_PAYMENT 20, REJECTED 21. The list has grown before:
    clients must accept unknown values. UNDERPAID and LATE_CRYPTO_PAYMENT orders can be accepted
    by the merchant and then become PAID. Names match case-insensitively and a legacy numeric
    code maps to its status, as in SpectroCoin's plugin (SCMerchantClient/Enum/OrderStatus.php).

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
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 6:
            known = _CODES.get(int(value))
            if known is not None:
                return cls(known)
        if not isinstance(value, str):
            return None
        folded = value.casefold()
        for member in cls:
            if member.value.casefold() == folded:
                return member
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
