"""Commands built at run time from the operation table and the generated namespaces.

Nothing here names an operation. For each entry of ``OPERATIONS`` the command's parameters come
from the generated namespace method's signature (path parameters positional, query parameters
as flags, the request model's fields as flags plus ``--body``), their help from its docstring
and from the model's, and the operation's description and evidence level from the same
docstring. ``download_*`` helpers of the client's namespaces (streaming exports) become commands
the same way. ``_run`` turns a description into the function cyclopts runs, only when the
command is run or its help is shown.
"""

from __future__ import annotations

import datetime
import enum
import functools
import inspect
import re
import types
import typing
import uuid
from collections.abc import Callable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Literal

import attrs

from .._generated._operations import OPERATIONS
from .._types import Operation, Unset
from .._values import to_decimal
from ._names import ModelNames

__all__ = [
    "CommandSpec",
    "command_signature",
    "description",
    "helper_commands",
    "helper_description",
    "tag_classes",
]

_BODY = "body"
_SECTION = re.compile(r"^\s*(Args|Attributes):\s*$")
_ENTRY = re.compile(r"^(\s*)\**(\w+)(?: \(([^)]*)\))?:\s?(.*)$")
_HIDDEN_FIELDS = re.compile(r"secret|password", re.IGNORECASE)


@functools.cache
def tag_classes() -> dict[str, type[Any]]:
    """Tag name -> generated namespace class (each tag's module loads here)."""
    from .._generated.api import namespace_classes

    return namespace_classes()


def _client_namespace(tag: str) -> type[Any]:
    """The class the client uses for a tag (a hand-written subclass where there is one)."""
    from .._client import SpectroCoinClient

    # The generated annotations name classes their module loads on first use.
    names = {cls.__name__: cls for cls in tag_classes().values()}
    hints = typing.get_type_hints(SpectroCoinClient, localns=names)
    cls: type[Any] = hints.get(tag) or tag_classes()[tag]
    return cls


def _doc(obj: Any) -> str:
    return inspect.cleandoc(getattr(obj, "__doc__", None) or "")


def description(name: str) -> str:
    """An operation's help: its docstring's summary, description and evidence level."""
    op = OPERATIONS[name]
    return _operation_doc(getattr(tag_classes()[op.tag], name), op)


def _described(doc: str) -> dict[str, str]:
    """``name -> text`` from a Google-style ``Args:`` or ``Attributes:`` section."""
    found: dict[str, str] = {}
    lines = doc.splitlines()
    inside = False
    indent: int | None = None
    current: str | None = None
    for line in lines:
        if _SECTION.match(line):
            inside, indent, current = True, None, None
            continue
        if not inside:
            continue
        if not line.strip():
            continue
        width = len(line) - len(line.lstrip())
        entry = _ENTRY.match(line)
        if entry and (indent is None or width == indent):
            indent = width
            current = entry.group(2)
            found[current] = entry.group(4).strip()
        elif indent is not None and width > indent and current is not None:
            found[current] = (found[current] + " " + line.strip()).strip()
        else:
            inside = False
    return found


def _hint(annotation: Any, where: Mapping[str, Any]) -> Any:
    """An annotation of generated code, evaluated as ``typing.get_type_hints`` would, plus the
    names the generated modules import only for type checkers (models, ``datetime``, ...)."""
    if not isinstance(annotation, str):
        return annotation
    names = ModelNames(
        datetime=datetime, Decimal=Decimal, UUID=uuid.UUID, Unset=Unset, Mapping=Mapping, Any=Any
    )
    return eval(annotation, dict(where), names)  # as typing.get_type_hints evaluates them


# -- parameter types -----------------------------------------------------------------------------


@attrs.frozen
class _Kind:
    """How one SDK type is asked for on the command line."""

    annotation: Any  # what cyclopts parses
    to_sdk: Callable[[Any], Any]  # CLI value -> SDK argument
    label: str  # the type as shown in --help
    choices: tuple[str, ...] = ()


def _members(hint: Any) -> list[Any]:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return [a for a in typing.get_args(hint) if a not in (Unset, type(None))]
    return [hint]


def _decimal(value: str) -> Decimal:
    return to_decimal(value.strip())


