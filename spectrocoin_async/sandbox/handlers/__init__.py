"""One handler per operationId of openapi.yaml: read the wire, ask the ledger, answer.

``HANDLERS`` maps every operationId to its handler; ``app.create_app`` refuses to start if the
spec has an operation without one (or a handler has no operation). A handler returns JSON-ready
data (or a Starlette response, for exports) and raises ``SandboxError`` for the error body.
"""

from . import (  # noqa: F401 - importing a module registers its handlers
    accounts,
    auth,
    deposits,
    exchanges,
    exports,
    gift_cards,
    merchant,
    rates,
    withdrawals,
)
from .base import HANDLERS, Call, Handler, SandboxState

__all__ = ["HANDLERS", "Call", "Handler", "SandboxState"]
