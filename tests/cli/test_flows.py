"""``spectrocoin``: the flows, the output formats, the dry run, credentials and exit codes.

Most commands run in-process against the sandbox over real sockets; a few run as real
processes (the console script, a pseudo-terminal for the progress bar).
"""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import re
import select
import subprocess
import sys
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest

from spectrocoin_async._cli._body import wire_names
from spectrocoin_async._cli._commands import spec_for_operation
from spectrocoin_async._evidence import forget_warnings
from spectrocoin_async._generated._operations import OPERATIONS
from spectrocoin_async._json import decode_json
from spectrocoin_async.sandbox import (
    LEGACY_PROJECT_ID,
    SANDBOX_PROJECT_ID,
    SandboxConfig,
    SandboxServer,
)
from tests.integration.support import CallbackSink
from tests.support.cli import CLI_ENV_KEYS, Result, cli, fresh_python, spawn
from tests.support.spec import spec

SECRET = "cli-secret-Zq81/+&x"  # characters that URL- and form-encoding change


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(SandboxConfig(seed=7, client_secret=SECRET)) as server:
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


@pytest.fixture(scope="module")
def sink() -> Iterator[CallbackSink]:
    server = CallbackSink()
    server.start()
    yield server
    server.stop()


def ok(result: Result) -> Result:
    assert result.code == 0, result.err
    return result


# -- flows with live ids --------------------------------------------------------------------------


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_order_life_cycle_and_callback_verification(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], sink: CallbackSink, backend: str
) -> None:
    sink.take()
    env = {**env, "SPECTROCOIN_BACKEND": backend}
    created = decode_json(
        ok(
            cli(
                monkeypatch,
                [
                    "merchant",
                    "create-order",
                    "--receive-amount",
                    "25.10",
                    "--receive-currency-code",
                    "EUR",
                    "--order-id",
                    f"cli-{backend}",
                    "--callback-url",
                    sink.url,
                ],
                env,
            )
        ).out
    )
    order_id = created["orderId"] if "orderId" in created else created["id"]
    # The project id came from SPECTROCOIN_PROJECT_ID, the amount kept its trailing zero.
    order = decode_json(ok(cli(monkeypatch, ["merchant", "get-order", str(order_id)], env)).out)
    assert order["receiveAmount"] == Decimal("25.10") and str(order["receiveAmount"]) == "25.10"
    assert order["projectId"] == SANDBOX_PROJECT_ID and order["status"] == "NEW"

    paid = decode_json(ok(cli(monkeypatch, ["sandbox", "pay", str(order_id)], env)).out)
    assert paid["statuses"] == ["PENDING", "PAID"]
    callbacks = sink.take()
    assert len(callbacks) == 1  # PAID only: the sandbox's default, as SpectroCoin documents
    headers, body = callbacks[-1]
    verified = cli(
        monkeypatch,
        ["callbacks", "verify", "--header", f"Content-Type: {headers['content-type']}"],
        env,
        stdin=body,
    )
    report = decode_json(ok(verified).out)
    assert report["verified"] is True and report["format"] == "json"
    assert report["status"] == "PAID" and report["id"] == str(order_id)
    # Its timestamps read as every other command prints them (the API's "...001Z").
    fetched = decode_json(ok(cli(monkeypatch, ["merchant", "get-order", str(order_id)], env)).out)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", fetched["createdAt"])
    assert report["order"]["createdAt"] == fetched["createdAt"]

    # A forged callback (an order id the API does not know) does not verify: exit status 1.
    forged = json.dumps({"id": "00000000-0000-4000-8000-000000000000"}).encode()
    refused = cli(
        monkeypatch,
        ["callbacks", "verify", "--content-type", "application/json"],
        env,
        stdin=forged,
    )
    assert refused.code == 1
    assert decode_json(refused.out) == {
        "verified": False,
        "reason": "unknown order id '00000000-0000-4000-8000-000000000000'",
    }


