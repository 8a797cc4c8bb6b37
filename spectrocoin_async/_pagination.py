"""Iterating paged lists.

A ``Pages`` object is an async iterator over every item of every page. Used directly
(``async for``), it requests a page only when the previous one has been consumed. Used as an
async context manager, it also fetches ahead: a background task keeps up to ``prefetch`` pages
ready while the caller works through the current one. The task group lives exactly as long as
the ``async with`` block, so a caller who stops early cancels the fetching cleanly (an async
generator cannot promise that).

Iteration stops after the page the server marks ``last``, after ``totalPages`` pages, or at the
first empty page. An error on any page is raised to the caller, never swallowed.
"""

from __future__ import annotations

from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar

import anyio

if TYPE_CHECKING:  # anyio.streams.memory loads with the first prefetching iteration
    from anyio.abc import TaskGroup
    from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream

from ._errors import ValidationError

__all__ = ["Pages"]

T = TypeVar("T")

FetchPage = Callable[[int], Awaitable[Any]]
"""Fetches page ``n`` (0-based) and returns the parsed page envelope."""

# What the prefetching task hands over: (page number, its items, whether it is the last), or the
# error that stopped it.
_Handed = tuple[int, list[Any], bool] | BaseException


def _is_last(page: Any, number: int, items: list[Any]) -> bool:
    if not items or getattr(page, "last", None) is True:
        return True
    total = getattr(page, "total_pages", None)
    return isinstance(total, int) and number + 1 >= total


class Pages(Generic[T]):
    def __init__(self, fetch: FetchPage, *, prefetch: int = 1) -> None:
        if isinstance(prefetch, bool) or not isinstance(prefetch, int) or prefetch < 1:
            raise ValidationError(
                "prefetch", f"must be a whole number of at least 1, got {prefetch!r}"
            )
        self._fetch = fetch
        self._prefetch = prefetch
        self._buffer: deque[T] = deque()  # popleft() is O(1); list.pop(0) made a page O(n²)
        self._next_page = 0
        self._done = False
        self._task_group: TaskGroup | None = None
        self._receive: MemoryObjectReceiveStream[_Handed] | None = None

    # -- lazy, one page at a time -----------------------------------------------------------

    def __aiter__(self) -> AsyncIterator[T]:
        return self

    async def __anext__(self) -> T:
        while not self._buffer:
            if self._done:
                raise StopAsyncIteration
            self._buffer = deque(await self._next_items())
        return self._buffer.popleft()

    async def _next_items(self) -> list[T]:
        if self._receive is not None:
            try:
                got = await self._receive.receive()
            except anyio.EndOfStream:
                self._done = True
                return []
            if isinstance(got, BaseException):
                self._done = True
                raise got
            # Kept up to date, so that iteration after the block goes on from the next page.
            number, handed, self._done = got
            self._next_page = number + 1
            return handed
        number = self._next_page
        page = await self._fetch(number)
        items: list[T] = list(page.content)
        self._next_page += 1
        self._done = _is_last(page, number, items)
        return items

    # -- with prefetching -------------------------------------------------------------------

    async def __aenter__(self) -> Self:
        if self._done:
            return self  # lazy iteration already reached the last page: nothing to fetch ahead
        send, receive = anyio.create_memory_object_stream[_Handed](max_buffer_size=self._prefetch)
        self._receive = receive
        self._task_group = anyio.create_task_group()
        await self._task_group.__aenter__()
        self._task_group.start_soon(self._produce, send)
        return self

    async def _produce(self, send: MemoryObjectSendStream[_Handed]) -> None:
        async with send:
            # Go on from where lazy iteration stopped, never from page 0 again.
            number = self._next_page
            while True:
                try:
                    page = await self._fetch(number)
                except Exception as exc:  # handed to the consumer, raised there
                    await send.send(exc)
                    return
                items: list[T] = list(page.content)
                last = _is_last(page, number, items)
                if items:
                    await send.send((number, items, last))
                if last:
                    return
                number += 1

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        task_group, receive = self._task_group, self._receive
        if task_group is None or receive is None:
            return
        # Iteration after the block is lazy again, from the page after the last one handed over.
        self._task_group = self._receive = None
        task_group.cancel_scope.cancel()  # stop fetching pages nobody will read
        try:
            # The producer hands its errors over instead of raising, so the only exception
            # here is the caller's own: let it propagate as itself, not in an ExceptionGroup.
            await task_group.__aexit__(None, None, None)
        finally:
            receive.close()
