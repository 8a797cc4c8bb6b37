"""What changed between two versions of openapi.yaml, in the words a user of the SDK needs.

Each change names the SDK call it touches (``merchant.create_order``), says what happened and
whether code written against the old version may stop working: a removed operation, parameter or
field, a new required input, a changed type, a removed enum value, or a response field that may
now be ``None``. Additions that old code never sees are not breaking.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Literal

from attrs import frozen
from openapi_python_client.strings import PythonIdentifier

Section = Literal["Added", "Changed", "Removed"]
METHODS = ("get", "put", "post", "delete", "patch")
MAX_FIELD_DEPTH = 6  # nested request/response objects are followed this deep


@frozen
class Change:
    """One entry of the report: ``subject: text``, filed under a Keep a Changelog section."""

    level: Literal["spec", "python"]
    section: Section
    breaking: bool
    subject: str
    text: str

    def line(self) -> str:
        mark = "BREAKING " if self.breaking else ""
        return f"{mark}{self.subject}: {self.text}"


def python_name(name: str) -> str:
    """The SDK's Python spelling of a spec name (operationId, tag, parameter), as generated."""
    return str(PythonIdentifier(name, "field_"))


@frozen
class _Field:
    """One request or response field, flattened to a dotted path."""

    type: str
    required: bool
    nullable: bool
    enum: tuple[str, ...] | None


