"""The README's quickstart, as written, against the sandbox over a real socket.

The only setup is what the README tells a user to do (its "The local sandbox" section): point
``SPECTROCOIN_BASE_URL`` at the sandbox and use its credentials. The quickstart's project id is
SpectroCoin's documented example project, which the sandbox seeds.
"""

from __future__ import annotations

from typing import Any

import pytest

from spectrocoin_async.sandbox import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DOCS_PROJECT_ID
from tests.docs.test_readme import README, quickstart_source

from .support import on

pytestmark = pytest.mark.anyio
anyio_backend = on(["asyncio", "trio"])  # the README's code: httpx's pool


async def test_the_readme_quickstart_runs_unchanged_against_the_sandbox(
    sandbox_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SPECTROCOIN_BASE_URL", sandbox_url)
    monkeypatch.setenv("SPECTROCOIN_CLIENT_ID", DEFAULT_CLIENT_ID)
    monkeypatch.setenv("SPECTROCOIN_CLIENT_SECRET", DEFAULT_CLIENT_SECRET)
    source = quickstart_source()
    assert DOCS_PROJECT_ID in source
    # Everything but the last line runs as written; main() is awaited on the test's event loop.
    assert source.rstrip().endswith("anyio.run(main)")
    namespace: dict[str, Any] = {}
    exec(compile(source.rstrip().removesuffix("anyio.run(main)"), str(README), "exec"), namespace)  # noqa: S102
    await namespace["main"]()
    out = capsys.readouterr().out.splitlines()
    assert out[:3] == ["EUR 10000.00", "USD 5000.00", "BTC 0.50000000"]
    redirect = next(line for line in out if line.startswith("http"))
    assert redirect.startswith(sandbox_url + "/sandbox/pay/")
