"""Streaming exports: download to a file (atomic, no partial files) and the byte iterators."""

from __future__ import annotations

import hashlib
import os
import stat
import tracemalloc
from collections.abc import AsyncIterator, Callable
from contextlib import aclosing
from datetime import date
from pathlib import Path

import anyio
import anyio.abc
import httpx
import pytest
import respx

from spectrocoin_async import ExportFormat, SpectroCoinClient
from spectrocoin_async._errors import (
    APIConnectionError,
    APITimeoutError,
    NotFoundError,
    ServerError,
    ValidationError,
)
from spectrocoin_async._exports import DownloadResult, ExportsNamespace

pytestmark = pytest.mark.anyio

MB = 1024 * 1024


class Body(httpx.AsyncByteStream):
    """A response body produced chunk by chunk, optionally failing or stalling part-way."""

    def __init__(
        self,
        chunks: Callable[[], AsyncIterator[bytes]],
    ) -> None:
        self._chunks = chunks
        self.sent = 0
        self.closed = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._chunks():
            self.sent += len(chunk)
            yield chunk

    async def aclose(self) -> None:
        self.closed = True


def pseudo_random(total: int, piece: int = 7919) -> Callable[[], AsyncIterator[bytes]]:
    """``total`` deterministic bytes in odd-sized pieces, generated lazily."""

    async def chunks() -> AsyncIterator[bytes]:
        counter = 0
        left = total
        block = b""
        while left > 0:
            while len(block) < piece:
                block += hashlib.sha512(counter.to_bytes(8, "big")).digest()
                counter += 1
            out, block = block[: min(piece, left)], block[min(piece, left) :]
            left -= len(out)
            yield out

    return chunks


async def expected_digest(total: int) -> str:
    digest = hashlib.sha256()
    async for chunk in pseudo_random(total)():
        digest.update(chunk)
    return digest.hexdigest()


def failing_after(good: list[bytes], exc: Exception) -> Callable[[], AsyncIterator[bytes]]:
    async def chunks() -> AsyncIterator[bytes]:
        for chunk in good:
            yield chunk
        raise exc

    return chunks


def streamed(body: Body, content_type: str = "text/csv", **headers: str) -> httpx.Response:
    return httpx.Response(200, headers={"content-type": content_type, **headers}, stream=body)


@pytest.fixture
def exports(sc: SpectroCoinClient) -> ExportsNamespace:
    return ExportsNamespace(sc._pipeline)


def leftovers(directory: Path) -> list[str]:
    return sorted(os.listdir(directory))


# -- download to a file --------------------------------------------------------------------------


async def test_large_body_arrives_whole_and_file_appears_only_after_success(
    api: respx.MockRouter, exports: ExportsNamespace, tmp_path: Path
) -> None:
    total = 20 * MB
    body = Body(pseudo_random(total))
    route = api.get("/exports/transactions").mock(return_value=streamed(body))
    target = tmp_path / "tx.csv"
    seen_during: list[tuple[bool, list[str]]] = []

    def progress(count: int) -> None:
        if len(seen_during) < 3:
            seen_during.append((target.exists(), leftovers(tmp_path)))

    tracemalloc.start()
    try:
        result = await exports.download_transactions(
            target, date_from=date(2024, 1, 1), account_id="acc-1", on_progress=progress
        )
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert result == DownloadResult(path=target, bytes_written=total, content_type="text/csv")
    digest = hashlib.sha256()
    with target.open("rb") as fh:
        while block := fh.read(MB):
            digest.update(block)
    assert digest.hexdigest() == await expected_digest(total)
    assert target.stat().st_size == total
    assert leftovers(tmp_path) == ["tx.csv"]  # the temporary file was renamed, not copied
    # While the body was streaming: no final file yet, only a temporary one beside it.
    for exists, names in seen_during:
        assert exists is False
        assert len(names) == 1
        assert names[0].startswith(".tx.csv.") and names[0].endswith(".part")
    # Streamed, never held whole: the peak is a small fraction of the 20 MB body.
    assert peak < 4 * MB, peak
    assert body.closed
    request = route.calls.last.request
    assert request.url.params["format"] == "CSV"
    assert request.url.params["dateFrom"] == "2024-01-01"
    assert request.url.params["accountId"] == "acc-1"
    assert "dateTo" not in request.url.params
    assert request.headers["authorization"] == "Bearer tok-1"


