"""Reading a response body: in chunks, decoded as they arrive, bounded by the decoded size.

httpx's own read inflates a whole compressed body before anyone can look at its size: a 254 KiB
gzip body is 512 MiB in memory before a size check could refuse it. Every body the SDK reads
(JSON, error bodies, a streamed export's error body and its chunks, callback-key fetches) goes
through here instead. The raw bytes are taken from ``response.stream`` one network chunk at a
time and inflated with zlib's ``max_length``, so no single step produces more than one piece;
a reader with a limit stops as soon as the decoded total passes it.

Only ``gzip`` and ``deflate`` are decoded (and asked for: :data:`ACCEPT_ENCODING`); brotli and
zstd have no bounded streaming decoder in the standard library, and a body in an encoding the
request did not ask for is refused rather than passed on encoded.

The raw bytes are counted here too (``BodyStream.raw_bytes``): httpx's
``num_bytes_downloaded`` stays 0 for a response built with ``content=`` (a plain
``httpx.MockTransport``), whose body never passes through httpx's own reader.
"""

from __future__ import annotations

import zlib
from collections.abc import AsyncGenerator, AsyncIterator, Iterable, Iterator
from typing import Final

import httpx

from ._json import MAX_JSON_BYTES

__all__ = [
    "ACCEPT_ENCODING",
    "ERROR_BODY_LIMIT",
    "MAX_RESPONSE_BYTES",
    "BodyStream",
    "BodyTooLarge",
    "UnreadableBody",
    "read_body",
]

MAX_RESPONSE_BYTES: Final = MAX_JSON_BYTES
"""The largest body read into memory (decoded): a success's JSON, text or non-streamed export."""
ERROR_BODY_LIMIT: Final = 1024 * 1024
"""An error body is cut here: it only feeds the exception (500 bytes of it are kept)."""
ACCEPT_ENCODING: Final = "gzip, deflate"
"""What the SDK asks for: the encodings it can inflate with a bound."""
_PIECE: Final = 256 * 1024  # the most one inflate step produces
_WBITS: Final = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": 0}


class BodyTooLarge(Exception):
    """The decoded body passed the reader's limit (``limit`` bytes); reading stopped there."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        super().__init__(f"response body is larger than {limit} bytes (decoded)")


class UnreadableBody(Exception):
    """An encoding the SDK did not ask for, or compressed data that does not inflate."""


class _Inflater:
    """One zlib stream, inflated at most ``_PIECE`` bytes per step."""

    __slots__ = ("_wbits", "_zlib")

    def __init__(self, wbits: int) -> None:
        self._wbits = wbits
        self._zlib: zlib._Decompress | None = None

    def feed(self, data: bytes) -> Iterator[bytes]:
        inflater = self._zlib
        if inflater is None:
            wbits = self._wbits
            if wbits == 0:
                # "deflate" is meant to be zlib-wrapped (RFC 9110) but is often sent raw.
                wrapped = (
                    len(data) >= 2 and (data[0] & 0x0F) == 8 and (data[0] << 8 | data[1]) % 31 == 0
                )
                wbits = zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS
            inflater = self._zlib = zlib.decompressobj(wbits)
        try:
            while data and not inflater.eof:
                piece = inflater.decompress(data, _PIECE)
                data = inflater.unconsumed_tail
                if piece:
                    yield piece
        except zlib.error as exc:
            raise UnreadableBody(f"compressed body does not inflate: {exc}") from None

    def finish(self) -> Iterator[bytes]:
        inflater = self._zlib
        if inflater is None:
            raise UnreadableBody("compressed body is empty")
        try:
            while not inflater.eof and (piece := inflater.flush(_PIECE)):
                yield piece
        except zlib.error as exc:
            raise UnreadableBody(f"compressed body does not inflate: {exc}") from None
        if not inflater.eof:
            raise UnreadableBody("compressed body ended before its end of stream")


def _inflater(response: httpx.Response) -> _Inflater | None:
    encoding = response.headers.get("content-encoding")
    if encoding is None:
        return None
    name = encoding.strip().lower()
    if name in ("", "identity"):
        return None
    wbits = _WBITS.get(name)
    if wbits is None:
        raise UnreadableBody(
            f"Content-Encoding {encoding[:40]!r} was not asked for (only {ACCEPT_ENCODING})"
        )
    return _Inflater(wbits)


class BodyStream:
    """The decoded body of a response whose body is not read yet, piece by piece.

    ``raw_bytes`` counts the bytes taken off the wire (before decoding), for a check against
    ``Content-Length``. Iterate it once (close what ``pieces()`` returns if you stop early),
    and close the response afterwards.
    """

    __slots__ = ("_response", "raw_bytes")

    def __init__(self, response: httpx.Response) -> None:
        self._response = response
        self.raw_bytes = 0

    async def pieces(self, size: int | None = None) -> AsyncGenerator[bytes, None]:
        """The decoded body; with ``size``, in pieces of exactly ``size`` bytes but the last."""
        stream = self._response.stream
        assert isinstance(stream, httpx.AsyncByteStream)
        inflater = _inflater(self._response)  # here: an unknown encoding raises on iteration
        raw_chunks = aiter(stream)
        buffer = bytearray()
        try:
            async for raw in raw_chunks:
                self.raw_bytes += len(raw)
                decoded = (raw,) if inflater is None else inflater.feed(raw)
                for piece in _cut(buffer, decoded, size):
                    yield piece
            if inflater is not None:
                for piece in _cut(buffer, inflater.finish(), size):
                    yield piece
            if buffer:
                yield bytes(buffer)
        finally:
            await _close(raw_chunks)


def _cut(buffer: bytearray, pieces: Iterable[bytes], size: int | None) -> Iterator[bytes]:
    """``pieces`` as they are (``size`` None) or cut to ``size``, the rest kept in ``buffer``."""
    for piece in pieces:
        if size is None or (not buffer and len(piece) == size):
            if piece:
                yield piece
            continue
        buffer += piece
        while len(buffer) >= size:
            yield bytes(buffer[:size])
            del buffer[:size]  # cheap: a bytearray drops its front in place


async def _close(chunks: AsyncIterator[bytes]) -> None:
    close = getattr(chunks, "aclose", None)
    if close is not None:
        await close()


async def read_body(response: httpx.Response, limit: int, *, truncate: bool = False) -> bytes:
    """Read, decode and close; the response's ``content`` is then the decoded body.

    Past ``limit`` decoded bytes: ``BodyTooLarge``, or with ``truncate`` the first ``limit``
    bytes (an error body that only feeds an exception). Either way reading stops there and the
    connection is closed rather than drained.
    """
    pieces: list[bytes] = []
    size = 0
    stream = response.stream
    assert isinstance(stream, httpx.AsyncByteStream)
    # The common case (no Content-Encoding) without BodyStream's generator: the hot path.
    chunks = (
        aiter(stream)
        if "content-encoding" not in response.headers
        else BodyStream(response).pieces()
    )
    try:
        async for piece in chunks:
            size += len(piece)
            pieces.append(piece)
            if size > limit:
                if not truncate:
                    raise BodyTooLarge(limit)
                break
    except UnreadableBody:
        if not truncate:
            raise
        # An error body: what did inflate is kept, the status still says what happened.
    finally:
        try:
            await _close(chunks)
        finally:
            await response.aclose()
    body = pieces[0] if len(pieces) == 1 else b"".join(pieces)
    if size > limit:
        body = body[:limit]
    # What httpx's own read leaves behind, so that response.content and .text work as usual.
    response._content = body
    return body
