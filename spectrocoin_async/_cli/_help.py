"""Plain-text help for every page of ``spectrocoin``.

cyclopts decides which page is asked for (the command chain, the lazily registered commands,
their arguments and groups); this module writes it, from the same live command tree. The page is
plain text, as ``git`` and ``gh`` print theirs: it goes through ``grep`` and ``less`` unchanged,
long URLs stay whole and clickable, and it needs no rich, whose import alone costs about as much
as building the whole tree (BENCHMARKS.md, row 8).
"""

from __future__ import annotations

import datetime
import enum
import os
import re
import shutil
import sys
import textwrap
import types
import typing
import uuid
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from cyclopts import App, Argument, ArgumentCollection

__all__ = ["LazyConsole", "render_help"]

_MAX_WIDTH = 100  # wider than this, paragraphs get hard to read
_LABEL_WIDTH = 30  # a longer option name moves its description to the next line
_MIN_TEXT_WIDTH = 30  # narrower than this, a description column is unreadable
# A markdown list item's marker: its item keeps its own line, and wraps under its text.
_LIST_ITEM = re.compile(r"(?:[-*+]|[0-9]{1,9}[.)]) ")
_METAVARS: dict[Any, str] = {
    str: "TEXT",
    int: "INT",
    float: "NUMBER",
    Path: "PATH",
    uuid.UUID: "UUID",
    datetime.date: "DATE",
    datetime.datetime: "DATETIME",
}


class LazyConsole:
    """A rich ``Console`` made on first use.

    cyclopts asks for its console on every help or error path, before anything is printed;
    help pages and usage errors here never use it, so rich is imported only when cyclopts
    itself prints (``--version``).
    """

    def __init__(self, *, stderr: bool) -> None:
        self._stderr = stderr
        self._console: Any = None

    def __getattr__(self, name: str) -> Any:
        if self._console is None:
            from rich.console import Console

            self._console = Console(stderr=self._stderr)
        return getattr(self._console, name)


def render_help(root: App, tokens: Sequence[str]) -> str:
    """The help page for ``tokens`` (the command line without its help flags)."""
    from cyclopts.group_extractors import groups_from_app

    chain, apps, _ = root.parse_commands(list(tokens))
    page = apps[-1]
    width = _width()
    own = (
        page.assemble_argument_collection(parse_docstring=True)
        if page.default_command is not None
        else None
    )
    # The root's meta app holds the global options; they apply on every page.
    shared = root.meta.assemble_argument_collection(parse_docstring=False)
    collections = [c for c in (own, shared) if c is not None]

    out = [_usage(root, chain, page, collections), ""]
    if page.help:
        # Markdown joins a paragraph's lines; plain text keeps them (a list of shell commands).
        markdown = _help_format(apps) in ("markdown", "md")
        out += [*_paragraphs(page.help, width, join_lines=markdown), ""]
    sections: list[tuple[Any, str, list[tuple[str, str]]]] = []
    for group, registered in groups_from_app(page):
        rows = [
            (", ".join(entry.names), _summary(entry.app.help))
            for entry in registered
            if entry.app.show
        ]
        rows.sort(key=lambda row: (row[0].startswith("-"), row[0]))  # --help, --version last
        if group.show and rows:
            sections.append((group, group.name, rows))
    for collection in collections:
        for group in collection.groups:
            arguments = collection.filter_by(group=group, show=True)
            if group.show and arguments:
                rows = [_argument_row(a) for a in _positional_first(arguments)]
                sections.append((group, group.name, rows))
    from cyclopts.group import sort_groups

    ordered, _ = sort_groups([s[0] for s in sections], sections)
    by_group = {id(s[0]): s for s in sections}
    for group in ordered:
        _, title, rows = by_group[id(group)]
        out += [f"{title}:", *_table(rows, width), ""]
    return "\n".join(out).rstrip() + "\n"


def _help_format(apps: Sequence[App]) -> str:
    for app in reversed(apps):  # the innermost app that says
        if app.help_format:
            return str(app.help_format)
    return "markdown"  # cyclopts' default


def _width() -> int:
    tty = sys.stdout is not None and sys.stdout.isatty()  # None: stdout closed (`>&-`)
    columns = shutil.get_terminal_size((80, 24)).columns if tty else 0
    columns = columns or _int_env("COLUMNS") or 80
    return max(40, min(columns, _MAX_WIDTH))


def _int_env(name: str) -> int:
    value = os.environ.get(name, "")
    # isdigit() alone takes "²" (which int() refuses) and "٣"; 0 means "not set".
    if not (value.isascii() and value.isdigit()):
        return 0
    return int(value) if len(value) < 6 else _MAX_WIDTH  # wider than any page anyway


