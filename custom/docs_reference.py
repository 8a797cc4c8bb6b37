"""MkDocs hook: the API reference, the model pages and the Evidence page, written at every build.

openai-python generates its ``api.md`` so the reference cannot drift from the code; this does the
same for the site, from ``openapi.yaml`` (summaries, descriptions, examples, evidence, error
statuses) and from the code the spec generated (the operation table, each method's signature and
docstring, each model's fields). Nothing here is committed: ``make docs`` writes it into the site.
"""

from __future__ import annotations

import datetime
import inspect
import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import attrs
import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from spectrocoin_async._generated import models
from spectrocoin_async._generated._operations import OPERATIONS
from spectrocoin_async._types import Operation

ROOT = Path(__file__).resolve().parent.parent
METHODS = ("get", "put", "post", "delete", "patch")

LEVELS = {
    "documented": "method and path are stated on docs.spectrocoin.com",
    "plugin": "used against the live API by SpectroCoin's official plugins",
    "scope": "listed in the docs' API-key scope table; the path and fields are this project's "
    "proposal",
    "overview": "named in the API overview; the path and fields are this project's proposal",
}
# The exception each declared error status becomes (spectrocoin_async._errors).
STATUS_ERRORS = {
    "400": "BadRequestError",
    "401": "AuthenticationError",
    "403": "PermissionDeniedError",
    "404": "NotFoundError",
    "422": "UnprocessableEntityError",
    "429": "RateLimitError",
    "5XX": "ServerError",
}
_ARG = re.compile(r"^(\s*)(\*{0,2}\w+)(?: \(([^)]*)\))?:\s*(.*)$")


def load_spec() -> dict[str, Any]:
    with (ROOT / "openapi.yaml").open(encoding="utf-8") as f:
        spec: dict[str, Any] = yaml.safe_load(f)
    return spec


def resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def sources(op: dict[str, Any]) -> list[str]:
    source = op["x-source"]
    return [source] if isinstance(source, str) else list(source)


def spec_operations(spec: dict[str, Any]) -> dict[str, tuple[str, str, dict[str, Any]]]:
    """operationId -> (path, method, operation), in the spec's order."""
    found = {}
    for path, item in spec["paths"].items():
        for method in METHODS:
            if method in item:
                found[item[method]["operationId"]] = (path, method, item[method])
    return found


def namespaces() -> dict[str, type[Any]]:
    """Tag -> the class of ``sc.<tag>`` (a hand-written subclass where there is one)."""
    from spectrocoin_async._cli._commands import _client_namespace

    tags = {op.tag for op in OPERATIONS.values()}
    return {tag: _client_namespace(tag) for tag in sorted(tags)}


def described_args(doc: str) -> dict[str, str]:
    """``name -> description`` from a Google-style ``Args:`` section."""
    found: dict[str, str] = {}
    inside, indent, current = False, -1, ""
    for line in doc.splitlines():
        if line.strip() == "Args:":
            inside, indent = True, -1
            continue
        if not inside or not line.strip():
            continue
        width = len(line) - len(line.lstrip())
        match = _ARG.match(line)
        if match and (indent < 0 or width == indent):
            indent, current = width, match.group(2).lstrip("*")
            found[current] = match.group(4).strip()
        elif indent >= 0 and width > indent and current:
            found[current] = f"{found[current]} {line.strip()}"
        else:
            inside = False
    return found


def _text(value: str) -> str:
    """Markdown table cell: one line, pipes escaped."""
    return " ".join(value.split()).replace("|", "\\|")


MODEL_NAMES = frozenset(models.__all__)


def linked_type(annotation: str, depth: str = "../") -> str:
    """A type as text, each model name in it a link to its page."""

    def link(match: re.Match[str]) -> str:
        name = match.group(0)
        return f"[{name}]({depth}models/{name}.md)" if name in MODEL_NAMES else name

    return re.sub(r"\b[A-Z]\w*\b", link, annotation.replace("|", "\\|"))


