"""The ``spectrocoin`` command tree: one sub-command per tag, one command per operation.

The tree is built from ``OPERATIONS`` each time the program starts; the commands themselves are
registered lazily (an import path into ``_run``), so ``spectrocoin --help`` builds none of
them and a single command builds only itself.
"""

import os
import sys
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, cast

from cyclopts import App, Group, Parameter

from .._generated._operations import OPERATIONS, TAGS
from ._session import Settings, UsageError, open_client, settings, use_settings

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["build_app"]

_COMMANDS = "spectrocoin_async._cli._run"
_CONFIGURE = "spectrocoin_async._cli._configure"
_TAG_PREFIX = "tag__"
Shell = Literal["bash", "zsh", "fish"]


def _tag_help(tag: str) -> str:
    """The tag's description from the spec (``tags:``), else a plain stand-in."""
    return TAGS.get(tag) or f"The {kebab(tag)} operations."


def kebab(name: str) -> str:
    return name.strip("_").replace("_", "-")


class _Root(App):
    """The root command: its help pages are plain text (``_help``); cyclopts asks the root for
    every page, whichever command it is about."""

    def help_print(
        self,
        tokens: Annotated[str | Iterable[str] | None, Parameter(show=False)] = None,
        *,
        console: Annotated[Any, Parameter(parse=False)] = None,
    ) -> None:
        from ._help import render_help

        words = [tokens] if isinstance(tokens, str) else list(tokens or ())
        # print(), not sys.stdout.write(): with stdout closed (`>&-`) sys.stdout is None.
        print(render_help(self, words), end="", flush=True)


def build_app() -> App:
    from .._version import __version__
    from ._help import LazyConsole

    app = _Root(
        name="spectrocoin",
        help="The SpectroCoin Public API from the terminal: every operation of the spec, as "
        "`spectrocoin <tag> <operation> [args]`.",
        version=__version__,
        help_format="plaintext",
        result_action="return_value",
        # cyclopts wants its consoles before it knows whether it prints: made on first use.
        console=cast("Console", LazyConsole(stderr=False)),
        error_console=cast("Console", LazyConsole(stderr=True)),
    )
    # One lazily imported sub-app per tag: `spectrocoin --help` builds none of them.
    for tag in sorted({op.tag for op in OPERATIONS.values()}):
        app.command(
            f"{__name__}:{_TAG_PREFIX}{tag}",
            name=kebab(tag),
            help=_tag_help(tag),
        )
    app.command(
        f"{_CONFIGURE}:configure",
        name="configure",
        help="Check client credentials and save them as a profile.\n\n"
        "Asks for the client id, the client secret (not echoed) and an optional project id; "
        "Enter keeps a value the profile already has. Writes the profile (--profile NAME, "
        'default "default") to the config file (SPECTROCOIN_CONFIG, else '
        "~/.config/spectrocoin/config.toml) with mode 0600. Nothing is written if the API "
        "refuses the credentials (they are checked by fetching a token). The answers may "
        "also be piped in, one per line.",
        help_format="markdown",
    )
    _extras(app)

    global_options = Group("Global options", sort_key=100)

    @app.meta.default
    def launcher(
        *tokens: Annotated[str, Parameter(show=False, allow_leading_hyphen=True)],
        output: Annotated[
            Literal["json", "ndjson", "table", "csv"] | None,
            Parameter(
                name=("--output", "-o"),
                group=global_options,
                help="Output format. Default: a table on a terminal, JSON when piped "
                "(NDJSON with --all).",
            ),
        ] = None,
        profile: Annotated[
            str | None,
            Parameter(
                group=global_options,
                help="Profile of the config file to take credentials from "
                "(default: SPECTROCOIN_* variables, else the [default] profile).",
            ),
        ] = None,
        dry_run: Annotated[
            bool,
            Parameter(
                negative="",
                group=global_options,
                help="Print the request as a curl command that runs as printed (the token as "
                '"$SPECTROCOIN_TOKEN", never the secret); send nothing.',
            ),
        ] = False,
        backend: Annotated[
            Literal["asyncio", "trio"] | None,
            Parameter(
                group=global_options,
                help="Async backend (default: SPECTROCOIN_BACKEND, else asyncio).",
            ),
        ] = None,
        timeout: Annotated[
            float | None,
            Parameter(group=global_options, help="Network timeout in seconds."),
        ] = None,
        verbose: Annotated[
            bool,
            Parameter(
                name=("--verbose", "-v"),
                negative="",
                group=global_options,
                help="Each HTTP exchange on stderr: method, URL, status, attempt, duration, "
                "rate-limiter wait (no header, body, token or secret).",
            ),
        ] = False,
    ) -> Any:
        chosen = backend or os.environ.get("SPECTROCOIN_BACKEND") or "asyncio"
        if chosen not in ("asyncio", "trio"):
            raise UsageError(f"SPECTROCOIN_BACKEND must be asyncio or trio, not {chosen!r}")
        if chosen == "trio":
            try:
                import trio  # noqa: F401 - only to say which install is missing
            except ImportError:
                raise UsageError(
                    "the trio backend needs trio: pip install 'spectrocoin-async[trio]'"
                ) from None
        if verbose:
            _log_exchanges()
        use_settings(Settings(output=output, dry_run=dry_run, profile=profile, timeout=timeout))
        return app(tokens, backend=chosen, result_action="return_value")  # type: ignore[arg-type]

    app.meta.help_format = "plaintext"
    return app


