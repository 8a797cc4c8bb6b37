"""Regenerate the generated package from openapi.yaml.

    python custom/generate.py OUTPUT_DIR [SPEC]

Steps: fold each operation's evidence into its description (so it shows in docstrings), run
openapi-python-client with the templates in custom/templates, then write ``_operations.py`` (the
per-operation facts the runtime needs and the generator does not carry: evidence, money movement,
body encoding, input constraints) and ``py.typed``. The same input always gives the same bytes.
"""

from __future__ import annotations

import json
import keyword
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from openapi_python_client.strings import PythonIdentifier

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi.yaml"
CONFIG = ROOT / "generator-config.yml"
TEMPLATES = ROOT / "custom" / "templates"
METHODS = ("get", "put", "post", "delete", "patch")

EVIDENCE_TEXT = {
    "documented": "documented: method and path are stated on docs.spectrocoin.com.",
    "plugin": "plugin: used against the live API by SpectroCoin's official plugins.",
    "scope": (
        "scope, unconfirmed: listed in the docs' API-key scope table, but the path is not "
        "published. The path here is this project's proposal and may change."
    ),
    "overview": (
        "overview, unconfirmed: the capability is named in the API overview; path and fields "
        "are this project's proposal, not a published address, and may change."
    ),
}
UNCONFIRMED = frozenset({"scope", "overview"})
"""Evidence levels whose path and fields are this project's proposal."""


def sources(op: dict[str, Any]) -> list[str]:
    """An operation's ``x-source``: one public URL, or a list of them."""
    source = op["x-source"]
    return [source] if isinstance(source, str) else [str(s) for s in source]


def auth_of(spec: dict[str, Any], op: dict[str, Any]) -> str:
    """``none`` (never a token), ``optional`` (a token when credentials are configured) or
    ``required``, from the operation's OpenAPI ``security``."""
    security = op.get("security", spec.get("security", []))
    if security == []:
        return "none"
    return "optional" if {} in security else "required"


class _Loader(yaml.SafeLoader):
    """YAML numbers with a fraction load as Decimal, so constraints stay exact."""


_Loader.add_constructor(
    "tag:yaml.org,2002:float",
    lambda loader, node: Decimal(loader.construct_scalar(node)),  # type: ignore[arg-type]
)


def load_spec(path: Path = SPEC) -> dict[str, Any]:
    with path.open(encoding="utf-8") as f:
        spec: dict[str, Any] = yaml.load(f, Loader=_Loader)  # a SafeLoader subclass
    return dict(spec)


def _resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def _rule(name: str, schema: dict[str, Any], required: bool) -> dict[str, Any]:
    rule: dict[str, Any] = {"name": name, "required": required}
    for key, out in (("pattern", "pattern"), ("format", "format")):
        if key in schema:
            rule[out] = schema[key]
    for key, out in (
        ("exclusiveMinimum", "exclusive_minimum"),
        ("minimum", "minimum"),
        ("maximum", "maximum"),
    ):
        if key in schema:
            rule[out] = Decimal(str(schema[key]))
    if rule.get("format") not in ("uuid", None):
        del rule["format"]
    return rule


def _alternatives(spec: dict[str, Any], schema: dict[str, Any]) -> list[list[dict[str, Any]]]:
    """A body schema's ``anyOf`` of ``required`` groups ("receive pair or pay pair"): per group,
    its fields as required rules, with the constraints the group adds to them."""
    groups = []
    understood = {"exclusiveMinimum", "minimum", "maximum", "pattern", "format"}
    for option in schema.get("anyOf", []):
        props = option.get("properties", {})
        if any(set(sub) - understood for sub in props.values()):
            return []  # a group chosen by a value (rail: const SEPA): left to the server
        groups.append(
            [_rule(name, _resolve(spec, props.get(name, {})), True) for name in option["required"]]
        )
    return groups