class _Spec:
    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.raw = spec
        self.schemas: Mapping[str, Any] = spec.get("components", {}).get("schemas", {})

    def resolve(self, node: Mapping[str, Any]) -> tuple[str | None, Mapping[str, Any]]:
        """Follow ``$ref`` chains inside components; return the last name and the schema."""
        name = None
        seen: set[str] = set()
        while "$ref" in node:
            ref = str(node["$ref"])
            if ref in seen:
                break
            seen.add(ref)
            section, _, key = ref.removeprefix("#/components/").partition("/")
            name = key if section == "schemas" else name
            node = self.raw.get("components", {}).get(section, {}).get(key, {})
        return name, node

    def operations(self) -> dict[str, tuple[str, str, Mapping[str, Any]]]:
        ops = {}
        for path, item in (self.raw.get("paths") or {}).items():
            for method in METHODS:
                op = item.get(method)
                if isinstance(op, Mapping) and op.get("operationId"):
                    ops[str(op["operationId"])] = (method.upper(), str(path), op)
        return ops

    def describe(self, schema: Mapping[str, Any]) -> tuple[str, bool, tuple[str, ...] | None]:
        """A schema's type label, whether it admits null, and its inline enum values."""
        name, resolved = self.resolve(schema)
        nullable = bool(resolved.get("nullable")) or bool(schema.get("nullable"))
        if name is not None:
            return name, nullable, None  # a named schema: its own changes are reported once
        # anyOf/oneOf entries that only say which fields are required constrain, not type.
        variants = [
            v
            for v in resolved.get("anyOf") or resolved.get("oneOf") or ()
            if set(v) - {"required", "description", "not"}
        ]
        if variants:
            labels = []
            for variant in variants:
                label, null, _ = self.describe(variant)
                nullable = nullable or null or label == "null"
                if label != "null":
                    labels.append(label)
            return " | ".join(sorted(set(labels))) or "null", nullable, None
        kinds = resolved.get("type", "object")
        kinds = [kinds] if isinstance(kinds, str) else list(kinds)
        nullable = nullable or "null" in kinds
        kinds = [k for k in kinds if k != "null"]
        label = " | ".join(kinds) or "null"
        if resolved.get("format"):
            label += f" ({resolved['format']})"
        if label == "array":
            item_label, _, _ = self.describe(resolved.get("items", {}))
            label = f"array of {item_label}"
        enum = resolved.get("enum")
        values = tuple(str(v) for v in enum if v is not None) if enum else None
        return label, nullable, values

    def fields(self, schema: Mapping[str, Any]) -> dict[str, _Field]:
        """Every field of an object schema, nested ones as ``a.b`` and array items as ``a[].b``."""
        out: dict[str, _Field] = {}
        self._walk(schema, "", out, depth=0, seen=frozenset())
        return out

    def _walk(
        self,
        schema: Mapping[str, Any],
        prefix: str,
        out: dict[str, _Field],
        depth: int,
        seen: frozenset[str],
    ) -> None:
        name, resolved = self.resolve(schema)
        if depth > MAX_FIELD_DEPTH or (name is not None and name in seen):
            return
        seen = seen | {name} if name else seen
        if resolved.get("type") == "array" or "items" in resolved:
            self._walk(resolved.get("items", {}), f"{prefix}[]", out, depth + 1, seen)
            return
        required = set(resolved.get("required", ()))
        for prop, sub in (resolved.get("properties") or {}).items():
            path = f"{prefix}.{prop}" if prefix else prop
            label, nullable, enum = self.describe(sub)
            out[path] = _Field(label, prop in required, nullable, enum)
            self._walk(sub, path, out, depth + 1, seen)

    def request_schema(self, op: Mapping[str, Any]) -> Mapping[str, Any] | None:
        _, body = self.resolve(op.get("requestBody") or {})
        for media in (body.get("content") or {}).values():
            return dict(media.get("schema") or {})
        return None

    def responses(self, op: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
        return {str(code): self.resolve(r)[1] for code, r in (op.get("responses") or {}).items()}

    def success_schema(self, op: Mapping[str, Any]) -> Mapping[str, Any] | None:
        for code, response in sorted(self.responses(op).items()):
            if code.startswith("2"):
                for media_type, media in (response.get("content") or {}).items():
                    if "json" in media_type:
                        return dict(media.get("schema") or {})
        return None


def spec_changes(old_raw: Mapping[str, Any], new_raw: Mapping[str, Any]) -> list[Change]:
    """Every user-visible difference between two specs, breaking ones marked."""
    old, new = _Spec(old_raw), _Spec(new_raw)
    changes = [*_tag_changes(old, new), *_operation_changes(old, new), *_schema_changes(old, new)]
    return changes


def _change(section: Section, breaking: bool, subject: str, text: str) -> Change:
    return Change("spec", section, breaking, subject, text)


def _tag_changes(old: _Spec, new: _Spec) -> Iterator[Change]:
    def tags(spec: _Spec) -> set[str]:
        named = {str(t["name"]) for t in spec.raw.get("tags") or ()}
        used = {str(op["tags"][0]) for _, _, op in spec.operations().values() if op.get("tags")}
        return named | used

    before, after = tags(old), tags(new)
    for tag in sorted(after - before):
        yield _change(
            "Added", False, python_name(tag), "new namespace (client." + python_name(tag) + ")"
        )
    for tag in sorted(before - after):
        yield _change(
            "Removed", True, python_name(tag), "namespace removed: code using it must change"
        )


def _subject(op: Mapping[str, Any], op_id: str) -> str:
    tag = python_name(str((op.get("tags") or ["default"])[0]))
    return f"{tag}.{python_name(op_id)}"


def _operation_changes(old: _Spec, new: _Spec) -> Iterator[Change]:
    before, after = old.operations(), new.operations()
    for op_id in sorted(after.keys() - before.keys()):
        method, path, op = after[op_id]
        yield _change("Added", False, _subject(op, op_id), f"new operation ({method} {path})")
    for op_id in sorted(before.keys() - after.keys()):
        method, path, op = before[op_id]
        yield _change(
            "Removed",
            True,
            _subject(op, op_id),
            f"operation removed ({method} {path}): calls to it must go",
        )
    for op_id in sorted(before.keys() & after.keys()):
        (m0, p0, op0), (m1, p1, op1) = before[op_id], after[op_id]
        subject = _subject(op1, op_id)
        if _subject(op0, op_id) != subject:
            yield _change(
                "Changed",
                True,
                subject,
                f"moved from {_subject(op0, op_id)}: call it through its new namespace",
            )
        if (m0, p0) != (m1, p1):
            yield _change("Changed", False, subject, f"now sent as {m1} {p1} (was {m0} {p0})")
        yield from _parameter_changes(old, new, op0, op1, subject)
        yield from _request_changes(old, new, op0, op1, subject)
        yield from _response_changes(old, new, op0, op1, subject)


def _parameters(spec: _Spec, op: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    params = {}
    for raw in op.get("parameters") or ():
        _, param = spec.resolve(raw)
        params[str(param.get("name"))] = param
    return params


def _parameter_changes(
    old: _Spec, new: _Spec, op0: Mapping[str, Any], op1: Mapping[str, Any], subject: str
) -> Iterator[Change]:
    before, after = _parameters(old, op0), _parameters(new, op1)
    for name in sorted(after.keys() - before.keys()):
        what = f"parameter '{python_name(name)}'"
        if after[name].get("required"):
            yield _change("Changed", True, subject, f"{what} added as required: pass it")
        else:
            yield _change("Added", False, subject, f"new optional {what}")
    for name in sorted(before.keys() - after.keys()):
        yield _change(
            "Removed",
            True,
            subject,
            f"parameter '{python_name(name)}' removed: stop passing it",
        )
    for name in sorted(before.keys() & after.keys()):
        what = f"parameter '{python_name(name)}'"
        p0, p1 = before[name], after[name]
        if p1.get("required") and not p0.get("required"):
            yield _change("Changed", True, subject, f"{what} became required: pass it")
        elif p0.get("required") and not p1.get("required"):
            yield _change("Changed", False, subject, f"{what} became optional")
        t0, _, e0 = old.describe(p0.get("schema") or {})
        t1, _, e1 = new.describe(p1.get("schema") or {})
        if _widened(t0, t1):
            yield _change("Changed", False, subject, f"{what} now accepts any {t1} (was {t0})")
        elif t0 != t1:
            yield _change(
                "Changed", True, subject, f"{what} changed type from {t0} to {t1}: pass a {t1}"
            )
        yield from _enum_changes(subject, what, e0, e1, breaking_removal=True)


def _enum_changes(
    subject: str,
    what: str,
    before: tuple[str, ...] | None,
    after: tuple[str, ...] | None,
    *,
    breaking_removal: bool,
) -> Iterator[Change]:
    if before is None or after is None:
        return
    for value in sorted(set(after) - set(before)):
        yield _change("Added", False, subject, f"{what} gained the value '{value}'")
    for value in sorted(set(before) - set(after)):
        yield _change(
            "Removed",
            breaking_removal,
            subject,
            f"{what} lost the value '{value}': code using it must change",
        )


def _request_changes(
    old: _Spec, new: _Spec, op0: Mapping[str, Any], op1: Mapping[str, Any], subject: str
) -> Iterator[Change]:
    s0, s1 = old.request_schema(op0), new.request_schema(op1)
    if s0 is None and s1 is None:
        return
    if s0 is None:
        yield _change("Changed", True, subject, "parameter 'body' added as required: pass it")
        return
    if s1 is None:
        yield _change("Removed", True, subject, "parameter 'body' removed: stop passing it")
        return
    t0, _, _ = old.describe(s0)
    t1, _, _ = new.describe(s1)
    if t0 != t1:
        yield _change(
            "Changed",
            True,
            subject,
            f"parameter 'body' changed type from {t0} to {t1}: build a {t1}",
        )
    f0, f1 = old.fields(s0), new.fields(s1)
    for path in sorted(f1.keys() - f0.keys()):
        what = f"parameter 'body' field '{path}'"
        if f1[path].required and _parent_present(path, f0):
            yield _change("Changed", True, subject, f"{what} added as required: set it")
        else:
            yield _change("Added", False, subject, f"new optional {what}")
    for path in sorted(f0.keys() - f1.keys()):
        yield _change(
            "Removed",
            True,
            subject,
            f"parameter 'body' field '{path}' removed: stop setting it",
        )
    for path in sorted(f0.keys() & f1.keys()):
        what = f"parameter 'body' field '{path}'"
        a, b = f0[path], f1[path]
        if b.required and not a.required:
            yield _change("Changed", True, subject, f"{what} became required")
        elif a.required and not b.required:
            yield _change("Changed", False, subject, f"{what} became optional")
        if _widened(a.type, b.type):
            yield _change("Changed", False, subject, f"{what} now accepts any {b.type}")
        elif a.type != b.type:
            yield _change(
                "Changed", True, subject, f"{what} changed type from {a.type} to {b.type}"
            )
        if a.nullable and not b.nullable:
            yield _change("Changed", True, subject, f"{what} no longer accepts null")
        elif b.nullable and not a.nullable:
            yield _change("Changed", False, subject, f"{what} now accepts null")
        yield from _enum_changes(subject, what, a.enum, b.enum, breaking_removal=True)


def _widened(before: str, after: str) -> bool:
    """An input that drops its format (``string (uuid)`` -> ``string``) accepts more than before."""
    return before != after and before.partition(" (")[0] == after and " (" in before


def _parent_present(path: str, fields: Mapping[str, _Field]) -> bool:
    """A required field inside a new optional object costs nothing until the object is used."""
    parent = path.rpartition(".")[0].removesuffix("[]")
    return not parent or parent in fields


def _response_changes(
    old: _Spec, new: _Spec, op0: Mapping[str, Any], op1: Mapping[str, Any], subject: str
) -> Iterator[Change]:
    r0, r1 = old.responses(op0), new.responses(op1)
    for code in sorted(r1.keys() - r0.keys()):
        success = code.startswith("2")
        yield _change(
            "Added" if success else "Changed",
            False,
            subject,
            f"status {code} now declared" + ("" if success else " (raised as an error)"),
        )
    for code in sorted(r0.keys() - r1.keys()):
        success = code.startswith("2")
        yield _change(
            "Removed",
            success,
            subject,
            f"status {code} no longer declared" + (": its result type is gone" if success else ""),
        )
    s0, s1 = old.success_schema(op0), new.success_schema(op1)
    if s0 is None or s1 is None:
        return
    t0, n0, _ = old.describe(s0)
    t1, n1, _ = new.describe(s1)
    if t0 != t1:
        yield _change(
            "Changed", True, subject, f"returns {t1} instead of {t0}: code reading it must change"
        )
    if n1 and not n0:
        yield _change("Changed", True, subject, "may now return None: check for None")
    if t0 != t1:
        return  # a different model: its own field changes are reported under its name
    f0, f1 = old.fields(s0), new.fields(s1)
    for path in sorted(f1.keys() - f0.keys()):
        yield _change("Added", False, subject, f"response field '{path}' added")
    for path in sorted(f0.keys() - f1.keys()):
        yield _change(
            "Removed",
            True,
            subject,
            f"response field '{path}' removed: code reading it must change",
        )
    for path in sorted(f0.keys() & f1.keys()):
        what = f"response field '{path}'"
        a, b = f0[path], f1[path]
        if a.type != b.type:
            yield _change(
                "Changed", True, subject, f"{what} changed type from {a.type} to {b.type}"
            )
        if (b.nullable and not a.nullable) or (a.required and not b.required):
            yield _change("Changed", True, subject, f"{what} may now be None: check for None")
        elif (a.nullable and not b.nullable) or (b.required and not a.required):
            yield _change("Changed", False, subject, f"{what} is now always present")
        yield from _enum_changes(subject, what, a.enum, b.enum, breaking_removal=True)


def _schema_changes(old: _Spec, new: _Spec) -> Iterator[Change]:
    """Named schemas: models and enums that came or went, and enum values of named enums."""
    before, after = old.schemas, new.schemas
    for name in sorted(after.keys() - before.keys()):
        kind = "enum" if "enum" in after[name] else "model"
        yield _change("Added", False, name, f"new {kind}")
    for name in sorted(before.keys() - after.keys()):
        kind = "enum" if "enum" in before[name] else "model"
        yield _change("Removed", True, name, f"{kind} removed: code importing it must change")
    for name in sorted(before.keys() & after.keys()):
        e0 = [str(v) for v in before[name].get("enum") or () if v is not None]
        e1 = [str(v) for v in after[name].get("enum") or () if v is not None]
        if e0 or e1:
            yield from _enum_changes(name, "enum", tuple(e0), tuple(e1), breaking_removal=True)
