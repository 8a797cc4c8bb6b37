"""Every operation of openapi.yaml, through the SDK, against Stoplight Prism.

Prism (``@stoplight/prism-cli``, pinned in tests/node/package.json, installed by ``make
node-tools`` into build/node) is a mock server nobody here wrote. It validates each request
against the spec (parameters, body, security, and ``Accept`` against the content types the
operation produces: a wrong ``Accept`` gets 406) and answers from the spec. Static mode answers
with the spec's examples; dynamic mode (``-d``, a fixed seed) generates random responses from the
schemas, for several rounds. ``--errors`` turns a response that breaks its own schema into an
error too. One Prism process per mode serves the whole session.

Where Node.js is missing these tests are skipped with a reason naming them (``make test`` runs
pytest with ``-rs``, so the skip is printed); they never pass silently.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from spectrocoin_async import File, SpectroCoinClient
from tests.support.spec import SPEC_PATH, resolve
from tests.support.spec_calls import ExampleCall, example_calls, model

ROOT = Path(__file__).resolve().parents[2]
NODE_DIR = ROOT / "build" / "node"
PRISM = NODE_DIR / "node_modules" / ".bin" / "prism"
DYNAMIC_ROUNDS = 5
SEED = "spectrocoin-async"
CALLS = example_calls()

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"  # Prism is the subject here; the SDK's trio path is covered elsewhere


def _prism_binary() -> Path:
    if not PRISM.exists():
        if shutil.which("npm") is None:
            pytest.skip(
                "SKIPPED the Prism conformance run (tests/conformance/test_prism.py, "
                f"{len(CALLS)} calls in static and dynamic mode): Node.js/npm not found"
            )
        subprocess.run(["make", "node-tools"], cwd=ROOT, check=True)
    return PRISM


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class Prism:
    def __init__(self, *flags: str, upstream: str | None = None) -> None:
        self.port = _free_port()
        name = "proxy" if upstream else "dynamic" if flags else "static"
        self.log = NODE_DIR / f"prism-{name}.log"
        # Proxy mode: Prism forwards to the upstream and validates the request and its answer.
        mode = ["proxy", str(SPEC_PATH), upstream] if upstream else ["mock", str(SPEC_PATH)]
        self.process = subprocess.Popen(
            [
                str(_prism_binary()),
                *mode,
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--errors",
                *flags,
            ],
            stdout=self.log.open("wb"),
            stderr=subprocess.STDOUT,
            cwd=NODE_DIR,
            env={**os.environ, "NO_COLOR": "1"},
        )
        deadline = time.monotonic() + 60
        while b"Prism is listening" not in self.log.read_bytes():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.close()
                raise RuntimeError("Prism did not start:\n" + self.log.read_text()[-3000:])
            time.sleep(0.1)
        self.url = f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def requests(self) -> int:
        """How many requests Prism has received so far."""
        return self.log.read_text(errors="replace").count("Request received")

    def violations(self) -> list[str]:
        """Prism's own log lines about a request or response that broke the spec."""
        text = re.sub(r"\x1b\[[0-9;]*m", "", self.log.read_text(errors="replace"))
        # NOT_ACCEPTABLE comes from test_prism_really_negotiates (on purpose); an SDK call that
        # met it would have failed its own test with a 406. [CALLBACK] lines are Prism playing
        # SpectroCoin: it POSTs the spec's order callbacks to the examples' callbackUrl, which
        # does not exist offline (see test_prism_sends_the_spec_callbacks).
        return [
            line
            for line in text.splitlines()
            if ("✖" in line or "Violation" in line)
            and "NOT_ACCEPTABLE" not in line
            and "[CALLBACK]" not in line
        ]


@pytest.fixture(scope="session")
def prism_static() -> Iterator[Prism]:
    prism = Prism()
    yield prism
    prism.close()


@pytest.fixture(scope="session")
def prism_dynamic() -> Iterator[Prism]:
    prism = Prism("--dynamic", "--seed", SEED)
    yield prism
    prism.close()


@pytest.fixture(scope="module")
def prism_proxy() -> Iterator[Prism]:
    """Prism in front of the sandbox: the SDK's requests and the sandbox's answers both checked."""
    from spectrocoin_async.sandbox import SandboxConfig, SandboxServer

    with SandboxServer(SandboxConfig(seed=7)) as sandbox:
        prism = Prism(upstream=sandbox.url)
        yield prism
        prism.close()


def _client(url: str) -> SpectroCoinClient:
    return SpectroCoinClient("client-1", "s3cr3t-value", base_url=url)


def _check_result(call: ExampleCall, result: Any) -> None:
    content = resolve(call.op["responses"]["200"])["content"]
    if "application/json" not in content:
        assert isinstance(result, File)
        return
    schema = content["application/json"]["schema"]
    if schema.get("type") == "array":
        assert isinstance(result, list)
        assert all(isinstance(item, model(schema["items"])) for item in result)
    else:
        assert isinstance(result, model(schema))