def _python_value(value: Any, annotation: str) -> str:
    if isinstance(value, bool) or value is None:
        return repr(value)
    if "Decimal" in annotation and isinstance(value, int | float | str):
        return f'Decimal("{value}")'
    if "datetime.date" in annotation and isinstance(value, str | datetime.date):
        day = datetime.date.fromisoformat(str(value))
        return f"datetime.date({day.year}, {day.month}, {day.day})"
    return json.dumps(value) if isinstance(value, str) else repr(value)


def _parameter_example(spec: dict[str, Any], param: dict[str, Any]) -> Any:
    schema = resolve(spec, param.get("schema", {}))
    for holder in (param, schema):
        if "example" in holder:
            return holder["example"]
    if "enum" in schema:
        return schema["enum"][0]
    return {"integer": 1, "number": 1}.get(schema.get("type", ""), "...")


def example_call(spec: dict[str, Any], operation: Operation, method: Callable[..., Any]) -> str:
    """A call of ``method`` with the spec's example values: every path parameter, the required
    query parameters, and the documented request body."""
    op = spec_operations(spec)[operation.operation_id][2]
    hints = {
        name: str(param.annotation) for name, param in inspect.signature(method).parameters.items()
    }
    python_names = [n for n in hints if n not in {"self", "options"}]
    args: list[str] = []
    for param in (resolve(spec, p) for p in op.get("parameters", [])):
        if param["in"] != "path" and not param.get("required"):
            continue
        snake = re.sub(r"(?<!^)(?=[A-Z])", "_", param["name"]).lower()
        name = snake if snake in python_names else f"{snake}_"  # `from` is `from_`
        value = _python_value(_parameter_example(spec, param), hints[name])
        args.append(value if param["in"] == "path" else f"{name}={value}")
    if "requestBody" in op:
        body_type = hints["body"].split(" | ")[0]  # the model; a plain dict is accepted too
        (media,) = resolve(spec, op["requestBody"])["content"].values()
        example = media.get("example", {})
        model = getattr(models, body_type)
        args.append(f"body={_model_example(model, example)}")
    call = f"await sc.{operation.tag}.{operation.name}({', '.join(args)})"
    if len(call) > 90:
        inner = "".join(f"    {a},\n" for a in args)
        call = f"await sc.{operation.tag}.{operation.name}(\n{inner})"
    result = "" if operation.response == "none" else "result = "
    return f"{result}{call}"


def wire_names(model: type[Any]) -> dict[str, str]:
    """Python field -> wire name, read from the model's ``to_dict`` (as the CLI does)."""
    from spectrocoin_async._cli._body import wire_names as read

    return read(model)


def _model_example(model: type[Any], example: dict[str, Any]) -> str:
    names = {wire: py for py, wire in wire_names(model).items()}
    hints = {f.name: str(f.type) for f in attrs.fields(model)}
    if all(not isinstance(v, dict | list) for v in example.values()) and all(
        k in names for k in example
    ):
        fields = [f"{names[k]}={_python_value(v, hints[names[k]])}" for k, v in example.items()]
        one_line = f"{model.__name__}({', '.join(fields)})"
        if len(one_line) <= 70:
            return one_line
        return f"{model.__name__}(\n" + "".join(f"        {f},\n" for f in fields) + "    )"
    return f"{model.__name__}.from_dict({example!r})"


def errors_of(op: dict[str, Any]) -> list[str]:
    declared = [STATUS_ERRORS[s] + f" ({s})" for s in op["responses"] if s in STATUS_ERRORS]
    return [
        "ValidationError (bad input, refused before anything is sent)",
        *declared,
        "APIConnectionError / APITimeoutError (no usable answer)",
        "ResponseValidationError (the answer does not fit the spec)",
    ]


