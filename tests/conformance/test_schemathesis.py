"""Schemathesis (a tool nobody here wrote) against the sandbox, with openapi.yaml.

It generates requests from the spec (its examples, boundary and negative cases of every
parameter and body, then random valid ones) and checks the sandbox's answers: a schema-violating
request is refused, a schema-valid one is accepted unless the spec declares the refusal (see
tests/conformance/schemathesis_hooks.py), statuses, content types, bodies and headers are the ones declared,
an undeclared method gets 405, and ``Allow`` lists exactly the path's methods.

Bounded for ``make test``: a fixed seed, a fixed number of cases per operation, no example
database, so that two runs send the same requests. The stateful phase follows the spec's OpenAPI
links, so that ids flow from a create to its get, accept and cancel. ``make conformance`` runs it
all with a larger budget (``SPECTROCOIN_SCHEMATHESIS_MAX_EXAMPLES``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from spectrocoin_async.sandbox import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    SandboxConfig,
    SandboxServer,
)

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "build" / "schemathesis"
SEED = 20261128
# Bounded for `make test`; `make conformance` runs the same checks with a larger budget.
MAX_EXAMPLES = int(os.environ.get("SPECTROCOIN_SCHEMATHESIS_MAX_EXAMPLES", "25"))
# The stateful phase follows the spec's links, so ids flow from create to get, accept, cancel.
PHASES = os.environ.get("SPECTROCOIN_SCHEMATHESIS_PHASES", "examples,coverage,fuzzing,stateful")


@pytest.fixture(scope="module")
def sandbox_url() -> Iterator[str]:
    with SandboxServer(SandboxConfig(seed=7)) as server:
        yield server.url


def _token(url: str) -> str:
    answer = httpx.post(
        url + "/oauth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": DEFAULT_CLIENT_ID,
            "client_secret": DEFAULT_CLIENT_SECRET,
        },
    )
    answer.raise_for_status()
    return str(answer.json()["access_token"])


def _schemathesis(
    url: str, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    command = [
        str(Path(sys.executable).parent / "schemathesis"),
        "run",
        str(ROOT / "openapi.yaml"),
        "--url",
        url,
        "--header",
        f"Authorization: Bearer {_token(url)}",
        "--checks",
        "all",
        # Replaced by declared_refusals_only (tests/conformance/schemathesis_hooks.py), which is stricter.
        "--exclude-checks",
        "positive_data_acceptance",
        "--phases",
        PHASES,
        "--seed",
        str(SEED),
        "--max-examples",
        str(MAX_EXAMPLES),
        "--generation-database",
        "none",
        "--workers",
        "2",
        "--no-color",
        *args,
    ]
    OUT.mkdir(parents=True, exist_ok=True)
    return subprocess.run(
        command,
        cwd=OUT,  # Schemathesis keeps a cache folder in its working directory
        env={
            **os.environ,
            "SCHEMATHESIS_HOOKS": "tests.conformance.schemathesis_hooks",
            "PYTHONPATH": str(ROOT),
            **(env or {}),
        },
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_the_sandbox_follows_the_spec(sandbox_url: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    report = OUT / "report.json"
    report.unlink(missing_ok=True)
    run = _schemathesis(sandbox_url, "--report", "json", "--report-json-path", str(report))
    (OUT / "output.txt").write_text(run.stdout + run.stderr, encoding="utf-8")
    summary = run.stdout[run.stdout.find("SUMMARY") :]
    assert run.returncode == 0, run.stdout[-12000:] + run.stderr[-3000:]
    # It really ran, over every operation of the spec, with no failure or error.
    assert "Tested: 44" in summary, summary
    # The stateful phase ran: it follows the spec's links (create -> get, accept, cancel).
    if "stateful" in PHASES:
        assert "✅ Stateful" in summary, summary
        assert "API Links:" in run.stdout
    result = json.loads(report.read_text())
    assert result["failures"] in ([], {}, 0, None), result["failures"]
    assert result["errors"] in ([], {}, 0, None), result["errors"]


def test_the_business_rule_check_is_live(sandbox_url: str) -> None:
    """Negative control: with no rule declared, the sandbox's business refusals fail the run.

    Proves the hook is loaded and that the pass above is not vacuous.
    """
    run = _schemathesis(
        sandbox_url,
        "--include-operation-id",
        "calculateExchange",
        env={"SPECTROCOIN_IGNORE_BUSINESS_RULES": "1"},
    )
    assert run.returncode != 0
    assert "which is not a business rule declared under x-business-rules" in run.stdout
