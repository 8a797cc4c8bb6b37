"""OpenTelemetry (the otel extra): a CLIENT span per call, a child span per attempt, metrics;
no secret in any attribute; nothing at all without a provider. Checked with the SDK's
in-memory span exporter and metric reader."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from opentelemetry import trace
from opentelemetry.metrics import _internal as metrics_internal
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode

from spectrocoin_async import BadRequestError, _telemetry
from spectrocoin_async._generated._operations import OPERATIONS
from spectrocoin_async._telemetry import observe, redacted_url
from tests.runtime.test_traffic import CLIENT_SECRET, TOKEN, Wire, always, make_client, r
from tests.support.fakes import FakeClock

HOST = "https://spectrocoin.com/api/public"


@pytest.fixture(autouse=True)
def _no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("SPECTROCOIN_CLIENT_ID", "SPECTROCOIN_CLIENT_SECRET", "SPECTROCOIN_BASE_URL"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def wire(clock: FakeClock) -> Wire:
    return Wire(clock)


class Recorded:
    def __init__(self, spans: InMemorySpanExporter, reader: InMemoryMetricReader) -> None:
        self._spans = spans
        self._reader = reader

    def spans(self) -> list[ReadableSpan]:
        return list(self._spans.get_finished_spans())

    def points(self, name: str) -> list[Any]:
        data = self._reader.get_metrics_data()
        assert data is not None
        return [
            point
            for resource in data.resource_metrics
            for scope in resource.scope_metrics
            for metric in scope.metrics
            if metric.name == name
            for point in metric.data.data_points
        ]


@pytest.fixture
def otel(monkeypatch: pytest.MonkeyPatch) -> Iterator[Recorded]:
    """Providers as an application sets them; the API allows setting them once per process,
    so the test swaps its globals (and monkeypatch puts the API's stand-ins back)."""
    spans = InMemorySpanExporter()
    tracer_provider = TracerProvider()
    tracer_provider.add_span_processor(SimpleSpanProcessor(spans))
    reader = InMemoryMetricReader()
    monkeypatch.setattr(trace, "_TRACER_PROVIDER", tracer_provider)
    monkeypatch.setattr(metrics_internal, "_METER_PROVIDER", MeterProvider(metric_readers=[reader]))
    yield Recorded(spans, reader)
    tracer_provider.shutdown()


def by_name(spans: list[ReadableSpan], name: str) -> list[ReadableSpan]:
    return [s for s in spans if s.name == name]


@pytest.mark.anyio
async def test_a_call_is_a_client_span_with_a_child_per_attempt(
    otel: Recorded, clock: FakeClock, wire: Wire
) -> None:
    wire.router.get("/accounts").mock(side_effect=[r(503), r(200, json=[]), r(200, json=[])])
    async with make_client(clock, wire) as sc:
        assert await sc.accounts.list_accounts() == []
        assert await sc.accounts.list_accounts() == []  # the cached token: no refresh

    spans = otel.spans()
    first, second = [s for s in by_name(spans, "GET /accounts") if s.parent is None]
    for call in (first, second):
        assert call.kind is SpanKind.CLIENT
    attempts = [
        s for s in spans if s.parent is not None and s.parent.span_id == first.context.span_id
    ]
    assert [(a.attributes or {})["http.response.status_code"] for a in attempts] == [503, 200]
    assert dict(first.attributes or {}) == {
        "http.request.method": "GET",
        "url.full": f"{HOST}/accounts",
        "server.address": "spectrocoin.com",
        "server.port": 443,
        "spectrocoin.operation": "listAccounts",
        "http.response.status_code": 200,
        "spectrocoin.attempts": 2,
        "spectrocoin.limiter_wait": 0.0,
        "spectrocoin.token_refreshed": True,  # this call waited for the first token
    }
    assert first.status.status_code is StatusCode.UNSET
    one, two = attempts
    assert one.kind is SpanKind.CLIENT and one.name == "GET /accounts"
    assert one.attributes is not None and two.attributes is not None
    assert one.attributes["error.type"] == "503" and one.status.status_code is StatusCode.ERROR
    assert one.attributes["spectrocoin.attempt"] == 1
    assert "http.request.resend_count" not in one.attributes
    assert two.attributes["spectrocoin.attempt"] == 2
    assert two.attributes["http.request.resend_count"] == 1
    assert "error.type" not in two.attributes
    assert second.attributes is not None
    assert second.attributes["spectrocoin.token_refreshed"] is False
    assert second.attributes["spectrocoin.attempts"] == 1
    # The token request is a call of its own (getAccessToken), not a child of the first call.
    (token,) = [s for s in by_name(spans, "POST /oauth/token") if s.parent is None]
    assert token.attributes is not None
    assert token.attributes["spectrocoin.operation"] == "getAccessToken"


@pytest.mark.anyio
async def test_a_failed_call_says_why_and_the_query_is_redacted(
    otel: Recorded, clock: FakeClock, wire: Wire
) -> None:
    wire.router.get("/transactions").mock(side_effect=always(400, json={"errorCode": "GEN_1"}))
    async with make_client(clock, wire) as sc:
        with pytest.raises(BadRequestError):
            await sc.transactions.list_transactions(currency_code="BTC", page=3)
    (call,) = [s for s in by_name(otel.spans(), "GET /transactions") if s.parent is None]
    assert call.attributes is not None
    assert call.attributes["url.full"] == (
        f"{HOST}/transactions?page=REDACTED&size=REDACTED&currencyCode=REDACTED"
    )
    assert call.attributes["error.type"] == "BadRequestError"
    assert call.attributes["http.response.status_code"] == 400
    assert call.status.status_code is StatusCode.ERROR
    assert call.status.description == "BadRequestError"


@pytest.mark.anyio
async def test_a_replay_after_401_records_the_token_refresh(
    otel: Recorded, clock: FakeClock, wire: Wire
) -> None:
    wire.router.get("/accounts").mock(side_effect=[r(200, json=[]), r(401), r(200, json=[])])
    async with make_client(clock, wire) as sc:
        await sc.accounts.list_accounts()
        otel._spans.clear()
        await sc.accounts.list_accounts()  # 401: a fresh token, one replay
    spans = otel.spans()
    (call,) = [s for s in by_name(spans, "GET /accounts") if s.parent is None]
    attempts = [
        s for s in spans if s.parent is not None and s.parent.span_id == call.context.span_id
    ]
    assert call.attributes is not None
    assert call.attributes["spectrocoin.token_refreshed"] is True
    assert call.attributes["spectrocoin.attempts"] == 2
    assert [(a.attributes or {})["spectrocoin.token_refreshed"] for a in attempts] == [False, True]


@pytest.mark.anyio
async def test_metrics_duration_retries_and_limiter_wait(otel: Recorded, clock: FakeClock) -> None:
    wire = Wire(clock, latency=0.25)
    wire.router.get("/accounts").mock(side_effect=[r(503), r(503), r(200, json=[])])
    async with make_client(clock, wire) as sc:
        await sc.accounts.list_accounts()
    attempts = otel.points("http.client.request.duration")
    by_status = {
        (p.attributes["spectrocoin.operation"], p.attributes.get("http.response.status_code")): p
        for p in attempts
    }
    assert by_status[("listAccounts", 503)].count == 2
    assert by_status[("listAccounts", 200)].count == 1
    assert by_status[("getAccessToken", 200)].count == 1
    # The fake clock's latency: every attempt took exactly 0.25 s.
    assert by_status[("listAccounts", 503)].sum == pytest.approx(0.5)
    (retries,) = otel.points("spectrocoin.client.retries")
    assert retries.value == 2 and retries.attributes["spectrocoin.operation"] == "listAccounts"
    calls = {
        p.attributes["spectrocoin.operation"]: p
        for p in otel.points("spectrocoin.client.call.duration")
    }
    assert calls["listAccounts"].count == 1 and calls["getAccessToken"].count == 1
    waits = {
        p.attributes["spectrocoin.operation"]: p
        for p in otel.points("spectrocoin.client.limiter.wait")
    }
    assert waits["listAccounts"].count == 3 and waits["listAccounts"].sum == 0.0


@pytest.mark.anyio
async def test_no_secret_or_token_in_any_attribute(
    otel: Recorded, clock: FakeClock, wire: Wire
) -> None:
    wire.router.get("/accounts").mock(
        side_effect=[r(401, headers={"WWW-Authenticate": f"Bearer {TOKEN}"}), r(200, json=[])]
    )
    async with make_client(clock, wire) as sc:
        await sc.accounts.list_accounts()
    # The secrets did travel (so the check is not vacuous) ...
    assert CLIENT_SECRET.encode() in wire.requests[0].content
    assert any(q.headers.get("authorization") == f"Bearer {TOKEN}" for q in wire.requests)
    # ... and none reached a span, an event or a metric point.
    dumped = repr([(s.name, s.attributes, s.events, s.status) for s in otel.spans()])
    data = otel._reader.get_metrics_data()
    dumped += repr(data.to_json() if data is not None else "")
    for secret in (TOKEN, CLIENT_SECRET, "Bearer", "authorization", "Authorization"):
        assert secret not in dumped
    assert len(otel.spans()) >= 4


def test_nothing_is_recorded_without_a_provider() -> None:
    # The API's stand-ins (no provider configured): no observer, no span, no instrument.
    assert type(trace.get_tracer_provider()).__name__ == "ProxyTracerProvider"
    assert observe(OPERATIONS["list_accounts"], httpx.URL(HOST + "/accounts"), None) is None


def test_without_the_package_nothing_is_imported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_telemetry._API, "trace", None)
    monkeypatch.setattr(_telemetry._API, "traces", None)
    monkeypatch.setattr(_telemetry._API, "missing", False)
    monkeypatch.setitem(sys.modules, "opentelemetry", None)  # as if not installed
    url = httpx.URL(HOST + "/accounts")
    assert observe(OPERATIONS["list_accounts"], url, None) is None
    assert _telemetry._API.missing is True
    assert observe(OPERATIONS["list_accounts"], url, None) is None