def _signature(name: str, method: Callable[..., Any]) -> str:
    parts = []
    for pname, param in inspect.signature(method).parameters.items():
        if pname == "self":
            continue
        if param.kind is inspect.Parameter.KEYWORD_ONLY and "*" not in parts:
            parts.append("*")
        if param.kind is inspect.Parameter.VAR_KEYWORD:
            parts.append(f"**{pname}: {param.annotation}")
            continue
        text = f"{pname}: {param.annotation}"
        if param.default is not inspect.Parameter.empty:
            text += " = UNSET" if repr(param.default) == "UNSET" else f" = {param.default!r}"
        parts.append(text)
    returns = inspect.signature(method).return_annotation
    return f"async def {name}(\n" + "".join(f"    {p},\n" for p in parts) + f") -> {returns}"


def method_section(spec: dict[str, Any], operation: Operation, cls: type[Any]) -> str:
    path, verb, op = spec_operations(spec)[operation.operation_id]
    method = getattr(cls, operation.name)
    doc = inspect.getdoc(method) or ""
    args = described_args(doc)
    level = op["x-evidence"]
    facts = [f"`{verb.upper()} {path}`", f"evidence: [**{level}**](../evidence.md)"]
    if level in {"scope", "overview"}:
        facts.append("unconfirmed")
    if operation.moves_money:
        facts.append("moves money (never retried once it may have reached the server)")
    if operation.public:
        facts.append("public: no token")
    elif operation.optional_auth:
        facts.append("token optional")
    lines = [
        f"## {operation.name}",
        "",
        " · ".join(facts),
        "",
        f"**{op['summary']}.** {' '.join(op.get('description', '').split())}",
        "",
        "```python",
        _signature(operation.name, method),
        "```",
        "",
        "| parameter | type | required | description |",
        "|---|---|---|---|",
    ]
    for pname, param in inspect.signature(method).parameters.items():
        if pname in {"self", "options"}:
            continue
        required = "yes" if param.default is inspect.Parameter.empty else "no"
        described = args.get(pname, "")
        if pname == "body":
            described = described or f"The request body, a `{param.annotation}`."
        lines.append(
            f"| `{pname}` | {linked_type(str(param.annotation))} | {required} | "
            f"{_text(described)} |"
        )
    lines.append(
        "| `**options` | `CallOptions` | no | Per call: `timeout`, `deadline`, `headers`, "
        "`max_attempts`. |"
    )
    returns = str(inspect.signature(method).return_annotation)
    lines += ["", f"**Returns** {linked_type(returns)}."]
    twins = [f"`{operation.name}_detailed(...)` returns `Response[{returns}]`"]
    if hasattr(cls, f"iterate_{operation.name}"):
        twins.append(f"`iterate_{operation.name}(...)` iterates every item of every page")
    lines.append("Also: " + "; ".join(twins) + ".")
    lines += ["", "**Errors**", ""]
    lines += [f"- `{e.split(' ', 1)[0]}` {e.split(' ', 1)[1]}" for e in errors_of(op)]
    lines += ["", "**Example**", "", "```python", example_call(spec, operation, method), "```", ""]
    return "\n".join(lines)


def helper_section(name: str, method: Callable[..., Any]) -> str:
    doc = inspect.getdoc(method) or ""
    summary = doc.split("\nArgs:", 1)[0].strip()
    return "\n".join(
        [f"## {name}", "", "```python", _signature(name, method), "```", "", summary, ""]
    )