async def test_connection_reset_mid_stream_leaves_no_file_and_raises(
    api: respx.MockRouter, exports: ExportsNamespace, tmp_path: Path
) -> None:
    body = Body(failing_after([b"a" * 50_000] * 3, httpx.ReadError("connection reset by peer")))
    route = api.get("/exports/transactions").mock(return_value=streamed(body))
    progress: list[int] = []
    with pytest.raises(APIConnectionError) as caught:
        await exports.download_transactions(
            tmp_path / "tx.csv", on_progress=progress.append, chunk_size=10_000
        )
    assert type(caught.value) is APIConnectionError
    assert caught.value.request_may_have_reached_server is True
    assert caught.value.operation == "exportTransactions"
    assert isinstance(caught.value.__cause__, httpx.ReadError)
    assert leftovers(tmp_path) == []  # neither the final file nor the temporary one
    assert progress and progress[-1] == 150_000  # it really was mid-stream
    assert body.closed
    assert route.call_count == 1  # a broken body is not silently retried


async def test_remote_protocol_error_mid_stream_is_mapped(
    api: respx.MockRouter, exports: ExportsNamespace, tmp_path: Path
) -> None:
    body = Body(failing_after([b"x" * 1000], httpx.RemoteProtocolError("peer closed")))
    api.get("/exports/orders").mock(return_value=streamed(body))
    with pytest.raises(APIConnectionError) as caught:
        await exports.download_orders(tmp_path / "orders.csv")
    assert isinstance(caught.value.__cause__, httpx.RemoteProtocolError)
    assert leftovers(tmp_path) == []


async def test_body_shorter_than_content_length_raises(
    api: respx.MockRouter, exports: ExportsNamespace, tmp_path: Path
) -> None:
    # A mock transport does not police Content-Length (httpx's HTTP/1.1 transport does, see
    # the socket test below); the SDK checks it itself.
    body = Body(pseudo_random(500))
    api.get("/exports/transactions").mock(return_value=streamed(body, **{"content-length": "1000"}))
    with pytest.raises(APIConnectionError, match="500 of 1000"):
        await exports.download_transactions(tmp_path / "tx.csv")
    assert leftovers(tmp_path) == []
    with pytest.raises(APIConnectionError, match="500 of 1000"):
        async for _ in exports.iter_transactions():
            pass


async def test_truncated_body_over_a_real_socket_raises(tmp_path: Path) -> None:
    """httpx's real transport raises RemoteProtocolError on a short body; it is mapped."""

    async def serve(stream: anyio.abc.SocketStream) -> None:
        async with stream:
            head = b""
            while b"\r\n\r\n" not in head:
                head += await stream.receive()
            if head.startswith(b"POST /oauth/token"):
                body = b'{"access_token": "tok-1", "expires_in": 3600, "token_type": "bearer"}'
                await stream.send(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    b"Content-Length: %d\r\nConnection: close\r\n\r\n%s" % (len(body), body)
                )
            else:
                await stream.send(
                    b"HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: 100000\r\n"
                    b"Connection: close\r\n\r\n" + b"x" * 40_000
                )

    listener = await anyio.create_tcp_listener(local_host="127.0.0.1")
    port = listener.extra(anyio.abc.SocketAttribute.local_port)
    async with anyio.create_task_group() as tg:
        tg.start_soon(listener.serve, serve)
        async with SpectroCoinClient(
            "client-1", "s3cr3t-value", base_url=f"http://127.0.0.1:{port}"
        ) as sc:
            exports = ExportsNamespace(sc._pipeline)
            with pytest.raises(APIConnectionError) as caught:
                await exports.download_transactions(tmp_path / "tx.csv")
            assert isinstance(caught.value.__cause__, httpx.RemoteProtocolError)
            assert "40000" in str(caught.value.__cause__)
            assert leftovers(tmp_path) == []
        tg.cancel_scope.cancel()
    await listener.aclose()


async def test_progress_is_strictly_increasing_and_ends_at_the_total(
    api: respx.MockRouter, exports: ExportsNamespace, tmp_path: Path
) -> None:
    api.get("/exports/orders").mock(return_value=streamed(Body(pseudo_random(10_500, 333))))
    progress: list[int] = []
    result = await exports.download_orders(
        tmp_path / "o.csv", on_progress=progress.append, chunk_size=1000
    )
    assert progress == [*range(1000, 10_001, 1000), 10_500]
    assert all(a < b for a, b in zip(progress, progress[1:], strict=False))
    assert result.bytes_written == 10_500 == (tmp_path / "o.csv").stat().st_size


