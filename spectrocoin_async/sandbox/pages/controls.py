"""What the pages may touch of the running sandbox (the app implements it): the pages depend on
this, not on the app, so imports run one way (app -> pages)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Protocol

from ..callbacks import Delivery
from ..config import SandboxConfig
from ..state import Ledger
from ..wire import Fields


class SandboxControls(Protocol):
    config: SandboxConfig
    ledger: Ledger
    deliveries: list[Delivery]

    def reset(self) -> None: ...

    def configure(self, changes: Mapping[str, Any]) -> SandboxConfig: ...

    def ledger_json(self) -> dict[str, Any]: ...

    async def simulate(
        self, order_id: str, changes: Fields, *, received_factor: Decimal | None = None
    ) -> dict[str, Any]: ...

    async def resend(self, number: int) -> Delivery: ...
