"""``SandboxError``: an API error with the documented body, raised anywhere, answered once.

The body is the one SpectroCoin documents (https://docs.spectrocoin.com/docs/status-codes):
``errorCode``, ``defaultMessage``, ``traceId``, ``spanId``, and for validation errors
``category``, ``key`` and ``errorParameters``. ``GEN_1`` and ``GEN_8`` are SpectroCoin's; the
other codes are the sandbox's own, since SpectroCoin has not published its list.

``category`` tells the two kinds of refusal apart: ``validation`` when the request breaks
openapi.yaml, ``business`` when it is well-formed but a rule the schema cannot express refuses it.
Every business ``key`` is declared under ``x-business-rules`` in the spec's 400 and 422 responses.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from .._encoding import plain_number

__all__ = [
    "SandboxError",
    "conditionally_missing",
    "insufficient_funds",
    "invalid",
    "invalid_state",
    "missing",
    "not_found",
    "rule_broken",
    "unauthorized",
]


class SandboxError(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        key: str | None = None,
        category: str | None = None,
        parameters: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.key = key
        self.category = category
        self.parameters = dict(parameters or {})
        self.headers = dict(headers or {})

    def body(self, trace_id: str | None = None) -> dict[str, Any]:
        data: dict[str, Any] = {"errorCode": self.code, "defaultMessage": self.message}
        if self.category is not None:
            data["category"] = self.category
        if self.key is not None:
            data["key"] = self.key
        data["traceId"] = trace_id or secrets.token_hex(8)
        data["spanId"] = secrets.token_hex(8)
        if self.parameters:
            data["errorParameters"] = [
                {"key": k, "value": plain_number(v) if isinstance(v, Decimal) else str(v)}
                for k, v in self.parameters.items()
            ]
        return data


def missing(name: str) -> SandboxError:
    return SandboxError(
        400,
        "GEN_2",
        f"Required parameter '{name}' is missing.",
        key="missing_parameter",
        category="validation",
        parameters={"name": name},
    )


def invalid(name: str, reason: str) -> SandboxError:
    return SandboxError(
        422,
        "GEN_5",
        f"Parameter '{name}' is invalid: {reason}.",
        key="invalid_parameter",
        category="validation",
        parameters={"name": name},
    )


def conditionally_missing(name: str) -> SandboxError:
    """A field that the other fields given make required (the schema cannot say so)."""
    return SandboxError(
        400,
        "GEN_2",
        f"Parameter '{name}' is required with the other parameters given.",
        key="conditionally_required",
        category="business",
        parameters={"name": name},
    )


def rule_broken(key: str, name: str, reason: str) -> SandboxError:
    """A well-formed request refused by a business rule (``key`` in ``x-business-rules``)."""
    return SandboxError(
        422,
        "GEN_6",
        f"Parameter '{name}' is refused: {reason}.",
        key=key,
        category="business",
        parameters={"name": name},
    )


def invalid_state(message: str, **parameters: Any) -> SandboxError:
    return SandboxError(
        422, "GEN_6", message, key="invalid_state", category="business", parameters=parameters
    )


def not_found(entity: str, entity_id: str) -> SandboxError:
    return SandboxError(
        404,
        "GEN_8",
        "Requested entity was not found.",
        key="entity_not_found",
        category="validation",
        parameters={entity: entity_id},
    )


def insufficient_funds(account_id: str, available: Any, needed: Any) -> SandboxError:
    return SandboxError(
        422,
        "GEN_10",
        "Insufficient funds in the account.",
        key="insufficient_funds",
        category="business",
        parameters={"accountId": account_id, "available": available, "required": needed},
    )


def unauthorized(message: str, key: str) -> SandboxError:
    return SandboxError(
        401,
        "GEN_3",
        message,
        key=key,
        category="authentication",
        headers={
            "WWW-Authenticate": f'Bearer error="invalid_token", error_description="{message}"'
        },
    )