@pytest.mark.parametrize(
    ("status", "error"), [(404, NotFoundError), (500, ServerError)], ids=["404", "500"]
)
async def test_error_status_raises_typed_error_and_leaves_no_file(
    api: respx.MockRouter,
    exports: ExportsNamespace,
    tmp_path: Path,
    status: int,
    error: type[Exception],
) -> None:
    api.get("/exports/transactions").respond(
        status, json={"errorCode": "GEN_8 not here", "traceId": "t-1"}
    )
    with pytest.raises(error) as caught:
        await exports.download_transactions(tmp_path / "tx.csv", max_attempts=1)
    assert type(caught.value) is error
    assert caught.value.trace_id == "t-1"  # type: ignore[attr-defined]
    assert leftovers(tmp_path) == []
    with pytest.raises(error):
        async for _ in exports.iter_transactions(max_attempts=1):
            pass


async def test_failed_download_keeps_the_existing_file(
    api: respx.MockRouter, exports: ExportsNamespace, tmp_path: Path
) -> None:
    target = tmp_path / "tx.csv"
    target.write_bytes(b"yesterday's export")
    body = Body(failing_after([b"new" * 1000], httpx.ReadError("reset")))
    api.get("/exports/transactions").mock(return_value=streamed(body))
    with pytest.raises(APIConnectionError):
        await exports.download_transactions(target)
    assert target.read_bytes() == b"yesterday's export"
    assert leftovers(tmp_path) == ["tx.csv"]


async def test_success_replaces_an_existing_file(
    api: respx.MockRouter, exports: ExportsNamespace, tmp_path: Path
) -> None:
    target = tmp_path / "tx.csv"
    target.write_bytes(b"old" * 10_000)
    api.get("/exports/transactions").mock(return_value=streamed(Body(pseudo_random(10))))
    result = await exports.download_transactions(str(target))
    assert result.path == target and result.bytes_written == 10
    assert target.stat().st_size == 10


async def test_cancellation_mid_stream_leaves_no_file(
    api: respx.MockRouter, exports: ExportsNamespace, tmp_path: Path
) -> None:
    async def stalls() -> AsyncIterator[bytes]:
        yield b"a" * 1000
        await anyio.sleep_forever()
        yield b""  # pragma: no cover

    body = Body(stalls)
    api.get("/exports/transactions").mock(return_value=streamed(body))
    with anyio.CancelScope() as scope:

        def progress(count: int) -> None:
            scope.deadline = anyio.current_time() + 0.05  # cancel while the stream stalls

        # chunk_size=1000: the first chunk is handed on (and reported) before the stall.
        await exports.download_transactions(
            tmp_path / "tx.csv", on_progress=progress, chunk_size=1000
        )
    assert scope.cancelled_caught
    assert leftovers(tmp_path) == []
    assert body.closed


async def test_failing_progress_callback_leaves_no_file(
    api: respx.MockRouter, exports: ExportsNamespace, tmp_path: Path
) -> None:
    api.get("/exports/transactions").mock(return_value=streamed(Body(pseudo_random(5000))))

    def progress(count: int) -> None:
        raise RuntimeError("disk quota in the callback")

    with pytest.raises(RuntimeError, match="disk quota"):
        await exports.download_transactions(tmp_path / "tx.csv", on_progress=progress)
    assert leftovers(tmp_path) == []


async def test_deadline_covers_the_body(
    api: respx.MockRouter, exports: ExportsNamespace, tmp_path: Path
) -> None:
    async def slow() -> AsyncIterator[bytes]:
        for _ in range(50):
            await anyio.sleep(0.02)
            yield b"z" * 100

    api.get("/exports/transactions").mock(return_value=streamed(Body(slow)))
    with pytest.raises(
        APITimeoutError, match=r"^exportTransactions: deadline exceeded after \d+00 body bytes"
    ):
        await exports.download_transactions(tmp_path / "tx.csv", deadline=0.2)
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("piece", [100, 65536], ids=["many-small-chunks", "network-sized"])
async def test_the_file_holds_every_byte_in_order_however_the_body_is_cut(
    api: respx.MockRouter, exports: ExportsNamespace, tmp_path: Path, piece: int
) -> None:
    # 100-byte pieces make a 1 MiB write batch of 10,486 buffers (past writev's limit: joined);
    # 64 KiB pieces, 16 (one writev). Both must give the same file.
    total = 3 * MB + 7
    api.get("/exports/transactions").mock(
        return_value=streamed(Body(pseudo_random(total, piece=piece)))
    )
    result = await exports.download_transactions(tmp_path / "tx.csv")
    assert result.bytes_written == total
    digest = hashlib.sha256((tmp_path / "tx.csv").read_bytes()).hexdigest()
    assert digest == await expected_digest(total)


