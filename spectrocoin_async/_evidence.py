"""How well an operation is known, at run time: ``UnconfirmedOperationWarning``.

34 of the spec's 44 operations have a path and fields that are this project's proposal
(``x-evidence: scope`` or ``overview``): SpectroCoin names the capability but has not published
its address. The sandbox implements them all, so code tested against it looks production-ready.
The first call of each such operation against anything but a loopback sandbox warns, once per
operation per process. It is a ``warnings`` category, so it can be filtered or made an error::

    warnings.filterwarnings("ignore", category=spectrocoin_async.UnconfirmedOperationWarning)
    warnings.filterwarnings("error", category=spectrocoin_async.UnconfirmedOperationWarning)
"""

from __future__ import annotations

import ipaddress
import warnings
from typing import Final

import httpx

from ._types import Operation

__all__ = [
    "UNCONFIRMED",
    "UnconfirmedOperationWarning",
    "checked_levels",
    "forget_warnings",
    "is_loopback",
    "message",
    "warn_unconfirmed",
]

UNCONFIRMED: Final = frozenset({"scope", "overview"})
"""Evidence levels whose method, path and fields are this project's proposal."""

_WHAT: Final = {
    "scope": "listed in the API-key scope table of SpectroCoin's docs",
    "overview": "named in SpectroCoin's API overview",
}

_warned: set[str] = set()
"""Operations warned about in this process."""


class UnconfirmedOperationWarning(UserWarning):
    """A call of an operation whose path and fields SpectroCoin has not published."""


def is_loopback(base_url: str) -> bool:
    """Whether ``base_url`` points at this machine (``localhost``, 127.0.0.0/8, ``::1``)."""
    host = httpx.URL(base_url).host
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def checked_levels(base_url: str) -> frozenset[str]:
    """The evidence levels that warn for a client of ``base_url``: none for a local sandbox."""
    return frozenset() if is_loopback(base_url) else UNCONFIRMED


def message(operation: Operation) -> str:
    """What the warning (and the CLI's note) says about ``operation``."""
    return (
        f"{operation.operation_id} ({operation.method} {operation.path}) is unconfirmed: "
        f"evidence '{operation.evidence}', the capability is {_WHAT[operation.evidence]}, but "
        "its path and fields are this project's proposal, not a published address. The live API "
        f"may refuse it or answer differently. Source: {operation.source}"
    )


def warn_unconfirmed(operation: Operation, *, stacklevel: int = 2) -> None:
    """Warn about ``operation`` unless this process already did."""
    if operation.name in _warned:
        return
    _warned.add(operation.name)
    warnings.warn(message(operation), UnconfirmedOperationWarning, stacklevel=stacklevel + 1)


def forget_warnings() -> None:
    """Warn again, as in a new process (for tests)."""
    _warned.clear()
