"""Only the statuses the spec declares as success are success (issue 17, item 5).

Before: any status below 400 was success, so a 302 to a login page was parsed as data, saved as
``transactions.csv`` and reported as a ``DownloadResult``. Now a 3xx is an ``APIError`` naming
the status and the ``Location``, never followed; a 2xx the spec does not declare is an error too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
import respx

from spectrocoin_async import APIError, SpectroCoinClient
from spectrocoin_async._generated._operations import OPERATIONS
from tests.conftest import BASE, TOKEN_BODY
from tests.support.spec import operations
from tests.support.spec_calls import ExampleCall, example_calls

pytestmark = pytest.mark.anyio

CALLS = {call.operation_id: call for call in example_calls()}  # one variant per operation
LOGIN = "https://login.example.com/sso?next=%2Fapi"
HTML = b"<html><body>Please sign in</body></html>"


def test_the_table_carries_the_success_statuses_the_spec_declares() -> None:
    declared = {
        op["operationId"]: tuple(sorted(int(code) for code in op["responses"] if code[0] == "2"))
        for _, _, op in operations()
    }
    assert {op.operation_id: op.success for op in OPERATIONS.values()} == declared
    assert set(declared) == set(CALLS)


def route(router: respx.MockRouter, call: ExampleCall, response: httpx.Response) -> respx.Route:
    return router.route(method=call.method, path=call.path).mock(return_value=response)


@pytest.mark.parametrize("name", sorted(OPERATIONS))
@pytest.mark.parametrize("status", [302, 307])
async def test_a_redirect_is_an_error_naming_status_and_location_on_every_operation(
    name: str, status: int
) -> None:
    call = CALLS[OPERATIONS[name].operation_id]
    redirect = httpx.Response(
        status, content=HTML, headers={"Location": LOGIN, "Content-Type": "text/html"}
    )
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        target = route(router, call, redirect)  # first: it is the token route for one of them
        router.post("/oauth/token", name="token").respond(json=TOKEN_BODY)
        router.route(url__startswith="https://login.example.com").respond(200, content=b"{}")
        async with SpectroCoinClient("client-1", "s3cr3t-value") as sc:
            with pytest.raises(APIError) as caught:
                await call.bind(sc)()
        assert target.call_count == 1  # not retried
        sent = [str(c.request.url.path) for c in router.calls]
    error = caught.value
    assert type(error) is APIError
    assert error.status_code == status
    assert f"redirected to Location {LOGIN!r}: not followed" in str(error)
    assert error.headers["location"] == LOGIN
    # Never followed: the token request (unless public or the token call itself) and this one.
    expected = (
        [] if OPERATIONS[name].public or name == "get_access_token" else ["/api/public/oauth/token"]
    )
    assert sent == [*expected, "/api/public" + call.path.split("?")[0]]


@pytest.mark.parametrize("status", [201, 203, 204, 206])
async def test_an_undeclared_2xx_is_an_error(status: int) -> None:
    with respx.mock(base_url=BASE) as router:
        router.post("/oauth/token").respond(json=TOKEN_BODY)
        router.get("/accounts").respond(status, json=[])
        async with SpectroCoinClient("client-1", "s3cr3t-value") as sc:
            with pytest.raises(APIError) as caught:
                await sc.accounts.list_accounts()
    assert caught.value.status_code == status
    assert "not a success status for this operation (only 200 is)" in str(caught.value)


async def test_request_escape_hatch_takes_any_2xx(api: respx.MockRouter) -> None:
    api.post("/new/thing").respond(201, json={"ok": True})
    api.get("/new/moved").respond(301, headers={"Location": "/elsewhere"})
    async with SpectroCoinClient("client-1", "s3cr3t-value") as sc:
        assert await sc.request("POST", "/new/thing", json={"a": 1}) == {"ok": True}
        with pytest.raises(APIError) as caught:
            await sc.request("GET", "/new/moved")
    assert caught.value.status_code == 301
    assert "redirected to Location '/elsewhere'" in str(caught.value)


@pytest.mark.parametrize("kind", ["transactions", "orders"])
async def test_a_redirected_export_leaves_the_target_untouched(
    api: respx.MockRouter, tmp_path: Path, kind: str
) -> None:
    api.get(f"/exports/{kind}").respond(302, content=HTML, headers={"Location": LOGIN})
    target = tmp_path / f"{kind}.csv"
    target.write_bytes(b"previous export")
    async with SpectroCoinClient("client-1", "s3cr3t-value") as sc:
        namespace: Any = sc.exports
        with pytest.raises(APIError) as caught:
            await getattr(namespace, f"download_{kind}")(target)
        assert caught.value.status_code == 302
        chunks: list[bytes] = []
        with pytest.raises(APIError):
            async for chunk in getattr(namespace, f"iter_{kind}")():
                chunks.append(chunk)
    assert chunks == []
    assert folder(tmp_path) == {f"{kind}.csv": b"previous export"}


def folder(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in path.iterdir()}