def test_sandbox_pay_fails_when_no_callback_was_delivered(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str]
) -> None:
    def order_with(callback_url: str | None) -> str:
        argv = ["merchant", "create-order", "--receive-amount", "5", "--receive-currency-code"]
        argv += ["EUR", *(["--callback-url", callback_url] if callback_url else [])]
        return str(decode_json(ok(cli(monkeypatch, argv, env)).out)["orderId"])

    # Nothing listens on port 9: every delivery fails.
    paid = cli(monkeypatch, ["sandbox", "pay", order_with("http://127.0.0.1:9/cb")], env)
    assert paid.code == 1
    tried = [c["delivered"] for c in decode_json(paid.out)["callbacks"]]
    assert tried and not any(tried)
    assert paid.err.startswith(
        f"spectrocoin: no callback was delivered ({len(tried)} tried); the last to "
        "http://127.0.0.1:9/cb: "
    )
    # No callback URL: nothing to deliver, nothing failed.
    quiet = ok(cli(monkeypatch, ["sandbox", "pay", order_with(None)], env))
    assert decode_json(quiet.out)["callbacks"] == [] and quiet.err == ""


def test_legacy_signed_callback_verifies_against_the_sandbox_key(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], sink: CallbackSink, tmp_path: Path
) -> None:
    sink.take()
    created = decode_json(
        ok(
            cli(
                monkeypatch,
                [
                    "merchant",
                    "create-order",
                    "--project-id",
                    LEGACY_PROJECT_ID,
                    "--receive-amount",
                    "5",
                    "--receive-currency-code",
                    "EUR",
                    "--callback-url",
                    sink.url,
                ],
                env,
            )
        ).out
    )
    ok(cli(monkeypatch, ["sandbox", "pay", str(created.get("orderId") or created["id"])], env))
    headers, body = sink.take()[-1]
    key = tmp_path / "key.pem"
    key.write_bytes(httpx.get(env["SPECTROCOIN_BASE_URL"] + "/sandbox/merchant.public.pem").content)
    argv = [
        "callbacks",
        "verify",
        "--content-type",
        headers["content-type"],
        "--public-key",
        str(key),
    ]
    other_project = cli(monkeypatch, argv, env, stdin=body)
    assert other_project.code == 1 and decode_json(other_project.out)["reason"] == (
        "callback is for another project (merchantApiId does not match project_id)"
    )
    env = {**env, "SPECTROCOIN_PROJECT_ID": LEGACY_PROJECT_ID}
    report = decode_json(ok(cli(monkeypatch, argv, env, stdin=body)).out)
    assert (
        report["verified"] is True and report["format"] == "legacy" and report["status"] == "PAID"
    )
    tampered = body.replace(b"receivedAmount=", b"receivedAmount=9")
    refused = cli(monkeypatch, argv, env, stdin=tampered)
    assert refused.code == 1 and decode_json(refused.out)["verified"] is False
    assert "signature does not match" in decode_json(refused.out)["reason"]


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_all_follows_every_page_and_streams_ndjson(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], backend: str
) -> None:
    env = {**env, "SPECTROCOIN_BACKEND": backend}
    import sniffio

    from spectrocoin_async._cli._session import RawRuntime

    seen: list[str] = []
    original = RawRuntime.call

    async def spy(self: RawRuntime, *args: Any) -> Any:
        seen.append(sniffio.current_async_library())
        return await original(self, *args)

    monkeypatch.setattr(RawRuntime, "call", spy)
    pages = ok(cli(monkeypatch, ["transactions", "list-transactions", "--size", "2", "--all"], env))
    lines = pages.text.splitlines()
    single = decode_json(
        ok(cli(monkeypatch, ["transactions", "list-transactions", "--size", "100"], env)).out
    )
    assert len(lines) == single["totalElements"] == len(single["content"]) == 5
    assert [decode_json(line.encode()) for line in lines] == single["content"]
    btc = ok(
        cli(
            monkeypatch,
            ["transactions", "list-transactions", "--currency-code", "BTC", "--all"],
            env,
        )
    )
    (only,) = btc.text.splitlines()
    assert '"amount":0.50000000,' in only  # every digit, plain notation
    assert seen == [backend] * len(seen) and len(seen) == 3 + 1 + 1  # 3 pages, 1, 1