def _kind(hint: Any) -> _Kind | None:
    """The CLI form of an SDK parameter type, or None if it has none (a nested model)."""
    members = _members(hint)
    if len(members) == 1 and typing.get_origin(members[0]) is list:
        (item,) = typing.get_args(members[0]) or (str,)
        inner = _kind(item)
        if inner is None:
            return None
        convert = inner.to_sdk
        return _Kind(
            list[inner.annotation],  # type: ignore[name-defined]
            lambda values: [convert(v) for v in values],
            f"{inner.label}, repeatable",
            inner.choices,
        )
    enums = [m for m in members if isinstance(m, type) and issubclass(m, enum.Enum)]
    if enums:
        cls = enums[0]
        values = tuple(str(m.value) for m in cls)
        if str in members:  # the SDK also takes a value it does not know yet: so do we
            return _Kind(str, lambda v: v, f"{cls.__name__} (a newer value is passed on)", values)
        return _Kind(Literal[values], cls, cls.__name__, values)
    base = members[0] if len(members) == 1 else None
    if base is Decimal:
        return _Kind(str, _decimal, "decimal")
    simple: dict[Any, str] = {
        str: "text",
        int: "integer",
        bool: "boolean",
        float: "number",
        datetime.date: "date (YYYY-MM-DD)",
        datetime.datetime: "date-time (ISO 8601)",
        uuid.UUID: "UUID",
    }
    if base in simple:
        return _Kind(base, lambda v: v, simple[base])
    if len(members) == 2 and uuid.UUID in members and str in members:
        return _Kind(uuid.UUID, lambda v: v, "UUID")
    return None


# -- the command's description -----------------------------------------------------------------


@attrs.frozen
class _Param:
    cli_name: str  # the parameter name cyclopts sees
    sdk_name: str  # the argument of the SDK method (or the model field)
    kind: _Kind
    help: str
    positional: bool = False
    required: bool = False
    in_body: bool = False


@attrs.frozen
class CommandSpec:
    """Everything one command needs, derived from the generated code."""

    name: str
    operation: Operation
    method: Callable[..., Any]
    params: tuple[_Param, ...]
    body_model: type[Any] | None
    pageable: bool
    doc: str
    helper: bool = False


def _help(text: str, kind: _Kind, *, required: bool = False, body: bool = False) -> str:
    parts = [text.rstrip(".") + "." if text else ""]
    parts.append(f"Type: {kind.label}.")
    if kind.choices:
        parts.append("One of: " + ", ".join(kind.choices) + ".")
    if required and body:
        parts.append("Required (here or in --body).")
    return " ".join(p for p in parts if p)


def _signature_params(
    method: Callable[..., Any], described: Mapping[str, str], skip: tuple[str, ...] = ()
) -> tuple[list[_Param], type[Any] | None]:
    params: list[_Param] = []
    body_model = None
    for p in inspect.signature(method).parameters.values():
        if p.name == "self" or p.kind is p.VAR_KEYWORD or p.name in skip:
            continue
        hint = _hint(p.annotation, getattr(method, "__globals__", {}))
        if p.name == _BODY and attrs.has(_members(hint)[0]):
            body_model = _members(hint)[0]
            continue
        kind = _kind(hint)
        if p.kind is p.POSITIONAL_OR_KEYWORD and set(_members(hint)) == {str, uuid.UUID}:
            kind = _Kind(str, lambda v: v, "id, sent as given")  # a path id: text as typed
        required = p.default is p.empty
        if kind is None:
            if required:
                raise LookupError(f"{method.__qualname__}: no command-line form for {p.name!r}")
            continue  # an optional nested value: only the SDK can pass it
        params.append(
            _Param(
                cli_name=p.name,
                sdk_name=p.name,
                kind=kind,
                help=_help(described.get(p.name, ""), kind),
                positional=p.kind is p.POSITIONAL_OR_KEYWORD,
                required=required,
            )
        )
    return params, body_model


def _body_params(model: type[Any], taken: set[str]) -> list[_Param]:
    described = _described(_doc(model))
    hints = typing.get_type_hints(model, localns=ModelNames())
    params = []
    for field in attrs.fields(model):
        if not field.init or field.name in taken or _HIDDEN_FIELDS.search(field.name):
            continue
        kind = _kind(hints.get(field.name, field.type))
        if kind is None:
            continue
        required = field.default is attrs.NOTHING
        params.append(
            _Param(
                cli_name=field.name,
                sdk_name=field.name,
                kind=kind,
                help=_help(described.get(field.name, ""), kind, required=required, body=True),
                required=required,
                in_body=True,
            )
        )
    return params


def _operation_doc(method: Callable[..., Any], operation: Operation) -> str:
    """The method's docstring up to its argument list, plus the evidence line."""
    doc = _doc(method)
    head = doc.split(f"\n`{operation.method} {operation.path}`", 1)[0]
    head = head.split("\nArgs:", 1)[0].rstrip()
    if "Evidence:" not in head:
        head += f"\n\nEvidence: {operation.evidence}. Source: {operation.source}"
    return f"{head}\n\n{operation.method} {operation.path}"


