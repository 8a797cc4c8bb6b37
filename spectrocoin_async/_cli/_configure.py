"""``spectrocoin configure`` (save checked credentials as a profile) and ``spectrocoin auth token``.

``configure`` asks for the client id and secret (the secret without echo), checks them by
fetching a token, and only then writes the profile, as ``aws configure`` and ``stripe login`` do.
The file is written whole to a temporary file created with mode 0600 and renamed over the old
one, so it is never readable by others, not even for a moment.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Annotated, Any

from cyclopts import Parameter

from ._config import ConfigError, config_path, read_profiles
from ._session import DryRun, UsageError, open_client, print_dry_run, settings

__all__ = ["configure", "token"]

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


@contextlib.contextmanager
def _no_echo(fd: int) -> Iterator[None]:
    """The terminal on ``fd`` stops echoing what is typed (restored whatever happens)."""
    import termios

    saved = termios.tcgetattr(fd)
    quiet = list(saved)
    quiet[3] &= ~termios.ECHO
    termios.tcsetattr(fd, termios.TCSAFLUSH, quiet)
    try:
        yield
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)  # keeps what is typed ahead


def _ask(prompt: str, *, secret: bool = False) -> str:
    """One line from stdin; on a terminal the prompt goes to stderr (stdout may be a pipe) and a
    secret is read without echo. A script may pipe the answers in, one per line."""
    terminal = sys.stdin.isatty()
    hide = secret and terminal and sys.platform != "win32"
    # Echo goes off before the prompt shows: what is typed after it is never echoed.
    with _no_echo(sys.stdin.fileno()) if hide else contextlib.nullcontext():
        if terminal or secret:
            print(prompt, end="", file=sys.stderr, flush=True)
        line = sys.stdin.readline()
    if hide:
        print(file=sys.stderr)  # the Enter that was not echoed
    if not line:
        raise UsageError("configure: stdin ended before every answer was given")
    return line.rstrip("\r\n").strip()


def _toml_key(name: str) -> str:
    return name if _BARE_KEY.fullmatch(name) else json.dumps(name)


def _toml(profiles: Mapping[str, Mapping[str, str]]) -> str:
    """Profiles as TOML: every value is a string, and a JSON string is a TOML basic string."""
    blocks = []
    for name, fields in profiles.items():
        lines = [f"[{_toml_key(name)}]"]
        lines += [
            f"{key} = {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items()
        ]
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def _write_private(path: Path, text: str) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    scratch = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(scratch, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write(text)
        os.chmod(scratch, 0o600)  # whatever the umask did
        os.replace(scratch, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(scratch)
        raise


async def _check(client_id: str, secret: str, base_url: str | None) -> None:
    """Fetch one token with these credentials (the API's answer is the only real check)."""
    from .._client import SpectroCoinClient

    options = settings()
    kwargs: dict[str, Any] = {} if options.timeout is None else {"timeout": options.timeout}
    async with SpectroCoinClient(client_id, secret, base_url=base_url, **kwargs) as client:
        assert client.tokens is not None
        await client.tokens.get()


async def configure(
    *,
    base_url: Annotated[
        str | None,
        Parameter(help="API base URL to save with the profile (e.g. a sandbox's SANDBOX_URL)."),
    ] = None,
    project_id: Annotated[
        str | None, Parameter(help="Merchant project id to save (asked for if not given).")
    ] = None,
) -> int:
    """Save client credentials as a profile, after checking them (help text: ``_app``)."""
    options = settings()
    name = options.profile or os.environ.get("SPECTROCOIN_PROFILE") or "default"
    path = config_path()
    try:
        profiles = read_profiles(path) if path.exists() else {}
    except ConfigError as exc:
        raise UsageError(f"configure: {exc}") from None
    old = profiles.get(name, {})
    print(f"Profile [{name}] in {path}", file=sys.stderr)

    def keep(label: str, key: str) -> str:
        shown = old.get(key)
        return f"{label} [{shown}]: " if shown else f"{label}: "

    client_id = _ask(keep("Client id", "client_id")) or old.get("client_id", "")
    hint = " [Enter keeps the saved one]" if old.get("client_secret") else ""
    secret = _ask(f"Client secret (not shown){hint}: ", secret=True) or old.get("client_secret", "")
    if project_id is None:
        project_id = _ask(keep("Project id (optional)", "project_id")) or old.get("project_id")
    if not client_id or not secret:
        raise UsageError("configure: a client id and a client secret are both needed")
    base = base_url or old.get("base_url")
    # Later commands read this profile with the environment filling its gaps: check the same URL.
    await _check(client_id, secret, base or os.environ.get("SPECTROCOIN_BASE_URL") or None)
    fields = {"client_id": client_id, "client_secret": secret}
    if project_id:
        fields["project_id"] = project_id
    if base:
        fields["base_url"] = base
    profiles[name] = fields
    _write_private(path, _toml(profiles))
    print(f"Credentials checked (a token was issued); saved profile [{name}] to {path}")
    return 0


async def token() -> int:
    """Print an access token for the configured credentials (for scripts and curl).

    export SPECTROCOIN_TOKEN=$(spectrocoin auth token)
    """
    options = settings()
    async with open_client(options, token_request=True) as client:
        if client.tokens is None:
            from ._config import no_credentials

            raise UsageError(no_credentials())
        try:
            access_token = await client.tokens.get()
        except DryRun as captured:
            return print_dry_run(captured, options)
    print(access_token, flush=True)
    return 0
