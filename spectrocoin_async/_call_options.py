"""The per-call options (``timeout``, ``deadline``, ``headers``, ``max_attempts``), checked
before anything is sent."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

import httpx

from ._errors import ValidationError
from ._retry import check_whole_number
from ._suggest import closest
from ._types import CallOptions, Operation

if TYPE_CHECKING:
    from httpx._client import UseClientDefault


# RFC 9110 token characters; a value is visible ASCII, spaces and tabs.
_HEADER_NAME = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_HEADER_VALUE = re.compile(r"[\t\x20-\x7e]*")
_OPTIONS = frozenset({"timeout", "deadline", "headers", "max_attempts"})


def _seconds(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError(name, f"must be a number of seconds (int or float), got {value!r}")
    seconds = float(value)
    if not math.isfinite(seconds) or seconds <= 0:
        raise ValidationError(name, f"must be a finite number of seconds above zero, got {value!r}")
    return seconds


def _unknown_keyword(name: str, operation: Operation | None) -> ValidationError:
    """What a keyword the method does not take is, and what was probably meant."""
    options = ", ".join(sorted(_OPTIONS))
    if operation is None:
        reason = f"is not a per-call option (those are {options})"
        close = closest(name, _OPTIONS)
    else:
        taken = ", ".join(operation.parameters) or "none"
        reason = (
            f"is not a parameter of {operation.tag}.{operation.name} (its parameters: {taken}; "
            f"per-call options: {options})"
        )
        close = closest(name, (*operation.parameters, *sorted(_OPTIONS)))
    return ValidationError(name, reason + (f"; did you mean {close}?" if close else ""))


def check_options(
    options: CallOptions,
    default_deadline: float | None = None,
    operation: Operation | None = None,
) -> tuple[httpx.Timeout | float | UseClientDefault | None, float | None, int | None]:
    """Validate the per-call options: ``(timeout, deadline, max_attempts)``.

    ``timeout`` and ``deadline`` follow httpx: left out, the client's default; ``None``, none.
    Any other keyword reached the method's ``**options``: a misspelt parameter, named with the
    ``operation``'s parameters and the closest name.
    """
    if not options:
        return httpx.USE_CLIENT_DEFAULT, default_deadline, None
    unknown = options.keys() - _OPTIONS
    if unknown:
        raise _unknown_keyword(str(sorted(unknown)[0])[:80], operation)
    timeout: httpx.Timeout | float | UseClientDefault | None = httpx.USE_CLIENT_DEFAULT
    if "timeout" in options:
        raw = options["timeout"]
        timeout = raw if raw is None or isinstance(raw, httpx.Timeout) else _seconds("timeout", raw)
    deadline = default_deadline
    if "deadline" in options:
        deadline = options["deadline"]
        if deadline is not None:
            deadline = _seconds("deadline", deadline)
    max_attempts = options.get("max_attempts")
    if max_attempts is not None:
        check_whole_number("max_attempts", max_attempts)
    return timeout, deadline, max_attempts


def check_headers(headers: Mapping[str, str]) -> Mapping[str, str]:
    """Refuse a header httpx could not send, naming it, before anything goes out."""
    if not isinstance(headers, Mapping):
        raise ValidationError("headers", f"must be a mapping of str to str, got {headers!r}")
    for name, value in headers.items():
        if not isinstance(name, str) or not _HEADER_NAME.fullmatch(name):
            raise ValidationError(
                "headers", f"{name!r} is not a valid header name (RFC 9110 token characters)"
            )
        if not isinstance(value, str):
            raise ValidationError(
                f"headers[{name!r}]", f"must be a str, got {type(value).__name__}"
            )
        if not _HEADER_VALUE.fullmatch(value):
            raise ValidationError(
                f"headers[{name!r}]",
                "must be printable ASCII without line breaks (encode anything else first)",
            )
    return headers
