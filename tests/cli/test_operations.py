"""Every operation of openapi.yaml as a ``spectrocoin`` command, against the sandbox over TCP.

The list of operations and their arguments come from the spec (its examples): a new operation
is tested as soon as it is added. Each command runs in-process (fast) on a freshly reset
sandbox, alternately on asyncio and trio; then the same request, built here from the spec with
plain httpx, runs on the sandbox reset again. The command must end as the plain request did:
exit status 0 and the same body (JSON with every digit, or the same file bytes), or exit status
1 with the server's error code and trace id on stderr.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest

from spectrocoin_async._cli._output import json_text
from spectrocoin_async._encoding import encode_json
from spectrocoin_async._json import decode_json
from spectrocoin_async.sandbox import SandboxConfig, SandboxServer
from tests.support.cli import cli
from tests.support.spec import operations, resolve

OPS = operations()
SECRET = "cli-ops-secret-7f3a"
# Values the sandbox makes up on each call (times, rates that move): compared by presence only.
VOLATILE = re.compile(r"(At|timestamp|Timestamp|validUntil|rate|Rate)$")


def kebab(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(SandboxConfig(seed=13, client_secret=SECRET)) as server:
        yield server


def _reset(url: str) -> None:
    httpx.post(url + "/sandbox/reset", timeout=10).raise_for_status()


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _argv_and_request(
    path: str, method: str, op: dict[str, Any]
) -> tuple[list[str], dict[str, Any]]:
    """The command line, and the same request for plain httpx, from the spec's examples."""
    argv = [op["tags"][0].replace("_", "-"), kebab(op["operationId"])]
    url_path, query = path, []
    for param in map(resolve, op.get("parameters", [])):
        if "example" not in param:
            continue
        value = _text(param["example"])
        if param["in"] == "path":
            argv.append(value)
            url_path = url_path.replace("{" + param["name"] + "}", value)
        else:
            argv += ["--" + kebab(param["name"]), value]
            query.append((param["name"], value))
    request: dict[str, Any] = {"method": method.upper(), "path": url_path, "params": query}
    if "requestBody" in op:
        ((content_type, media),) = resolve(op["requestBody"])["content"].items()
        example = media["example"]
        argv += ["--body", json_text(example)]
        if content_type == "application/json":
            request["content"] = encode_json(example)
        else:
            request["content"] = urlencode({k: _text(v) for k, v in example.items()}).encode()
        request["headers"] = {"Content-Type": content_type}
    return argv, request


def _plain(url: str, request: dict[str, Any], public: bool) -> httpx.Response:
    with httpx.Client(base_url=url, timeout=30) as http:
        headers = dict(request.get("headers", {}))
        if not public:
            token = http.post(
                "/oauth/token",
                data={
                    "grant_type": "client_credentials",
                    "client_id": "sandbox-client",
                    "client_secret": SECRET,
                },
            ).json()["access_token"]
            headers["Authorization"] = f"Bearer {token}"
        return http.request(
            request["method"],
            request["path"],
            params=request["params"],
            content=request.get("content"),
            headers=headers,
        )


# Amounts a live rate gives: the sandbox's rates move once a second of wall time, so the CLI's
# request and the plain one, a CLI start-up apart on a busy machine, may see different rates.
RATE_DERIVED = {"calculateExchange": re.compile(r"^(pay|receive)Amount$")}


def _masked(value: Any, volatile: re.Pattern[str] = VOLATILE) -> Any:
    if isinstance(value, dict):
        return {
            k: ("<volatile>" if volatile.search(k) and v is not None else _masked(v, volatile))
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_masked(v, volatile) for v in value]
    return value


def _redacted(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            k: "<redacted>" if k in ("access_token", "client_secret") else _redacted(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_redacted(v) for v in value]
    return value


@pytest.mark.parametrize(
    ("index", "path", "method", "op"),
    [(i, *o) for i, o in enumerate(OPS)],
    ids=[o["operationId"] for *_, o in OPS],
)
def test_every_operation(
    monkeypatch: pytest.MonkeyPatch,
    sandbox: SandboxServer,
    index: int,
    path: str,
    method: str,
    op: dict[str, Any],
) -> None:
    url = sandbox.url
    argv, request = _argv_and_request(path, method, op)
    if op["operationId"] == "getAccessToken":  # the spec's example secret is not the sandbox's
        argv = argv[:2] + ["--body", json.dumps({"grant_type": "client_credentials"})]
        request["content"] = urlencode(
            {
                "client_id": "sandbox-client",
                "client_secret": SECRET,
                "grant_type": "client_credentials",
            }
        ).encode()
    backend = ("asyncio", "trio")[index % 2]
    env = {
        "SPECTROCOIN_BASE_URL": url,
        "SPECTROCOIN_CLIENT_ID": "sandbox-client",
        "SPECTROCOIN_CLIENT_SECRET": SECRET,
    }
    _reset(url)
    result = cli(monkeypatch, [*argv, "--backend", backend, "--output", "json"], env)
    _reset(url)
    public = op.get("security") == []
    expected = _plain(url, request, public)

    assert SECRET not in result.text and SECRET not in result.err
    if expected.status_code >= 400:
        body = expected.json()
        assert result.code == 1, result.err
        assert f"the API answered HTTP {expected.status_code} " in result.err
        assert f"  error_code: {body['errorCode'].split(' - ')[0]}\n" in result.err
        # Each request has its own trace id: the CLI shows the one of its own request.
        assert re.search(r"\n  trace id:   [0-9a-f]{8,}\n", result.err) and result.out == b""
        return
    assert result.code == 0, result.err
    content_type = expected.headers["content-type"]
    if not content_type.startswith("application/json"):
        assert result.out == expected.content  # a file: the same bytes
        return
    got = decode_json(result.out)
    derived = RATE_DERIVED.get(op["operationId"])
    if derived is not None:
        both = re.compile(f"{VOLATILE.pattern}|{derived.pattern}")
        assert _masked(got, both) == _masked(_redacted(decode_json(expected.content)), both)
        return
    assert _masked(got) == _masked(_redacted(decode_json(expected.content)))
    # Money keeps every digit: the printed text has each amount exactly as the server sent it.
    for amount in re.findall(
        rb'"(?:amount|balance|payAmount|receiveAmount)":(-?[0-9.]+)', expected.content
    ):
        assert amount in result.out
