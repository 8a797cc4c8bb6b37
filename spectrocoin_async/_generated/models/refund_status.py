from enum import StrEnum
from typing import Any


class RefundStatus(StrEnum):
    """Status of a merchant refund. New values may appear; unknown ones are kept, never refused.

    A value this SDK does not know yet parses into a pseudo-member whose ``is_unknown`` is True and
    whose ``value`` is the raw string, so a new server-side value never breaks a call.
    """

    COMPLETED = "COMPLETED"
    PENDING = "PENDING"
    REJECTED = "REJECTED"

    @classmethod
    def _missing_(cls, value: Any) -> "RefundStatus | None":
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
