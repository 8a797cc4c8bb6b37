"""Jinja2 pages with autoescape, the session token and the security headers on every answer."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import parse_qsl

import jinja2
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from ..errors import SandboxError
from .security import TOKEN_FIELD, PageGuard

__all__ = ["STATIC_PATH", "Renderer", "read_form"]

STATIC_PATH = "/sandbox/static"


def _text(value: object) -> str:
    """Bytes a shop or the sandbox sent, shown as text (never interpreted)."""
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)


class Renderer:
    def __init__(self, guard: PageGuard) -> None:
        self.guard = guard
        self._env = jinja2.Environment(
            loader=jinja2.PackageLoader("spectrocoin_async.sandbox.pages", "templates"),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self._env.filters["text"] = _text

    def __call__(
        self,
        request: Request,
        template: str,
        context: Mapping[str, Any],
        *,
        status: int = 200,
        form_targets: Iterable[str] = (),
    ) -> Response:
        self.guard.check_host(request)
        session, new = self.guard.session(request)
        html = self._env.get_template(template).render(
            **context,
            static=STATIC_PATH,
            dashboard="/sandbox/",
            token_field=TOKEN_FIELD,
            token=self.guard.token_for(session),
        )
        response = HTMLResponse(html, status_code=status)
        return self.guard.secure(
            response, form_targets=form_targets, session=session if new else None
        )


_FORM_LIMIT = 64 * 1024


async def read_form(request: Request) -> dict[str, str]:
    """A page's urlencoded form (bounded: these forms are a few short fields)."""
    raw = b""
    async for chunk in request.stream():
        raw += chunk
        if len(raw) > _FORM_LIMIT:
            raise SandboxError(413, "GEN_413", "This form is larger than the sandbox's pages send.")
    pairs = parse_qsl(
        raw.decode("utf-8", errors="replace"), keep_blank_values=True, max_num_fields=100
    )
    return dict(pairs)
