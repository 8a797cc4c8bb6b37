"""One command's session: settings from the global options, the client, and the dry run.

Operations run through the SDK's own pipeline (validation, token, rate limiter, retries, error
mapping). The CLI plugs in at two seams only:

* ``RawRuntime`` is the generated namespaces' ``Runtime``: it lets the pipeline send the request
  and check the response against the model, then hands back the decoded JSON itself, so the
  output has every field and every digit the server sent.
* ``--dry-run`` gives the client an httpx transport that captures the request the pipeline
  sends (method, URL, query, headers, body bytes) instead of sending it; it is printed as a
  curl command that runs as printed: the token as ``"$SPECTROCOIN_TOKEN"`` (and a line that
  sets it with ``spectrocoin auth token``), never the client secret.
"""

from __future__ import annotations

import re
import shlex
import sys
from collections.abc import Callable
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import parse_qsl, quote, quote_plus

import httpx
from attrs import define

from .._generated._secrets import SECRET_FIELDS
from .._json import decode_json
from .._pagination import Pages
from .._types import CallOptions, Operation
from ._config import Credentials, load_credentials
from ._output import REDACTED, OutputMode, Printer, is_secret_key, json_text

if TYPE_CHECKING:
    from .._client import SpectroCoinClient
    from .._pipeline import Pipeline

__all__ = [
    "DryRun",
    "RawRuntime",
    "Settings",
    "UsageError",
    "curl_command",
    "open_client",
    "print_dry_run",
    "settings",
]

Backend = Literal["asyncio", "trio"]


class UsageError(Exception):
    """Bad command-line input found after parsing (exit status 2)."""


@define
class Settings:
    """The global options of this run (set by the launcher before the command runs)."""

    output: OutputMode | None = None
    dry_run: bool = False
    profile: str | None = None
    timeout: float | None = None
    _credentials: Credentials | None = None

    @property
    def credentials(self) -> Credentials:
        if self._credentials is None:
            self._credentials = load_credentials(self.profile)
        return self._credentials

    def printer(self, *, streaming: bool = False) -> Printer:
        terminal = sys.stdout.isatty()
        mode: OutputMode = self.output or (
            "table" if terminal else ("ndjson" if streaming else "json")
        )
        return Printer(mode, sys.stdout, terminal=terminal)


_SETTINGS: ContextVar[Settings] = ContextVar("spectrocoin_cli_settings")


def settings() -> Settings:
    """This run's settings (the defaults when no launcher set them, as in a direct call)."""
    try:
        return _SETTINGS.get()
    except LookupError:
        return Settings()


def use_settings(new: Settings) -> None:
    _SETTINGS.set(new)


# -- the real runtime ---------------------------------------------------------------------------


class _RawPage:
    """A page envelope as ``Pages`` reads it, over decoded JSON."""

    __slots__ = ("content", "last", "total_pages")

    def __init__(self, data: Any) -> None:
        fields = data if isinstance(data, dict) else {}
        content = fields.get("content")
        self.content = content if isinstance(content, list) else []
        self.last = fields.get("last")
        self.total_pages = fields.get("totalPages")


class RawRuntime:
    """The generated namespaces' ``Runtime``, returning the validated, decoded response body."""

    def __init__(self, pipeline: Pipeline) -> None:
        self._pipeline = pipeline

    async def call(
        self,
        operation: Operation,
        request: dict[str, Any],
        parse: Callable[[Any], Any],
        options: CallOptions,
    ) -> Any:
        response, _ = await self._pipeline.execute(operation, request, options)
        decoded: list[Any] = []

        def check(data: Any) -> Any:
            # The SDK's schema check, on the body decoded once; from_dict copies, never mutates.
            decoded.append(data)
            return parse(data)

        parsed = self._pipeline.parse(operation, response, check)
        if operation.response == "json":
            return decoded[0] if response.content else None
        if operation.response == "binary":
            return response.content
        return parsed

    async def call_detailed(
        self,
        operation: Operation,
        request: dict[str, Any],
        parse: Callable[[Any], Any],
        options: CallOptions,
    ) -> Any:
        return await self.call(operation, request, parse, options)

    def paginate(
        self,
        operation: Operation,
        request_for_page: Callable[[int], dict[str, Any]],
        parse: Callable[[Any], Any],
        options: CallOptions,
        prefetch: int = 1,
    ) -> Pages[Any]:
        async def fetch(page: int) -> _RawPage:
            return _RawPage(await self.call(operation, request_for_page(page), parse, options))

        return Pages(fetch, prefetch=prefetch)


# -- the dry run --------------------------------------------------------------------------------


class DryRun(Exception):
    """Raised by the capturing transport with the request the pipeline would have sent."""

    def __init__(self, request: httpx.Request) -> None:
        self.request = request
        super().__init__(f"{request.method} {request.url}")


class _CaptureTransport(httpx.AsyncBaseTransport):
    """Captures the first API request; answers a token request with a stand-in token."""

    def __init__(self, *, stand_in_token: bool) -> None:
        self._stand_in_token = stand_in_token

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        body = request.content
        if request.url.path.endswith("/oauth/token") and b"grant_type=client_credentials" in body:
            if not self._stand_in_token:  # the token request is the operation itself
                raise DryRun(request)
            # The operation needs a token first: a stand-in, never sent anywhere.
            return httpx.Response(
                200, json={"access_token": "dry-run", "expires_in": 3600, "token_type": "bearer"}
            )
        raise DryRun(request)


