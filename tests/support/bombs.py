"""Decompression bombs and a body stream that counts what the client pulled from it."""

from __future__ import annotations

import functools
import struct
import zlib
from collections.abc import AsyncIterator

import httpx

MIB = 1024 * 1024


@functools.cache
def gzip_bomb(mib: int = 512) -> bytes:
    """A gzip body of about 1 KiB per MiB it inflates to: ``mib`` MiB of zeros.

    Built from one deflate block repeated (a full flush makes each MiB of zeros compress to the
    same bytes), so a 512 MiB bomb costs milliseconds rather than compressing 512 MiB.
    """
    zeros = bytes(MIB)
    deflate = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    block = deflate.compress(zeros) + deflate.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(mib):
        crc = zlib.crc32(zeros, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
    trailer = struct.pack("<II", crc, (mib * MIB) & 0xFFFFFFFF)
    return header + block * mib + deflate.flush() + trailer


class CountingStream(httpx.AsyncByteStream):
    """``data`` in network-sized chunks; ``pulled`` is how many bytes the client asked for."""

    def __init__(self, data: bytes, chunk: int = 64 * 1024) -> None:
        self.data = data
        self.chunk = chunk
        self.pulled = 0
        self.closed = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for start in range(0, len(self.data), self.chunk):
            piece = self.data[start : start + self.chunk]
            self.pulled += len(piece)
            yield piece

    async def aclose(self) -> None:
        self.closed = True