def _usage(
    root: App, chain: Sequence[str], page: App, collections: Iterable[ArgumentCollection]
) -> str:
    words = ["Usage:", root.name[0], *chain]
    if any(name not in (*page.help_flags, *page.version_flags) for name in page):
        words.append("COMMAND")
    options = False
    positional: list[str] = []
    for collection in collections:
        for argument in collection.filter_by(show=True):
            if argument.index is not None:
                label = _positional_label(argument)
                positional.append(label if argument.required else f"[{label}]")
            elif argument.required:
                words.append(_option_text(argument))
            else:
                options = True
    if options:
        words.append("[OPTIONS]")
    return " ".join(words + positional)


def _positional_first(arguments: ArgumentCollection) -> list[Argument]:
    return sorted(arguments, key=lambda a: a.index is None)


def _positional_label(argument: Argument) -> str:
    return argument.name.lstrip("-").upper()


def _option_text(argument: Argument) -> str:
    metavar = _metavar(argument)
    return f"{argument.name} {metavar}" if metavar else argument.name


def _argument_row(argument: Argument) -> tuple[str, str]:
    names = list(dict.fromkeys(argument.names))
    longs = [n for n in names if n.startswith("--")]
    shorts = [n for n in names if not n.startswith("--")]
    if argument.index is not None:
        label = ", ".join([_positional_label(argument), *longs])
    else:
        label = ", ".join([*shorts, *longs])
        metavar = _metavar(argument)
        if metavar:
            label += f" {metavar}"
    notes = []
    choices = argument.get_choices()
    if choices:
        notes.append(f"[choices: {', '.join(choices)}]")
    default = _default(argument)
    if default is not None:
        notes.append(f"[default: {default}]")
    if argument.required:
        notes.append("[required]")
    text = " ".join((argument.parameter.help or "").split())
    return label, " ".join(p for p in (text, *notes) if p)


def _hint(argument: Argument) -> Any:
    """The argument's type without ``None``, ``Annotated`` and list wrappers."""
    hint = argument.hint
    while True:
        if typing.get_origin(hint) is typing.Annotated:
            hint = typing.get_args(hint)[0]
        elif typing.get_origin(hint) in (typing.Union, types.UnionType):
            members = [m for m in typing.get_args(hint) if m is not type(None)]
            if len(members) != 1:
                return hint
            hint = members[0]
        elif typing.get_origin(hint) in (list, tuple, set, frozenset):
            hint = (typing.get_args(hint) or (str,))[0]
        else:
            return hint


def _metavar(argument: Argument) -> str | None:
    if argument.parameter.metavar is not None:
        return argument.parameter.metavar or None
    hint = _hint(argument)
    if hint is bool or argument.parameter.count:
        return None
    if typing.get_origin(hint) is Literal or (
        isinstance(hint, type) and issubclass(hint, enum.Enum)
    ):
        return "CHOICE"
    return _METAVARS.get(hint) or getattr(hint, "__name__", "VALUE").upper()


def _default(argument: Argument) -> str | None:
    shown = argument.show_default
    if isinstance(shown, str):
        return shown
    default = argument.field_info.default
    if not shown or default is None or default is argument.field_info.empty:
        return None
    if _hint(argument) is bool and default is False:
        return None  # a flag that is off unless given
    if callable(shown):
        return str(shown(default))
    if isinstance(default, enum.Enum):
        return str(default.value)
    return '""' if default == "" else str(default)


def _summary(help_text: str | None) -> str:
    """A command's one line: its help's first paragraph."""
    first = (help_text or "").strip().split("\n\n", 1)[0]
    return " ".join(first.split())


def _paragraphs(text: str, width: int, *, join_lines: bool) -> Iterator[str]:
    """``text`` wrapped to ``width``, paragraph by paragraph; list items keep their bullet."""
    blocks = textwrap.dedent(text).strip().split("\n\n")
    for index, block in enumerate(blocks):
        if index:
            yield ""
        items: list[str] = []
        for line in block.splitlines():
            if not join_lines or not items or _LIST_ITEM.match(line.lstrip()):
                items.append(line.strip())
            else:
                items[-1] += " " + line.strip()
        for item in items:
            marker = _LIST_ITEM.match(item)
            indent = " " * marker.end() if marker else ""
            yield from _wrap(item, width, subsequent_indent=indent)


def _table(rows: Sequence[tuple[str, str]], width: int) -> Iterator[str]:
    """Two columns, the left as wide as its longest label (up to ``_LABEL_WIDTH``); on a narrow
    terminal each description goes under its label instead."""
    left = min(max((len(label) for label, _ in rows), default=0), _LABEL_WIDTH) + 4
    if width - left < _MIN_TEXT_WIDTH:
        left = 6
    pad = " " * left
    for label, text in rows:
        lines = _wrap(text, width - left) if text else []
        if len(label) + 4 > left or not lines:
            yield f"  {label}"
        else:
            yield f"  {label:<{left - 4}}  {lines.pop(0)}"
        yield from (pad + line for line in lines)


def _wrap(text: str, width: int, *, subsequent_indent: str = "") -> list[str]:
    # Never break a word: a URL or an option name stays whole, and may be copied as it is.
    return textwrap.wrap(
        text,
        max(width, _MIN_TEXT_WIDTH),
        subsequent_indent=subsequent_indent,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [""]
