"""No frame reachable from an SDK exception holds a secret in a local (issue 17, item 1).

Error reporters that capture locals (Sentry, ``rich.traceback(show_locals=True)``,
``traceback.TracebackException(capture_locals=True)``) ship the ``repr`` of every local of every
frame of the exception, its ``__cause__`` and its ``__context__``. Before: after a refused secret
the token request's form dict and encoded body held the client secret in clear; after a
connection error the bearer token sat in ``token``, in the ``headers`` dict and in h11's header
list deep in httpcore's frames.
"""

from __future__ import annotations

import socket
import struct
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
import respx

from spectrocoin_async import (
    APIConnectionError,
    APIError,
    AuthenticationError,
    GrantType,
    SpectroCoinClient,
    SpectroCoinError,
    TokenRequest,
)
from tests.conftest import BASE

pytestmark = pytest.mark.anyio

SECRET = "cs-7f3a9e1b-frame-secret"
ACCESS = "at-5d2c8b4e-frame-token"
TOKEN = {"access_token": ACCESS, "expires_in": 3600, "token_type": "bearer"}


def reachable_frames(exc: BaseException) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every traceback frame of ``exc`` and of all it chains to, recursively."""
    seen: set[int] = set()
    pending: list[BaseException] = [exc]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        tb = current.__traceback__
        while tb is not None:
            code = tb.tb_frame.f_code
            if code.co_filename != __file__:  # this test's own frame holds what it compares
                yield code.co_qualname, dict(tb.tb_frame.f_locals)
            tb = tb.tb_next
        pending += [e for e in (current.__cause__, current.__context__) if e is not None]
        if isinstance(current, BaseExceptionGroup):
            pending += current.exceptions


def assert_no_secret_reachable(exc: BaseException) -> int:
    frames = 0
    for where, local_vars in reachable_frames(exc):
        frames += 1
        for name, value in local_vars.items():
            shown = repr(value)
            assert SECRET not in shown, f"the client secret in {where}: {name} = {shown[:200]}"
            assert ACCESS not in shown, f"the token in {where}: {name} = {shown[:200]}"
    report = traceback.TracebackException.from_exception(exc, capture_locals=True)
    captured = "".join(
        f"{frame.name}: {frame.locals}" for frame in _stacks(report) if frame.filename != __file__
    )
    assert SECRET not in captured and ACCESS not in captured
    return frames


def _stacks(report: traceback.TracebackException) -> Iterator[traceback.FrameSummary]:
    """The frames of a captured report and of every report it chains to."""
    seen: set[int] = set()
    pending = [report]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield from current.stack
        pending += [e for e in (current.__cause__, current.__context__) if e is not None]
        pending += getattr(current, "exceptions", None) or []


@contextmanager
def resetting_server() -> Iterator[str]:
    """A loopback server that reads each request and answers with a TCP reset."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.settimeout(0.05)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn:
                conn.settimeout(5)
                data = b""
                while b"\r\n\r\n" not in data:
                    chunk = conn.recv(65536)
                    if not chunk:
                        break
                    data += chunk
                conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/api/public"
    finally:
        stop.set()
        thread.join(5)
        listener.close()


async def test_a_refused_secret_leaves_no_frame_holding_it() -> None:
    with respx.mock(base_url=BASE) as router:
        router.post("/oauth/token").respond(401, json={"error": "invalid_client"})
        async with SpectroCoinClient("client-1", SECRET) as sc:
            with pytest.raises(AuthenticationError) as caught:
                await sc.accounts.list_accounts()
            # The token endpoint called directly, the secret in the caller's own model.
            with pytest.raises(APIError) as direct:
                await sc.auth.get_access_token(
                    body=TokenRequest(
                        grant_type=GrantType.CLIENT_CREDENTIALS,
                        client_id="client-1",
                        client_secret=SECRET,
                    )
                )
        sent = [call.request.content for call in router.calls]
    assert all(SECRET.encode() in content for content in sent) and len(sent) == 2  # it did go out
    assert assert_no_secret_reachable(caught.value) >= 3
    assert assert_no_secret_reachable(direct.value) >= 3


async def test_a_connection_error_on_an_authenticated_call_leaves_no_token_in_frames() -> None:
    with resetting_server() as base_url:
        with respx.mock(assert_all_called=False) as router:
            router.post(f"{base_url}/oauth/token").respond(json=TOKEN)
            router.route(host="127.0.0.1").pass_through()
            async with SpectroCoinClient("client-1", SECRET, base_url=base_url, retry=None) as sc:
                with pytest.raises(APIConnectionError) as caught:
                    await sc.accounts.list_accounts(max_attempts=1)
                # A money move too: never retried, the same rule for its frames.
                with pytest.raises(APIConnectionError) as money:
                    await sc.request("POST", "/exchanges", form={"payAmount": "1"})
    assert assert_no_secret_reachable(caught.value) >= 3
    assert assert_no_secret_reachable(money.value) >= 3
    assert isinstance(caught.value.__cause__, httpx.TransportError)  # the cause is kept...
    assert caught.value.__cause__.__traceback__ is None  # ...without its frames


async def test_a_connection_error_at_the_token_endpoint_leaves_no_secret_in_frames() -> None:
    with resetting_server() as base_url:
        async with SpectroCoinClient("client-1", SECRET, base_url=base_url, retry=None) as sc:
            with pytest.raises(SpectroCoinError) as caught:
                await sc.accounts.list_accounts()
    assert isinstance(caught.value, APIConnectionError)
    assert assert_no_secret_reachable(caught.value) >= 3
