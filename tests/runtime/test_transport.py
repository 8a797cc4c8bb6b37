"""``http="aiohttp"``: the switch, its refusals, the error mapping the retry rules rely on, and
the fall-back on trio. Over real sockets, the whole integration suite runs on it as well."""

from __future__ import annotations

import sys
from typing import Any

import aiohttp
import httpx
import httpx_aiohttp
import pytest
import respx
import yarl
from multidict import CIMultiDict, CIMultiDictProxy

from spectrocoin_async import (
    MissingExtraError,
    SpectroCoinClient,
    TransportFallbackWarning,
    ValidationError,
)
from spectrocoin_async._pipeline import _NOT_SENT
from spectrocoin_async._transport import (
    AiohttpTransport,
    _httpx_error,
    _remapped,
)
from tests.conftest import BASE, TOKEN_BODY

INFO = aiohttp.RequestInfo(yarl.URL(BASE), "POST", CIMultiDictProxy(CIMultiDict()), yarl.URL(BASE))
REQUEST = httpx.Request("POST", BASE + "/exchanges")
KEY: Any = aiohttp.client_reqrep.ConnectionKey("spectrocoin.com", 443, True, True, None, None, None)


@pytest.mark.parametrize(
    ("error", "expected", "never_sent"),
    [
        (
            aiohttp.ClientConnectorError(KEY, ConnectionRefusedError(111, "refused")),
            "ConnectError",
            True,
        ),
        (
            aiohttp.ClientConnectorDNSError(KEY, OSError(-2, "Name or service not known")),
            "ConnectError",
            True,
        ),
        (
            aiohttp.ClientConnectorCertificateError(KEY, ValueError("bad cert")),
            "ConnectError",
            True,
        ),
        (aiohttp.ConnectionTimeoutError("connect"), "ConnectTimeout", True),
        (aiohttp.SocketTimeoutError("read"), "ReadTimeout", False),
        (aiohttp.ServerTimeoutError("read"), "ReadTimeout", False),
        # httpx-aiohttp 0.2 maps these three to ConnectTimeout, i.e. "never sent": a payment
        # the server did receive would be sent again.
        (aiohttp.ServerDisconnectedError(), "RemoteProtocolError", False),
        (aiohttp.ClientOSError(104, "Connection reset by peer"), "ReadError", False),
        (aiohttp.ClientConnectionResetError("reset"), "ReadError", False),
        (aiohttp.ClientPayloadError("Response payload is not completed"), "ReadError", False),
        (
            aiohttp.ClientResponseError(INFO, (), message="bad status line"),
            "RemoteProtocolError",
            False,
        ),
        (aiohttp.InvalidURL("nope"), "UnsupportedProtocol", False),
    ],
    ids=lambda value: type(value).__name__ if isinstance(value, Exception) else str(value),
)
def test_each_aiohttp_error_becomes_the_httpx_error_of_the_same_meaning(
    error: aiohttp.ClientError, expected: str, never_sent: bool
) -> None:
    mapped = _httpx_error(error)
    assert mapped.__name__ == expected
    assert issubclass(mapped, _NOT_SENT) is never_sent
    # As httpx-aiohttp hands it over (its own guess, the aiohttp error as the cause) and raw.
    wrapped = httpx.ConnectTimeout(str(error))
    wrapped.__cause__ = error
    for raised in (wrapped, error):
        result = _remapped(raised, REQUEST)
        assert type(result) is mapped
        assert result.__cause__ is error
        assert result.request is REQUEST


def test_errors_of_other_origins_are_left_alone() -> None:
    assert _remapped(httpx.ReadError("x"), REQUEST) is None
    assert _remapped(RuntimeError("x"), REQUEST) is None


def test_http_takes_httpx_or_aiohttp() -> None:
    with pytest.raises(ValidationError) as caught:
        SpectroCoinClient(http="curl")  # type: ignore[arg-type]
    assert str(caught.value) == "http: must be 'httpx' or 'aiohttp', got 'curl'"


def test_aiohttp_brings_its_own_transport() -> None:
    with pytest.raises(ValidationError) as caught:
        SpectroCoinClient(
            http="aiohttp", transport=httpx.MockTransport(lambda r: httpx.Response(200))
        )
    assert caught.value.field == "transport"
    with pytest.raises(ValidationError) as given:
        SpectroCoinClient(http="aiohttp", http_client=httpx.AsyncClient())
    assert given.value.field == "http"


def test_without_the_extra_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "httpx_aiohttp", None)
    with pytest.raises(MissingExtraError) as caught:
        SpectroCoinClient(http="aiohttp")
    assert str(caught.value).startswith("http='aiohttp' needs the aiohttp extra")
    assert "pip install 'spectrocoin-async[aiohttp]'" in str(caught.value)
    assert "httpx_aiohttp is not installed" in str(caught.value)


def test_the_pool_size_and_limits_go_to_aiohttp() -> None:
    sc = SpectroCoinClient(http="aiohttp", max_connections=7)
    transport = sc._http._transport
    assert isinstance(transport, AiohttpTransport)
    assert transport._limits.max_connections == 7


@pytest.mark.anyio
async def test_on_trio_it_warns_and_uses_httpx(anyio_backend: str) -> None:
    with respx.mock(base_url=BASE, assert_all_called=False) as api:
        api.post("/oauth/token").respond(json=TOKEN_BODY)
        currencies = api.get("/currencies").respond(json=[])
        async with SpectroCoinClient("client-1", "s3cr3t-value", http="aiohttp") as sc:
            transport = sc._http._transport
            assert isinstance(transport, AiohttpTransport)
            if anyio_backend == "trio":
                with pytest.warns(TransportFallbackWarning, match="asyncio only"):
                    await sc.currencies.list_currencies()
                assert transport.on_aiohttp is False
                assert isinstance(transport._inner, httpx.AsyncHTTPTransport)
                assert currencies.call_count == 1  # through httpx's transport, which respx sees
            else:
                # aiohttp's pool, which respx cannot see: only the choice is checked here (the
                # integration suite sends requests through it).
                assert isinstance(transport._choose(), httpx_aiohttp.AiohttpTransport)
                assert transport.on_aiohttp is True
