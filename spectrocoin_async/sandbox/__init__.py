"""A local, stateful SpectroCoin sandbox, driven by ``openapi.yaml``: ``spectrocoin-sandbox``.

It serves every operation of the spec under ``/api/public`` with an in-memory ledger (exact
``Decimal`` money), issues tokens for ``sandbox-client`` / ``sandbox-secret``, sends merchant
callbacks, streams exports, and on request limits rates and injects faults. Needs the
``sandbox`` extra (Starlette, uvicorn, cryptography) and a checkout of the repository (for
``openapi.yaml``).

::

    from spectrocoin_async.sandbox import SandboxConfig, SandboxServer

    with SandboxServer(SandboxConfig(seed=7)) as server:    # serves on a background thread
        print(server.url)                                   # http://127.0.0.1:PORT/api/public
"""

from .app import PREFIX, Sandbox, create_app
from .catalogue import DOCS_PROJECT_ID, LEGACY_PROJECT_ID, SANDBOX_PROJECT_ID
from .config import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, SandboxConfig
from .server import SandboxServer

__all__ = [
    "DEFAULT_CLIENT_ID",
    "DEFAULT_CLIENT_SECRET",
    "DOCS_PROJECT_ID",
    "LEGACY_PROJECT_ID",
    "PREFIX",
    "SANDBOX_PROJECT_ID",
    "Sandbox",
    "SandboxConfig",
    "SandboxServer",
    "create_app",
]
