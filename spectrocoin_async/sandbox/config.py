"""``SandboxConfig``: credentials, token lifetime, rate limits and fault injection.

Rate limits and faults are off by default. Everything but ``spec_path`` can be changed while the
sandbox runs, with ``POST /api/public/sandbox/config`` and a JSON object of the fields to change
(camelCase or snake_case keys): ``{"errorRate": 0.2, "faultOperations": ["listAccounts"]}``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import attrs
from attrs import field, frozen

__all__ = [
    "DEFAULT_CALLBACK_STATUSES",
    "DEFAULT_CLIENT_ID",
    "DEFAULT_CLIENT_SECRET",
    "FaultTiming",
    "SandboxConfig",
    "config_from_json",
    "config_to_json",
]

DEFAULT_CLIENT_ID = "sandbox-client"
DEFAULT_CLIENT_SECRET = "sandbox-secret"

DEFAULT_CALLBACK_STATUSES: tuple[str, ...] = ("PAID", "EXPIRED", "FAILED")
"""The statuses SpectroCoin's docs say a callback is sent for."""

FaultTiming = Literal["before", "after", "random"]
"""When an injected fault strikes: before the operation runs (nothing happened), after it ran
(it happened, but the client never hears), or either at random. Truncation is always after."""

_TIMINGS = ("before", "after", "random")


def _probability(instance: Any, attribute: attrs.Attribute[float], value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{attribute.name} must be between 0 and 1, got {value}")


def _non_negative(instance: Any, attribute: attrs.Attribute[float], value: float) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must not be negative, got {value}")


def _positive_or_none(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and value <= 0:
        raise ValueError(f"{attribute.name} must be positive or null, got {value}")


def _at_least_one(instance: Any, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 1:
        raise ValueError(f"{attribute.name} must be at least 1, got {value}")


def _statuses(value: Any) -> tuple[str, ...]:
    if isinstance(value, str) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"callback_statuses must be a list of order statuses, got {value!r}")
    return tuple(v.upper() for v in value)


def _timing(instance: Any, attribute: attrs.Attribute[str], value: str) -> None:
    if value not in _TIMINGS:
        raise ValueError(f"{attribute.name} must be one of {', '.join(_TIMINGS)}, got {value!r}")


def _optional_float(value: Any) -> float | None:
    return None if value is None else float(value)


def _optional_int(value: Any) -> int | None:
    return None if value is None else int(value)


def _operations(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,) if value else ()
    return tuple(str(item) for item in value)


@frozen(kw_only=True)
class SandboxConfig:
    """How a sandbox behaves. Frozen: a change at run time replaces the whole config."""

    client_id: str = DEFAULT_CLIENT_ID
    client_secret: str = field(default=DEFAULT_CLIENT_SECRET, repr=False)
    token_lifetime: int = field(default=3600, converter=int, validator=_at_least_one)
    """Seconds an access token lives (``expires_in``)."""
    seed: int | None = field(default=None, converter=_optional_int)
    """Seeds the rate random walk and the fault dice; None: a different run every time."""
    spec_path: Path | None = None
    """openapi.yaml; default: the one at the root of the repository checkout."""

    rate_limit: float | None = field(
        default=None, converter=_optional_float, validator=_positive_or_none
    )
    """Requests per second over all API operations (a token bucket); None: no limit."""
    rate_burst: int = field(default=10, converter=int, validator=_at_least_one)

    latency: float = field(default=0.0, converter=float, validator=_non_negative)
    """Seconds added to every API request."""
    error_rate: float = field(default=0.0, converter=float, validator=_probability)
    """Share of requests answered 503 with the JSON error body."""
    reset_rate: float = field(default=0.0, converter=float, validator=_probability)
    """Share of requests whose connection is reset without an answer."""
    html_rate: float = field(default=0.0, converter=float, validator=_probability)
    """Share of requests answered by an HTML 502 page, as a proxy would."""
    truncate_rate: float = field(default=0.0, converter=float, validator=_probability)
    """Share of responses cut short: fewer body bytes than Content-Length, then a closed socket."""
    fault_timing: FaultTiming = field(default="random", validator=_timing)
    fault_operations: tuple[str, ...] = field(default=(), converter=_operations)
    """operationIds that faults may hit; empty: every operation."""
    fault_budget: int | None = field(default=None, converter=_optional_int)
    """Faults left to inject; None: no limit. ``{"errorRate": 1, "faultBudget": 2}`` fails
    exactly the next two requests."""

    callback_timeout: float = field(default=10.0, converter=float, validator=_non_negative)
    callback_statuses: tuple[str, ...] = field(
        default=DEFAULT_CALLBACK_STATUSES, converter=_statuses
    )
    """Order statuses whose arrival sends a callback. The default is the three that
    https://docs.spectrocoin.com/docs/order-callbacks names; ``["*"]``: every status change
    (SpectroCoin's plugins handle the others too)."""

    def __attrs_post_init__(self) -> None:
        total = self.error_rate + self.reset_rate + self.html_rate + self.truncate_rate
        if total > 1.0:
            raise ValueError(f"the fault rates add up to {total}, more than 1")
        if self.fault_budget is not None and self.fault_budget < 0:
            raise ValueError("fault_budget must not be negative")

    @property
    def faults_enabled(self) -> bool:
        return bool(self.error_rate or self.reset_rate or self.html_rate or self.truncate_rate)


_RUNTIME_FIELDS = tuple(f.name for f in attrs.fields(SandboxConfig) if f.name != "spec_path")


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


_BY_WIRE_NAME = {**{_camel(n): n for n in _RUNTIME_FIELDS}, **{n: n for n in _RUNTIME_FIELDS}}


def config_to_json(config: SandboxConfig) -> dict[str, Any]:
    """The runtime-changeable fields, camelCase; the secret is not shown."""
    data: dict[str, Any] = {}
    for name in _RUNTIME_FIELDS:
        if name == "client_secret":
            continue
        value = getattr(config, name)
        data[_camel(name)] = list(value) if isinstance(value, tuple) else value
    return data


def config_from_json(base: SandboxConfig, changes: Mapping[str, Any]) -> SandboxConfig:
    """``base`` with ``changes`` applied; ValueError names an unknown field or a bad value."""
    updates: dict[str, Any] = {}
    for key, value in changes.items():
        name = _BY_WIRE_NAME.get(key)
        if name is None:
            raise ValueError(f"unknown sandbox config field {key!r}")
        updates[name] = value
    try:
        return attrs.evolve(base, **updates)
    except TypeError as exc:
        raise ValueError(str(exc)) from exc
