"""Downloads on filesystems that refuse a directory fsync (issue 17, item 6) and through a
user's plain ``httpx.MockTransport`` (item 7)."""

from __future__ import annotations

import errno
import gzip
import logging
import os
import stat
from pathlib import Path

import httpx
import pytest
import respx

from spectrocoin_async import SpectroCoinClient
from spectrocoin_async._errors import APIConnectionError
from tests.conftest import TOKEN_BODY
from tests.support.bombs import CountingStream

pytestmark = pytest.mark.anyio

CSV = b"id,amount\n" + b"".join(b"%d,1.00000000\n" % i for i in range(5000))


def folder(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in path.iterdir()}


@pytest.mark.parametrize("code", [errno.EINVAL, errno.ENOTSUP, errno.EIO])
async def test_a_refused_directory_fsync_after_the_rename_is_logged_not_raised(
    api: respx.MockRouter,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    code: int,
) -> None:
    if os.name != "posix":
        pytest.skip("directories are fsynced on POSIX only")
    api.get("/exports/transactions").respond(200, content=CSV, headers={"content-type": "text/csv"})
    real_fsync = os.fsync
    refused: list[int] = []

    def fsync(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            refused.append(fd)
            raise OSError(code, os.strerror(code))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    target = tmp_path / "tx.csv"
    target.write_bytes(b"previous export")
    caplog.set_level(logging.INFO, logger="spectrocoin_async")
    async with SpectroCoinClient("client-1", "s3cr3t-value") as sc:
        result = await sc.exports.download_transactions(target)
    assert len(refused) == 1
    assert result.path == target and result.bytes_written == len(CSV)
    assert folder(tmp_path) == {"tx.csv": CSV}  # in place, and nothing else left
    (record,) = [r for r in caplog.records if "fsync of its directory" in r.getMessage()]
    assert record.levelno == (logging.WARNING if code == errno.EIO else logging.INFO)
    assert str(target) in record.getMessage()
    assert os.strerror(code) in record.getMessage()


def plain_mock_transport(body: bytes, **headers: str) -> httpx.MockTransport:
    """What users write in their own tests: no respx, a pre-read ``Response(content=...)``."""

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth/token"):
            return httpx.Response(200, json=TOKEN_BODY)
        return httpx.Response(200, content=body, headers={"content-type": "text/csv", **headers})

    return httpx.MockTransport(handler)


async def test_a_download_through_a_plain_mock_transport_works(tmp_path: Path) -> None:
    transport = plain_mock_transport(CSV)
    async with SpectroCoinClient("client-1", "s3cr3t-value", transport=transport) as sc:
        result = await sc.exports.download_transactions(tmp_path / "tx.csv")
        chunks = [chunk async for chunk in sc.exports.iter_orders(chunk_size=1000)]
    assert result.bytes_written == len(CSV)
    assert folder(tmp_path) == {"tx.csv": CSV}
    assert b"".join(chunks) == CSV and {len(c) for c in chunks[:-1]} == {1000}


async def test_a_gzip_download_through_a_plain_mock_transport_counts_wire_bytes(
    tmp_path: Path,
) -> None:
    # Content-Length is of the compressed bytes: the count the SDK keeps is of those too.
    transport = plain_mock_transport(gzip.compress(CSV), **{"content-encoding": "gzip"})
    async with SpectroCoinClient("client-1", "s3cr3t-value", transport=transport) as sc:
        result = await sc.exports.download_transactions(tmp_path / "tx.csv")
    assert result.bytes_written == len(CSV)
    assert folder(tmp_path) == {"tx.csv": CSV}


async def test_a_short_body_is_still_caught_by_the_sdks_own_count(
    api: respx.MockRouter, tmp_path: Path
) -> None:
    # A transport that does not check Content-Length itself: the SDK's count does.
    stream = CountingStream(CSV[:1000])
    api.get("/exports/transactions").mock(
        return_value=httpx.Response(
            200,
            headers={"content-type": "text/csv", "content-length": str(len(CSV))},
            stream=stream,
        )
    )
    async with SpectroCoinClient("client-1", "s3cr3t-value") as sc:
        with pytest.raises(APIConnectionError) as caught:
            await sc.exports.download_transactions(tmp_path / "tx.csv")
    assert f"body ended after 1000 of {len(CSV)} declared bytes" in str(caught.value)
    assert folder(tmp_path) == {}