def tag_page(spec: dict[str, Any], tag: str, cls: type[Any]) -> str:
    description = next((t["description"] for t in spec["tags"] if t["name"] == tag), "")
    order = list(spec_operations(spec))
    ops = sorted(
        (o for o in OPERATIONS.values() if o.tag == tag),
        key=lambda o: order.index(o.operation_id),
    )
    lines = [
        f"# sc.{tag}",
        "",
        f"{description} The methods of `sc.{tag}` (`{cls.__name__}`), generated from "
        "`openapi.yaml`.",
        "",
        "| method | HTTP | evidence |",
        "|---|---|---|",
    ]
    lines += [f"| [`{o.name}`](#{o.name}) | `{o.method} {o.path}` | {o.evidence} |" for o in ops]
    lines.append("")
    lines += [method_section(spec, o, cls) for o in ops]
    helpers = (
        sorted(n for n in vars(cls) if not n.startswith("_") and n not in vars(cls.__mro__[1]))
        if cls.__mro__[1] is not object
        else []
    )
    for name in helpers:
        member = getattr(cls, name)
        if callable(member):
            lines.append(helper_section(name, member))
    return "\n".join(lines)


def reference_index(spec: dict[str, Any], tags: Iterable[str]) -> str:
    lines = [
        "# API reference",
        "",
        "Every operation of `openapi.yaml` is a method of the namespace named after its tag. "
        "These pages are generated from the spec and the code at every build of this site.",
        "",
        "| namespace | description | methods |",
        "|---|---|---|",
    ]
    for tag in tags:
        description = next((t["description"] for t in spec["tags"] if t["name"] == tag), "")
        count = sum(1 for o in OPERATIONS.values() if o.tag == tag)
        lines.append(f"| [`sc.{tag}`]({tag}.md) | {_text(description)} | {count} |")
    lines += ["", "The client itself, the errors and the helpers: [Python API](python.md)."]
    return "\n".join(lines) + "\n"


def _model_fields(model: type[Any]) -> list[tuple[str, str, str, bool]]:
    """(python name, type, description, required) of each field, from the model's docstring."""
    doc = inspect.getdoc(model) or ""
    described: dict[str, tuple[str, str]] = {}
    current = ""
    for line in doc.split("Attributes:", 1)[-1].splitlines() if "Attributes:" in doc else []:
        match = _ARG.match(line)
        if match and match.group(3) is not None:
            current = match.group(2)
            described[current] = (match.group(3), match.group(4).strip())
        elif current and line.strip():
            kind, text = described[current]
            described[current] = (kind, f"{text} {line.strip()}")
    fields = []
    for field in attrs.fields(model):
        if not field.init:
            continue
        kind, text = described.get(field.name, (str(field.type), ""))
        fields.append((field.name, kind, text, field.default is attrs.NOTHING))
    return fields


def model_page(name: str) -> str:
    model = getattr(models, name)
    doc = inspect.getdoc(model) or ""
    summary = doc.split("Attributes:", 1)[0].strip()
    lines = [f"# {name}", "", summary or f"`{name}`.", ""]
    if isinstance(model, type) and issubclass(model, str) and hasattr(model, "__members__"):
        lines += ["Values:", ""]
        lines += [f"- `{m.value}`" for m in model.__members__.values()]
        lines += [
            "",
            "An unknown value is kept as it came (`is_unknown()` is true), never refused.",
        ]
        return "\n".join(lines) + "\n"
    wire = wire_names(model)
    lines += ["| field | JSON name | type | required | description |", "|---|---|---|---|---|"]
    for field, kind, text, required in _model_fields(model):
        lines.append(
            f"| `{field}` | `{wire.get(field, field)}` | {linked_type(kind)} | "
            f"{'yes' if required else 'no'} | {_text(text)} |"
        )
    lines += [
        "",
        f"`{name}.from_dict(data)` builds one from JSON data (a `ModelValidationError` names the "
        "field that does not fit); `.to_dict()` gives the wire form.",
    ]
    return "\n".join(lines) + "\n"


def models_index() -> str:
    lines = ["# Models", "", "Every model of the spec, importable from `spectrocoin_async`.", ""]
    lines += [f"- [{name}]({name}.md)" for name in sorted(MODEL_NAMES)]
    return "\n".join(lines) + "\n"


