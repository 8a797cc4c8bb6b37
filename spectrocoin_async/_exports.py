"""The ``exports`` namespace: every generated operation, plus streaming downloads.

An export can be large, so the generated ``export_transactions`` / ``export_orders`` (which hold
the whole body in memory as a ``File``) are joined by streaming helpers::

    result = await sc.exports.download_transactions(
        "transactions-2024.csv", date_from=date(2024, 1, 1), date_to=date(2024, 12, 31)
    )
    print(result.bytes_written, result.content_type)

    async with contextlib.aclosing(sc.exports.iter_orders(format="PDF")) as chunks:
        async for chunk in chunks:
            await sink.send(chunk)

Both go through the same pipeline as every other call (validation, token, rate limiter, retries
until the response headers arrive, typed errors). A failure while the body is being read (a
reset connection, a body shorter than its ``Content-Length``) raises ``APIConnectionError``; an
export is a GET, so calling again is safe.
"""

from __future__ import annotations

import datetime
import errno
import logging
import math
import os
import tempfile
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Iterator
from contextlib import aclosing, contextmanager, suppress
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Unpack

import anyio
import httpx
from attrs import frozen

from ._errors import (
    APIConnectionError,
    APITimeoutError,
    ResponseValidationError,
    ValidationError,
)
from ._generated._operations import OPERATIONS
from ._generated.api.exports import ExportsAPI
from ._generated.api.exports import export_orders as _export_orders
from ._generated.api.exports import export_transactions as _export_transactions
from ._pipeline import Pipeline
from ._reading import BodyStream, UnreadableBody
from ._redaction import without_frames
from ._types import UNSET, CallOptions, Operation, Unset

if TYPE_CHECKING:
    from ._generated.models.export_format import ExportFormat

__all__ = ["DEFAULT_CHUNK_SIZE", "DownloadResult", "ExportsNamespace"]

logger = logging.getLogger("spectrocoin_async")

DEFAULT_CHUNK_SIZE = 64 * 1024
"""Bytes per chunk read from the network."""
_WRITE_BATCH = 1024 * 1024  # bytes held before a disk write: bounded memory, few thread hops


@frozen
class DownloadResult:
    """What ``download_*`` wrote: the final path, its size and the server's content type."""

    path: Path
    bytes_written: int
    content_type: str | None


