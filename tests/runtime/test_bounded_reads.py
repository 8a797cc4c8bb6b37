"""Every body the SDK reads is read in chunks, bounded by its decoded size (issue 17, item 4).

Before: httpx read and inflated a whole body before the 64 MiB check could run, so a 519 KiB
gzip body took 512 MiB of memory first; error bodies (a streamed export's included) were read
unbounded. Each test counts the bytes the client pulled from the body and the peak of Python's
allocations while it ran: both stay near the limit, not near the inflated size.
"""

from __future__ import annotations

import gzip
import tracemalloc
import zlib
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx

from spectrocoin_async import (
    AuthenticationError,
    ResponseValidationError,
    ServerError,
    SpectroCoinClient,
)
from spectrocoin_async._reading import ERROR_BODY_LIMIT, MAX_RESPONSE_BYTES
from tests.conftest import BASE
from tests.support.bombs import MIB, CountingStream, gzip_bomb

pytestmark = pytest.mark.anyio

ACCOUNTS = b'[{"id": "1", "currencyCode": "BTC", "balance": 0.5}]'


def folder(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in path.iterdir()}


def bomb_response(status: int, stream: CountingStream, encoding: str = "gzip") -> httpx.Response:
    headers = {"content-type": "application/json", "content-encoding": encoding}
    return httpx.Response(status, headers=headers, stream=stream)


async def peak_of(call: Callable[[], Awaitable[Any]]) -> tuple[BaseException, int]:
    """The exception ``call`` raised and the peak of traced allocations while it ran."""
    tracemalloc.start()
    try:
        try:
            await call()
        except Exception as exc:  # noqa: BLE001 - returned to be asserted on
            raised: BaseException = exc
        else:
            raise AssertionError("no error")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return raised, peak


async def test_a_gzip_bomb_as_json_is_refused_with_memory_near_the_limit(
    api: respx.MockRouter,
) -> None:
    bomb = gzip_bomb(512)
    assert len(bomb) < 530 * 1024
    stream = CountingStream(bomb)
    api.get("/accounts").mock(return_value=bomb_response(200, stream))
    async with SpectroCoinClient("client-1", "s3cr3t-value") as sc:
        error, peak = await peak_of(sc.accounts.list_accounts)
    assert type(error) is ResponseValidationError
    assert error.status_code == 200
    assert str(error).startswith(
        f"listAccounts: response body is larger than {MAX_RESPONSE_BYTES} bytes (decoded)"
    )
    # 64 MiB of zeros is about 1/8 of the raw body; one network chunk more at most.
    assert stream.pulled <= len(bomb) // 8 + 2 * stream.chunk
    assert stream.closed
    assert peak < MAX_RESPONSE_BYTES + 8 * MIB  # was over 512 MiB


@pytest.mark.parametrize("status", [500, 422, 302])
async def test_a_bomb_as_an_error_body_is_cut_at_the_error_limit(
    api: respx.MockRouter, status: int
) -> None:
    bomb = gzip_bomb(512)
    stream = CountingStream(bomb)
    api.get("/accounts").mock(return_value=bomb_response(status, stream))
    async with SpectroCoinClient("client-1", "s3cr3t-value", retry=None) as sc:
        error, peak = await peak_of(lambda: sc.accounts.list_accounts(max_attempts=1))
    assert getattr(error, "status_code", None) == status  # still the status's own error
    assert stream.pulled <= 2 * stream.chunk
    assert stream.closed
    assert peak < ERROR_BODY_LIMIT + 4 * MIB


async def test_a_bomb_from_the_token_endpoint_is_cut_too() -> None:
    stream = CountingStream(gzip_bomb(512))
    with respx.mock(base_url=BASE) as router:
        router.post("/oauth/token").mock(return_value=bomb_response(401, stream))
        async with SpectroCoinClient("client-1", "s3cr3t-value") as sc:
            error, peak = await peak_of(sc.accounts.list_accounts)
    assert type(error) is AuthenticationError
    assert stream.pulled <= 2 * stream.chunk
    assert peak < ERROR_BODY_LIMIT + 4 * MIB