def _log_exchanges() -> None:
    """``--verbose``: the SDK's per-attempt DEBUG lines (secrets never reach them) on stderr."""
    import logging

    from ._output import printable

    class Line(logging.Formatter):
        def format(self, record: logging.LogRecord) -> str:
            return f"spectrocoin: {printable(record.getMessage())}"

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(Line())
    logger = logging.getLogger("spectrocoin_async")
    logger.handlers = [h for h in logger.handlers if not getattr(h, "_spectrocoin_env", False)]
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False


def tag_app(tag: str) -> App:
    """The sub-app of one tag: a lazily built command per operation and download helper."""
    from ._commands import description, helper_commands, helper_description

    app = App(name=kebab(tag), help=_tag_help(tag), help_format="plaintext")
    for op in sorted(OPERATIONS.values(), key=lambda o: o.name):
        if op.tag == tag:
            app.command(
                f"{_COMMANDS}:{op.name}",
                name=kebab(op.name),
                help=description(op.name),
                help_format="markdown",
            )
    if tag == "auth":
        app.command(
            f"{_CONFIGURE}:token",
            name="token",
            help="Print an access token for the configured credentials (for scripts and curl): "
            "export SPECTROCOIN_TOKEN=$(spectrocoin auth token)",
        )
    for helper in helper_commands().get(tag, []):
        app.command(
            f"{_COMMANDS}:{tag}__{helper}",
            name=kebab(helper),
            help=helper_description(tag, helper),
            help_format="markdown",
        )
    return app


