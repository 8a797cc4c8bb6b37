"""Credentials for the command line: environment variables, or a profile in a config file.

The config file is TOML, one table per profile::

    [default]
    client_id = "..."
    client_secret = "..."
    project_id = "..."                      # optional
    base_url = "https://..."                # optional

It lives in the user's config folder (``$XDG_CONFIG_HOME/spectrocoin/config.toml``, else
``~/.config/...``; ``~/Library/Application Support/spectrocoin/`` on macOS, ``%APPDATA%`` on
Windows) or wherever ``SPECTROCOIN_CONFIG`` points. Like ssh with a private key, a file that
anyone but its owner can read is refused: it holds the client secret.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Mapping
from pathlib import Path

from attrs import frozen

__all__ = [
    "ConfigError",
    "Credentials",
    "config_path",
    "load_credentials",
    "no_credentials",
    "read_profiles",
]

_FIELDS = ("client_id", "client_secret", "project_id", "base_url")


class ConfigError(Exception):
    """The credentials cannot be read as configured (a usage error: exit status 2)."""


@frozen(repr=False)
class Credentials:
    client_id: str | None = None
    client_secret: str | None = None
    project_id: str | None = None
    base_url: str | None = None
    source: str = "environment"

    def __repr__(self) -> str:  # never the secret
        secret = "<set>" if self.client_secret else None
        return (
            f"Credentials(client_id={self.client_id!r}, client_secret={secret}, "
            f"project_id={self.project_id!r}, base_url={self.base_url!r}, source={self.source!r})"
        )


def config_path(env: Mapping[str, str] | None = None) -> Path:
    """Where the config file is looked for (it need not exist)."""
    env = os.environ if env is None else env
    if env.get("SPECTROCOIN_CONFIG"):
        return Path(env["SPECTROCOIN_CONFIG"]).expanduser()
    if env.get("XDG_CONFIG_HOME"):
        base = Path(env["XDG_CONFIG_HOME"])
    elif sys.platform == "win32":
        base = Path(env.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path.home() / ".config"
    return base / "spectrocoin" / "config.toml"


def _check_private(path: Path, info: os.stat_result) -> None:
    if sys.platform == "win32":
        return
    if info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise ConfigError(
            f"{path} is accessible by others (permissions {stat.filemode(info.st_mode)}); "
            f"it holds your client secret, so it is ignored. Fix: chmod 600 {path}"
        )
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        raise ConfigError(
            f"{path} is owned by another user (uid {info.st_uid}); it is ignored. "
            f"Fix: chown $(id -u) {path} && chmod 600 {path}"
        )


def _load(path: Path) -> dict[str, object]:
    import tomllib

    with path.open("rb") as file:
        _check_private(path, os.fstat(file.fileno()))
        try:
            return tomllib.load(file)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path} is not valid TOML: {exc}") from None


def _fields(path: Path, profile: str, table: dict[str, object]) -> dict[str, str]:
    unknown = sorted(set(table) - set(_FIELDS))
    if unknown:
        raise ConfigError(
            f"{path} [{profile}]: unknown key(s) {', '.join(unknown)}; "
            f"expected {', '.join(_FIELDS)}"
        )
    values: dict[str, str] = {}
    for key in _FIELDS:
        value = table.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise ConfigError(f"{path} [{profile}]: {key} must be a string")
        values[key] = value
    return values


def read_profiles(path: Path) -> dict[str, dict[str, str]]:
    """Every profile of an existing config file (checked as when credentials are read)."""
    try:
        data = _load(path)
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror}") from None
    return {
        name: _fields(path, name, table) for name, table in data.items() if isinstance(table, dict)
    }


def _read_profile(path: Path, profile: str, *, required: bool = True) -> dict[str, str] | None:
    try:
        data = _load(path)
    except FileNotFoundError:
        raise ConfigError(f"profile {profile!r} asked for, but {path} does not exist") from None
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror}") from None
    table = data.get(profile)
    if table is None and not required:
        return None
    if not isinstance(table, dict):
        known = ", ".join(sorted(k for k, v in data.items() if isinstance(v, dict))) or "none"
        raise ConfigError(f"{path} has no profile [{profile}] (profiles: {known})")
    return _fields(path, profile, table)


def no_credentials() -> str:
    """What to do when no credentials are configured: every way this names exists."""
    return (
        "no client credentials configured. Set SPECTROCOIN_CLIENT_ID and "
        "SPECTROCOIN_CLIENT_SECRET, or run `spectrocoin configure` to save them as the default "
        f"profile of {config_path()} (`spectrocoin configure --profile NAME`, then "
        "`--profile NAME` or SPECTROCOIN_PROFILE=NAME, for another one)"
    )


def load_credentials(
    profile: str | None = None, env: Mapping[str, str] | None = None
) -> Credentials:
    """Credentials from ``--profile``, else the environment, else the ``default`` profile.

    With an explicit profile, its values win and the environment fills only what it lacks.
    Without one, ``SPECTROCOIN_CLIENT_ID`` / ``_SECRET`` / ``_PROJECT_ID`` / ``_BASE_URL`` are
    used; if the id or the secret is missing there, the profile named by
    ``SPECTROCOIN_PROFILE`` (or ``default``) of an existing config file supplies the rest.
    """
    env = os.environ if env is None else env
    from_env = {key: env.get(f"SPECTROCOIN_{key.upper()}", "") for key in _FIELDS}
    from_env = {key: value for key, value in from_env.items() if value}
    path = config_path(env)
    required = True
    if profile is None:
        if "client_id" in from_env and "client_secret" in from_env:
            return Credentials(**from_env)
        named = env.get("SPECTROCOIN_PROFILE")
        if not named and not path.exists():
            return Credentials(**from_env)
        profile, required = named or "default", bool(named)
    found = _read_profile(path, profile, required=required)
    if found is None:
        return Credentials(**from_env)
    return Credentials(**{**from_env, **found}, source=f"profile {profile} in {path}")
