"""What keeps the sandbox's pages safe to open on a developer's machine.

- **Own address only.** A page answers only when the ``Host`` header names the address the
  sandbox is listening on (and, on loopback, its usual aliases), so a web page elsewhere cannot
  reach it through DNS rebinding.
- **Content-Security-Policy.** Scripts and styles come only from the sandbox's own files; there
  is no inline script anywhere, so a hostile value that slipped into a page still could not run.
  Forms may post to the sandbox and, on the checkout page, to the shop's return URLs (the
  browser checks ``form-action`` on the redirect too).
- **Escaping.** Jinja2's autoescape writes every value as text: order ids, callback bodies, a
  shop's answers.
- **POST with a per-session token.** Every control that changes state is a form POST carrying a
  token bound to the browser's session cookie (``SameSite=Strict``, ``HttpOnly``).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
from collections.abc import Iterable
from typing import Final
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import Response

from ..errors import SandboxError

__all__ = ["PageGuard", "origin_of"]

SESSION_COOKIE: Final = "sandbox_session"
TOKEN_FIELD: Final = "token"
_LOOPBACK_NAMES: Final = ("localhost", "127.0.0.1", "[::1]")


def origin_of(url: str | None) -> str | None:
    """``scheme://host[:port]`` of an http(s) URL, else None."""
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return host == "localhost"


class PageGuard:
    """Host check, session tokens and the security headers of every page."""

    def __init__(self) -> None:
        self._key = secrets.token_bytes(32)

    # -- where the page is served ----------------------------------------------------------

    @staticmethod
    def allowed_hosts(request: Request) -> set[str]:
        server = request.scope.get("server")
        if not server:
            return set()
        host, port = str(server[0]), int(server[1])
        names = {f"[{host}]" if ":" in host else host}
        if _is_loopback(host):
            names.update(_LOOPBACK_NAMES)
        hosts = {f"{name}:{port}" for name in names}
        if port in (80, 443):
            hosts.update(names)
        return hosts

    def check_host(self, request: Request) -> None:
        host = request.headers.get("host", "")
        if host not in self.allowed_hosts(request):
            raise SandboxError(
                421,
                "GEN_421",
                f"The sandbox's pages are served on its own address only, not to Host {host!r}.",
                key="misdirected_request",
            )

    # -- the session and its token ---------------------------------------------------------

    def session_of(self, request: Request) -> str | None:
        value = request.cookies.get(SESSION_COOKIE, "")
        return value if len(value) == 43 else None  # token_urlsafe(32)

    def token_for(self, session: str) -> str:
        return hmac.new(self._key, session.encode("ascii"), hashlib.sha256).hexdigest()

    def check_post(self, request: Request, token: str | None) -> None:
        """A state change needs the session's token, from a page of the sandbox's own origin."""
        self.check_host(request)
        session = self.session_of(request)
        expected = self.token_for(session) if session else None
        if expected is None or token is None or not hmac.compare_digest(expected, token):
            raise SandboxError(
                403,
                "GEN_403",
                "This form has no valid session token: reload the page and try again.",
                key="bad_form_token",
            )
        origin = request.headers.get("origin")
        own = f"{request.url.scheme}://{request.headers.get('host', '')}"
        if origin is not None and origin != own:
            raise SandboxError(
                403,
                "GEN_403",
                f"A form from {origin!r} cannot change the sandbox.",
                key="bad_origin",
            )

    def session(self, request: Request) -> tuple[str, bool]:
        """The browser's session id, and whether it is new (then it must be set)."""
        session = self.session_of(request)
        return (session, False) if session else (secrets.token_urlsafe(32), True)

    # -- headers ---------------------------------------------------------------------------

    @staticmethod
    def secure(
        response: Response, *, form_targets: Iterable[str] = (), session: str | None = None
    ) -> Response:
        targets = " ".join(sorted({t for t in form_targets if t}))
        response.headers["Content-Security-Policy"] = (
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            f"connect-src 'self'; form-action 'self'{' ' + targets if targets else ''}; "
            "frame-ancestors 'none'; base-uri 'none'"
        )
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"  # "no-referrer" would send Origin: null
        response.headers["Cache-Control"] = "no-store"
        if session is not None:
            response.set_cookie(SESSION_COOKIE, session, httponly=True, samesite="strict", path="/")
        return response