async def test_a_bomb_as_a_streamed_exports_error_body_leaves_the_target(
    api: respx.MockRouter, tmp_path: Path
) -> None:
    stream = CountingStream(gzip_bomb(512))
    api.get("/exports/transactions").mock(return_value=bomb_response(503, stream))
    target = tmp_path / "tx.csv"
    target.write_bytes(b"previous export")
    async with SpectroCoinClient("client-1", "s3cr3t-value") as sc:
        error, peak = await peak_of(
            lambda: sc.exports.download_transactions(target, max_attempts=1)
        )
    assert type(error) is ServerError and error.status_code == 503
    assert stream.pulled <= 2 * stream.chunk
    assert peak < ERROR_BODY_LIMIT + 4 * MIB
    assert folder(tmp_path) == {"tx.csv": b"previous export"}


async def test_a_gzip_export_streams_to_disk_in_bounded_pieces(
    api: respx.MockRouter, tmp_path: Path
) -> None:
    stream = CountingStream(gzip_bomb(32))
    api.get("/exports/transactions").mock(return_value=bomb_response(200, stream))
    sizes: list[int] = []
    async with SpectroCoinClient("client-1", "s3cr3t-value") as sc:
        tracemalloc.start()
        try:
            result = await sc.exports.download_transactions(
                tmp_path / "tx.csv", on_progress=sizes.append, chunk_size=32 * 1024
            )
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert result.bytes_written == 32 * MIB == sizes[-1]
    assert len(sizes) == 32 * 32  # exactly chunk_size each
    assert peak < 8 * MIB  # a 1 MiB write batch and a few pieces, never the whole body
    assert stream.pulled == len(stream.data)


@pytest.mark.parametrize(
    ("encoding", "body"),
    [
        ("gzip", gzip.compress(ACCOUNTS)),
        ("x-gzip", gzip.compress(ACCOUNTS)),
        ("deflate", zlib.compress(ACCOUNTS)),  # zlib-wrapped, as RFC 9110 says
        ("deflate", zlib.compress(ACCOUNTS, wbits=-zlib.MAX_WBITS)),  # raw, as often sent
        ("identity", ACCOUNTS),
    ],
)
async def test_compressed_json_is_read(api: respx.MockRouter, encoding: str, body: bytes) -> None:
    stream = CountingStream(body, chunk=7)  # pieces that split the header and the trailer
    api.get("/accounts").mock(return_value=bomb_response(200, stream, encoding))
    async with SpectroCoinClient("client-1", "s3cr3t-value") as sc:
        accounts = await sc.accounts.list_accounts()
    assert [a.currency_code for a in accounts] == ["BTC"]


@pytest.mark.parametrize("encoding", ["br", "zstd", "gzip, gzip", "compress"])
async def test_an_encoding_not_asked_for_is_refused_by_name(
    api: respx.MockRouter, encoding: str
) -> None:
    api.get("/accounts").mock(
        return_value=bomb_response(200, CountingStream(b"\x00" * 10), encoding)
    )
    async with SpectroCoinClient("client-1", "s3cr3t-value") as sc:
        with pytest.raises(ResponseValidationError) as caught:
            await sc.accounts.list_accounts()
    assert f"Content-Encoding {encoding!r} was not asked for (only gzip, deflate)" in str(
        caught.value
    )


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        # A deflate block of the reserved type 3.
        (gzip.compress(ACCOUNTS)[:10] + b"\x07" + b"\x00" * 20, "compressed body does not inflate"),
        (gzip.compress(ACCOUNTS)[:-9], "compressed body ended before its end of stream"),
        (b"", "compressed body is empty"),
    ],
    ids=["corrupt", "truncated", "empty"],
)
async def test_broken_gzip_is_a_response_validation_error(
    api: respx.MockRouter, body: bytes, reason: str
) -> None:
    api.get("/accounts").mock(return_value=bomb_response(200, CountingStream(body)))
    async with SpectroCoinClient("client-1", "s3cr3t-value") as sc:
        with pytest.raises(ResponseValidationError) as caught:
            await sc.accounts.list_accounts()
    assert f"listAccounts: {reason}" in str(caught.value)


async def test_requests_ask_only_for_encodings_read_with_a_bound(api: respx.MockRouter) -> None:
    route = api.get("/accounts").respond(200, content=ACCOUNTS)
    async with SpectroCoinClient("client-1", "s3cr3t-value") as sc:
        await sc.accounts.list_accounts()
    async with (
        httpx.AsyncClient() as own,
        SpectroCoinClient("client-1", "s3cr3t-value", http_client=own) as sc,
    ):
        await sc.accounts.list_accounts()
    assert [c.request.headers["accept-encoding"] for c in route.calls] == ["gzip, deflate"] * 2
