"""``spectrocoin`` on a real pseudo-terminal: table widths, ``configure``, what a person sees."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from spectrocoin_async._cli._complete import candidates
from spectrocoin_async._cli._table import Cell, layout, record_blocks
from spectrocoin_async._encoding import plain_number
from spectrocoin_async._json import decode_json
from spectrocoin_async.sandbox import SANDBOX_PROJECT_ID, SandboxConfig, SandboxServer
from tests.support.cli import in_pty, spawn

SECRET = 'term-secret-Qx7/+&"é'  # characters that TOML, URL and form encoding change

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals")


def test_the_sandbox_says_where_it_listens_once() -> None:
    screen = in_pty(["sandbox", "--port", "0"], {}, until="callback key")
    # A script reading a pipe gets SANDBOX_URL= (test_flows); a person, one "listening" line.
    assert screen.text.count("listening on http://127.0.0.1:") == 1, screen.text
    assert "SANDBOX_URL=" not in screen.text


# -- configure ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(SandboxConfig(seed=11, client_secret=SECRET)) as server:
        yield server


def test_configure_checks_then_saves_a_private_profile(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    config = tmp_path / "conf" / "config.toml"
    env = {"SPECTROCOIN_CONFIG": str(config)}
    screen = in_pty(
        ["configure", "--profile", "lab", "--base-url", sandbox.url],
        env,
        answers=[
            ("Client id: ", "sandbox-client"),
            ("Client secret (not shown): ", SECRET),
            ("Project id (optional): ", SANDBOX_PROJECT_ID),
        ],
    )
    assert screen.code == 0, screen.text
    # The id was echoed as typed; the secret never reached the screen.
    assert "Client id: sandbox-client\n" in screen.text
    assert SECRET not in screen.text
    assert f"saved profile [lab] to {config}" in screen.text
    assert config.stat().st_mode & 0o777 == 0o600
    assert tomllib.loads(config.read_text("utf-8")) == {
        "lab": {
            "client_id": "sandbox-client",
            "client_secret": SECRET,
            "project_id": SANDBOX_PROJECT_ID,
            "base_url": sandbox.url,
        }
    }
    # The saved profile works as it is.
    listed = spawn(["--profile", "lab", "accounts", "list-accounts"], env)
    assert listed.code == 0, listed.err
    assert decode_json(listed.out)[0]["currencyCode"] == "EUR"

    # Enter keeps what the profile has; a second profile leaves the first one as it was.
    again = in_pty(
        ["configure", "--profile", "other"],
        {**env, "SPECTROCOIN_BASE_URL": sandbox.url},
        answers=[("Client id: ", "sandbox-client"), ("(not shown): ", SECRET), ("): ", "")],
    )
    assert again.code == 0, again.text
    saved = tomllib.loads(config.read_text("utf-8"))
    assert saved["other"] == {"client_id": "sandbox-client", "client_secret": SECRET}
    assert saved["lab"]["base_url"] == sandbox.url
    kept = in_pty(
        ["configure", "--profile", "lab"],
        env,
        answers=[
            ("Client id [sandbox-client]: ", ""),
            ("[Enter keeps the saved one]: ", ""),
            (f"[{SANDBOX_PROJECT_ID}]: ", ""),
        ],
    )
    assert kept.code == 0, kept.text
    assert tomllib.loads(config.read_text("utf-8")) == saved


def test_configure_writes_nothing_when_the_api_refuses(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    config = tmp_path / "config.toml"
    screen = in_pty(
        ["configure", "--base-url", sandbox.url, "--project-id", SANDBOX_PROJECT_ID],
        {"SPECTROCOIN_CONFIG": str(config)},
        answers=[("Client id: ", "sandbox-client"), ("(not shown): ", "wrong-secret")],
    )
    assert screen.code == 1, screen.text
    assert "AuthenticationError" in screen.text and "wrong-secret" not in screen.text
    assert not config.exists() and list(tmp_path.iterdir()) == []


def test_configure_takes_piped_answers(sandbox: SandboxServer, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    done = spawn(
        ["configure", "--base-url", sandbox.url],
        {"SPECTROCOIN_CONFIG": str(config)},
        input=f"sandbox-client\n{SECRET}\n\n".encode(),
    )
    assert done.code == 0, done.err
    assert SECRET not in done.err and SECRET.encode() not in done.out
    assert tomllib.loads(config.read_text("utf-8"))["default"]["client_secret"] == SECRET
    assert config.stat().st_mode & 0o777 == 0o600


# -- the table view -------------------------------------------------------------------------------


def _whole_on_one_line(value: str, lines: list[str]) -> bool:
    pattern = re.compile(rf"(?<![\w.:-]){re.escape(value)}(?![\w.:-])")
    return any(pattern.search(line) for line in lines)


@pytest.mark.parametrize("columns", [40, 80, 120])
def test_no_amount_or_id_is_split_across_lines(
    sandbox: SandboxServer, columns: int, tmp_path: Path
) -> None:
    env = {
        "SPECTROCOIN_BASE_URL": sandbox.url,
        "SPECTROCOIN_CLIENT_ID": "sandbox-client",
        "SPECTROCOIN_CLIENT_SECRET": SECRET,
        "SPECTROCOIN_PROJECT_ID": SANDBOX_PROJECT_ID,
    }
    order = ["merchant", "create-order", "--receive-amount", "1234.56789"]
    order += ["--receive-currency-code", "BTC", "--order-id", f"whole-{columns}"]
    created = spawn([*order, "--description", "A rather long description " * 4], env)
    order_id = str(decode_json(created.out)["orderId"])
    for argv, whole in (
        (["transactions", "list-transactions"], ("id", "accountId", "amount", "fee", "createdAt")),
        (["accounts", "list-accounts"], ("id", "balance", "availableBalance", "reservedAmount")),
        (["merchant", "get-order", order_id], ("id", "orderId", "receiveAmount", "projectId")),
    ):
        data = decode_json(spawn(argv, env).out)
        records = data["content"] if isinstance(data, dict) and "content" in data else data
        records = records if isinstance(records, list) else [records]
        screen = in_pty(argv, env, columns=columns)
        assert screen.code == 0, screen.text
        lines = screen.text.splitlines()
        # Nothing wider than the terminal (it would wrap there, splitting whatever is cut).
        assert max(len(line) for line in lines) <= columns, screen.text
        checked = 0
        for record in records:
            for key in whole:
                if record.get(key) is None:
                    continue
                value = record[key]
                text = plain_number(value) if isinstance(value, Decimal | int) else str(value)
                assert _whole_on_one_line(text, lines), (key, text, screen.text)
                checked += 1
        assert checked >= len(records) * 2
    # Wide enough: columns, one row per record; narrow: blocks of "field  value".
    wide = in_pty(["transactions", "list-transactions"], env, columns=columns).text
    header = wide.splitlines()[0].split()[:3]
    assert header == (["id", "accountId", "type"] if columns == 120 else ["id", "1000005"])


def test_text_columns_are_shortened_with_an_ellipsis_before_blocks() -> None:
    headers = ["id", "amount", "description"]
    rows = [
        [
            Cell("1000005", whole=True),
            Cell("2500.000000", whole=True),
            Cell("Opening balance of the account", whole=False),
        ],
        [Cell("7", whole=True), Cell("0.5", whole=True), Cell("Fee", whole=False)],
    ]
    right = [False, True, False]
    natural = layout(headers, rows, 60, right=right)
    assert natural == [
        "id       amount       description",
        "───────  ───────────  ──────────────────────────────",
        "1000005  2500.000000  Opening balance of the account",
        "7                0.5  Fee",
    ]
    # 36 columns: the numbers stay whole, the description gives way.
    assert layout(headers, rows, 36, right=right) == [
        "id       amount       description",
        "───────  ───────────  ──────────────",
        "1000005  2500.000000  Opening balan…",
        "7                0.5  Fee",
    ]
    # Narrower than the whole cells and the shortest text: no table at all.
    assert layout(headers, rows, 25, right=right) is None
    assert record_blocks([list(zip(headers, rows[0], strict=True))], 25) == [
        "id           1000005",
        "amount       2500.000000",
        "description  Opening",
        "             balance of",
        "             the account",
    ]


# -- --verbose ------------------------------------------------------------------------------------


def test_verbose_shows_each_exchange_on_stderr_without_secrets(sandbox: SandboxServer) -> None:
    env = {
        "SPECTROCOIN_BASE_URL": sandbox.url,
        "SPECTROCOIN_CLIENT_ID": "sandbox-client",
        "SPECTROCOIN_CLIENT_SECRET": SECRET,
    }
    argv = ["transactions", "list-transactions", "--size", "2", "--type", "DEPOSIT"]
    quiet = spawn(argv, env)
    loud = spawn(["--verbose", *argv], env)
    assert loud.code == quiet.code == 0 and quiet.err == ""
    assert decode_json(loud.out) == decode_json(quiet.out)  # stdout is untouched
    lines = loud.err.splitlines()
    exchange = r" -> 200 attempt=1 duration=\d+\.\d{3}s limiter_wait=\d+\.\d{3}s"
    assert re.fullmatch(
        rf"spectrocoin: POST {re.escape(sandbox.url)}/oauth/token{exchange}", lines[0]
    ), lines
    assert re.fullmatch(
        rf"spectrocoin: GET {re.escape(sandbox.url)}/transactions\?page=0&size=2&type=DEPOSIT"
        + exchange,
        lines[1],
    ), lines
    assert len(lines) == 2
    tokens = list(sandbox.sandbox.tokens._expiry)
    for secret in (SECRET, *tokens, "Bearer", "client_secret"):
        assert secret not in loud.err


# -- completion -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["trans"], ["transactions"]),
        (["transactions", "list-t"], ["list-transactions"]),
        (["auth", "t"], ["token"]),
        (["exports", "download-t"], ["download-transactions"]),
        (
            ["transactions", "list-transactions", "--type", ""],
            ["DEPOSIT", "EXCHANGE", "FEE", "GIFT_CARD", "MERCHANT_PAYMENT", "REFUND"]
            + ["TRANSFER", "WITHDRAWAL"],
        ),
        (["transactions", "list-transactions", "--type", "W"], ["WITHDRAWAL"]),
        (["-o", ""], ["json", "ndjson", "table", "csv"]),
        (["--output", "json", "acc"], ["accounts"]),
        (["transactions", "list-transactions", "--currency-c"], ["--currency-code"]),
        (["nothing", ""], []),
    ],
)
def test_complete_gives_the_candidates_enum_values_included(
    words: list[str], expected: list[str]
) -> None:
    assert candidates(words) == expected


def test_the_bash_script_completes_an_enum_flag_in_real_bash(tmp_path: Path) -> None:
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("NO bash: the completion script was NOT run")
    script = tmp_path / "spectrocoin.bash"
    done = spawn(["completion", "bash"], {})
    script.write_bytes(done.out)
    probe = (
        f"source {script}; COMP_WORDS=(spectrocoin transactions list-transactions --type W); "
        "COMP_CWORD=4; _spectrocoin_complete; printf '%s\\n' \"${COMPREPLY[@]}\""
    )
    bin_dir = os.path.dirname(sys.executable)
    env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}
    shown = subprocess.run(
        [bash, "-c", probe], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert shown.stdout.splitlines() == ["WITHDRAWAL"], shown.stderr
