"""Run many SDK calls with bounded concurrency, collecting each result or exception.

For jobs that make thousands of calls. Each call is an ordinary SDK call, so it still goes
through the client's rate limiter, retries and typed errors; ``concurrency`` only bounds how
many are in flight at once. One call failing does not cancel the others: its exception is
collected in its ``BatchResult``. Cancellation (and any other ``BaseException``) is not
collected: it stops the batch. Calls are pulled from the iterable lazily, one per free slot, so
a generator of a million calls is never turned into a million coroutines.

Reconciling the transactions of every account::

    import functools

    from spectrocoin_async import SpectroCoinClient
    from spectrocoin_async import run_batch

    async with SpectroCoinClient() as sc:
        accounts = await sc.accounts.list_accounts()
        results = await run_batch(
            (
                # functools.partial (or a lambda with a default argument) binds *this* account;
                # a bare ``lambda: ...(account_id=account.id)`` would see only the last one.
                functools.partial(sc.transactions.list_transactions, account_id=account.id)
                for account in accounts
            ),
            concurrency=8,
        )
        for account, result in zip(accounts, results, strict=True):
            if result.ok:
                page = result.unwrap()
                print(account.id, account.currency_code, len(page.content), "transactions")
            else:
                print(account.id, "FAILED:", type(result.error).__name__, result.error)
        failed = [r for r in results if not r.ok]
        if failed:
            raise SystemExit(f"{len(failed)} of {len(results)} accounts could not be reconciled")

Results come back in input order (``results[i].index == i``). To handle results as they
complete instead, use ``iter_batch``::

    async with iter_batch(calls, concurrency=8) as results:
        async for result in results:
            ...
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from contextlib import asynccontextmanager, suppress
from typing import Generic, Literal, NoReturn, TypeAlias, TypeVar, cast

import anyio
from attrs import frozen

__all__ = ["BatchFailure", "BatchResult", "BatchSuccess", "iter_batch", "run_batch"]

T = TypeVar("T")


@frozen
class BatchSuccess(Generic[T]):
    """A call of a batch that returned: its ``value``."""

    index: int
    """Position of the call in the input."""
    value: T
    error: None = None

    @property
    def ok(self) -> Literal[True]:
        """Always True: ``if result.ok:`` narrows a ``BatchResult`` to this class."""
        return True

    def unwrap(self) -> T:
        """The value."""
        return self.value


@frozen
class BatchFailure:
    """A call of a batch that raised: the ``error``."""

    index: int
    """Position of the call in the input."""
    error: Exception
    value: None = None

    @property
    def ok(self) -> Literal[False]:
        """Always False: ``if not result.ok:`` narrows a ``BatchResult`` to this class."""
        return False

    def unwrap(self) -> NoReturn:
        """Raise the call's exception."""
        raise self.error


BatchResult: TypeAlias = BatchSuccess[T] | BatchFailure
"""The outcome of one call of a batch. ``result.ok`` (or ``result.error is None``) tells a type
checker which one it is, so ``result.value`` is a ``T``, not ``T | None``, where the call
returned."""


async def run_batch(
    calls: Iterable[Callable[[], Awaitable[T]]], *, concurrency: int = 16
) -> list[BatchResult[T]]:
    """Await every call, at most ``concurrency`` at a time; one result per call, in input order.

    Each item of ``calls`` is a zero-argument callable returning an awaitable (an ``async def``
    function, a ``functools.partial`` of an SDK method, a ``lambda``); it is called only when a
    slot is free. An ``Exception`` raised by a call is collected in its result and the other
    calls go on. A ``BaseException`` (cancellation, ``KeyboardInterrupt``) cancels the batch and
    propagates. If iterating ``calls`` itself raises, no further call is started, the ones in
    flight finish, and that exception is raised.
    """
    results: list[BatchResult[T] | None] = []

    async def store(result: BatchResult[T]) -> None:
        results[result.index] = result

    def reserve() -> None:
        results.append(None)

    await _drive(calls, concurrency, store, reserve)
    return cast(list[BatchResult[T]], results)


@asynccontextmanager
async def iter_batch(
    calls: Iterable[Callable[[], Awaitable[T]]], *, concurrency: int = 16
) -> AsyncIterator[AsyncIterator[BatchResult[T]]]:
    """Like ``run_batch``, but hand out each result as soon as its call completes.

    ::

        async with iter_batch(calls, concurrency=8) as results:
            async for result in results:  # completion order; result.index is the input position
                ...

    A context manager rather than a bare async generator, because the calls run in a task group
    that must not be suspended across a ``yield``. Up to ``concurrency`` results wait for the
    consumer; past that a finished call holds its slot until its result is taken, so a slow
    consumer slows the batch down instead of piling results up. Leaving the block early (a
    ``break``, an exception) cancels the calls still in flight and starts no more; an exception
    raised in the block propagates as itself. An error raised while iterating ``calls`` is
    raised when the block exits, after the results of the calls already started.
    """
    if concurrency < 1:
        raise ValueError(f"concurrency must be at least 1, got {concurrency}")
    send, receive = anyio.create_memory_object_stream[BatchResult[T]](concurrency)
    failure: Exception | None = None
    consumer_error: Exception | None = None

    async def deliver(result: BatchResult[T]) -> None:
        # BrokenResourceError: the consumer closed its end; nobody wants this result any more.
        with suppress(anyio.BrokenResourceError):
            await send.send(result)

    async def feed() -> None:
        nonlocal failure
        async with send:
            try:
                await _drive(calls, concurrency, deliver, None)
            except Exception as exc:  # only the iterable's own error gets here
                failure = exc

    async with receive, anyio.create_task_group() as tg:
        tg.start_soon(feed)
        try:
            yield receive
        except Exception as exc:
            # Re-raised below as itself, not wrapped in the task group's ExceptionGroup.
            consumer_error = exc
        finally:
            tg.cancel_scope.cancel()  # a no-op once every result has been delivered
    if consumer_error is not None:
        raise consumer_error
    if failure is not None:
        raise failure


async def _drive(
    calls: Iterable[Callable[[], Awaitable[T]]],
    concurrency: int,
    deliver: Callable[[BatchResult[T]], Awaitable[None]],
    reserve: Callable[[], None] | None,
) -> None:
    if concurrency < 1:
        raise ValueError(f"concurrency must be at least 1, got {concurrency}")
    slots = anyio.Semaphore(concurrency)
    failure: Exception | None = None

    async def one(index: int, call: Callable[[], Awaitable[T]]) -> None:
        try:
            try:
                value = await call()
            except Exception as exc:
                result: BatchResult[T] = BatchFailure(index=index, error=exc)
            else:
                result = BatchSuccess(index=index, value=value)
            await deliver(result)
        finally:
            slots.release()

    iterator = iter(calls)
    async with anyio.create_task_group() as tg:
        index = 0
        while True:
            await slots.acquire()  # a free slot first: only then is the next call pulled
            try:
                call = next(iterator)
            except StopIteration:
                slots.release()
                break
            except Exception as exc:
                slots.release()
                failure = exc
                break
            if reserve is not None:
                reserve()
            tg.start_soon(one, index, call)
            index += 1
    if failure is not None:
        raise failure