_SKIPPED_HEADERS = frozenset({"host", "content-length", "accept-encoding", "connection"})
TOKEN_VARIABLE = "SPECTROCOIN_TOKEN"


def curl_command(
    request: httpx.Request, secrets: tuple[str, ...], *, profile: str | None = None
) -> str:
    """``request`` as shell lines that run as printed: the token as ``"$SPECTROCOIN_TOKEN"``
    after a line that sets it, a secret form field as ``"$SPECTROCOIN_<FIELD>"`` (the client
    secret is ``$SPECTROCOIN_CLIENT_SECRET``, which the CLI itself reads); never a secret's
    value. ``secrets`` are also replaced by ``<redacted>`` wherever else they might appear."""
    parts = ["curl", "-X", request.method, shlex.quote(str(request.url))]
    needs_token = False
    for name, value in request.headers.items():
        if name.lower() in _SKIPPED_HEADERS:
            continue
        if name.lower() == "authorization":
            needs_token = True
            scheme = shlex.quote(f"{name}: {value.split(' ', 1)[0]} ")
            parts += ["-H", f'{scheme}"${TOKEN_VARIABLE}"']
        else:
            parts += ["-H", shlex.quote(f"{name}: {value}")]
    variables = _body(request, parts)
    text = " ".join(parts)
    for secret in secrets:
        for form in {secret, quote_plus(secret), quote(secret, safe=""), json_text(secret)[1:-1]}:
            if form:
                text = text.replace(form, REDACTED)
    lines = [f"# needs {name} in the environment (never printed)" for name in variables]
    if needs_token:
        chosen = f" --profile {shlex.quote(profile)}" if profile else ""
        lines.append(f"export {TOKEN_VARIABLE}=$(spectrocoin{chosen} auth token)")
    return "\n".join([*lines, text])


def print_dry_run(captured: DryRun, options: Settings) -> int:
    """``--dry-run``'s output: the captured request as shell lines on stdout."""
    secret = options.credentials.client_secret
    text = curl_command(captured.request, (secret,) if secret else (), profile=options.profile)
    print(text, flush=True)
    return 0


def _body(request: httpx.Request, parts: list[str]) -> list[str]:
    """Adds the body to ``parts``; returns the variables that stand for its secret fields."""
    content = request.content
    if not content:
        return []
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    form = media == "application/x-www-form-urlencoded"
    pairs = parse_qsl(content.decode("utf-8", "replace"), keep_blank_values=True) if form else []
    if not any(_is_secret_field(key) for key, _ in pairs):
        shown = _json_shown(content) if media == "application/json" else None
        parts += ["--data-binary", shlex.quote(shown or content.decode("utf-8", "replace"))]
        return []
    # curl encodes each value itself, so a variable can stand for a secret one.
    variables = []
    for key, value in pairs:
        if not _is_secret_field(key):
            parts += ["--data-urlencode", shlex.quote(f"{key}={value}")]
        elif re.fullmatch(r"[A-Za-z0-9_]+", key):
            variable = "SPECTROCOIN_" + key.upper()
            variables.append(variable)
            parts += ["--data-urlencode", f'{shlex.quote(key + "=")}"${variable}"']
        else:  # a nested key ("card[code]") has no variable name: never its value, though
            parts += ["--data-urlencode", shlex.quote(f"{key}={REDACTED}")]
    return variables


_FORM_KEY_PARTS = re.compile(r"[^\[\]]+")  # "a[b][0]" -> a, b, 0


def _is_secret_field(key: str) -> bool:
    """A body key named like a credential, or one the spec marks ``x-secret`` (``code`` of a
    gift-card purchase), also as the last part of a form's nested ``a[b][code]``."""
    names = _FORM_KEY_PARTS.findall(key)
    return bool(names) and (is_secret_key(names[-1]) or names[-1] in SECRET_FIELDS)


def _hide_fields(value: Any) -> tuple[Any, bool]:
    """``value`` with every secret field's value replaced, and whether there was one."""
    if isinstance(value, dict):
        found = False
        shown: dict[str, Any] = {}
        for key, item in value.items():
            if isinstance(key, str) and _is_secret_field(key):
                shown[key], found = REDACTED, True
            else:
                shown[key], inner = _hide_fields(item)
                found = found or inner
        return shown, found
    if isinstance(value, list):
        items = [_hide_fields(item) for item in value]
        return [item for item, _ in items], any(inner for _, inner in items)
    return value, False


def _json_shown(content: bytes) -> str | None:
    """A JSON body with its secret fields redacted (re-encoded), or None when it has none."""
    try:
        data = decode_json(content)
    except ValueError:
        return None
    shown, found = _hide_fields(data)
    return json_text(shown) if found else None


# -- the client -----------------------------------------------------------------------------------


def open_client(
    options: Settings, *, token_request: bool = False, **extra: Any
) -> SpectroCoinClient:
    """A client with this run's credentials (and the capturing transport for ``--dry-run``)."""
    from .._client import SpectroCoinClient

    creds = options.credentials
    client_id, secret = creds.client_id, creds.client_secret
    transport: httpx.AsyncBaseTransport | None = None
    if options.dry_run:
        transport = _CaptureTransport(stand_in_token=not token_request)
        if not (client_id and secret):
            client_id, secret = client_id or "CLIENT_ID", secret or "CLIENT_SECRET"
    kwargs: dict[str, Any] = dict(extra)
    if options.timeout is not None:
        kwargs["timeout"] = options.timeout
    return SpectroCoinClient(
        client_id,
        secret,
        project_id=creds.project_id,
        base_url=creds.base_url,
        transport=transport,
        **kwargs,
    )