# -- output ---------------------------------------------------------------------------------------


def test_output_formats_keep_every_digit(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str]
) -> None:
    argv = ["accounts", "list-accounts"]
    rows = list(csv.DictReader(io.StringIO(ok(cli(monkeypatch, [*argv, "-o", "csv"], env)).text)))
    assert [(r["currencyCode"], r["balance"]) for r in rows] == [
        ("EUR", "10000.00"),
        ("USD", "5000.00"),
        ("BTC", "0.50000000"),
        ("ETH", "4.00000000"),
        ("USDT", "2500.000000"),
    ]
    ndjson = ok(cli(monkeypatch, [*argv, "-o", "ndjson"], env)).text.splitlines()
    assert len(ndjson) == 5 and '"balance":0.50000000' in ndjson[2]
    table = ok(cli(monkeypatch, [*argv, "-o", "table"], env)).text
    assert re.search(r"BTC\s+Bitcoin\s+0\.50000000\s+0\.50000000", table)
    piped = ok(cli(monkeypatch, argv, env))  # not a terminal: JSON
    assert decode_json(piped.out)[2]["balance"] == Decimal("0.50000000")
    assert '"balance": 0.50000000' in piped.text


# -- unconfirmed operations ----------------------------------------------------------------------


def test_an_unconfirmed_operation_prints_one_note_on_stderr(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str]
) -> None:
    """The SDK's UnconfirmedOperationWarning, as a CLI says it: once, on stderr, and not for the
    loopback sandbox."""
    forget_warnings()
    remote = {"SPECTROCOIN_BASE_URL": "https://spectrocoin.com/api/public"}
    argv = ["--dry-run", "transactions", "list-transactions", "--all"]
    result = ok(cli(monkeypatch, argv, remote))
    notes = [line for line in result.err.splitlines() if line.startswith("note: ")]
    assert notes == [
        "note: listTransactions (GET /transactions) is unconfirmed: evidence 'overview', the "
        "capability is named in SpectroCoin's API overview, but its path and fields are this "
        "project's proposal, not a published address. The live API may refuse it or answer "
        "differently. Source: https://docs.spectrocoin.com/reference/api-reference"
    ]
    assert "UnconfirmedOperationWarning" not in result.err
    assert result.text.startswith("export SPECTROCOIN_TOKEN=$(spectrocoin auth token)\ncurl ")
    # Documented: no note.
    documented = ok(cli(monkeypatch, ["--dry-run", "accounts", "list-accounts"], remote))
    assert "note:" not in documented.err
    # The local sandbox: no note, even for a proposal.
    forget_warnings()
    local = ok(cli(monkeypatch, ["transactions", "list-transactions"], env))
    assert "note:" not in local.err and "Warning" not in local.err


# -- dry run, secrets -----------------------------------------------------------------------------


def test_dry_run_prints_the_pipelines_request_as_curl(monkeypatch: pytest.MonkeyPatch) -> None:
    env = {
        "SPECTROCOIN_BASE_URL": "http://127.0.0.1:9/api/public",  # nothing listens there
        "SPECTROCOIN_CLIENT_ID": "id-1",
        "SPECTROCOIN_CLIENT_SECRET": SECRET,
    }
    result = ok(
        cli(
            monkeypatch,
            [
                "--dry-run",
                "withdrawals",
                "create-crypto-withdrawal",
                "--currency-code",
                "BTC",
                "--address",
                "bc1qexample",
                "--amount",
                "1E-8",
            ],
            env,
        )
    )
    ua = re.search(r"'user-agent: ([^']+)'", result.text)
    assert ua is not None
    assert result.text == (
        "export SPECTROCOIN_TOKEN=$(spectrocoin auth token)\n"
        "curl -X POST http://127.0.0.1:9/api/public/withdrawals/crypto "
        f"-H 'user-agent: {ua.group(1)}' -H 'accept: application/json' "
        "-H 'content-type: application/x-www-form-urlencoded' "
        "-H 'authorization: Bearer '\"$SPECTROCOIN_TOKEN\" "
        "--data-binary 'address=bc1qexample&amount=0.00000001&currencyCode=BTC'\n"
    )
    query = ok(
        cli(
            monkeypatch,
            [
                "transactions",
                "list-transactions",
                "--currency-code",
                "BTC",
                "--type",
                "DEPOSIT",
                "--date-from",
                "2026-01-02",
                "--dry-run",
            ],
            env,
        )
    )
    assert query.text.startswith(
        "export SPECTROCOIN_TOKEN=$(spectrocoin auth token)\ncurl -X GET 'http://127.0.0.1:9/api/public/transactions?page=0&size=20&currencyCode=BTC"
        "&type=DEPOSIT&dateFrom=2026-01-02'"
    )
    token = ok(cli(monkeypatch, ["auth", "get-access-token", "--dry-run"], env))
    assert token.text.startswith(
        "# needs SPECTROCOIN_CLIENT_SECRET in the environment (never printed)\n"
    )
    assert token.text.endswith(
        "--data-urlencode client_id=id-1 "
        '--data-urlencode client_secret="$SPECTROCOIN_CLIENT_SECRET" '
        "--data-urlencode grant_type=client_credentials\n"
    )


