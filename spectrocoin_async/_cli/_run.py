"""Running one generated command: arguments -> SDK call -> printed result.

This module's ``__getattr__`` is what the lazy command table imports: a command is built (from
``_commands``' description of it) only when it is run or its help is shown.
"""

from __future__ import annotations

import sys
import time
import uuid
import warnings
from collections.abc import Callable
from typing import Any

from .._evidence import UnconfirmedOperationWarning, checked_levels, message
from .._generated._operations import OPERATIONS
from .._types import Operation
from ._body import build_body
from ._commands import (
    CommandSpec,
    command_signature,
    helper_commands,
    spec_for_helper,
    spec_for_operation,
    tag_classes,
)
from ._session import (
    DryRun,
    RawRuntime,
    Settings,
    UsageError,
    open_client,
    print_dry_run,
    settings,
)

__all__ = ["build", "command_for", "run_command"]


def _converted(spec: CommandSpec, arguments: dict[str, Any], *, body: bool) -> dict[str, Any]:
    """The given flags of the parameters (``body=False``) or of the body fields, as the SDK
    takes them."""
    values: dict[str, Any] = {}
    for param in spec.params:
        value = arguments.get(param.cli_name)
        if param.in_body != body or value is None:
            continue
        try:
            values[param.sdk_name] = param.kind.to_sdk(value)
        except (ValueError, TypeError) as exc:
            flag = "--" + param.cli_name.rstrip("_").replace("_", "-")
            raise UsageError(f"{flag}: {exc}") from None
    return values


def _credential_defaults(options: Settings) -> dict[str, str]:
    creds = options.credentials
    values = {
        "client_id": creds.client_id,
        "client_secret": creds.client_secret,
        "project_id": creds.project_id,
    }
    return {k: v for k, v in values.items() if v}


def _fill_project(spec: CommandSpec, kwargs: dict[str, Any], options: Settings) -> None:
    """A ``project_id`` parameter defaults to the configured project."""
    project = options.credentials.project_id
    names = {p.sdk_name for p in spec.params if not p.in_body}
    if project and "project_id" in names and "project_id" not in kwargs:
        try:
            kwargs["project_id"] = uuid.UUID(project)
        except ValueError:
            raise UsageError(f"the configured project id {project!r} is not a UUID") from None


def _note_unconfirmed(base_url: str, operation: Operation) -> None:
    """``UnconfirmedOperationWarning`` as a CLI says it: one note on stderr, not a traceback
    line (the SDK's own warning is silenced; one command is one call of one operation)."""
    warnings.filterwarnings("ignore", category=UnconfirmedOperationWarning)
    if operation.evidence in checked_levels(base_url):
        print(f"note: {message(operation)}", file=sys.stderr, flush=True)


async def run_command(spec: CommandSpec, arguments: dict[str, Any]) -> int:
    options = settings()
    kwargs = _converted(spec, arguments, body=False)
    if spec.helper:
        return await _download(spec, kwargs, options)
    _fill_project(spec, kwargs, options)
    if spec.body_model is not None:
        kwargs["body"] = build_body(
            spec.body_model,
            _converted(spec, arguments, body=True),
            arguments.get("body_json"),
            _credential_defaults(options),
        )
    op = spec.operation
    if op.response == "binary" and sys.stdout.isatty() and not options.dry_run:
        raise UsageError(
            "this operation returns a file: redirect stdout to a file, or use the download "
            "command of its tag"
        )
    async with open_client(options, token_request=op.public) as client:
        _note_unconfirmed(client.base_url, op)
        namespace = tag_classes()[op.tag](RawRuntime(client._pipeline))
        try:
            if arguments.get("all_pages"):
                kwargs.pop("page", None)
                items = getattr(namespace, f"iterate_{spec.name}")(**kwargs)
                async with items:
                    await options.printer(streaming=True).stream(items)
                return 0
            data = await getattr(namespace, spec.name)(**kwargs)
        except DryRun as captured:
            return print_dry_run(captured, options)
    if op.response == "binary":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    elif op.response == "none" or data is None:
        pass
    else:
        options.printer().result(data)
    return 0


async def _download(spec: CommandSpec, kwargs: dict[str, Any], options: Settings) -> int:
    """A ``download_*`` helper: stream to a file, with a progress bar on a terminal."""
    path = kwargs.pop("path")
    async with open_client(options) as client:
        _note_unconfirmed(client.base_url, spec.operation)
        method = getattr(getattr(client, spec.operation.tag), spec.name)
        progress = _Progress.start() if sys.stderr.isatty() and not options.dry_run else None
        started = time.monotonic()
        try:
            result = await method(path, on_progress=progress.update if progress else None, **kwargs)
        except DryRun as captured:
            return print_dry_run(captured, options)
        except OSError as exc:  # the target folder is missing, not writable, full...
            raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
        finally:
            if progress is not None:
                progress.stop()
    options.printer().result(
        {
            "path": str(result.path),
            "bytesWritten": result.bytes_written,
            "contentType": result.content_type,
            "seconds": round(time.monotonic() - started, 3),
        }
    )
    return 0


class _Progress:
    """Bytes, rate and elapsed time on stderr (only ever started on a terminal)."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.filesize import decimal
        from rich.progress import (
            BarColumn,
            DownloadColumn,
            Progress,
            ProgressColumn,
            Task,
            TextColumn,
            TimeElapsedColumn,
        )
        from rich.text import Text

        class Rate(ProgressColumn):
            """Like rich's TransferSpeedColumn, but a short download still gets its average."""

            def render(self, task: Task) -> Text:
                speed = task.finished_speed or task.speed
                if speed is None and task.elapsed:
                    speed = task.completed / task.elapsed
                text = "?" if speed is None else f"{decimal(int(speed))}/s"
                return Text(text, style="progress.data.speed")

        self._progress = Progress(
            TextColumn("downloading"),
            BarColumn(),
            DownloadColumn(),
            Rate(),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=False,
        )
        self._task = self._progress.add_task("download", total=None)

    @classmethod
    def start(cls) -> _Progress:
        progress = cls()
        progress._progress.start()
        return progress

    def update(self, written: int) -> None:
        self._written = written
        self._progress.update(self._task, completed=written)

    def stop(self) -> None:
        written = getattr(self, "_written", 0)
        self._progress.update(self._task, completed=written, total=written)
        self._progress.stop()


# -- the command functions cyclopts runs -----------------------------------------------------


def build(spec: CommandSpec) -> Callable[..., Any]:
    signature = command_signature(spec)

    async def command(*args: Any, **kwargs: Any) -> int:
        arguments = signature.bind(*args, **kwargs).arguments
        return await run_command(spec, arguments)

    command.__signature__ = signature  # type: ignore[attr-defined]
    command.__doc__ = spec.doc
    command.__name__ = spec.name
    command.__qualname__ = spec.name
    return command


def command_for(attribute: str) -> Callable[..., Any]:
    """The command for ``<operation name>`` or ``<tag>__<helper name>``."""
    if attribute in OPERATIONS:
        return build(spec_for_operation(attribute))
    tag, sep, helper = attribute.partition("__")
    if sep and helper in helper_commands().get(tag, ()):
        return build(spec_for_helper(tag, helper))
    raise AttributeError(f"no command {attribute!r}")


def __getattr__(name: str) -> Any:
    # The lazy command table imports "spectrocoin_async._cli._run:<name>".
    if name.startswith("__"):
        raise AttributeError(name)
    command = command_for(name)
    setattr(sys.modules[__name__], name, command)
    return command