def spec_for_operation(name: str) -> CommandSpec:
    op = OPERATIONS[name]
    cls = tag_classes()[op.tag]
    method = getattr(cls, name)
    params, body_model = _signature_params(method, _described(_doc(method)))
    if body_model is not None:
        params += _body_params(body_model, {p.cli_name for p in params})
    return CommandSpec(
        name=name,
        operation=op,
        method=method,
        params=tuple(params),
        body_model=body_model,
        pageable=hasattr(cls, f"iterate_{name}"),
        doc=_operation_doc(method, op),
    )


def helper_commands() -> dict[str, list[str]]:
    """Tag -> names of the ``download_*`` helpers its client namespace adds."""
    found: dict[str, list[str]] = {}
    for tag, generated in tag_classes().items():
        cls = _client_namespace(tag)
        if cls is generated:
            continue
        names = [n for n in vars(cls) if n.startswith("download_") and callable(getattr(cls, n))]
        if names:
            found[tag] = sorted(names)
    return found


def _streamed_operation(doc: str) -> Operation:
    """The generated operation a helper streams, named in its docstring (``GET /path``)."""
    source = re.search(r"``(GET|POST) (/\S+)``", doc)
    operation = next(
        (o for o in OPERATIONS.values() if source and (o.method, o.path) == source.groups()),
        None,
    )
    if operation is None:
        raise LookupError("a download helper's docstring does not name the operation it streams")
    return operation


def helper_description(tag: str, name: str) -> str:
    """A helper's help: its docstring up to the arguments, and the evidence of its operation."""
    doc = _doc(getattr(_client_namespace(tag), name)).split("\nArgs:", 1)[0].rstrip()
    operation = _streamed_operation(doc)
    return f"{doc}\n\nEvidence: {operation.evidence}. Source: {operation.source}"


def spec_for_helper(tag: str, name: str) -> CommandSpec:
    cls = _client_namespace(tag)
    method = getattr(cls, name)
    described = _described(_doc(method))
    params, _ = _signature_params(method, described, skip=("path", "on_progress", "chunk_size"))
    params.insert(
        0,
        _Param(
            cli_name="path",
            sdk_name="path",
            kind=_Kind(Path, lambda v: v, "file path"),
            help="The file to write; it appears only once the whole export has arrived.",
            positional=True,
            required=True,
        ),
    )
    doc = helper_description(tag, name)
    return CommandSpec(
        name=name,
        operation=_streamed_operation(doc),
        method=method,
        params=tuple(params),
        body_model=None,
        pageable=False,
        doc=doc,
        helper=True,
    )


# -- the command function ----------------------------------------------------------------------


def command_signature(spec: CommandSpec) -> inspect.Signature:
    from cyclopts import Group, Parameter

    body_group = Group("Body fields", sort_key=2)
    params: list[inspect.Parameter] = []
    for p in spec.params:
        group = body_group if p.in_body else None
        meta = Parameter(help=p.help, group=group) if group else Parameter(help=p.help)
        if p.positional and p.required:
            params.append(
                inspect.Parameter(
                    p.cli_name,
                    inspect.Parameter.POSITIONAL_OR_KEYWORD,
                    annotation=Annotated[p.kind.annotation, meta],
                )
            )
            continue
        required = p.required and not p.in_body
        params.append(
            inspect.Parameter(
                p.cli_name,
                inspect.Parameter.KEYWORD_ONLY,
                annotation=Annotated[
                    p.kind.annotation if required else p.kind.annotation | None, meta
                ],
                **({} if required else {"default": None}),
            )
        )
    if spec.body_model is not None:
        params.append(
            inspect.Parameter(
                "body_json",
                inspect.Parameter.KEYWORD_ONLY,
                annotation=Annotated[
                    str | None,
                    Parameter(
                        name="--body",
                        group=body_group,
                        allow_leading_hyphen=True,
                        help="The whole body as JSON (wire names): inline, @FILE, or - for "
                        "stdin. Flags above override its fields.",
                    ),
                ],
                default=None,
            )
        )
    if spec.pageable:
        params.append(
            inspect.Parameter(
                "all_pages",
                inspect.Parameter.KEYWORD_ONLY,
                annotation=Annotated[
                    bool,
                    Parameter(
                        name="--all",
                        negative="",
                        help="Follow every page; items stream as NDJSON unless --output "
                        "says otherwise.",
                    ),
                ],
                default=False,
            )
        )
    return inspect.Signature(params)