def test_dry_run_redacts_every_x_secret_field_of_a_body_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Issue 17, item 2: only the configured secret was redacted; one from --body went out in clear.
    env = {
        "SPECTROCOIN_BASE_URL": "http://127.0.0.1:9/api/public",  # nothing listens there
        "SPECTROCOIN_CLIENT_ID": "id-1",
        "SPECTROCOIN_CLIENT_SECRET": SECRET,
    }
    body = tmp_path / "body.json"
    other = "body-file-secret-5e1d"
    body.write_text(json.dumps({"client_id": "id-2", "client_secret": other}))
    argv = ["auth", "get-access-token", "--body", f"@{body}", "--dry-run"]
    result = ok(cli(monkeypatch, argv, env))
    assert other not in result.text and SECRET not in result.text
    assert '--data-urlencode client_secret="$SPECTROCOIN_CLIENT_SECRET"' in result.text


def test_dry_run_body_redaction_covers_x_secret_fields_json_and_nested_form_keys() -> None:
    from spectrocoin_async._cli._session import curl_command

    json_request = httpx.Request(
        "POST",
        "http://x/y",
        content=b'{"a": 1.10, "list": [{"code": "GIFT-1"}], "inner": {"access_token": "t-9"}}',
        headers={"content-type": "application/json; charset=utf-8"},
    )
    assert curl_command(json_request, ()).endswith(
        "--data-binary "
        '\'{"a":1.10,"list":[{"code":"<redacted>"}],"inner":{"access_token":"<redacted>"}}\''
    )
    form_request = httpx.Request(
        "POST",
        "http://x/y",
        content=b"a=1&card%5Bcode%5D=G-1&code=G-2&plain=code",
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    shown = curl_command(form_request, ())
    assert "G-1" not in shown and "G-2" not in shown
    assert shown.startswith("# needs SPECTROCOIN_CODE in the environment (never printed)\n")
    assert shown.endswith(
        "--data-urlencode a=1 --data-urlencode 'card[code]=<redacted>' "
        '--data-urlencode code="$SPECTROCOIN_CODE" --data-urlencode plain=code'
    )
    untouched = b'{"a": 1.10, "b": "code"}'
    plain = httpx.Request(
        "POST", "http://x/y", content=untouched, headers={"content-type": "application/json"}
    )
    assert curl_command(plain, ()).endswith(f"--data-binary '{untouched.decode()}'")


def test_no_secret_in_any_output(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], sandbox: SandboxServer
) -> None:
    runs: list[Result] = []
    for op in OPERATIONS.values():
        spec_ = spec_for_operation(op.name)
        argv = [op.tag.replace("_", "-"), op.name.replace("_", "-"), "--dry-run"]
        argv += ["00000000-0000-4000-8000-000000000000" for p in spec_.params if p.positional]
        runs.append(cli(monkeypatch, argv, env))
        runs.append(cli(monkeypatch, [*argv[:2], "--help"], env))
    runs += [
        cli(monkeypatch, ["auth", "get-access-token"], env),
        cli(monkeypatch, ["auth", "get-access-token", "-o", "table"], env),
        cli(monkeypatch, ["accounts", "list-accounts", "-o", "csv"], env),
        cli(monkeypatch, ["merchant", "get-order", "00000000-0000-4000-8000-000000000000"], env),
        cli(
            monkeypatch,
            ["accounts", "list-accounts"],
            {**env, "SPECTROCOIN_CLIENT_SECRET": SECRET + "x"},
        ),
        cli(monkeypatch, ["--help"], env),
    ]
    tokens = list(sandbox.sandbox.tokens._expiry)
    assert len(tokens) >= 3  # the real commands above did get tokens
    for result in runs:
        for text in (result.text, result.err):
            assert SECRET not in text
            for token in tokens:
                assert token not in text
    assert any("<redacted>" in r.text for r in runs)


