"""The ASGI app and the documented framework forms (spectrocoin_async._callbacks.receiver)."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from types import SimpleNamespace
from typing import Any

import anyio
import httpx
import pytest

from spectrocoin_async import Order
from spectrocoin_async._callbacks import (
    JsonCallback,
    PublicKeySource,
    VerifiedCallback,
    callback_app,
    parse_callback,
    verify_callback,
)
from tests.callbacks.support import FORM, JSON, ORDER_UUID, PROJECT, form_body, make_order, orders


class FakeMerchant:
    def __init__(self, get_order: Any = None, error: Exception | None = None) -> None:
        self.get_order = get_order
        self.error = error
        self.calls = 0

    async def verify_callback(self, headers: Mapping[str, str], body: bytes) -> VerifiedCallback:
        self.calls += 1
        if self.error is not None:
            raise self.error
        return await verify_callback(
            parse_callback(headers, body), get_order=self.get_order, project_id=PROJECT
        )


class FakeClient:
    def __init__(self, merchant: FakeMerchant) -> None:
        self.merchant = merchant


class Recorder:
    def __init__(self, error: Exception | None = None) -> None:
        self.seen: list[VerifiedCallback] = []
        self.error = error

    async def __call__(self, verified: VerifiedCallback) -> None:
        self.seen.append(verified)
        if self.error is not None:
            raise self.error


PAID_ORDER = make_order()
JSON_BODY = b'{"id": "%s", "merchantApiId": "%s"}' % (ORDER_UUID.encode(), PROJECT.encode())


def make_app(
    error: Exception | None = None, handler_error: Exception | None = None
) -> tuple[Any, FakeMerchant, Recorder]:
    get_order, _ = orders(**{ORDER_UUID: PAID_ORDER})
    merchant = FakeMerchant(get_order, error)
    recorder = Recorder(handler_error)
    return callback_app(FakeClient(merchant), recorder), merchant, recorder


async def post(
    app: Any, body: bytes, headers: Mapping[str, str], method: str = "POST"
) -> httpx.Response:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://shop.test") as client:
        return await client.request(method, "/callback", content=body, headers=headers)


@pytest.mark.anyio
@pytest.mark.parametrize("method", ["GET", "PUT", "HEAD"])
async def test_app_rejects_other_methods(method: str) -> None:
    app, merchant, recorder = make_app()

    response = await post(app, b"", {}, method=method)

    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert merchant.calls == 0
    assert recorder.seen == []


@pytest.mark.anyio
async def test_app_rejects_other_content_types() -> None:
    app, merchant, _ = make_app()

    response = await post(app, b"id=1", {"Content-Type": "text/plain"})

    assert response.status_code == 415
    assert merchant.calls == 0


@pytest.mark.anyio
async def test_app_accepts_a_verified_json_callback() -> None:
    app, merchant, recorder = make_app()

    response = await post(app, JSON_BODY, JSON)

    assert response.status_code == 200
    assert response.text == "*ok*"
    assert response.headers["content-type"].startswith("text/plain")
    assert merchant.calls == 1
    assert len(recorder.seen) == 1
    verified = recorder.seen[0]
    assert verified.callback == JsonCallback(id=ORDER_UUID, merchant_api_id=PROJECT)
    assert verified.order is PAID_ORDER
    assert verified.status == "PAID"


@pytest.mark.anyio
async def test_app_accepts_a_signed_legacy_callback(
    signed_fields: dict[str, str], public_pem: bytes
) -> None:
    recorder = Recorder()

    class LegacyMerchant:
        async def verify_callback(
            self, headers: Mapping[str, str], body: bytes
        ) -> VerifiedCallback:
            async def get_order(order_id: str) -> Order:
                raise AssertionError("legacy callbacks are not fetched")

            return await verify_callback(
                parse_callback(headers, body),
                get_order=get_order,
                public_key=PublicKeySource(pem=public_pem),
            )

    app = callback_app(SimpleNamespace(merchant=LegacyMerchant()), recorder)

    ok = await post(app, form_body(signed_fields), FORM)
    bad = await post(app, form_body({**signed_fields, "receivedAmount": "50.0"}), FORM)

    assert (ok.status_code, ok.text) == (200, "*ok*")
    assert bad.status_code == 400
    assert len(recorder.seen) == 1
    assert recorder.seen[0].status == "PAID"


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b'{"id": "%s", "merchantApiId": "someone-else"}' % ORDER_UUID.encode(), "verification"),
        (b'{"id": "0a4f7c2e-0000-0000-0000-000000000000"}', "verification"),
        (b'{"no": "id"}', "malformed"),
    ],
)
async def test_app_answers_400_to_a_bad_callback(
    body: bytes, reason: str, caplog: pytest.LogCaptureFixture
) -> None:
    app, merchant, recorder = make_app()

    with caplog.at_level(logging.WARNING, logger="spectrocoin_async._callbacks"):
        response = await post(app, body, JSON)

    assert response.status_code == 400
    assert reason in response.text
    assert "someone-else" not in response.text
    assert len(response.text) < 60
    assert merchant.calls == 1
    assert recorder.seen == []
    assert any("rejected" in r.message for r in caplog.records)


@pytest.mark.anyio
async def test_app_answers_500_when_the_handler_fails(caplog: pytest.LogCaptureFixture) -> None:
    app, _, recorder = make_app(handler_error=RuntimeError("database is down"))

    with caplog.at_level(logging.ERROR, logger="spectrocoin_async._callbacks"):
        response = await post(app, JSON_BODY, JSON)

    assert response.status_code == 500
    assert "database" not in response.text
    assert len(recorder.seen) == 1
    [record] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert record.name == "spectrocoin_async._callbacks"
    assert record.exc_info is not None
    assert isinstance(record.exc_info[1], RuntimeError)


@pytest.mark.anyio
async def test_app_answers_503_when_verification_cannot_be_done(
    caplog: pytest.LogCaptureFixture,
) -> None:
    app, merchant, recorder = make_app(error=httpx.ConnectError("api down"))

    with caplog.at_level(logging.ERROR, logger="spectrocoin_async._callbacks"):
        response = await post(app, JSON_BODY, JSON)

    assert response.status_code == 503
    assert merchant.calls == 1
    assert recorder.seen == []
    assert any(r.exc_info for r in caplog.records)


@pytest.mark.anyio
async def test_app_answers_503_when_the_signing_key_cannot_be_fetched(
    signed_fields: dict[str, str],
) -> None:
    # Issue 10 item 3: a key outage answered 400 "verification failed"; a sender may stop
    # retrying after a 4xx. It is a 503 now, like an API outage on the JSON path.
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    class KeyOutageMerchant:
        async def verify_callback(
            self, headers: Mapping[str, str], body: bytes
        ) -> VerifiedCallback:
            async with httpx.AsyncClient(transport=httpx.MockTransport(refuse)) as http:
                return await verify_callback(
                    parse_callback(headers, body),
                    get_order=orders()[0],
                    public_key=PublicKeySource(url="https://keys.example/sc.pem"),
                    http=http,
                )

    recorder = Recorder()
    app = callback_app(SimpleNamespace(merchant=KeyOutageMerchant()), recorder)

    response = await post(app, form_body(signed_fields), FORM)

    assert (response.status_code, response.text) == (503, "cannot verify the callback now")
    assert recorder.seen == []


@pytest.mark.anyio
async def test_app_caps_the_body() -> None:
    app, merchant, _ = make_app()

    response = await post(app, b'{"id": "' + b"a" * 70_000 + b'"}', JSON)

    assert response.status_code == 413
    assert merchant.calls == 0


async def drive(
    app: Any, scope: dict[str, Any], messages: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    sent: list[dict[str, Any]] = []
    pending = list(messages)

    async def receive() -> dict[str, Any]:
        if pending:
            return pending.pop(0)
        await anyio.sleep_forever()
        raise AssertionError

    async def send(message: Any) -> None:
        sent.append(dict(message))

    with anyio.fail_after(5):
        await app(scope, receive, send)
    return sent


@pytest.mark.anyio
async def test_app_reads_a_body_sent_in_chunks_without_content_length() -> None:
    app, _, recorder = make_app()
    scope = {
        "type": "http",
        "method": "POST",
        "path": "/",
        "headers": [(b"content-type", b"application/json")],
    }
    half = len(JSON_BODY) // 2
    messages = [
        {"type": "http.request", "body": JSON_BODY[:half], "more_body": True},
        {"type": "http.request", "body": JSON_BODY[half:], "more_body": False},
    ]

    sent = await drive(app, scope, messages)

    assert sent[0]["status"] == 200
    assert sent[1]["body"] == b"*ok*"
    assert len(recorder.seen) == 1


@pytest.mark.anyio
async def test_app_caps_a_chunked_body() -> None:
    app, merchant, _ = make_app()
    scope = {
        "type": "http",
        "method": "POST",
        "headers": [(b"content-type", b"application/json")],
    }
    chunk = {"type": "http.request", "body": b"x" * 40_000, "more_body": True}

    sent = await drive(app, scope, [chunk, chunk, chunk])

    assert sent[0]["status"] == 413
    assert merchant.calls == 0


@pytest.mark.anyio
async def test_app_handles_lifespan_and_ignores_other_scopes() -> None:
    app, _, _ = make_app()

    sent = await drive(
        app,
        {"type": "lifespan", "asgi": {"version": "3.0"}},
        [{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}],
    )
    assert sent == [{"type": "lifespan.startup.complete"}, {"type": "lifespan.shutdown.complete"}]

    assert await drive(app, {"type": "websocket", "headers": []}, []) == []


@pytest.mark.anyio
async def test_app_stops_quietly_when_the_client_disconnects() -> None:
    app, merchant, _ = make_app()
    scope = {"type": "http", "method": "POST", "headers": [(b"content-type", b"application/json")]}

    assert await drive(app, scope, [{"type": "http.disconnect"}]) == []
    assert merchant.calls == 0


@pytest.mark.anyio
@pytest.mark.parametrize("length", [b"\xc2\xb2", b"abc", b"-1", b"99999999999999999999999"])
async def test_app_ignores_an_odd_content_length(length: bytes) -> None:
    app, _, recorder = make_app()
    scope = {
        "type": "http",
        "method": "POST",
        "headers": [(b"content-type", b"application/json"), (b"content-length", length)],
    }

    sent = await drive(app, scope, [{"type": "http.request", "body": JSON_BODY}])

    assert sent[0]["status"] == 200
    assert len(recorder.seen) == 1


def framework_app(framework: str, form: str, app: Any) -> Any:
    if framework == "starlette":
        from starlette.applications import Starlette

        web: Any = Starlette()
    else:
        from fastapi import FastAPI

        web = FastAPI()
    if form == "route":
        from starlette.routing import Route

        web.routes.append(Route("/spectrocoin/callback", app, methods=["POST"]))
    else:
        web.mount("/spectrocoin/callback", app)
    return web


async def post_to(app: Any, path: str, body: bytes, headers: Mapping[str, str]) -> httpx.Response:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="https://shop.test") as client:
        return await client.post(path, content=body, headers=headers)


@pytest.mark.anyio
@pytest.mark.parametrize("framework", ["starlette", "fastapi"])
async def test_documented_route_form_receives_callbacks(framework: str) -> None:
    # Issue 10 item 4: the mount form lost callbacks sent to a callbackUrl without a trailing
    # slash (a 307 nobody follows); the documented route form takes the exact path.
    app, merchant, recorder = make_app()
    web = framework_app(framework, "route", app)

    ok = await post_to(web, "/spectrocoin/callback", JSON_BODY, JSON)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=web), base_url="https://shop.test"
    ) as client:
        wrong_method = await client.get("/spectrocoin/callback")

    assert (ok.status_code, ok.text) == (200, "*ok*")
    assert wrong_method.status_code == 405
    assert len(recorder.seen) == 1
    assert merchant.calls == 1
    assert recorder.seen[0].order_id == "shop-42"


@pytest.mark.anyio
@pytest.mark.parametrize("framework", ["starlette", "fastapi"])
async def test_documented_mount_form_needs_the_trailing_slash(framework: str) -> None:
    app, _, recorder = make_app()
    web = framework_app(framework, "mount", app)

    with_slash = await post_to(web, "/spectrocoin/callback/", JSON_BODY, JSON)
    without = await post_to(web, "/spectrocoin/callback", JSON_BODY, JSON)

    assert (with_slash.status_code, with_slash.text) == (200, "*ok*")
    # What the docstring warns about: the framework redirects before the app runs.
    assert without.status_code == 307
    assert len(recorder.seen) == 1


def test_docstring_shows_the_tested_forms() -> None:
    doc = callback_app.__doc__ or ""
    assert "receiver = callback_app(sc, on_order)" in doc
    assert 'app.routes.append(Route("/spectrocoin/callback", receiver, methods=["POST"]))' in doc
    assert 'app.mount("/spectrocoin/callback", callback_app(...))' in doc
    assert "ends in ``/``" in doc