def _has_constraint(rule: dict[str, Any]) -> bool:
    return rule["required"] or len(rule) > 2


def _negotiation(produces: dict[str, Any], params: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The Accept header of an operation whose success is not JSON only.

    It names what the operation produces plus ``application/json`` (error bodies are JSON). A query
    parameter with ``x-media-types`` (value -> media type) narrows it to the value chosen.
    """
    if list(produces) in ([], ["application/json"]):
        return None

    def header(*media: str) -> str:
        return ", ".join(dict.fromkeys([*media, "application/json"]))

    negotiation: dict[str, Any] = {"header": header(*sorted(produces))}
    for param in params:
        media_types = param.get("x-media-types")
        if param["in"] == "query" and media_types:
            unknown = set(media_types.values()) - set(produces)
            if unknown:
                raise SystemExit(f"x-media-types of {param['name']!r}: {unknown} not produced")
            negotiation["parameter"] = param["name"]
            negotiation["by_value"] = [
                (str(value), header(media)) for value, media in media_types.items()
            ]
    return negotiation


def operation_facts(spec: dict[str, Any]) -> list[dict[str, Any]]:
    facts = []
    for path, item in spec["paths"].items():
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            name = str(PythonIdentifier(op["operationId"], "field_"))
            tag = str(PythonIdentifier(op["tags"][0], "field_"))
            body = None
            body_rules: list[dict[str, Any]] = []
            secret_fields: list[str] = []
            body_any_of: list[list[dict[str, Any]]] = []
            if "requestBody" in op:
                (content_type, media), *_ = _resolve(spec, op["requestBody"])["content"].items()
                body = "json" if content_type == "application/json" else "form"
                schema = _resolve(spec, media["schema"])
                required = set(schema.get("required", ()))
                for prop, prop_schema in schema.get("properties", {}).items():
                    rule = _rule(prop, _resolve(spec, prop_schema), prop in required)
                    if _has_constraint(rule):
                        body_rules.append(rule)
                    if prop_schema.get("x-secret"):
                        secret_fields.append(prop)
                body_any_of = _alternatives(spec, schema)
            query_rules = []
            params = [_resolve(spec, p) for p in op.get("parameters", [])]
            for param in params:
                if param["in"] == "query":
                    rule = _rule(
                        param["name"],
                        _resolve(spec, param.get("schema", {})),
                        bool(param.get("required")),
                    )
                    if _has_constraint(rule):
                        query_rules.append(rule)
            # Only these statuses are success; any other (a 3xx included) is an error.
            success = sorted(int(code) for code in op["responses"] if str(code).startswith("2"))
            if not success:
                raise SystemExit(f"{op['operationId']}: no success status in its responses")
            ok = _resolve(spec, op["responses"].get("200", {}))
            content = ok.get("content", {})
            if not content:
                response = "none"
            elif "application/json" in content:
                response = "json"
            elif all(ct.startswith("text/") for ct in content):
                response = "text"
            else:
                response = "binary"  # exports: CSV or PDF, returned (or streamed) as bytes
            accept = _negotiation(content, params)
            auth = auth_of(spec, op)
            facts.append(
                {
                    "name": name,
                    "operation_id": op["operationId"],
                    "tag": tag,
                    "method": method.upper(),
                    "path": path,
                    "public": auth == "none",
                    "body": body,
                    "response": response,
                    "moves_money": bool(op.get("x-moves-money", False)),
                    "evidence": op["x-evidence"],
                    "source": ", ".join(sources(op)),
                    "group": op.get("x-ratelimit-group", tag),
                    "body_rules": body_rules,
                    **({"body_any_of": body_any_of} if body_any_of else {}),
                    "query_rules": query_rules,
                    "accept": accept,
                    "optional_auth": auth == "optional",
                    "success": tuple(success),
                    "secret_fields": tuple(secret_fields),
                    "parameters": public_parameters(op, params),
                }
            )
    return sorted(facts, key=lambda f: f["name"])


def public_parameters(op: dict[str, Any], params: list[dict[str, Any]]) -> tuple[str, ...]:
    """The keyword names of an operation's method, in its order: path, ``body``, query, header.

    Spelled as public_params.jinja spells them (``format``, not the generator's ``format_``;
    a keyword keeps its ``_``: ``from_``), so an unknown keyword can be told which there are.
    """

    def public(name: str) -> str:
        python = str(PythonIdentifier(name, "field_"))
        bare = python[:-1]
        keep = python.endswith("_") and bare == name and not keyword.iskeyword(bare)
        return bare if keep else python

    by_place = {
        place: [public(p["name"]) for p in params if p["in"] == place]
        for place in ("path", "query", "header")
    }
    body = ["body"] if "requestBody" in op else []
    return (*by_place["path"], *body, *by_place["query"], *by_place["header"])


def _py(value: Any, cls: str = "FieldRule") -> str:
    if isinstance(value, Decimal):
        return f'Decimal("{value}")'
    if isinstance(value, dict):
        return f"{cls}(" + ", ".join(f"{k}={_py(v)}" for k, v in value.items()) + ")"
    if isinstance(value, list | tuple):
        return "(" + "".join(_py(v, cls) + ", " for v in value) + ")"
    return repr(value)


def render_operations(facts: list[dict[str, Any]], tags: list[dict[str, Any]]) -> str:
    lines = [
        '"""Per-operation facts from openapi.yaml, written by custom/generate.py. Do not edit."""',
        "",
        "from decimal import Decimal",
        "",
        "from .._types import FieldRule, Negotiation, Operation",
        "",
        "OPERATIONS: dict[str, Operation] = {",
    ]
    for fact in facts:
        args = ", ".join(
            f"{k}={_py(v, 'Negotiation' if k == 'accept' else 'FieldRule')}"
            for k, v in fact.items()
        )
        lines.append(f'    "{fact["name"]}": Operation({args}),')
    # Each tag's description (openapi.yaml `tags:`): the CLI's top-level help lists them.
    lines += ["}", "", "TAGS: dict[str, str] = {"]
    for tag in tags:
        text = " ".join(tag.get("description", "").split())
        lines.append(f"    {tag['name']!r}: {text!r},")
    lines += ["}", ""]
    return "\n".join(lines)


SECRET_NOTE = "Secret: never shown in repr()."
"""Ends the description of every `x-secret: true` property (model.py.jinja reads the marks
themselves from ``spec_extensions.jinja``)."""


def render_callbacks(spec: dict[str, Any]) -> str:
    """``_callbacks.py``: both callback shapes' field lists, from components/callbacks."""
    post = spec["components"]["callbacks"]["OrderCallback"]["{$request.body#/callbackUrl}"]["post"]
    content = post["requestBody"]["content"]
    js = content["application/json"]["schema"]
    form = content["application/x-www-form-urlencoded"]["schema"]
    names = {
        "JSON_CALLBACK_FIELDS": tuple(js["properties"]),
        "JSON_CALLBACK_REQUIRED": tuple(js["required"]),
        "LEGACY_CALLBACK_FIELDS": tuple(form["properties"]),
        "LEGACY_CALLBACK_REQUIRED": tuple(form["required"]),
        "LEGACY_SIGNED_FIELDS": tuple(form["x-signed-fields"]),
    }
    lines = [
        '"""Both merchant-callback shapes of openapi.yaml (components/callbacks/OrderCallback),',
        'written by custom/generate.py. Do not edit."""',
        "",
    ]
    lines += [f"{name}: tuple[str, ...] = {value!r}" for name, value in names.items()]
    # A legacy callback's numeric status: the codes of OrderStatus (x-enum-codes).
    codes = spec["components"]["schemas"]["OrderStatus"]["x-enum-codes"]
    status_names = {int(code): name for code, name in codes.items()}
    lines.append(f"LEGACY_STATUS_NAMES: dict[int, str] = {status_names!r}")
    return "\n".join([*lines, ""])


def secret_properties(spec: dict[str, Any]) -> dict[str, list[str]]:
    """Per schema, the JSON names of its properties marked ``x-secret: true``."""
    found: dict[str, list[str]] = {}
    for name, schema in spec["components"]["schemas"].items():
        props = [p for p, s in schema.get("properties", {}).items() if s.get("x-secret")]
        if props:
            found[name] = props
    return found


def render_secrets(spec: dict[str, Any]) -> str:
    """``_secrets.py``: the JSON names of the properties marked ``x-secret: true``."""
    names = sorted({prop for props in secret_properties(spec).values() for prop in props})
    return (
        '"""Properties openapi.yaml marks `x-secret: true`, written by custom/generate.py.\n\n'
        "Imported with the generated package, this hands them to the runtime, whose errors\n"
        'redact their values from body previews. Do not edit."""\n\n'
        "from .._errors import register_secret_fields\n\n"
        f"SECRET_FIELDS: tuple[str, ...] = {tuple(names)!r}\n\n"
        "register_secret_fields(SECRET_FIELDS)\n"
    )


def enum_extensions(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Per enum schema, what ``x-enum-codes`` / ``x-enum-case-insensitive`` ask of its parser.

    The generator drops ``x-`` keys before templates see an enum, so they reach
    str_enum.py.jinja through a generated template (``spec_extensions.jinja``) instead.
    """
    found: dict[str, dict[str, Any]] = {}
    for name, schema in spec.get("components", {}).get("schemas", {}).items():
        if "enum" not in schema:
            continue
        codes = {int(code): value for code, value in schema.get("x-enum-codes", {}).items()}
        unknown = set(codes.values()) - set(schema["enum"])
        if unknown:
            raise SystemExit(f"x-enum-codes of {name} names values not in its enum: {unknown}")
        if codes or schema.get("x-enum-case-insensitive"):
            found[name] = {
                "codes": sorted(codes.items()),
                "case_insensitive": bool(schema.get("x-enum-case-insensitive")),
            }
    return found


def alias_properties(spec: dict[str, Any]) -> dict[str, dict[str, list[str]]]:
    """Per schema, the properties marked ``x-aliases``: other keys the same value may come
    under (an order's ``id`` as ``uuid``), read in order where the property itself is absent."""
    found: dict[str, dict[str, list[str]]] = {}
    for name, schema in spec["components"]["schemas"].items():
        for prop, sub in schema.get("properties", {}).items():
            if sub.get("x-aliases"):
                found.setdefault(name, {})[prop] = list(sub["x-aliases"])
    return found


def _schema_refs(spec: dict[str, Any], node: Any, found: set[str]) -> set[str]:
    """Every schema of components/schemas that ``node`` reaches through ``$ref``s."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith("#/components/"):
                name = value.rsplit("/", 1)[1]
                target = _resolve(spec, {"$ref": value})
                if value.startswith("#/components/schemas/") and name not in found:
                    found.add(name)
                    _schema_refs(spec, target, found)
                elif not value.startswith("#/components/schemas/"):
                    _schema_refs(spec, target, found)
            else:
                _schema_refs(spec, value, found)
    elif isinstance(node, list):
        for value in node:
            _schema_refs(spec, value, found)
    return found


def request_schemas(spec: dict[str, Any]) -> set[str]:
    """The object schemas a request body or a parameter uses (the user writes these)."""
    found: set[str] = set()
    for item in spec["paths"].values():
        for method in METHODS:
            op = item.get(method)
            if op is not None:
                _schema_refs(spec, [op.get("requestBody", {}), op.get("parameters", [])], found)
    schemas = spec["components"]["schemas"]
    return {name for name in found if schemas[name].get("type") == "object"}


def response_optional(spec: dict[str, Any]) -> dict[str, list[str]]:
    """Per object schema the API sends (any that is not a request's), its optional properties.

    These read as ``None`` when absent or null: ``prepare`` hands them to the generator as
    required and nullable, and model.py.jinja gives them the default ``None``.
    """
    requests = request_schemas(spec)
    found: dict[str, list[str]] = {}
    for name, schema in spec["components"]["schemas"].items():
        if name in requests or schema.get("type") != "object":
            continue
        # A property read from its aliases too (x-aliases) is always there; an alias is none.
        aliased = alias_properties(spec).get(name, {})
        required = set(schema.get("required", ())) | set(aliased)
        aliases = {alias for names in aliased.values() for alias in names}
        optional = [
            p for p in schema.get("properties", {}) if p not in required and p not in aliases
        ]
        if optional:
            found[name] = optional
    return found


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` that also admits ``null`` (OpenAPI 3.1: a type list, or anyOf for a $ref)."""
    if "$ref" in schema:
        rest = {k: v for k, v in schema.items() if k != "$ref"}
        return {**rest, "anyOf": [{"$ref": schema["$ref"]}, {"type": "null"}]}
    types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    return {**schema, "type": [*types, "null"] if "null" not in types else types}


def render_spec_extensions(spec: dict[str, Any]) -> str:
    """``spec_extensions.jinja``: what templates need that the generator drops (the ``x-``
    keys) or that ``prepare`` rewrites (which properties of a response are optional)."""
    enums = json.dumps(enum_extensions(spec), sort_keys=True)
    secrets = json.dumps(secret_properties(spec), sort_keys=True)
    aliases = json.dumps(alias_properties(spec), sort_keys=True)
    optional = json.dumps(response_optional(spec), sort_keys=True)
    requests = json.dumps(sorted(request_schemas(spec)))
    return (
        "{# Written by custom/generate.py from openapi.yaml's x-enum-*, x-secret and x-aliases\n"
        "   keys and the optional properties of the objects the API sends. #}\n"
        f"{{% set ENUMS = {enums} %}}\n"
        f"{{% set SECRETS = {secrets} %}}\n"
        f"{{% set ALIASES = {aliases} %}}\n"
        f"{{% set RESPONSE_OPTIONAL = {optional} %}}\n"
        f"{{% set REQUESTS = {requests} %}}\n"
    )


def prepare(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec as the generator sees it: evidence appended to every operation's description,
    the optional properties of responses nullable instead (see ``response_optional``), and no
    additional properties on requests."""
    prepared: dict[str, Any] = json.loads(json.dumps(spec, default=str))
    for name, aliased in alias_properties(spec).items():
        # The model reads the aliases into the property (model.py.jinja), so the property is
        # always there and the aliases are not attributes of their own; the schema's "this key
        # or its alias" anyOf says nothing more to the generator.
        schema = prepared["components"]["schemas"][name]
        for prop, aliases in aliased.items():
            schema["required"] = sorted({*schema.get("required", []), prop})
            for alias in aliases:
                schema["properties"].pop(alias, None)
        schema.pop("anyOf", None)
    # A property the server may leave out reads as None, never as UNSET: the generator sees it
    # as required and nullable, and model.py.jinja gives it the default None.
    for name, optional in response_optional(spec).items():
        schema = prepared["components"]["schemas"][name]
        for prop in optional:
            schema["properties"][prop] = _nullable(schema["properties"][prop])
        schema["required"] = [*schema.get("required", ()), *optional]
    # A request model has exactly the spec's fields: its from_dict refuses any other key
    # (model.py.jinja), where a misspelt one used to ride along in additional_properties.
    for name in request_schemas(spec):
        prepared["components"]["schemas"][name]["additionalProperties"] = False
    for schema in prepared["components"]["schemas"].values():
        if all(set(option) <= {"required", "properties"} for option in schema.get("anyOf", [{}])):
            # "These fields or those": checked by the runtime (body_any_of), not a type.
            schema.pop("anyOf", None)
        for prop in schema.get("properties", {}).values():
            if prop.get("x-secret"):
                text = prop.get("description", "").rstrip()
                prop["description"] = f"{text} {SECRET_NOTE}".strip()
    for item in prepared["paths"].values():
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            # The generator makes nothing of callbacks and rejects a $ref to one: render_callbacks
            # reads them instead.
            op.pop("callbacks", None)
            # The generator documents a parameter with its schema's description, not its own.
            for param in op.get("parameters", []):
                schema = param.get("schema", {})
                if param.get("description") and "$ref" not in schema:
                    schema.setdefault("description", param["description"])
            # Evidence first, so help() and --help show it in their first lines.
            label = "Sources" if len(sources(op)) > 1 else "Source"
            evidence = f"Evidence: {EVIDENCE_TEXT[op['x-evidence']]} {label}: " + ", ".join(
                sources(op)
            )
            notes = []
            auth = auth_of(spec, op)
            if auth == "none":
                notes.append("Public: needs no credentials and never fetches a token.")
            elif auth == "optional":
                notes.append(
                    "Token optional: works without credentials where the API allows it; with "
                    "credentials configured, the bearer token is sent."
                )
            if op.get("x-moves-money"):
                notes.append(
                    "Moves money: never retried once the request may have reached the server; "
                    "on a connection error or timeout, reconcile before calling again."
                )
            parts = [evidence, op.get("description", "").strip(), *notes]
            op["description"] = "\n\n".join(p for p in parts if p)
    return prepared


def _ruff(*args: str, cwd: Path) -> None:
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or "ruff"
    subprocess.run(
        [ruff, *args, "--isolated", "--line-length=100", "--target-version=py311", "."],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


def generate(output: Path, spec_path: Path = SPEC) -> None:
    spec = load_spec(spec_path)
    bin_dir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory() as tmp:
        prepared = Path(tmp) / "openapi.json"
        prepared.write_text(json.dumps(prepare(spec), indent=1, sort_keys=True), encoding="utf-8")
        templates = Path(tmp) / "templates"
        shutil.copytree(TEMPLATES, templates)
        (templates / "spec_extensions.jinja").write_text(
            render_spec_extensions(spec), encoding="utf-8"
        )
        if output.exists():
            shutil.rmtree(output)
        env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "HOME": tmp, "NO_COLOR": "1"}
        result = subprocess.run(
            [
                str(bin_dir / "openapi-python-client"),
                "generate",
                "--path",
                str(prepared),
                "--config",
                str(CONFIG),
                "--meta",
                "none",
                "--output-path",
                str(output),
                "--overwrite",
                "--custom-template-path",
                str(templates),
                "--fail-on-warning",
            ],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            sys.stderr.write(result.stdout + result.stderr)
            raise SystemExit(result.returncode)
    # The generator always writes a client and an errors module; the runtime has its own, and a
    # second, unmanaged HTTP client in the package would only mislead.
    for unused in ("client.py", "errors.py"):
        (output / unused).unlink()
    (output / "_operations.py").write_text(
        render_operations(operation_facts(spec), spec.get("tags", [])), "utf-8"
    )
    (output / "_callbacks.py").write_text(render_callbacks(spec), "utf-8")
    (output / "_secrets.py").write_text(render_secrets(spec), "utf-8")
    (output / "py.typed").write_text("", encoding="utf-8")
    _ruff("check", "--fix-only", "--extend-select=I", cwd=output)
    _ruff("format", cwd=output)
    shutil.rmtree(output / ".ruff_cache", ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        raise SystemExit(__doc__)
    generate(Path(sys.argv[1]).resolve(), Path(sys.argv[2]) if len(sys.argv) == 3 else SPEC)