class ExportsNamespace(ExportsAPI):
    """Operations tagged ``exports``, plus ``download_*`` (to a file) and ``iter_*`` (bytes)."""

    __slots__ = ("_pipeline",)

    def __init__(self, runtime: Pipeline) -> None:
        super().__init__(runtime)
        self._pipeline = runtime

    # -- transactions -----------------------------------------------------------------------

    async def download_transactions(
        self,
        path: str | os.PathLike[str],
        *,
        format: ExportFormat | str = "CSV",
        date_from: datetime.date | Unset = UNSET,
        date_to: datetime.date | Unset = UNSET,
        account_id: str | Unset = UNSET,
        on_progress: Callable[[int], None] | None = None,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        **options: Unpack[CallOptions],
    ) -> DownloadResult:
        """Stream the transactions export (``GET /exports/transactions``) into ``path``.

        The body goes to disk chunk by chunk (never whole in memory), into a temporary file in
        the same directory that is renamed over ``path`` only once the whole body has arrived.
        On any failure, cancellation included, the temporary file is removed and ``path`` is
        left as it was. The file is created readable by its owner only (an export holds
        financial data).

        Args:
            path: the file to write; its directory must exist.
            format: ``"CSV"`` (default) or ``"PDF"``.
            date_from, date_to, account_id: the export's filters.
            on_progress: called after each chunk with the number of bytes written so far.
            chunk_size: bytes per read and write.
            **options: per-call options; ``deadline`` covers the whole download (default: the
                client's ``export_deadline``, one hour).

        Raises:
            APIError: the API answered with an error status (a subclass per status).
            APIConnectionError: no answer, or the body broke off (safe to call again).
            APITimeoutError: a timeout or the deadline, before or during the body.
        """
        return await self._download(
            OPERATIONS["export_transactions"],
            _export_transactions.build_request(
                format=format,
                date_from=date_from,
                date_to=date_to,
                account_id=account_id,
            ),
            path,
            on_progress=on_progress,
            chunk_size=chunk_size,
            options=options,
        )

    def iter_transactions(
        self,
        *,
        format: ExportFormat | str = "CSV",
        date_from: datetime.date | Unset = UNSET,
        date_to: datetime.date | Unset = UNSET,
        account_id: str | Unset = UNSET,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        **options: Unpack[CallOptions],
    ) -> AsyncGenerator[bytes, None]:
        """The transactions export as an async iterator of byte chunks.

        Not awaited: the request is sent on the first iteration. If you may stop early, close
        the iterator (``async with contextlib.aclosing(...)``) so the connection is released at
        once rather than when the iterator is garbage-collected. Raises like
        ``download_transactions``, from the iteration.
        """
        request = _export_transactions.build_request(
            format=format, date_from=date_from, date_to=date_to, account_id=account_id
        )
        return self._stream(OPERATIONS["export_transactions"], request, chunk_size, options)

    # -- orders -----------------------------------------------------------------------------

    async def download_orders(
        self,
        path: str | os.PathLike[str],
        *,
        format: ExportFormat | str = "CSV",
        date_from: datetime.date | Unset = UNSET,
        date_to: datetime.date | Unset = UNSET,
        on_progress: Callable[[int], None] | None = None,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        **options: Unpack[CallOptions],
    ) -> DownloadResult:
        """Stream the merchant orders export (``GET /exports/orders``) into ``path``.

        Same behaviour, arguments and errors as ``download_transactions`` (without
        ``account_id``).
        """
        return await self._download(
            OPERATIONS["export_orders"],
            _export_orders.build_request(format=format, date_from=date_from, date_to=date_to),
            path,
            on_progress=on_progress,
            chunk_size=chunk_size,
            options=options,
        )

    def iter_orders(
        self,
        *,
        format: ExportFormat | str = "CSV",
        date_from: datetime.date | Unset = UNSET,
        date_to: datetime.date | Unset = UNSET,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        **options: Unpack[CallOptions],
    ) -> AsyncGenerator[bytes, None]:
        """The merchant orders export as an async iterator of byte chunks (see
        ``iter_transactions``)."""
        request = _export_orders.build_request(format=format, date_from=date_from, date_to=date_to)
        return self._stream(OPERATIONS["export_orders"], request, chunk_size, options)

    # -- machinery --------------------------------------------------------------------------

    async def _open(
        self, operation: Operation, request: dict[str, Any], chunk_size: int, options: CallOptions
    ) -> tuple[httpx.Response, float | None]:
        """Send the request; return the un-read response and when the deadline expires."""
        if isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size < 1:
            raise ValidationError(
                "chunk_size", f"must be a whole number of at least 1, got {chunk_size!r}"
            )
        deadline = self._pipeline.deadline_for(options, stream=True)
        expires = None if deadline is None else anyio.current_time() + deadline
        response, _ = await self._pipeline.execute(operation, request, options, stream=True)
        return response, expires

    async def _stream(
        self, operation: Operation, request: dict[str, Any], chunk_size: int, options: CallOptions
    ) -> AsyncGenerator[bytes, None]:
        response, expires = await self._open(operation, request, chunk_size, options)
        try:
            async with aclosing(_body(operation, response, chunk_size, expires)) as chunks:
                async for chunk in chunks:
                    yield chunk
        finally:
            with anyio.CancelScope(shield=True):
                await response.aclose()

    async def _download(
        self,
        operation: Operation,
        request: dict[str, Any],
        path: str | os.PathLike[str],
        *,
        on_progress: Callable[[int], None] | None,
        chunk_size: int,
        options: CallOptions,
    ) -> DownloadResult:
        import anyio.to_thread  # loaded by the first download, not by `import spectrocoin_async`

        target = Path(path)
        response, expires = await self._open(operation, request, chunk_size, options)
        temp: str | None = None
        written = 0
        try:
            temp = await anyio.to_thread.run_sync(_make_temp, target)
            async with await anyio.open_file(temp, "wb") as file:
                pending: list[bytes] = []
                pending_size = 0
                # The network's own chunks (at most 64 KiB from httpx's pool), not re-cut to
                # chunk_size: re-cutting copies every byte through a buffer, and the writes are
                # batched anyway. An explicit other chunk_size still sets the progress steps.
                size = None if chunk_size == DEFAULT_CHUNK_SIZE else chunk_size
                body = BodyStream(response)  # bounded inflating, its own count of wire bytes
                chunks = body.pieces(size)
                # One deadline scope around the whole body: an iterator (_body) needs one per
                # chunk, since it must not yield to its caller inside a scope.
                deadline = math.inf if expires is None else expires
                try:
                    with (
                        _read_errors(operation, response, body),
                        anyio.CancelScope(deadline=deadline) as scope,
                    ):
                        async for chunk in chunks:
                            pending.append(chunk)
                            pending_size += len(chunk)
                            written += len(chunk)
                            if on_progress is not None:
                                on_progress(written)
                            if pending_size >= _WRITE_BATCH:
                                # One worker-thread trip per ~1 MiB, not per network chunk.
                                await anyio.to_thread.run_sync(_write, file.wrapped, pending)
                                pending = []
                                pending_size = 0
                finally:
                    with anyio.CancelScope(shield=True):
                        await _close_iterator(chunks)
                if scope.cancelled_caught:
                    raise _deadline_exceeded(operation, body)
                _check_length(operation, response, body.raw_bytes)
                if pending:
                    await anyio.to_thread.run_sync(_write, file.wrapped, pending)
                await anyio.to_thread.run_sync(_flush_to_disk, file.wrapped)
            await anyio.to_thread.run_sync(_move_into_place, temp, target)
            temp = None
        finally:
            # Shielded: a cancelled download must still release the connection and leave no
            # partial file behind.
            with anyio.CancelScope(shield=True):
                await response.aclose()
                if temp is not None:
                    await anyio.to_thread.run_sync(_remove, temp)
        return DownloadResult(
            path=target, bytes_written=written, content_type=response.headers.get("content-type")
        )


