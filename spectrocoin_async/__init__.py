"""spectrocoin-async: an asyncio SDK for the SpectroCoin Public API.

Everything a user needs is importable from here: the client, its configuration, the errors,
callback helpers and every model of the spec.
"""

from typing import TYPE_CHECKING, Any

from ._auth import InMemoryTokenStore, Secret, Token, TokenStore
from ._client import (
    DEFAULT_BASE_URL,
    DEFAULT_DEADLINE,
    DEFAULT_EXPORT_DEADLINE,
    DEFAULT_TIMEOUT,
    SpectroCoinClient,
)
from ._encoding import encode_form, encode_json, plain_number
from ._errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    CallbackError,
    CallbackUnavailableError,
    CallbackVerificationError,
    ClientClosedError,
    EventLoopMismatchError,
    ModelValidationError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
    SpectroCoinError,
    UnprocessableEntityError,
    ValidationError,
)
from ._evidence import UnconfirmedOperationWarning
from ._exports import DownloadResult, ExportsNamespace
from ._generated import models as _models
from ._ratelimit import GroupLimits, InProcessLimiter, Limiter, RateLimits
from ._retry import RetryPolicy
from ._telemetry import configure_logging as _configure_logging
from ._types import UNSET, CallOptions, File, Response, Unset
from ._version import __version__

__all__ = [  # noqa: PLE0604 - models' names are added from the generated list
    "DEFAULT_BASE_URL",
    "DEFAULT_DEADLINE",
    "DEFAULT_EXPORT_DEADLINE",
    "DEFAULT_TIMEOUT",
    "UNSET",
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "BatchFailure",
    "BatchResult",
    "BatchSuccess",
    "CallOptions",
    "CallbackApp",
    "CallbackError",
    "CallbackUnavailableError",
    "CallbackVerificationError",
    "ClientClosedError",
    "EventLoopMismatchError",
    "DownloadResult",
    "ExportsNamespace",
    "File",
    "GroupLimits",
    "InMemoryTokenStore",
    "InProcessLimiter",
    "JsonCallback",
    "LegacyCallback",
    "Limiter",
    "MissingExtraError",
    "ModelValidationError",
    "NotFoundError",
    "PermissionDeniedError",
    "PublicKeySource",
    "RateLimitError",
    "RateLimits",
    "RedisLimiter",
    "RedisTokenStore",
    "RedisUnavailableError",
    "Response",
    "ResponseValidationError",
    "RetryPolicy",
    "Secret",
    "ServerError",
    "SpectroCoinClient",
    "SpectroCoinError",
    "Token",
    "TokenStore",
    "TransportFallbackWarning",
    "UnconfirmedOperationWarning",
    "UnprocessableEntityError",
    "Unset",
    "ValidationError",
    "VerifiedCallback",
    "__version__",
    "callback_app",
    "encode_form",
    "encode_json",
    "iter_batch",
    "parse_callback",
    "plain_number",
    "run_batch",
    *_models.__all__,
]

if TYPE_CHECKING:
    from ._batch import BatchFailure, BatchResult, BatchSuccess, iter_batch, run_batch
    from ._callbacks import (
        CallbackApp,
        JsonCallback,
        LegacyCallback,
        PublicKeySource,
        VerifiedCallback,
        callback_app,
        parse_callback,
    )
    from ._generated.models import *  # noqa: F403 - the models are part of the public surface
    from ._redis import MissingExtraError, RedisLimiter, RedisTokenStore, RedisUnavailableError
    from ._transport import TransportFallbackWarning

# The Redis extra loads on first use, so `import spectrocoin_async` never imports it.
_REDIS_NAMES = frozenset(
    {"MissingExtraError", "RedisLimiter", "RedisTokenStore", "RedisUnavailableError"}
)


# So do the callback helpers (parsing, RSA verification, the ASGI app): a client that never
# receives a callback never loads them.
_CALLBACK_NAMES = frozenset(
    {
        "CallbackApp",
        "JsonCallback",
        "LegacyCallback",
        "PublicKeySource",
        "VerifiedCallback",
        "callback_app",
        "parse_callback",
    }
)

# Batch helpers, and the aiohttp transport's warning, likewise.
_BATCH_NAMES = frozenset({"BatchFailure", "BatchResult", "BatchSuccess", "iter_batch", "run_batch"})


def __getattr__(name: str) -> Any:
    # Models load on first use: importing all 62 up front would double the import time.
    if name in _models.__all__:
        return getattr(_models, name)
    if name in _CALLBACK_NAMES:
        from . import _callbacks

        return getattr(_callbacks, name)
    if name in _BATCH_NAMES:
        from . import _batch

        return getattr(_batch, name)
    if name == "TransportFallbackWarning":
        from ._transport import TransportFallbackWarning

        return TransportFallbackWarning
    if name in _REDIS_NAMES:
        from . import _redis

        return getattr(_redis, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# SPECTROCOIN_LOG=debug|info: the SDK's logger to stderr, as openai-python does for OPENAI_LOG.
_configure_logging()