# -- credentials ----------------------------------------------------------------------------------


def _config(tmp_path: Path, mode: int) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(
        f'[sandbox]\nclient_id = "sandbox-client"\nclient_secret = "{SECRET}"\nbase_url = "BASE"\n'
    )
    path.chmod(mode)
    return path


def test_profile_from_the_config_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, sandbox: SandboxServer
) -> None:
    path = _config(tmp_path, 0o600)
    path.write_text(path.read_text().replace("BASE", sandbox.url))
    env = {"SPECTROCOIN_CONFIG": str(path)}
    result = ok(
        cli(monkeypatch, ["--profile", "sandbox", "accounts", "get-account", "100003"], env)
    )
    assert decode_json(result.out)["balance"] == Decimal("0.50000000")
    missing = cli(monkeypatch, ["--profile", "prod", "accounts", "list-accounts"], env)
    assert missing.code == 2 and f"{path} has no profile [prod] (profiles: sandbox)" in missing.err


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604])
def test_a_config_file_others_can_read_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, mode: int
) -> None:
    path = _config(tmp_path, mode)
    result = cli(
        monkeypatch,
        ["--profile", "sandbox", "accounts", "list-accounts"],
        {"SPECTROCOIN_CONFIG": str(path)},
    )
    assert result.code == 2 and result.out == b""
    assert f"spectrocoin: {path} is accessible by others" in result.err
    assert f"Fix: chmod 600 {path}" in result.err
    assert SECRET not in result.err


