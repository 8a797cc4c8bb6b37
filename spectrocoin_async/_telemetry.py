"""OpenTelemetry traces and metrics for each call (the ``otel`` extra: opentelemetry-api only).

The application configures the SDK (a tracer provider, a meter provider, exporters); this module
only uses the API. Without the package, ``observe`` is always None: the pipeline pays one
attribute test per call. With the package and no provider configured, the same, plus two type
tests (BENCHMARKS.md). With a provider:

- each call is a CLIENT span named ``{method} {path template}`` (``GET /accounts/{id}``), with
  the HTTP client semantic conventions (``http.request.method``, ``url.full`` with every query
  value replaced by ``REDACTED``, ``server.address``, ``server.port``,
  ``http.response.status_code``, ``error.type``) and the SDK's own: ``spectrocoin.operation``,
  ``spectrocoin.attempts``, ``spectrocoin.limiter_wait`` (seconds), ``spectrocoin.token_refreshed``;
- each attempt (the first and every retry or replay) is a child span with the attempt's status,
  ``spectrocoin.attempt``, its own limiter wait and ``http.request.resend_count`` from the second;
- metrics: ``http.client.request.duration`` (each attempt), ``spectrocoin.client.call.duration``,
  ``spectrocoin.client.retries`` and ``spectrocoin.client.limiter.wait``.

No header, body, token or secret is ever an attribute: only the names above, and the URL without
its query values (the token request's secret travels in its body, which is never read here).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode

import httpx

from ._version import __version__

if TYPE_CHECKING:
    from ._auth import TokenManager
    from ._types import Operation

__all__ = ["CallObserver", "configure_logging", "logged_url", "observe", "redacted_url"]


class _API:
    """The OpenTelemetry API, imported on the first call, so that ``import spectrocoin_async``
    stays as fast with the extra installed as without it."""

    trace: Any = None
    metrics: Any = None
    missing = False  # the otel extra is not installed
    # Where the API keeps the providers the application set (None until then). Reading them is
    # two attribute loads; get_tracer_provider() also looks up an environment variable each
    # time, a microsecond per call for nothing (BENCHMARKS.md). Other API versions: the getters.
    traces: Any = None
    meters: Any = None

    @classmethod
    def load(cls) -> bool:
        try:
            from opentelemetry import metrics, trace
            from opentelemetry.metrics import _internal as meters
        except ImportError:
            cls.missing = True
            return False
        # OTEL_PYTHON_*_PROVIDER: the getters load a provider named there into the globals.
        trace.get_tracer_provider()
        metrics.get_meter_provider()
        if hasattr(trace, "_TRACER_PROVIDER") and hasattr(meters, "_METER_PROVIDER"):
            cls.traces, cls.meters = trace, meters
        cls.trace, cls.metrics = trace, metrics
        return True

    @classmethod
    def providers(cls) -> tuple[Any, Any]:
        """The tracer and meter providers the application set (None for one it did not)."""
        if cls.traces is not None:
            return cls.traces._TRACER_PROVIDER, cls.meters._METER_PROVIDER
        return cls.trace.get_tracer_provider(), cls.metrics.get_meter_provider()


_SCOPE = "spectrocoin_async"
# The API's stand-ins until (or unless) the application sets a provider: nothing to record.
_IDLE = frozenset(
    {"ProxyTracerProvider", "NoOpTracerProvider", "_ProxyMeterProvider", "NoOpMeterProvider"}
)
_idle_types: dict[type, bool] = {}
_instruments: dict[int, _Instruments] = {}


def _active(provider: object) -> bool:
    kind = type(provider)
    idle = _idle_types.get(kind)
    if idle is None:
        idle = _idle_types[kind] = kind.__name__ in _IDLE
    return not idle


def observe(
    operation: Operation, url: httpx.URL, tokens: TokenManager | None
) -> CallObserver | None:
    """A recorder for one call, or None when no tracer or meter provider is configured."""
    traces = _API.traces
    if traces is not None:  # the fast path, inlined: every call of every client comes here
        if traces._TRACER_PROVIDER is None and _API.meters._METER_PROVIDER is None:
            return None
    elif _API.trace is None and (_API.missing or not _API.load()):
        return None
    tracer_provider, meter_provider = _API.providers()
    if tracer_provider is None and meter_provider is None:  # nothing set by the application
        return None
    tracing = tracer_provider is not None and _active(tracer_provider)
    metering = meter_provider is not None and _active(meter_provider)
    if not (tracing or metering):
        return None
    tracer = tracer_provider.get_tracer(_SCOPE, __version__) if tracing else None
    instruments = _instruments_for(meter_provider) if metering else None
    return CallObserver(operation, url, tokens, tracer, instruments)


def logged_url(url: httpx.URL) -> str:
    """``url`` for a log line: the query kept (``page=2`` is what one wants to see), except the
    value of a parameter whose name says it is a credential."""
    if not url.query or not any(_secret_name(name) for name in url.params):
        return str(url.copy_with(username=None, password=None))
    pairs = [
        (name, "REDACTED" if _secret_name(name) else value)
        for name, value in parse_qsl(url.query.decode("ascii", "replace"), True)
    ]
    return str(url.copy_with(username=None, password=None, query=urlencode(pairs).encode()))


def _secret_name(name: str) -> bool:
    folded = name.replace("_", "").replace("-", "").lower()
    return any(word in folded for word in ("secret", "token", "password", "key", "signature"))


def configure_logging(env: Mapping[str, str] | None = None) -> None:
    """``SPECTROCOIN_LOG=debug`` (every HTTP attempt) or ``info`` (the SDK's notices): the
    ``spectrocoin_async`` logger at that level, with a stderr handler of its own, as
    openai-python does for ``OPENAI_LOG``. Unset (or anything else): logging is left alone."""
    level = {"debug": logging.DEBUG, "info": logging.INFO}.get(
        (os.environ if env is None else env).get("SPECTROCOIN_LOG", "").strip().lower()
    )
    if level is None:
        return
    logger = logging.getLogger("spectrocoin_async")
    logger.setLevel(level)
    if not any(getattr(h, "_spectrocoin_env", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("[%(asctime)s %(levelname)s %(name)s] %(message)s"))
        handler._spectrocoin_env = True  # type: ignore[attr-defined]  # set up once per process
        logger.addHandler(handler)


def redacted_url(url: httpx.URL) -> str:
    """``url`` with each query value replaced by ``REDACTED`` (names kept), no user info."""
    clean = url.copy_with(username=None, password=None, fragment=None)
    if not url.query:
        return str(clean)
    names = [name for name, _ in parse_qsl(url.query.decode("ascii", "replace"), True)]
    return str(clean.copy_with(query=urlencode([(n, "REDACTED") for n in names]).encode()))


class _Instruments:
    def __init__(self, meter: Any) -> None:
        self.attempt_duration = meter.create_histogram(
            "http.client.request.duration", unit="s", description="Duration of HTTP requests."
        )
        self.call_duration = meter.create_histogram(
            "spectrocoin.client.call.duration",
            unit="s",
            description="Duration of SDK calls, every attempt and wait included.",
        )
        self.retries = meter.create_counter(
            "spectrocoin.client.retries",
            unit="{retry}",
            description="Requests sent again after the first attempt (retries and replays).",
        )
        self.limiter_wait = meter.create_histogram(
            "spectrocoin.client.limiter.wait",
            unit="s",
            description="Time an attempt waited for the client-side rate limiter.",
        )


def _instruments_for(provider: Any) -> _Instruments:
    found = _instruments.get(id(provider))
    if found is None:
        found = _instruments[id(provider)] = _Instruments(provider.get_meter(_SCOPE, __version__))
    return found


class CallObserver:
    """Records one call: its span, a child span per attempt, and the metrics."""

    def __init__(
        self,
        operation: Operation,
        url: httpx.URL,
        tokens: TokenManager | None,
        tracer: Any,
        instruments: _Instruments | None,
    ) -> None:
        self._operation = operation
        self._tokens = tokens
        self._fetches = tokens.fetch_count if tokens is not None else 0
        self._instruments = instruments
        self._started = time.perf_counter()
        self._waited = 0.0
        self._attempts = 0
        self._refreshed = False
        port = url.port or (443 if url.scheme == "https" else 80)
        self._common: dict[str, Any] = {
            "http.request.method": operation.method,
            "server.address": url.host,
            "server.port": port,
            "spectrocoin.operation": operation.operation_id,
        }
        self._span: Any = None
        self._context: Any = None
        if tracer is not None:
            self._span = tracer.start_span(
                f"{operation.method} {operation.path}",
                kind=_API.trace.SpanKind.CLIENT,
                attributes={**self._common, "url.full": redacted_url(url)},
            )
            self._context = _API.trace.set_span_in_context(self._span)
            self._tracer = tracer

    def attempt(
        self,
        request: httpx.Request,
        response: httpx.Response | None,
        error: BaseException | None,
        duration: float,
        waited: float,
    ) -> None:
        """One attempt has ended (a response, or ``error`` from the transport)."""
        self._attempts += 1
        self._waited += waited
        if self._tokens is not None and self._tokens.fetch_count != self._fetches:
            self._fetches = self._tokens.fetch_count
            self._refreshed = True
        attributes = dict(self._common)
        if response is not None:
            attributes["http.response.status_code"] = response.status_code
            if response.status_code >= 400:
                attributes["error.type"] = str(response.status_code)
        elif error is not None:
            attributes["error.type"] = type(error).__name__
        instruments = self._instruments
        if instruments is not None:
            instruments.attempt_duration.record(duration, attributes)
            instruments.limiter_wait.record(waited, self._common)
        if self._span is None:
            return
        url = redacted_url(request.url)
        if self._attempts == 1:
            self._span.set_attribute("url.full", url)  # with the query's names, now known
        end = time.time_ns()
        span = self._tracer.start_span(
            f"{request.method} {self._operation.path}",
            context=self._context,
            kind=_API.trace.SpanKind.CLIENT,
            start_time=end - int((duration + waited) * 1e9),
            attributes={
                **attributes,
                "url.full": url,
                "spectrocoin.attempt": self._attempts,
                "spectrocoin.limiter_wait": waited,
                "spectrocoin.token_refreshed": self._refreshed,
                **({"http.request.resend_count": self._attempts - 1} if self._attempts > 1 else {}),
            },
        )
        if "error.type" in attributes:
            span.set_status(_API.trace.Status(_API.trace.StatusCode.ERROR))
        span.end(end_time=end)

    def finish(self, response: httpx.Response | None, error: BaseException | None) -> None:
        """The call has ended: with ``response`` (success) or by raising ``error``."""
        if self._tokens is not None and self._tokens.fetch_count != self._fetches:
            self._refreshed = True  # a token fetched for the call whose first attempt failed
        attributes = dict(self._common)
        status = response.status_code if response is not None else _status_of(error)
        if status is not None:
            attributes["http.response.status_code"] = status
        if error is not None:
            attributes["error.type"] = type(error).__name__
        instruments = self._instruments
        if instruments is not None:
            instruments.call_duration.record(time.perf_counter() - self._started, attributes)
            if self._attempts > 1:
                instruments.retries.add(self._attempts - 1, self._common)
        span = self._span
        if span is None:
            return
        span.set_attributes(
            {
                **attributes,
                "spectrocoin.attempts": self._attempts,
                "spectrocoin.limiter_wait": self._waited,
                "spectrocoin.token_refreshed": self._refreshed,
            }
        )
        if error is not None:
            # The type and the SDK's own message (it never holds a secret); no traceback.
            span.set_status(
                _API.trace.Status(_API.trace.StatusCode.ERROR, f"{type(error).__name__}")
            )
        span.end()


def _status_of(error: BaseException | None) -> int | None:
    status = getattr(error, "status_code", None)
    return status if isinstance(status, int) and status > 0 else None