def _write(file: IO[bytes], chunks: list[bytes]) -> None:
    """Write ``chunks`` (one ``writev`` where there is one: no joined copy of the batch), and
    have the kernel start putting them on disk now (Linux): the fsync before the rename then
    finds little left to wait for, where it waited for the whole export (about 50 ms per
    200 MB here). The pages are not kept in the cache either: an export is written once and
    read later, if at all."""
    size = sum(map(len, chunks))
    if _WRITEV is not None and len(chunks) <= _IOV_MAX:
        file.flush()  # nothing is buffered (every write comes here), but keep the order sure
        done = _WRITEV(file.fileno(), chunks)
        if done < size:  # a short write: the rest the ordinary way
            file.write(b"".join(chunks)[done:])
            file.flush()
    else:
        file.write(b"".join(chunks))
    if _ADVISE is not None:
        file.flush()
        end = file.tell() if _WRITEV is None else os.lseek(file.fileno(), 0, os.SEEK_CUR)
        # Advice only: a kernel or filesystem that refuses it must not fail a whole export.
        with suppress(OSError):
            _ADVISE(file.fileno(), end - size, size, _DONTNEED)


def _flush_to_disk(file: IO[bytes]) -> None:
    file.flush()
    os.fsync(file.fileno())


def _move_into_place(temp: str, target: Path) -> None:
    """Rename, then fsync the directory (POSIX): the rename itself survives a crash, not only
    the bytes it points at.

    After the rename the download has succeeded (the file's own bytes were synced before it), so
    a directory fsync that fails is logged, never raised: raising would report a failure with
    ``path`` already replaced. Network and FUSE filesystems refuse it (EINVAL, ENOTSUP).
    """
    os.replace(temp, target)
    if os.name != "posix":
        return
    try:
        directory = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
    except OSError as exc:
        refused = exc.errno in _FSYNC_REFUSED
        logger.log(
            logging.INFO if refused else logging.WARNING,
            "%s is in place; fsync of its directory %s (%s): the rename may not survive a crash",
            target,
            "is not supported there" if refused else "failed",
            exc,
        )


