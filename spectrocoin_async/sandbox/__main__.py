"""``spectrocoin-sandbox``: run the local SpectroCoin sandbox.

Prints ``SANDBOX_URL=http://HOST:PORT/api/public`` on one line of stdout once it listens, so a
script can read the port (``--port 0``, the default, picks a free one). A person at a terminal
gets the "listening on" block on stderr instead of both, so the address shows once.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
from collections.abc import Sequence

from .catalogue import DOCS_PROJECT_ID, LEGACY_PROJECT_ID, SANDBOX_PROJECT_ID, SEED_BALANCES
from .config import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, SandboxConfig
from .server import SandboxServer

# The seeded accounts, as the ledger opens them.
_ACCOUNTS = ", ".join(f"{account} {code}" for account, code, _ in SEED_BALANCES)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="spectrocoin-sandbox",
        description="A local, stateful SpectroCoin Public API sandbox, driven by openapi.yaml.",
        epilog=(
            f"Seeded projects: {SANDBOX_PROJECT_ID} (JSON callbacks), "
            f"{LEGACY_PROJECT_ID} (legacy signed form callbacks), "
            f"{DOCS_PROJECT_ID} (the docs' and the README quickstart's example project). "
            f"Seeded accounts: {_ACCOUNTS}. "
            'Play the payer: POST /api/public/sandbox/orders/{id}/simulate {"status": "PAID"}. '
            "Legacy callback key: GET /api/public/sandbox/merchant.public.pem."
        ),
    )
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=0, help="0 (default): a free port")
    p.add_argument("--client-id", default=DEFAULT_CLIENT_ID)
    p.add_argument("--client-secret", default=DEFAULT_CLIENT_SECRET)
    p.add_argument("--token-lifetime", type=int, default=3600, metavar="SECONDS")
    p.add_argument("--seed", type=int, default=None, help="seed for rates and fault dice")
    p.add_argument(
        "--rate-limit",
        type=float,
        default=None,
        metavar="REQ_PER_S",
        help="enforce a token bucket over all API calls (429 + Retry-After)",
    )
    p.add_argument("--rate-burst", type=int, default=10)
    p.add_argument("--latency", type=float, default=0.0, metavar="SECONDS")
    p.add_argument("--error-rate", type=float, default=0.0, help="share of 503 answers")
    p.add_argument("--reset-rate", type=float, default=0.0, help="share of reset connections")
    p.add_argument("--html-rate", type=float, default=0.0, help="share of HTML 502 pages")
    p.add_argument("--truncate-rate", type=float, default=0.0, help="share of cut-off bodies")
    p.add_argument("--fault-timing", choices=("before", "after", "random"), default="random")
    p.add_argument(
        "--fault-operation",
        action="append",
        default=[],
        metavar="OPERATION_ID",
        help="limit faults to this operation (repeatable)",
    )
    p.add_argument(
        "--log-level", default="warning", choices=("critical", "error", "warning", "info", "debug")
    )
    return p


def main(argv: Sequence[str] | None = None) -> None:
    args = _parser().parse_args(argv)
    try:
        config = SandboxConfig(
            client_id=args.client_id,
            client_secret=args.client_secret,
            token_lifetime=args.token_lifetime,
            seed=args.seed,
            rate_limit=args.rate_limit,
            rate_burst=args.rate_burst,
            latency=args.latency,
            error_rate=args.error_rate,
            reset_rate=args.reset_rate,
            html_rate=args.html_rate,
            truncate_rate=args.truncate_rate,
            fault_timing=args.fault_timing,
            fault_operations=tuple(args.fault_operation),
        )
        server = SandboxServer(config, host=args.host, port=args.port, log_level=args.log_level)
    except (ValueError, OSError, FileNotFoundError) as exc:
        print(f"spectrocoin-sandbox: {exc}", file=sys.stderr)
        raise SystemExit(2) from None

    def ready(url: str) -> None:
        if not (sys.stdout.isatty() and sys.stderr.isatty()):  # a script reads stdout
            print(f"SANDBOX_URL={url}", flush=True)
        # For a person at a terminal (stderr, so that scripts reading stdout see one line).
        print(
            f"spectrocoin-sandbox: listening on {url}\n"
            f"  credentials  {config.client_id} / {config.client_secret}\n"
            f"  try          export SPECTROCOIN_BASE_URL={url} "
            f"SPECTROCOIN_CLIENT_ID={config.client_id} "
            f"SPECTROCOIN_CLIENT_SECRET={config.client_secret}\n"
            f"  projects     {SANDBOX_PROJECT_ID} (JSON callbacks)\n"
            f"               {LEGACY_PROJECT_ID} (legacy signed callbacks)\n"
            f"               {DOCS_PROJECT_ID} (the docs' example project)\n"
            f"  accounts     {_ACCOUNTS}\n"
            f'  pay          POST {url}/sandbox/orders/{{id}}/simulate {{"status": "PAID"}}\n'
            f"  callback key {url}/sandbox/merchant.public.pem",
            file=sys.stderr,
            flush=True,
        )

    # uvicorn shuts down gracefully on Ctrl-C, then re-raises it: that is not an error here.
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(server.serve(on_ready=ready))


if __name__ == "__main__":
    main()