def test_default_config_location_follows_xdg(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from spectrocoin_async._cli._config import config_path

    assert (
        config_path({"XDG_CONFIG_HOME": str(tmp_path)}) == tmp_path / "spectrocoin" / "config.toml"
    )
    assert config_path({"SPECTROCOIN_CONFIG": "/x/y.toml"}) == Path("/x/y.toml")


# -- exit codes -----------------------------------------------------------------------------------


def test_exit_codes(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    not_found = cli(monkeypatch, ["exchanges", "get-exchange", "EX-0"], env)
    assert not_found.code == 1 and not_found.out == b""
    assert not_found.err.startswith(
        "spectrocoin: the API answered HTTP 404 (NotFoundError)\n"
        "  error_code: GEN_8\n"
        "  message:    Requested entity was not found.\n"
        "  trace id:   "
    )
    assert re.search(r"  trace id:   [0-9a-f]{8,}\n  operation:  getExchange\n$", not_found.err)
    assert cli(monkeypatch, ["merchant", "get-order", "not/one-segment"], env).code == 2
    assert cli(monkeypatch, ["merchant", "no-such-command"], env).code == 2
    bad_amount = cli(
        monkeypatch,
        [
            "exchanges",
            "calculate-exchange",
            "--pay-currency-code",
            "EUR",
            "--receive-currency-code",
            "BTC",
            "--pay-amount",
            "NaN",
        ],
        env,
    )
    assert bad_amount.code == 2 and "--pay-amount" in bad_amount.err
    refused = cli(
        monkeypatch,
        [
            "exchanges",
            "calculate-exchange",
            "--pay-currency-code",
            "eur!",
            "--receive-currency-code",
            "BTC",
            "--pay-amount",
            "1",
        ],
        env,
    )
    assert refused.code == 2 and "nothing was sent: payCurrencyCode" in refused.err
    missing = cli(
        monkeypatch, ["withdrawals", "create-crypto-withdrawal", "--currency-code", "BTC"], env
    )
    assert missing.code == 2 and "give --address, --amount or put them in --body" in missing.err
    no_credentials = {
        "SPECTROCOIN_BASE_URL": env["SPECTROCOIN_BASE_URL"],
        "SPECTROCOIN_CONFIG": "/nonexistent/c.toml",
    }
    missing_credentials = cli(monkeypatch, ["accounts", "list-accounts"], no_credentials)
    assert missing_credentials.code == 2
    # Every way it names exists: the variables, `configure`, --profile and the file.
    assert missing_credentials.err == (
        "spectrocoin: no client credentials configured. Set SPECTROCOIN_CLIENT_ID and "
        "SPECTROCOIN_CLIENT_SECRET, or run `spectrocoin configure` to save them as the default "
        "profile of /nonexistent/c.toml (`spectrocoin configure --profile NAME`, then "
        "`--profile NAME` or SPECTROCOIN_PROFILE=NAME, for another one)\n"
    )
    down = cli(
        monkeypatch,
        ["accounts", "list-accounts"],
        {**env, "SPECTROCOIN_BASE_URL": "http://127.0.0.1:9/x"},
    )
    assert down.code == 3 and "connection error" in down.err


def test_body_from_stdin_file_and_flags(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], tmp_path: Path
) -> None:
    body = {"payCurrencyCode": "EUR", "receiveCurrencyCode": "BTC", "payAmount": "10.00"}
    argv = ["exchanges", "calculate-exchange", "--dry-run"]
    from_stdin = ok(cli(monkeypatch, [*argv, "--body", "-"], env, stdin=json.dumps(body).encode()))
    path = tmp_path / "body.json"
    path.write_text(json.dumps(body))
    from_file = ok(cli(monkeypatch, [*argv, "--body", f"@{path}"], env))
    assert from_stdin.text == from_file.text
    assert "payCurrencyCode=EUR&receiveCurrencyCode=BTC&payAmount=10.00'" in from_file.text
    overridden = ok(cli(monkeypatch, [*argv, "--body", f"@{path}", "--pay-amount", "0.5"], env))
    assert "payAmount=0.5'" in overridden.text
    partial = ok(
        cli(
            monkeypatch,
            [
                *argv,
                "--body",
                '{"payCurrencyCode": "EUR"}',
                "--pay-amount",
                "2",
                "--receive-currency-code",
                "BTC",
            ],
            env,
        )
    )
    assert partial.text.endswith(
        "--data-binary 'payCurrencyCode=EUR&receiveCurrencyCode=BTC&payAmount=2'\n"
    )
    assert cli(monkeypatch, [*argv, "--body", "[1]"], env).code == 2


def test_a_misspelt_body_key_is_refused(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str]
) -> None:
    """Issue 19 item 3: exit 2 naming the key and the field meant; nothing is sent."""
    body = {
        "projectId": "f58a9032-94c8-1b36-a132-3d6c2ad81255",
        "receiveAmount": "10",
        "receiveCurrencyCode": "USD",
        "callback_url": "https://shop.example/cb",
    }
    argv = ["merchant", "create-order", "--body", "-"]
    refused = cli(monkeypatch, argv, env, stdin=json.dumps(body).encode())
    assert refused.code == 2
    assert refused.out == b""
    assert "callback_url: unknown field; did you mean callbackUrl?" in refused.err
    assert refused.err.count("\n") == 1


def test_wire_names_match_the_spec() -> None:
    from spectrocoin_async._generated import models

    for name, schema in spec()["components"]["schemas"].items():
        if schema.get("type") != "object" or not schema.get("properties"):
            continue
        model = getattr(models, name)
        # A key read into another property (x-aliases: an order's `uuid` into `id`) is no field.
        aliases = {a for sub in schema["properties"].values() for a in sub.get("x-aliases", [])}
        assert set(wire_names(model).values()) == set(schema["properties"]) - aliases, name