def evidence_page(spec: dict[str, Any]) -> str:
    ops = spec_operations(spec)
    by_id = {o.operation_id: o for o in OPERATIONS.values()}
    counts = {level: 0 for level in LEVELS}
    for _, _, op in ops.values():
        counts[op["x-evidence"]] += 1
    lines = [
        "# Evidence",
        "",
        "SpectroCoin publishes no OpenAPI file. Every operation of `openapi.yaml` says how well it "
        "is known (`x-evidence`) and where from (`x-source`):",
        "",
        "| level | meaning | operations |",
        "|---|---|---|",
    ]
    lines += [f"| `{level}` | {text} | {counts[level]} |" for level, text in LEVELS.items()]
    lines += [
        "",
        "A `scope` or `overview` operation is real functionality at an unconfirmed address. Its "
        "first call against anything but a loopback sandbox emits `UnconfirmedOperationWarning` "
        "(once per operation per process). When the real path or fields become known, the fix is "
        "an edit of `openapi.yaml` and `make generate`.",
        "",
        "| operation | SDK method | HTTP | evidence | sources | notes |",
        "|---|---|---|---|---|---|",
    ]
    for op_id, (path, verb, op) in ops.items():
        o = by_id[op_id]
        links = "<br>".join(f"<{s}>" if " " not in s else _text(s) for s in sources(op))
        lines.append(
            f"| `{op_id}` | [`sc.{o.tag}.{o.name}`](reference/{o.tag}.md#{o.name}) | "
            f"`{verb.upper()} {path}` | `{op['x-evidence']}` | {links} | "
            f"{_text(op.get('x-evidence-notes', ''))} |"
        )
    lines += [
        "",
        "## Proposals beyond the operations",
        "",
        "- The pagination parameters `page` (counted from 0), `size` and `sort`, and the page "
        "envelope (`content`, `number`, `size`, `totalElements`, `totalPages`, `last`), follow "
        "the Spring conventions the reference's operation ids suggest; SpectroCoin has not "
        "published them.",
    ]
    for name, schema in spec["components"]["schemas"].items():
        if "x-evidence-notes" in schema:
            lines.append(f"- [{name}](models/{name}.md): {_text(schema['x-evidence-notes'])}")
        for prop, prop_schema in schema.get("properties", {}).items():
            if "x-evidence-notes" in prop_schema:
                note = _text(prop_schema["x-evidence-notes"])
                lines.append(f"- [{name}](models/{name}.md) `{prop}`: {note}")
    return "\n".join(lines) + "\n"


def pages() -> dict[str, str]:
    """Every generated page: path under docs/ -> Markdown."""
    spec = load_spec()
    tags = namespaces()
    found = {"reference/index.md": reference_index(spec, tags), "evidence.md": evidence_page(spec)}
    for tag, cls in tags.items():
        found[f"reference/{tag}.md"] = tag_page(spec, tag, cls)
    found["models/index.md"] = models_index()
    for name in sorted(MODEL_NAMES):
        found[f"models/{name}.md"] = model_page(name)
    return found


# -- the MkDocs hooks ---------------------------------------------------------------------------

_PAGES: dict[str, str] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _PAGES.clear()
    _PAGES.update(pages())
    tags = [p for p in _PAGES if p.startswith("reference/") and p != "reference/index.md"]
    model_pages = [p for p in _PAGES if p.startswith("models/") and p != "models/index.md"]
    config.nav = [
        *(config.nav or []),
        {"Evidence": "evidence.md"},
        {
            "API reference": [
                "reference/index.md",
                {"Python API": "reference/python.md"},
                *[{f"sc.{Path(p).stem}": p} for p in tags],
            ]
        },
        {"Models": ["models/index.md", *model_pages]},
    ]
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for path, content in _PAGES.items():
        files.append(File.generated(config, path, content=content))
    # The guides include README sections, whose images are linked from the repository root
    # (docs/images/...): serve them at that path too.
    for image in sorted((ROOT / "docs" / "images").glob("*.png")):
        files.append(File.generated(config, f"docs/images/{image.name}", abs_src_path=str(image)))
    return files
