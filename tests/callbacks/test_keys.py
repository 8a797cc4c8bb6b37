"""PublicKeySource: caching, re-fetch on rotation (spectrocoin_async._callbacks.keys)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
import respx
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from spectrocoin_async._callbacks import (
    SPECTROCOIN_PUBLIC_KEY_URL,
    PublicKeySource,
    parse_callback,
    verify_callback,
)
from spectrocoin_async._errors import (
    CallbackError,
    CallbackUnavailableError,
    CallbackVerificationError,
    SpectroCoinError,
    ValidationError,
)
from tests.callbacks.support import FORM, SIGNED_FIELDS, SIGNED_PAYLOAD, form_body, orders, sign
from tests.support.fakes import FakeClock


def counting_transport(
    responses: list[httpx.Response], seen: list[httpx.Request]
) -> httpx.MockTransport:
    async def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        await anyio.sleep(0.01)  # let every concurrent caller reach the lock
        return responses.pop(0) if len(responses) > 1 else responses[0]

    return httpx.MockTransport(handler)


@pytest.mark.anyio
async def test_url_is_fetched_once_for_concurrent_loads(public_pem: bytes) -> None:
    seen: list[httpx.Request] = []
    transport = counting_transport([httpx.Response(200, content=public_pem)], seen)
    source = PublicKeySource(url="https://keys.example/sc.pem")
    results: list[bytes] = []

    async def load(http: httpx.AsyncClient) -> None:
        results.append(await source.load(http))

    async with httpx.AsyncClient(transport=transport) as http:
        async with anyio.create_task_group() as tg:
            for _ in range(10):
                tg.start_soon(load, http)
        assert await source.load(http) == public_pem

    assert len(seen) == 1
    assert str(seen[0].url) == "https://keys.example/sc.pem"
    assert results == [public_pem] * 10


@pytest.mark.anyio
async def test_default_source_is_spectrocoins_url(public_pem: bytes) -> None:
    seen: list[httpx.Request] = []
    transport = counting_transport([httpx.Response(200, content=public_pem)], seen)

    async with httpx.AsyncClient(transport=transport) as http:
        assert await PublicKeySource().load(http) == public_pem

    assert str(seen[0].url) == SPECTROCOIN_PUBLIC_KEY_URL
    assert "authorization" not in seen[0].headers


@pytest.mark.anyio
@pytest.mark.parametrize(
    "first",
    [
        httpx.Response(503, text="maintenance"),
        httpx.Response(200, text="<html>captive portal</html>"),
    ],
)
async def test_failed_fetch_is_remembered_for_the_interval_then_tried_again(
    first: httpx.Response, public_pem: bytes
) -> None:
    seen: list[httpx.Request] = []
    transport = counting_transport([first, httpx.Response(200, content=public_pem)], seen)
    clock = FakeClock()
    source = PublicKeySource(url="https://keys.example/sc.pem", clock=clock)

    async with httpx.AsyncClient(transport=transport) as http:
        # Issue 10 item 3: a key outage says nothing about the callback: "unavailable", not
        # "verification failed", so that the app answers 503 and the callback is sent again.
        with pytest.raises(CallbackUnavailableError, match="public key") as first_error:
            await source.load(http)
        clock.now = 59.999  # issue 17 item 11: inside the interval, the failure is remembered
        with pytest.raises(CallbackUnavailableError) as remembered:
            await source.load(http)
        assert len(seen) == 1
        clock.now = 60.0
        assert await source.load(http) == public_pem
        assert await source.load(http) == public_pem

    assert len(seen) == 2
    assert str(remembered.value) == (
        f"{first_error.value} (remembered: tried again in 0 s at the earliest)"
    )


@pytest.mark.anyio
async def test_connection_error_becomes_unavailable_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
        with pytest.raises(CallbackUnavailableError, match="cannot fetch .*ConnectError") as info:
            await PublicKeySource(url="https://keys.example/sc.pem").load(http)
    assert isinstance(info.value.__cause__, httpx.ConnectError)


@pytest.mark.anyio
async def test_path_source(tmp_path: Any, public_pem: bytes) -> None:
    path = tmp_path / "sc.pem"
    source = PublicKeySource(path=path)

    with pytest.raises(CallbackUnavailableError, match="cannot read"):
        await source.load(None)
    path.write_bytes(public_pem)
    assert await source.load(None) == public_pem
    path.unlink()
    assert await source.load(None) == public_pem  # cached


@pytest.mark.anyio
async def test_pem_source_needs_no_client(public_pem: bytes) -> None:
    assert await PublicKeySource(pem=public_pem).load(None) == public_pem


def test_source_takes_only_one_origin(public_pem: bytes) -> None:
    with pytest.raises(ValueError, match="one of"):
        PublicKeySource(pem=public_pem, url="https://keys.example/sc.pem")
    with pytest.raises(ValueError, match="one of"):
        PublicKeySource(path="/x.pem", url="https://keys.example/sc.pem")


KEY_URL = "https://keys.example/sc.pem"


def pem_of(key: rsa.RSAPrivateKey) -> bytes:
    return key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def body_signed_by(key: rsa.RSAPrivateKey) -> bytes:
    return form_body({**SIGNED_FIELDS, "sign": sign(key, SIGNED_PAYLOAD)})


async def verify_body(source: PublicKeySource, http: httpx.AsyncClient, body: bytes) -> str | None:
    get_order, _ = orders()
    cb = parse_callback(FORM, body)
    verified = await verify_callback(cb, get_order=get_order, public_key=source, http=http)
    return verified.order_id


@pytest.mark.anyio
async def test_rotated_key_is_fetched_again_and_the_callback_verifies(
    private_key: rsa.RSAPrivateKey, new_key: rsa.RSAPrivateKey
) -> None:
    from spectrocoin_async import SpectroCoinClient

    clock = FakeClock()
    with respx.mock(assert_all_called=False) as router:
        route = router.get(KEY_URL).mock(
            side_effect=[
                httpx.Response(200, content=pem_of(private_key)),
                httpx.Response(200, content=pem_of(new_key)),
            ]
        )
        async with SpectroCoinClient._testing(public_key_url=KEY_URL, clock=clock) as sc:
            old = await sc.merchant.verify_callback(FORM, body_signed_by(private_key))
            assert route.call_count == 1
            clock.now += 1.0  # rotated right after the first load: no interval to wait out
            new = await sc.merchant.verify_callback(FORM, body_signed_by(new_key))
            assert route.call_count == 2
            again = await sc.merchant.verify_callback(FORM, body_signed_by(new_key))
            assert route.call_count == 2  # the new key is the cached one now
            with pytest.raises(CallbackVerificationError) as info:
                await sc.merchant.verify_callback(FORM, body_signed_by(private_key))
            assert route.call_count == 2  # the retired key: rejected, no fetch in the interval
    assert str(info.value) == (
        "legacy callback signature does not match: not signed by SpectroCoin, or altered"
    )
    assert old.order_id == new.order_id == again.order_id == "shop-42"


@pytest.mark.anyio
async def test_forged_callback_flood_costs_one_refetch_per_interval(
    private_key: rsa.RSAPrivateKey, forger_key: rsa.RSAPrivateKey
) -> None:
    clock = FakeClock()
    source = PublicKeySource(url=KEY_URL, clock=clock)  # refetch_interval: 60 s by default
    forged = body_signed_by(forger_key)
    with respx.mock(assert_all_called=False) as router:
        route = router.get(KEY_URL).respond(200, content=pem_of(private_key))
        async with httpx.AsyncClient() as http:
            for _ in range(100):  # 100 forged callbacks in 50 s
                with pytest.raises(CallbackVerificationError, match="does not match"):
                    await verify_body(source, http, forged)
                clock.now += 0.5
            assert route.call_count == 2  # the first load, then one re-fetch (the same key)
            assert await verify_body(source, http, body_signed_by(private_key)) == "shop-42"
            clock.now = 59.999
            with pytest.raises(CallbackVerificationError, match="does not match"):
                await verify_body(source, http, forged)
            assert route.call_count == 2
            clock.now = 60.0  # the interval is over: one more try
            for _ in range(10):
                with pytest.raises(CallbackVerificationError, match="does not match"):
                    await verify_body(source, http, forged)
            assert route.call_count == 3


@pytest.mark.anyio
@pytest.mark.parametrize(
    "outage",
    [
        httpx.Response(503, text="maintenance"),
        httpx.Response(200, text="<html>captive portal</html>"),
    ],
    ids=["503", "html"],
)
async def test_forged_callbacks_during_a_key_outage_cost_one_fetch_per_interval(
    outage: httpx.Response, private_key: rsa.RSAPrivateKey, forger_key: rsa.RSAPrivateKey
) -> None:
    # Issue 17 item 11: while the key URL fails, 100 forged legacy callbacks (concurrent, then
    # one by one) cost one key fetch, not 100; the first callback after the interval tries once
    # more, and a genuine one verifies as soon as the key is back.
    from spectrocoin_async import SpectroCoinClient

    clock = FakeClock()
    forged = body_signed_by(forger_key)
    answered = anyio.Event()
    answers = [outage, httpx.Response(200, content=pem_of(private_key))]

    async def key_url(request: httpx.Request) -> httpx.Response:
        await answered.wait()  # in flight while every forged callback arrives
        return answers.pop(0)

    failures: list[BaseException] = []

    async def forged_callback(sc: SpectroCoinClient) -> None:
        try:
            await sc.merchant.verify_callback(FORM, forged)
        except SpectroCoinError as exc:
            failures.append(exc)

    with respx.mock(assert_all_called=False) as router:
        route = router.get(KEY_URL).mock(side_effect=key_url)
        async with SpectroCoinClient._testing(public_key_url=KEY_URL, clock=clock) as sc:
            async with anyio.create_task_group() as tg:
                for _ in range(100):
                    tg.start_soon(forged_callback, sc)
                await anyio.wait_all_tasks_blocked()
                answered.set()
            assert route.call_count == 1
            assert len(failures) == 100
            assert {type(e) for e in failures} == {CallbackUnavailableError}
            for _ in range(100):  # one by one, through the rest of the interval
                clock.now += 0.59
                with pytest.raises(CallbackUnavailableError, match="remembered"):
                    await sc.merchant.verify_callback(FORM, forged)
            assert route.call_count == 1
            clock.now = 60.0  # the interval is over: one more fetch, and the key is back
            genuine = await sc.merchant.verify_callback(FORM, body_signed_by(private_key))
            assert genuine.order_id == "shop-42"
            assert route.call_count == 2


@pytest.mark.anyio
async def test_concurrent_mismatches_share_one_refetch(
    private_key: rsa.RSAPrivateKey, new_key: rsa.RSAPrivateKey, forger_key: rsa.RSAPrivateKey
) -> None:
    clock = FakeClock()
    source = PublicKeySource(url=KEY_URL, clock=clock)
    served = [pem_of(private_key), pem_of(new_key)]

    async def serve(request: httpx.Request) -> httpx.Response:
        await anyio.sleep(0.01)  # in flight while every other caller arrives
        return httpx.Response(200, content=served.pop(0) if len(served) > 1 else served[0])

    genuine: list[str | None] = []
    rejected: list[type[BaseException]] = []

    async def verify_new(http: httpx.AsyncClient) -> None:
        genuine.append(await verify_body(source, http, body_signed_by(new_key)))

    async def verify_forged(http: httpx.AsyncClient) -> None:
        try:
            await verify_body(source, http, body_signed_by(forger_key))
        except CallbackError as exc:
            rejected.append(type(exc))

    with respx.mock(assert_all_called=False) as router:
        route = router.get(KEY_URL).mock(side_effect=serve)
        async with httpx.AsyncClient() as http:
            assert await source.load(http) == pem_of(private_key)
            async with anyio.create_task_group() as tg:
                for _ in range(20):
                    tg.start_soon(verify_new, http)
            assert route.call_count == 2  # one re-fetch for twenty mismatches
            clock.now += 60.0
            async with anyio.create_task_group() as tg:
                for _ in range(20):
                    tg.start_soon(verify_forged, http)
            assert route.call_count == 3
    assert genuine == ["shop-42"] * 20
    assert rejected == [CallbackVerificationError] * 20


@pytest.mark.anyio
@pytest.mark.parametrize(
    "failure",
    [
        httpx.Response(503, text="maintenance"),
        httpx.Response(200, text="<html>captive portal</html>"),
        httpx.ConnectError("refused"),
    ],
    ids=["503", "not-a-key", "connect-error"],
)
async def test_failed_refetch_keeps_the_old_key_and_rejects_as_a_mismatch(
    failure: httpx.Response | Exception,
    private_key: rsa.RSAPrivateKey,
    forger_key: rsa.RSAPrivateKey,
    caplog: pytest.LogCaptureFixture,
) -> None:
    clock = FakeClock()
    source = PublicKeySource(url=KEY_URL, clock=clock)
    with respx.mock(assert_all_called=False) as router:
        route = router.get(KEY_URL).mock(
            side_effect=[httpx.Response(200, content=pem_of(private_key)), failure]
        )
        async with httpx.AsyncClient() as http:
            with caplog.at_level(logging.WARNING, logger="spectrocoin_async._callbacks"):
                # A mismatch, not an outage: 400 from callback_app, never a 503 per forgery.
                with pytest.raises(CallbackError) as info:
                    await verify_body(source, http, body_signed_by(forger_key))
            assert type(info.value) is CallbackVerificationError
            assert await verify_body(source, http, body_signed_by(private_key)) == "shop-42"
    assert route.call_count == 2
    assert [r.getMessage()[:56] for r in caplog.records] == [
        "kept the cached callback public key; fetching it again f"
    ]


@pytest.mark.anyio
async def test_pem_source_never_refetches(public_pem: bytes, forger_key: rsa.RSAPrivateKey) -> None:
    source = PublicKeySource(pem=public_pem)
    assert await source.refetch(public_pem, None) is None
    with respx.mock(assert_all_called=False) as router:  # any request would fail the test
        async with httpx.AsyncClient() as http:
            with pytest.raises(CallbackVerificationError, match="does not match"):
                await verify_body(source, http, body_signed_by(forger_key))
    assert router.calls.call_count == 0


@pytest.mark.anyio
async def test_path_source_rereads_a_replaced_key_file_under_the_same_bound(
    tmp_path: Path,
    private_key: rsa.RSAPrivateKey,
    new_key: rsa.RSAPrivateKey,
    forger_key: rsa.RSAPrivateKey,
) -> None:
    clock = FakeClock()
    path = tmp_path / "sc.pem"
    path.write_bytes(pem_of(private_key))
    source = PublicKeySource(path=path, clock=clock)
    async with httpx.AsyncClient() as http:
        assert await verify_body(source, http, body_signed_by(private_key)) == "shop-42"
        path.write_bytes(pem_of(new_key))  # rotated on disk
        assert await verify_body(source, http, body_signed_by(new_key)) == "shop-42"
        path.write_bytes(pem_of(forger_key))  # replaced again inside the interval: not read
        with pytest.raises(CallbackVerificationError, match="does not match"):
            await verify_body(source, http, body_signed_by(forger_key))
        clock.now += 60.0
        assert await verify_body(source, http, body_signed_by(forger_key)) == "shop-42"


@pytest.mark.parametrize("bad", [0, -1.0, float("nan"), float("inf"), True, "60"])
def test_refetch_interval_is_validated(bad: Any) -> None:
    with pytest.raises(ValidationError) as info:
        PublicKeySource(refetch_interval=bad)
    assert info.value.field == "refetch_interval"
    assert str(info.value) == (
        f"refetch_interval: must be a finite number of seconds above 0; got {bad!r}"
    )


@pytest.mark.anyio
async def test_a_decompression_bomb_at_the_key_url_is_refused_as_read() -> None:
    # Issue 17, item 4: the key fetch read and inflated whatever the URL sent before looking.
    import tracemalloc

    from tests.support.bombs import MIB, CountingStream, gzip_bomb

    stream = CountingStream(gzip_bomb(512))
    bomb = httpx.Response(200, headers={"content-encoding": "gzip"}, stream=stream)
    transport = httpx.MockTransport(lambda request: bomb)
    tracemalloc.start()
    try:
        async with httpx.AsyncClient(transport=transport) as http:
            with pytest.raises(CallbackUnavailableError) as caught:
                await PublicKeySource(url="https://keys.example/sc.pem").load(http)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert str(caught.value) == (
        "cannot fetch the callback public key from https://keys.example/sc.pem: "
        "response body is larger than 65536 bytes (decoded)"  # a PEM key is a few KiB
    )
    assert stream.pulled <= stream.chunk and stream.closed
    assert peak < 4 * MIB