# -- help, completion -----------------------------------------------------------------------------


def test_help_shows_description_type_enum_values_and_evidence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    help_text = ok(cli(monkeypatch, ["merchant", "list-orders", "--help"], {})).text
    flat = " ".join(help_text.replace("│", " ").split())
    assert "List merchant orders" in flat and "GET /merchants/orders" in flat
    assert "Evidence: documented: method and path are stated on docs.spectrocoin.com." in flat
    # The evidence level is in the first lines: right after the usage line and the summary.
    first = [line.strip() for line in help_text.splitlines() if line.strip()][:3]
    assert first[2].startswith("Evidence: documented:"), first
    assert (
        "--status" in flat and "Type: OrderStatus" in flat and "One of: CANCELLED, EXPIRED" in flat
    )
    assert "--date-from" in flat and "Type: date (YYYY-MM-DD)." in flat and "--all" in flat
    create = " ".join(
        ok(cli(monkeypatch, ["merchant", "create-order", "--help"], {}))
        .text.replace("│", " ")
        .split()
    )
    assert "--receive-amount" in create and "Amount the merchant receives. Type: decimal." in create
    assert "Merchant project id. Type: UUID. Required (here or in --body)." in create


def test_every_tag_and_operation_is_listed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    top = ok(cli(monkeypatch, ["--help"], {})).text
    for op in OPERATIONS.values():
        assert op.tag.replace("_", "-") in top
        listing = ok(cli(monkeypatch, [op.tag.replace("_", "-"), "--help"], {})).text
        assert op.name.replace("_", "-") in listing


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts(monkeypatch: pytest.MonkeyPatch, shell: str) -> None:
    script = ok(cli(monkeypatch, ["completion", shell], {})).text
    # Lazy: a few lines asking `spectrocoin __complete`, not every name of the tree (was 140 KB).
    assert "spectrocoin __complete" in script and len(script.encode()) < 1024


# -- real processes -------------------------------------------------------------------------------


def test_console_script(env: dict[str, str]) -> None:
    listed = spawn(["accounts", "list-accounts"], env)
    assert listed.code == 0 and decode_json(listed.out)[0]["balance"] == Decimal("10000.00")
    assert spawn(["merchant", "get-order", ".."], env).code == 2
    assert spawn(["accounts", "get-account", "0"], env).code == 1
    assert spawn(["--backend", "trio", "rates", "get-rates", "--from", "BTC"], env).code == 0