async def test_missing_directory_raises_before_writing_and_closes_the_response(
    api: respx.MockRouter, exports: ExportsNamespace, tmp_path: Path
) -> None:
    body = Body(pseudo_random(100))
    api.get("/exports/transactions").mock(return_value=streamed(body))
    with pytest.raises(FileNotFoundError):
        await exports.download_transactions(tmp_path / "missing" / "tx.csv")
    assert body.closed
    assert leftovers(tmp_path) == []


async def test_pdf_content_type_is_reported(
    api: respx.MockRouter, exports: ExportsNamespace, tmp_path: Path
) -> None:
    pdf = b"%PDF-1.7\n" + b"\x00\xff" * 5000 + b"%%EOF"
    route = api.get("/exports/orders").respond(
        200, content=pdf, headers={"content-type": "application/pdf"}
    )
    result = await exports.download_orders(tmp_path / "orders.pdf", format="pdf")
    assert result.content_type == "application/pdf"
    assert result.bytes_written == len(pdf)
    assert (tmp_path / "orders.pdf").read_bytes() == pdf
    assert route.calls.last.request.url.params["format"] == "PDF"


async def test_chunk_size_must_be_positive(
    api: respx.MockRouter, exports: ExportsNamespace, tmp_path: Path
) -> None:
    route = api.get("/exports/orders").respond(200, content=b"x")
    with pytest.raises(ValueError, match="chunk_size"):
        await exports.download_orders(tmp_path / "o.csv", chunk_size=0)
    for bad in (0, -1, True, 2.5, "1024"):
        with pytest.raises(
            ValidationError, match=r"^chunk_size: must be a whole number of at least 1, got "
        ):
            await exports.download_orders(tmp_path / "o.csv", chunk_size=bad)  # type: ignore[arg-type]
        with pytest.raises(ValidationError, match=r"^chunk_size: "):
            async for _ in exports.iter_orders(chunk_size=bad):  # type: ignore[arg-type]
                pass
    assert route.call_count == 0
    assert not (tmp_path / "o.csv").exists()  # noqa: ASYNC240


# -- byte iterators ------------------------------------------------------------------------------


async def test_iter_transactions_yields_exactly_the_bytes(
    api: respx.MockRouter, exports: ExportsNamespace
) -> None:
    total = 3 * MB + 17
    body = Body(pseudo_random(total))
    route = api.get("/exports/transactions").mock(return_value=streamed(body))
    chunks = exports.iter_transactions(format="CSV", date_to=date(2024, 12, 31), chunk_size=4096)
    assert route.call_count == 0  # nothing is sent before the first iteration
    digest = hashlib.sha256()
    sizes = []
    async for chunk in chunks:
        digest.update(chunk)
        sizes.append(len(chunk))
    assert sum(sizes) == total
    assert set(sizes[:-1]) == {4096}
    assert digest.hexdigest() == await expected_digest(total)
    assert body.closed
    assert route.calls.last.request.url.params["dateTo"] == "2024-12-31"


async def test_iter_orders_yields_exactly_the_bytes(
    api: respx.MockRouter, exports: ExportsNamespace
) -> None:
    pdf = b"%PDF-1.4 tiny %%EOF"
    api.get("/exports/orders").respond(
        200, content=pdf, headers={"content-type": "application/pdf"}
    )
    received = b"".join([chunk async for chunk in exports.iter_orders(format="PDF")])
    assert received == pdf


async def test_iter_stopped_early_closes_the_response(
    api: respx.MockRouter, exports: ExportsNamespace
) -> None:
    body = Body(pseudo_random(MB))
    api.get("/exports/transactions").mock(return_value=streamed(body))
    async with aclosing(exports.iter_transactions(chunk_size=1000)) as chunks:
        async for _ in chunks:
            break
    assert body.closed
    assert body.sent < MB


async def test_iter_connection_reset_raises_api_connection_error(
    api: respx.MockRouter, exports: ExportsNamespace
) -> None:
    body = Body(failing_after([b"a" * 10], httpx.ReadError("reset")))
    api.get("/exports/orders").mock(return_value=streamed(body))
    received = []
    with pytest.raises(APIConnectionError) as caught:
        async for chunk in exports.iter_orders(chunk_size=10):
            received.append(chunk)
    assert received == [b"a" * 10]
    assert caught.value.request_may_have_reached_server is True
    assert body.closed