def test_redacted_url_keeps_names_drops_values_and_user_info() -> None:
    url = httpx.URL("https://user:pw@h.example/api/x?a=1&token=abc&a=2#frag")
    assert redacted_url(url) == "https://h.example/api/x?a=REDACTED&token=REDACTED&a=REDACTED"
    assert redacted_url(httpx.URL("http://h.example:8080/p")) == "http://h.example:8080/p"


# -- SPECTROCOIN_LOG ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"), [("debug", "10 1"), ("INFO", "20 1"), ("", "0 0"), ("loud", "0 0")]
)
def test_spectrocoin_log_sets_up_the_logger_on_import(value: str, expected: str) -> None:
    code = (
        "import logging, spectrocoin_async\n"
        "log = logging.getLogger('spectrocoin_async')\n"
        "print(log.level, len(log.handlers))"
    )
    env = {k: v for k, v in os.environ.items() if k != "SPECTROCOIN_LOG"}
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={**env, "SPECTROCOIN_LOG": value},
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == expected


def test_configure_logging_adds_its_handler_once(monkeypatch: pytest.MonkeyPatch) -> None:
    logger = logging.getLogger("spectrocoin_async")
    monkeypatch.setattr(logger, "handlers", [])
    monkeypatch.setattr(logger, "level", logging.NOTSET)
    _telemetry.configure_logging({"SPECTROCOIN_LOG": "debug"})
    _telemetry.configure_logging({"SPECTROCOIN_LOG": "debug"})
    assert logger.level == logging.DEBUG and len(logger.handlers) == 1


def test_logged_url_keeps_the_query_but_not_a_credential() -> None:
    url = httpx.URL("https://u:p@h.example/x?page=2&access_token=abc&currencyCode=BTC")
    assert _telemetry.logged_url(url) == (
        "https://h.example/x?page=2&access_token=REDACTED&currencyCode=BTC"
    )
    assert _telemetry.logged_url(httpx.URL("https://h.example/x?page=2")) == (
        "https://h.example/x?page=2"
    )
