"""``--dry-run`` prints shell lines that run as printed: run them with a real curl against the
sandbox and compare the answer with what the command itself gets."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal

import httpx
import pytest

from spectrocoin_async._json import decode_json
from spectrocoin_async.sandbox import SANDBOX_PROJECT_ID, SandboxConfig, SandboxServer
from tests.support.cli import CLI_ENV_KEYS, spawn

SECRET = "dry-secret-Zq81/+&x y"  # characters that URL- and form-encoding change
CURL = shutil.which("curl")

pytestmark = [
    pytest.mark.skipif(
        CURL is None,
        reason="NO curl ON PATH: the printed --dry-run commands were NOT run (install curl)",
    ),
    pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell"),
]


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(SandboxConfig(seed=5, client_secret=SECRET)) as server:
        yield server


@pytest.fixture
def env(sandbox: SandboxServer) -> dict[str, str]:
    httpx.post(sandbox.url + "/sandbox/reset", timeout=10).raise_for_status()
    return {
        "SPECTROCOIN_BASE_URL": sandbox.url,
        "SPECTROCOIN_CLIENT_ID": "sandbox-client",
        "SPECTROCOIN_CLIENT_SECRET": SECRET,
        "SPECTROCOIN_PROJECT_ID": SANDBOX_PROJECT_ID,
    }


def printed(argv: list[str], env: dict[str, str]) -> str:
    result = spawn(["--dry-run", *argv], env)
    assert result.code == 0, result.err
    assert SECRET not in result.text
    return result.text


def run_as_printed(lines: str, env: dict[str, str]) -> bytes:
    """The printed lines, as they are, in sh (the venv's `spectrocoin` first on PATH)."""
    clean = {k: v for k, v in os.environ.items() if k not in (*CLI_ENV_KEYS, "SPECTROCOIN_TOKEN")}
    bin_dir = os.path.dirname(sys.executable)
    done = subprocess.run(
        ["sh", "-e", "-c", lines],
        env={**clean, **env, "PATH": bin_dir + os.pathsep + clean.get("PATH", "")},
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    return done.stdout


def test_a_get_with_a_token_runs_as_printed(env: dict[str, str]) -> None:
    lines = printed(["accounts", "list-accounts"], env)
    assert lines.startswith("export SPECTROCOIN_TOKEN=$(spectrocoin auth token)\ncurl -X GET ")
    assert '"$SPECTROCOIN_TOKEN"' in lines
    answer = decode_json(run_as_printed(lines, env))
    assert answer == decode_json(spawn(["accounts", "list-accounts"], env).out)
    assert answer[0]["balance"] == Decimal("10000.00")


def test_a_query_runs_as_printed(env: dict[str, str]) -> None:
    argv = ["transactions", "list-transactions", "--type", "DEPOSIT", "--size", "2", "--page", "1"]
    answer = decode_json(run_as_printed(printed(argv, env), env))
    assert answer == decode_json(spawn(argv, env).out)
    # The query reached the server: the second page of two deposits (of five) each.
    assert [t["type"] for t in answer["content"]] == ["DEPOSIT", "DEPOSIT"]
    assert answer["totalPages"] == 3 and answer["number"] == 1


def test_a_form_post_runs_as_printed(env: dict[str, str]) -> None:
    argv = ["merchant", "create-order", "--receive-amount", "12.30", "--receive-currency-code"]
    argv += ["EUR", "--order-id", "dry-run-1"]
    created = decode_json(run_as_printed(printed(argv, env), env))
    order = decode_json(spawn(["merchant", "get-order", str(created["orderId"])], env).out)
    assert order["orderId"] == "dry-run-1" and str(order["receiveAmount"]) == "12.30"


def test_the_token_request_runs_as_printed_reading_the_secret_from_the_environment(
    env: dict[str, str],
) -> None:
    lines = printed(["auth", "get-access-token"], env)
    assert "SPECTROCOIN_CLIENT_SECRET" in lines and SECRET not in lines
    answer = decode_json(run_as_printed(lines, env))
    assert answer["token_type"].lower() == "bearer" and answer["access_token"]


def test_a_profile_is_named_in_the_token_line(env: dict[str, str], tmp_path: object) -> None:
    config = f"{tmp_path}/config.toml"
    fd = os.open(config, os.O_WRONLY | os.O_CREAT, 0o600)
    with os.fdopen(fd, "w") as file:
        file.write(
            f'[lab]\nclient_id = "sandbox-client"\nclient_secret = "{SECRET}"\n'
            f'base_url = "{env["SPECTROCOIN_BASE_URL"]}"\n'
        )
    profile_env = {"SPECTROCOIN_CONFIG": config}
    lines = printed(["--profile", "lab", "accounts", "list-accounts"], profile_env)
    assert lines.startswith("export SPECTROCOIN_TOKEN=$(spectrocoin --profile lab auth token)\n")
    # The curl line has the profile's base URL; the token line reads the profile.
    assert decode_json(run_as_printed(lines, profile_env))[0]["currencyCode"] == "EUR"
