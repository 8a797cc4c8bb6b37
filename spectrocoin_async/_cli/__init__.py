"""``spectrocoin``: the SpectroCoin Public API from the terminal (the ``cli`` extra).

Exit status: 0 success; 1 the API answered with an error (or a callback did not verify);
2 usage error (bad arguments, bad input refused before sending, no credentials, unreadable
config); 3 connection error (no usable answer); 141 stdout's reader went away (``| head``).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence

from ._output import printable

__all__ = ["main", "run"]


def _say(text: str) -> None:
    print(f"spectrocoin: {printable(text)}", file=sys.stderr, flush=True)


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    words = sys.argv[1:] if argv is None else list(argv)
    if words[:1] == ["__complete"]:  # the shell completion scripts ask this: no cyclopts
        from ._complete import candidates

        print("\n".join(candidates(words[1:])))
        return 0
    try:
        import cyclopts  # noqa: F401 - only to give a clear message without the extra
    except ImportError:
        _say("the command line needs the cli extra: pip install 'spectrocoin-async[cli]'")
        return 2
    from cyclopts import CycloptsError

    from .._errors import (
        APIConnectionError,
        APIError,
        SpectroCoinError,
        ValidationError,
    )
    from ._app import build_app
    from ._config import ConfigError
    from ._session import UsageError

    app = build_app()
    try:
        result = app.meta(
            sys.argv[1:] if argv is None else list(argv),
            result_action="return_value",
            # Usage errors are ours to print, in plain text like every other error here.
            exit_on_error=False,
            print_error=False,
        )
    except SystemExit as exc:  # cyclopts: --help and --version
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    except CycloptsError as exc:
        _say(_usage_error(exc))
        chain = " ".join(("spectrocoin", *(exc.command_chain or ())))
        print(f"  see: {chain} --help", file=sys.stderr)
        return 2
    except (UsageError, ConfigError) as exc:
        _say(str(exc))
        return 2
    except ValidationError as exc:
        _say(f"invalid input, nothing was sent: {exc}")
        return 2
    except APIError as exc:
        if exc.status_code == 0:  # refused before sending (no credentials): not the API's answer
            from ._config import no_credentials

            _say(no_credentials())
            return 2
        _say(f"the API answered HTTP {exc.status_code} ({type(exc).__name__})")
        for label, value in (
            ("error_code", exc.error_code),
            ("message", exc.message),
            ("trace id", exc.trace_id),
            ("operation", exc.operation),
        ):
            print(f"  {label + ':':<11} {printable(value or '-')}", file=sys.stderr)
        return 1
    except APIConnectionError as exc:
        _say(f"connection error: {exc}")
        return 3
    except SpectroCoinError as exc:
        _say(f"{type(exc).__name__}: {exc}")
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, as other Unix tools do, and keep the
        # interpreter from complaining while it flushes stdout at exit.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    return result if isinstance(result, int) else 0


def _usage_error(exc: Exception) -> str:
    """cyclopts' message, except for an unknown command: cyclopts would build every lazily
    registered command to list them, where their names are enough."""
    from cyclopts import UnknownCommandError

    if not isinstance(exc, UnknownCommandError) or exc.app is None or not exc.unused_tokens:
        return str(exc)
    import difflib

    from cyclopts.group_extractors import groups_from_app

    token = exc.unused_tokens[0]
    names = [
        name
        for _, registered in groups_from_app(exc.app)  # lazily registered ones stay unbuilt
        for entry in registered
        if entry.app.show
        for name in entry.names
        if not name.startswith("-")
    ]
    text = f"unknown command {token!r}."
    close = difflib.get_close_matches(token, names, n=1, cutoff=0.6)
    if close:
        text += f" Did you mean {close[0]!r}?"
    return f"{text} Commands: {', '.join(sorted(names))}."


def main() -> None:
    """The ``spectrocoin`` console script."""
    sys.exit(run())
