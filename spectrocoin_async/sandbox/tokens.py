"""Access tokens: issued for the configured client credentials, checked on every call."""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable

from .errors import unauthorized

__all__ = ["TokenIssuer"]


class TokenIssuer:
    def __init__(self, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._expiry: dict[str, float] = {}
        self.issued = 0

    def issue(self, lifetime: int) -> str:
        now = self._clock()
        if len(self._expiry) > 10_000:  # a long benchmark run: forget the expired ones
            self._expiry = {t: e for t, e in self._expiry.items() if e > now}
        token = secrets.token_urlsafe(32)
        self._expiry[token] = now + lifetime
        self.issued += 1
        return token

    def check(self, authorization: str | None) -> None:
        """Raise the documented 401 unless ``authorization`` carries a live bearer token."""
        if not authorization:
            raise unauthorized(
                "Full authentication is required to access this resource.", "missing_token"
            )
        scheme, _, token = authorization.partition(" ")
        expiry = self._expiry.get(token.strip()) if scheme.lower() == "bearer" else None
        if expiry is None:
            raise unauthorized("Invalid access token.", "invalid_token")
        if self._clock() >= expiry:
            raise unauthorized("Access token expired.", "token_expired")

    def revoke_all(self) -> int:
        """Make every token issued so far invalid, as an early expiry would; returns how many."""
        count = len(self._expiry)
        self._expiry.clear()
        return count