def test_the_calls_cover_every_operation_of_the_spec() -> None:
    from tests.support.spec import operations

    assert {c.operation_id for c in CALLS} == {op["operationId"] for *_, op in operations()}
    assert len({c.operation_id for c in CALLS}) == 44
    # The export operations run once per format their `format` parameter can choose.
    assert sorted(c.id for c in CALLS if c.media) == [
        "exportOrders[application/pdf]",
        "exportOrders[text/csv]",
        "exportTransactions[application/pdf]",
        "exportTransactions[text/csv]",
    ]


@pytest.mark.parametrize("call", CALLS, ids=[c.id for c in CALLS])
async def test_static_mode(prism_static: Prism, call: ExampleCall) -> None:
    async with _client(prism_static.url) as sc:
        result = await call.bind(sc)()
    _check_result(call, result)
    if call.media == "text/csv":
        example = resolve(call.op["responses"]["200"])["content"]["text/csv"]["example"]
        assert result.payload.read() == example.encode()


@pytest.mark.parametrize("call", CALLS, ids=[c.id for c in CALLS])
async def test_dynamic_mode(prism_dynamic: Prism, call: ExampleCall) -> None:
    async with _client(prism_dynamic.url) as sc:
        for _ in range(DYNAMIC_ROUNDS):
            _check_result(call, await call.bind(sc)())


@pytest.mark.parametrize("media", ["CSV", "PDF"])
@pytest.mark.parametrize("name", ["transactions", "orders"])
async def test_streamed_exports_negotiate_too(prism_static: Prism, name: str, media: str) -> None:
    """The streaming helpers send the same Accept header as the buffered operations."""
    async with _client(prism_static.url) as sc:
        chunks = [c async for c in getattr(sc.exports, f"iter_{name}")(format=media)]
    assert b"".join(chunks)


def test_prism_saw_no_violation(prism_static: Prism, prism_dynamic: Prism) -> None:
    """Runs after the calls above (file order): Prism logged no request or response violation."""
    # The calls really ran first: an empty log would have no violation either.
    assert prism_static.requests() >= len(CALLS), "run the whole file: the calls come first"
    assert prism_dynamic.requests() >= len(CALLS) * DYNAMIC_ROUNDS
    assert prism_static.violations() == []
    assert prism_dynamic.violations() == []


def test_prism_sends_the_spec_callbacks(prism_static: Prism) -> None:
    """Prism reads openapi.yaml's order callbacks and tries to deliver them (issue 10)."""
    text = prism_static.log.read_text(errors="replace")
    assert 'Executing "post" callback to https://example-web-page.com/callback' in text


@pytest.mark.parametrize(
    ("accept", "status"),
    [("application/json", 406), ("text/csv, application/json", 200)],
)
def test_prism_really_negotiates(prism_static: Prism, accept: str, status: int) -> None:
    """Negative control: the Accept the SDK used to send for exports is refused by Prism."""
    answer = httpx.get(
        prism_static.url + "/exports/transactions?format=CSV",
        headers={"Accept": accept, "Authorization": "Bearer x"},
    )
    assert answer.status_code == status


async def test_proxy_mode_in_front_of_the_sandbox(prism_proxy: Prism) -> None:
    """Every example call of the spec, through ``prism proxy`` to the sandbox (issue 18).

    Prism validates each request against the spec and each of the sandbox's answers against the
    response the spec declares for its status; ``--errors`` makes a violation an error. Calls
    whose example ids the sandbox does not hold end in a declared error status (a 404 is an
    answer Prism checks too); the rest succeed.
    """
    from spectrocoin_async import APIError
    from spectrocoin_async.sandbox import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET

    succeeded: list[str] = []
    refused: dict[str, int] = {}
    async with SpectroCoinClient(
        DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, base_url=prism_proxy.url
    ) as sc:
        for call in CALLS:
            try:
                result = await call.bind(sc)()
            except APIError as exc:
                refused[call.id] = exc.status_code
                continue
            _check_result(call, result)
            succeeded.append(call.id)
    assert prism_proxy.violations() == []
    assert prism_proxy.requests() >= len(CALLS)
    # Every refusal is a declared answer about ids or business rules, never about the schema;
    # the token example's credentials are placeholders, which the sandbox refuses.
    assert refused.pop("getAccessToken", None) == 401
    # The rest name ids of the spec's examples, which a fresh sandbox does not hold: a 404, which
    # Prism checked against the declared NotFound answer.
    assert refused == dict.fromkeys(
        [
            "acceptOrder",
            "cancelOrder",
            "createOrderFromPreOrder",
            "getAccount",
            "getBankWithdrawal",
            "getCryptoWithdrawal",
            "getExchange",
            "getGiftCardPurchase",
            "getOrder",
            "getPreOrder",
            "getTransaction",
        ],
        404,
    )
    assert len(succeeded) == len(CALLS) - 12