async def test_generated_methods_are_kept(api: respx.MockRouter, exports: ExportsNamespace) -> None:
    api.get("/exports/orders").respond(200, content=b"a,b\n", headers={"content-type": "text/csv"})
    file = await exports.export_orders(format=ExportFormat.CSV)
    assert file.payload.read() == b"a,b\n"
    assert file.mime_type == "text/csv"


async def test_client_exposes_the_streaming_namespace(sc: SpectroCoinClient) -> None:
    assert isinstance(sc.exports, ExportsNamespace)
    assert callable(sc.exports.download_transactions)
    assert callable(sc.exports.export_transactions)  # the generated methods are kept


@pytest.mark.skipif(not hasattr(os, "posix_fadvise"), reason="no posix_fadvise (macOS, Windows)")
async def test_written_bytes_reach_the_disk_before_the_rename(
    api: respx.MockRouter,
    exports: ExportsNamespace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each ~1 MiB batch is handed to the kernel's writeback as it is written (so the final
    fsync has little left), then fsync, then the rename, then the directory's fsync: never a
    renamed file not on disk, and never a rename a crash can undo."""
    import spectrocoin_async._exports as module

    events: list[tuple[str, int, int]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def advise(fd: int, offset: int, length: int, advice: int) -> None:
        assert advice == os.POSIX_FADV_DONTNEED
        events.append(("advise", offset, length))

    def fsync(fd: int) -> None:
        events.append(("fsync directory" if stat.S_ISDIR(os.fstat(fd).st_mode) else "fsync", 0, 0))
        real_fsync(fd)

    def replace(src: str, dst: str) -> None:
        events.append(("replace", 0, 0))
        real_replace(src, dst)

    monkeypatch.setattr(module, "_ADVISE", advise)
    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    total = 2 * MB + MB // 2
    api.get("/exports/transactions").mock(
        return_value=streamed(Body(pseudo_random(total, piece=64 * 1024)))
    )
    result = await exports.download_transactions(tmp_path / "tx.csv")
    assert result.bytes_written == total
    assert events == [
        ("advise", 0, MB),
        ("advise", MB, MB),
        ("advise", 2 * MB, MB // 2),
        ("fsync", 0, 0),
        ("replace", 0, 0),
        ("fsync directory", 0, 0),  # the rename survives a crash too
    ]
    digest = hashlib.sha256((tmp_path / "tx.csv").read_bytes()).hexdigest()
    assert digest == await expected_digest(total)


async def test_a_refused_disk_hint_does_not_fail_the_download(
    api: respx.MockRouter,
    exports: ExportsNamespace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """posix_fadvise is advice: a filesystem or kernel that refuses it (EINVAL, ESPIPE, ...)
    must not turn a complete export into an OSError."""
    import errno

    import spectrocoin_async._exports as module

    refused: list[int] = []

    def advise(fd: int, offset: int, length: int, advice: int) -> None:
        refused.append(offset)
        raise OSError(errno.EINVAL, "Invalid argument")

    monkeypatch.setattr(module, "_ADVISE", advise)
    total = MB + MB // 2
    api.get("/exports/transactions").mock(
        return_value=streamed(Body(pseudo_random(total, piece=64 * 1024)))
    )
    result = await exports.download_transactions(tmp_path / "tx.csv")
    assert result.bytes_written == total
    assert refused == [0, MB]
    digest = hashlib.sha256((tmp_path / "tx.csv").read_bytes()).hexdigest()
    assert digest == await expected_digest(total)
    assert leftovers(tmp_path) == ["tx.csv"]


async def test_without_posix_fadvise_the_file_is_still_synced_before_the_rename(
    api: respx.MockRouter,
    exports: ExportsNamespace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """macOS and Windows have no posix_fadvise: the batches are written as they are, and the
    fsync before the rename is all that puts them on disk."""
    import spectrocoin_async._exports as module

    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append("fsync")
        real_fsync(fd)

    def replace(src: str, dst: str) -> None:
        events.append("replace")
        real_replace(src, dst)

    monkeypatch.setattr(module, "_ADVISE", None)
    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    total = 2 * MB + 12345
    api.get("/exports/transactions").mock(
        return_value=streamed(Body(pseudo_random(total, piece=64 * 1024)))
    )
    result = await exports.download_transactions(tmp_path / "tx.csv")
    assert result.bytes_written == total
    # Then the directory's fsync, where there are directories to open (POSIX).
    assert events == ["fsync", "replace", *(["fsync"] if os.name == "posix" else [])]
    digest = hashlib.sha256((tmp_path / "tx.csv").read_bytes()).hexdigest()
    assert digest == await expected_digest(total)