# What filesystems that cannot fsync a directory answer (NFS, FUSE, some SMB mounts).
_FSYNC_REFUSED = frozenset(
    {errno.EINVAL, errno.ENOTSUP, getattr(errno, "EOPNOTSUPP", errno.ENOTSUP), errno.EBADF}
)


_ADVISE = getattr(os, "posix_fadvise", None)  # not on macOS or Windows
_WRITEV = getattr(os, "writev", None)  # not on Windows
_IOV_MAX = 512  # buffers per writev; POSIX guarantees 16, Linux and macOS take 1024
_DONTNEED: int = getattr(os, "POSIX_FADV_DONTNEED", 0)  # only read when _ADVISE is set


def _make_temp(target: Path) -> str:
    descriptor, name = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".part"
    )
    os.close(descriptor)
    return name


def _remove(name: str) -> None:
    with suppress(FileNotFoundError):
        os.remove(name)


async def _body(
    operation: Operation, response: httpx.Response, chunk_size: int | None, expires: float | None
) -> AsyncGenerator[bytes, None]:
    """The body in chunks, with transport failures mapped; closes the response however it ends.

    Read through ``BodyStream``: inflated a bounded piece at a time, and its raw bytes counted
    by the SDK itself (httpx never counts a body given as ``content=``, as a plain
    ``httpx.MockTransport`` does)."""
    body = BodyStream(response)
    chunks = body.pieces(chunk_size)
    try:
        while True:
            try:
                with _read_errors(operation, response, body):
                    if expires is None:
                        chunk = await anext(chunks)
                    else:
                        # A bare CancelScope per chunk, not fail_after: thousands of chunks per
                        # export, and this is a third of the cost (as in the pipeline).
                        with anyio.CancelScope(deadline=expires) as scope:
                            chunk = await anext(chunks)
                        if scope.cancelled_caught:
                            raise _deadline_exceeded(operation, body)
            except StopAsyncIteration:
                break
            if chunk:
                yield chunk
        _check_length(operation, response, body.raw_bytes)
    finally:
        with anyio.CancelScope(shield=True):
            await _close_iterator(chunks)
            await response.aclose()


async def _close_iterator(chunks: AsyncIterator[bytes]) -> None:
    # The body's iterator is an async generator: close it here rather than leave it to the
    # garbage collector (trio warns about those).
    close = getattr(chunks, "aclose", None)
    if close is not None:
        await close()


@contextmanager
def _read_errors(
    operation: Operation, response: httpx.Response, body: BodyStream
) -> Iterator[None]:
    """Failures while the body is read, as the SDK's typed errors (transport errors chained
    without their frames: those hold the request as sent)."""
    try:
        yield
    except httpx.TimeoutException as exc:
        raise APITimeoutError(
            f"{type(exc).__name__} after {body.raw_bytes} body bytes",
            operation=operation.operation_id,
        ) from without_frames(exc)
    except httpx.RequestError as exc:
        # ReadError, RemoteProtocolError (h11's own Content-Length check)
        raise APIConnectionError(
            f"{type(exc).__name__} after {body.raw_bytes} body bytes: {exc}",
            operation=operation.operation_id,
        ) from without_frames(exc)
    except UnreadableBody as exc:
        raise ResponseValidationError(
            str(exc),
            status_code=response.status_code,
            headers=response.headers,
            operation=operation.operation_id,
        ) from None


def _deadline_exceeded(operation: Operation, body: BodyStream) -> APITimeoutError:
    return APITimeoutError(
        f"deadline exceeded after {body.raw_bytes} body bytes",
        operation=operation.operation_id,
    )


def _check_length(operation: Operation, response: httpx.Response, received: int) -> None:
    """A body that ended early (or ran long) against its ``Content-Length`` is broken.

    httpx's HTTP/1.1 transport already checks this; other transports may not. The count is of
    bytes on the wire, so it holds for compressed bodies too.
    """
    declared = response.headers.get("content-length")
    if declared is None or not declared.strip().isdigit():
        return
    if received != int(declared):
        raise APIConnectionError(
            f"body ended after {received} of {int(declared)} declared bytes",
            operation=operation.operation_id,
        )