def test_a_closed_pipe_ends_quietly(env: dict[str, str]) -> None:
    script = os.path.join(os.path.dirname(sys.executable), "spectrocoin")
    clean = {k: v for k, v in os.environ.items() if k not in CLI_ENV_KEYS}
    proc = subprocess.Popen(
        [script, "transactions", "list-transactions", "--size", "1", "--all"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**clean, **env},
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # like `| head` that has already exited
    assert proc.wait(60) == 141
    assert proc.stderr.read() == b""


def test_sandbox_command_starts_the_sandbox() -> None:
    script = os.path.join(os.path.dirname(sys.executable), "spectrocoin")
    proc = subprocess.Popen([script, "sandbox", "--port", "0"], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        ready, _, _ = select.select([proc.stdout], [], [], 60)
        assert ready, "the sandbox printed nothing within 60 s"
        line = proc.stdout.readline()
        assert line.startswith("SANDBOX_URL=http://127.0.0.1:")
        url = line.strip().split("=", 1)[1]
        assert httpx.get(url + "/currencies", timeout=10).status_code == 200
    finally:
        proc.terminate()
        proc.wait(10)


def _read_pty(fd: int, proc: subprocess.Popen[bytes]) -> bytes:
    chunks = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                data = os.read(fd, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
        elif proc.poll() is not None:
            break
    return b"".join(chunks)


@pytest.mark.skipif(sys.platform == "win32", reason="pty")
def test_export_shows_a_progress_bar_on_a_terminal_only(
    env: dict[str, str], tmp_path: Path
) -> None:
    script = os.path.join(os.path.dirname(sys.executable), "spectrocoin")
    clean = {k: v for k, v in os.environ.items() if k not in CLI_ENV_KEYS}
    argv = [script, "exports", "download-transactions", "--format", "CSV"]
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [*argv, str(tmp_path / "tty.csv")],
        stdout=subprocess.PIPE,
        stderr=slave,
        env={**clean, **env, "TERM": "xterm", "COLUMNS": "120"},
    )
    os.close(slave)
    screen = _read_pty(master, proc).decode("utf-8", "replace")
    os.close(master)
    assert proc.wait(30) == 0
    assert "downloading" in screen and re.search(r"\d+(\.\d+)? (bytes|[kMG]B)/s", screen), screen
    assert re.search(r"\d+:\d\d:\d\d", screen)  # elapsed
    piped = spawn([*argv[1:], str(tmp_path / "pipe.csv")], env)
    assert piped.code == 0 and piped.err == ""
    expected = ok(spawn(["exports", "export-transactions", "--format", "CSV"], env)).out
    assert (tmp_path / "tty.csv").read_bytes() == (tmp_path / "pipe.csv").read_bytes() == expected
    assert (tmp_path / "pipe.csv").stat().st_mode & 0o777 == 0o600
    report = decode_json(piped.out)
    assert report["bytesWritten"] == len(expected) and report["path"] == str(tmp_path / "pipe.csv")
    assert not list(tmp_path.glob(".*.part"))


def test_readme_commands_run(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], tmp_path: Path
) -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Command line\n\n(?:<!--[^\n]*-->\n\n)?```sh\n(.*?)```", readme, re.S)
    assert block is not None
    lines = [
        line.split(" > ")[0]
        for line in block.group(1).splitlines()
        if line.startswith("spectrocoin ")
    ]
    assert len(lines) == 6
    monkeypatch.chdir(tmp_path)
    for line in lines:
        argv = line.split()[1:]
        if "--help" not in argv and "--dry-run" not in argv:
            argv.append("--dry-run")
        result = cli(monkeypatch, argv, env)
        assert result.code == 0, (line, result.err)
        assert "\ncurl -X " in result.text or "Usage: spectrocoin" in result.text


def test_help_builds_only_what_it_shows() -> None:
    code = (
        "import sys, io, contextlib\n"
        "from spectrocoin_async._cli import run\n"
        "with contextlib.redirect_stdout(io.StringIO()): run(['--help'])\n"
        "app = sys.modules['spectrocoin_async._cli._app']\n"
        "print(sorted(k for k in vars(app) if k.startswith('tag__')), "
        "'spectrocoin_async._cli._run' in sys.modules)\n"
        "with contextlib.redirect_stdout(io.StringIO()): run(['merchant', 'get-order', '--help'])\n"
        "commands = sys.modules['spectrocoin_async._cli._run']\n"
        "print(sorted(k for k in vars(app) if k.startswith('tag__')), "
        "sorted(k for k in vars(commands) if k in __import__('spectrocoin_async._generated._operations', "
        "fromlist=['x']).OPERATIONS))\n"
    )
    out = fresh_python(code)
    assert out.splitlines() == ["[] False", "['tag__merchant'] ['get_order']"]


def test_a_response_body_is_decoded_once(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str]
) -> None:
    decoded: list[bytes] = []
    real = decode_json

    def counting(data: bytes, *args: Any, **kwargs: Any) -> Any:
        decoded.append(bytes(data))
        return real(data, *args, **kwargs)

    monkeypatch.setattr("spectrocoin_async._responses.decode_json", counting)
    # Where the CLI once decoded the body a second time.
    monkeypatch.setattr("spectrocoin_async._cli._session.decode_json", counting, raising=False)
    listed = ok(cli(monkeypatch, ["accounts", "list-accounts", "-o", "json"], env))
    assert len(decoded) == 1 and decoded[0].startswith(b"[")
    assert decode_json(listed.out) == decode_json(decoded[0])
