"""The README's quickstart, run as written against respx.

Every ```python block of the README is also type-checked under ``mypy --strict`` as a user's
code sees the installed package: tests/docs/test_user_programs.py."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import respx

from tests.conftest import BASE, TOKEN_BODY, json_response

README = Path(__file__).resolve().parents[2] / "README.md"


def quickstart_source() -> str:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Quickstart", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match, "the README has a quickstart code block"
    return match.group(1)


@pytest.mark.anyio
async def test_readme_quickstart_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SPECTROCOIN_CLIENT_ID", "readme-id")
    monkeypatch.setenv("SPECTROCOIN_CLIENT_SECRET", "readme-secret")
    source = quickstart_source().replace("anyio.run(main)", "")
    namespace: dict[str, Any] = {}
    with respx.mock(base_url=BASE) as router:
        router.post("/oauth/token").respond(json=TOKEN_BODY)
        router.get("/accounts").mock(
            return_value=json_response([{"id": "1", "currencyCode": "BTC", "balance": 25.76161379}])
        )
        order = router.post("/merchants/orders/create").mock(
            return_value=json_response({"redirectUrl": "https://spectrocoin.com/pay/abc"})
        )
        router.get("/transactions").mock(
            return_value=json_response(
                {
                    "content": [{"id": "T-1", "amount": -0.5, "currencyCode": "BTC"}],
                    "number": 0,
                    "size": 20,
                    "totalElements": 1,
                    "totalPages": 1,
                    "last": True,
                }
            )
        )
        exec(compile(source, "README.md", "exec"), namespace)  # noqa: S102
        await namespace["main"]()
    assert capsys.readouterr().out.splitlines() == [
        "BTC 25.76161379",
        "https://spectrocoin.com/pay/abc",
        "T-1 -0.5",
    ]
    assert order.calls.last.request.content == (
        b'{"projectId":"f58a9032-94c8-1b36-a132-3d6c2ad81255","callbackUrl":'
        b'"https://shop.example/callback","orderId":"sc-0364","receiveAmount":10,'
        b'"receiveCurrencyCode":"USD"}'
    )