def __getattr__(name: str) -> Any:
    # The root's lazy command table imports "spectrocoin_async._cli._app:tag__<tag>".
    if name.startswith(_TAG_PREFIX) and name[len(_TAG_PREFIX) :] in {
        op.tag for op in OPERATIONS.values()
    }:
        app = tag_app(name[len(_TAG_PREFIX) :])
        globals()[name] = app
        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _extras(app: App) -> None:
    """The commands that are not API operations: callbacks, sandbox, completion."""

    callbacks = App(
        name="callbacks", help="Check that a merchant callback is genuine.", help_format="markdown"
    )
    app.command(callbacks)

    @callbacks.command
    async def verify(
        *,
        header: Annotated[
            list[str] | None,
            Parameter(
                negative="", help="A header of the callback request, 'Name: value' (repeatable)."
            ),
        ] = None,
        content_type: Annotated[
            str | None, Parameter(help="Shortcut for --header 'Content-Type: ...'.")
        ] = None,
        public_key: Annotated[
            Path | None,
            Parameter(help="PEM file of the key that signs legacy (form) callbacks."),
        ] = None,
        public_key_url: Annotated[
            str | None,
            Parameter(help="Where to fetch that key (default: SpectroCoin's published URL)."),
        ] = None,
    ) -> int:
        """Verify a callback: body on stdin, headers as options; says whether it verifies and why.

        A JSON callback is unsigned: its order is fetched with your credentials and only the
        API's answer counts. A legacy form callback must carry SpectroCoin's RSA signature.
        Exit status 0 when it verifies, 1 when it does not.
        """
        from .._callbacks import JsonCallback
        from .._errors import CallbackError

        headers: dict[str, str] = {}
        for item in header or []:
            name, sep, value = item.partition(":")
            if not sep or not name.strip():
                raise UsageError(f"--header {item!r}: expected 'Name: value'")
            headers[name.strip()] = value.strip()
        if content_type:
            headers["Content-Type"] = content_type
        if sys.stdin.isatty():
            print("reading the callback body from stdin (end with Ctrl-D)", file=sys.stderr)
        body = sys.stdin.buffer.read(64 * 1024 + 1)
        if len(body) > 64 * 1024:
            raise UsageError("the callback body on stdin is larger than 64 KiB")
        key: dict[str, Any] = {}
        if public_key is not None:
            key["public_key_path"] = public_key
        elif public_key_url:
            key["public_key_url"] = public_key_url
        options = settings()
        async with open_client(options, **key) as client:
            try:
                verified = await client.merchant.verify_callback(headers, body)
            except CallbackError as exc:
                options.printer().result({"verified": False, "reason": str(exc)})
                return 1
        callback = verified.callback
        result: dict[str, Any] = {
            "verified": True,
            "format": "json" if isinstance(callback, JsonCallback) else "legacy",
            "reason": "the order was fetched from the API with your credentials"
            if isinstance(callback, JsonCallback)
            else "the signature matches SpectroCoin's public key",
            "id": verified.id,
            "orderId": verified.order_id,
            "status": verified.status,
        }
        if verified.order is not None:
            from ._output import api_times

            result["order"] = api_times(verified.order.to_dict())
        options.printer().result(result)
        return 0

    sandbox = App(
        name="sandbox", help="Run the local sandbox; play the payer there.", help_format="markdown"
    )
    app.command(sandbox)

    @sandbox.default
    def serve(
        *,
        host: str = "127.0.0.1",
        port: Annotated[int, Parameter(help="0: a free port.")] = 0,
        seed: Annotated[int | None, Parameter(help="Seed for rates and faults.")] = None,
        latency: Annotated[float, Parameter(help="Seconds added to every answer.")] = 0.0,
    ) -> int:
        """Start the local sandbox (prints SANDBOX_URL=... once it listens; Ctrl-C stops it).

        It issues tokens for the client id sandbox-client and the secret sandbox-secret. More
        options: spectrocoin-sandbox --help.
        """
        try:
            from ..sandbox.__main__ import main as sandbox_main
        except ImportError as exc:
            raise UsageError(
                f"the sandbox needs the sandbox extra (pip install "
                f"'spectrocoin-async[sandbox]'): {exc}"
            ) from None
        argv = ["--host", host, "--port", str(port), "--latency", str(latency)]
        if seed is not None:
            argv += ["--seed", str(seed)]
        sandbox_main(argv)
        return 0

    @sandbox.command
    async def pay(
        order_id: Annotated[uuid.UUID, Parameter(help="The order's id (a UUID).")],
        *,
        status: Annotated[str, Parameter(help="The status to move the order to.")] = "PAID",
        pay_currency_code: Annotated[
            str | None, Parameter(help="The currency the payer pays in.")
        ] = None,
    ) -> int:
        """Play the payer: move a sandbox order to PAID (or --status), firing its callbacks.

        Needs SPECTROCOIN_BASE_URL (or the profile's base_url) pointing at the sandbox.

        Exit status 1 when the order has callbacks and not one of them was delivered.
        """
        from .._client import DEFAULT_BASE_URL

        options = settings()
        base = options.credentials.base_url or DEFAULT_BASE_URL
        if base.rstrip("/") == DEFAULT_BASE_URL:
            raise UsageError(
                "sandbox pay needs SPECTROCOIN_BASE_URL (or --profile) pointing at a sandbox"
            )
        body: dict[str, Any] = {"status": status}
        if pay_currency_code:
            body["payCurrencyCode"] = pay_currency_code
        async with open_client(options) as client:
            from ._session import DryRun, print_dry_run

            try:
                result = await client.request(
                    "POST", f"/sandbox/orders/{order_id}/simulate", json=body, public=True
                )
            except DryRun as captured:
                return print_dry_run(captured, options)
        options.printer().result(result)
        return _callbacks_outcome(result)

    @app.command
    def completion(shell: Annotated[Shell, Parameter(help="bash, zsh or fish.")]) -> int:
        """Print the shell completion script.

        bash: spectrocoin completion bash > ~/.local/share/bash-completion/completions/spectrocoin
        zsh: spectrocoin completion zsh > "${fpath[1]}/_spectrocoin"
        fish: spectrocoin completion fish > ~/.config/fish/completions/spectrocoin.fish
        """
        from ._complete import SCRIPTS

        print(SCRIPTS[shell], end="")
        return 0


def _callbacks_outcome(result: Any) -> int:
    """1 (and why, on stderr) when the order fired callbacks and every delivery failed."""
    callbacks = result.get("callbacks") if isinstance(result, dict) else None
    if not isinstance(callbacks, list) or not callbacks:
        return 0  # no callback URL: nothing to deliver
    if any(isinstance(c, dict) and c.get("delivered") for c in callbacks):
        return 0
    from ._output import printable

    last = callbacks[-1] if isinstance(callbacks[-1], dict) else {}
    reason = last.get("error") or f"HTTP {last.get('httpStatus')}"
    print(
        f"spectrocoin: no callback was delivered ({len(callbacks)} tried); the last to "
        f"{printable(str(last.get('url')))}: {printable(str(reason))}",
        file=sys.stderr,
    )
    return 1
