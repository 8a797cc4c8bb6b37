"""What changed in the package's public Python surface, as users reach it.

griffe reads both trees statically (nothing is imported or run). Users meet the SDK through
three doors, each compared its own way:

- the client's namespaces (``client.merchant.create_order(...)``): the generated namespace
  classes are private modules, so they are found through the attributes of ``SpectroCoinClient``
  and compared method by method. Their ``**options`` would hide a removed keyword from griffe's
  own check, so parameters are compared here;
- the models (``Order``, ``CreateOrderRequest``): attrs classes whose fields are their
  constructor, compared field by field (a new field without a default is a new required
  argument);
- everything else exported from ``spectrocoin_async`` (the client, errors, helpers): griffe's
  ``find_breaking_changes``, plus what was added.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import griffe
from spec_diff import Change

PACKAGE = "spectrocoin_async"
MODELS = f"{PACKAGE}._generated.models"


def load(root: Path) -> griffe.Module:
    """The package below ``root``, read statically."""
    loader = griffe.GriffeLoader(search_paths=[str(root)], allow_inspection=False)
    module = loader.load(PACKAGE, try_relative_path=False)  # not the folder we stand in
    loader.resolve_aliases(implicit=False, external=False)
    assert isinstance(module, griffe.Module)
    return module


def python_changes(old_root: Path, new_root: Path) -> list[Change]:
    old, new = load(old_root), load(new_root)
    return [
        *_namespace_changes(old, new),
        *_export_changes(old, new),
    ]


def _change(section: str, breaking: bool, subject: str, text: str) -> Change:
    return Change("python", section, breaking, subject, text)  # type: ignore[arg-type]


def _target(obj: griffe.Object | griffe.Alias) -> griffe.Object | None:
    try:
        final = obj.final_target if isinstance(obj, griffe.Alias) else obj
    except (griffe.AliasResolutionError, griffe.CyclicAliasError):
        return None
    return final


def _exports(module: griffe.Module) -> dict[str, griffe.Object]:
    out = {}
    for export in module.exports or ():
        name = str(export)
        member = module.members.get(name)
        if member is None:  # names added from another module's __all__ (the models)
            member = _model_by_name(module, name)
        target = _target(member) if member is not None else None
        if target is not None:
            out[name] = target
    return out


def _model_by_name(module: griffe.Module, name: str) -> griffe.Object | None:
    try:
        models = module[MODELS.removeprefix(PACKAGE + ".")]
    except KeyError:
        return None
    member = models.members.get(name)
    return _target(member) if member is not None else None


def _namespaces(module: griffe.Module) -> dict[str, griffe.Class]:
    """``client.<name>`` -> the class of that namespace, through the client's bases."""
    client = _target(module.members["SpectroCoinClient"])
    out: dict[str, griffe.Class] = {}
    if not isinstance(client, griffe.Class):
        return out
    for cls in [client, *client.mro()]:
        for name, member in cls.members.items():
            if name.startswith("_") or name in out or not member.is_attribute:
                continue
            annotation = getattr(member, "annotation", None)
            path = getattr(annotation, "canonical_path", None)
            if not path:
                continue
            try:
                target = module.modules_collection[str(path)]
            except KeyError:
                continue
            target = _target(target)
            if isinstance(target, griffe.Class) and target.name.endswith(("API", "Namespace")):
                out[name] = target
    return out


def _methods(cls: griffe.Class) -> dict[str, griffe.Function]:
    return {
        name: member
        for name, member in cls.all_members.items()
        if not name.startswith("_") and isinstance(member, griffe.Function)
    }


def _params(func: griffe.Function) -> dict[str, griffe.Parameter]:
    skip = {griffe.ParameterKind.var_keyword, griffe.ParameterKind.var_positional}
    return {p.name: p for p in func.parameters if p.name != "self" and p.kind not in skip}


def _namespace_changes(old: griffe.Module, new: griffe.Module) -> Iterator[Change]:
    before, after = _namespaces(old), _namespaces(new)
    for name in sorted(after.keys() - before.keys()):
        yield _change("Added", False, f"client.{name}", "new namespace")
    for name in sorted(before.keys() - after.keys()):
        yield _change("Removed", True, f"client.{name}", "namespace removed")
    for name in sorted(before.keys() & after.keys()):
        m0, m1 = _methods(before[name]), _methods(after[name])
        for method in sorted(m1.keys() - m0.keys()):
            yield _change("Added", False, f"{name}.{method}", "new method")
        for method in sorted(m0.keys() - m1.keys()):
            yield _change("Removed", True, f"{name}.{method}", "method removed")
        for method in sorted(m0.keys() & m1.keys()):
            yield from _signature_changes(f"{name}.{method}", m0[method], m1[method])


def _signature_changes(
    subject: str, old: griffe.Function, new: griffe.Function
) -> Iterator[Change]:
    p0, p1 = _params(old), _params(new)
    for name in sorted(p1.keys() - p0.keys()):
        if p1[name].required:
            yield _change("Changed", True, subject, f"parameter '{name}' added as required")
        else:
            yield _change("Added", False, subject, f"new optional parameter '{name}'")
    for name in sorted(p0.keys() - p1.keys()):
        yield _change("Removed", True, subject, f"parameter '{name}' removed")
    for name in sorted(p0.keys() & p1.keys()):
        a, b = p0[name], p1[name]
        if b.required and not a.required:
            yield _change("Changed", True, subject, f"parameter '{name}' became required")
        before, after = _members(a.annotation), _members(b.annotation)
        if before < after:
            added = " | ".join(sorted(after - before))
            yield _change("Changed", False, subject, f"parameter '{name}' also accepts {added}")
        elif before != after:
            yield _change(
                "Changed",
                True,
                subject,
                f"parameter '{name}' type changed from {a.annotation} to {b.annotation}",
            )
        if a.kind != b.kind:
            yield _change(
                "Changed",
                True,
                subject,
                f"parameter '{name}' is now {b.kind} (was {a.kind})",
            )
    if str(old.returns) != str(new.returns):
        yield _change("Changed", True, subject, f"returns {new.returns} instead of {old.returns}")


def _members(annotation: object) -> frozenset[str]:
    """The members of a union annotation, so that ``str`` -> ``UUID | str`` reads as a widening."""
    return frozenset(part.strip() for part in str(annotation).split("|"))


def _is_model(obj: griffe.Object) -> bool:
    return obj.path.startswith(MODELS + ".")


def _fields(cls: griffe.Class) -> dict[str, griffe.Attribute]:
    return {
        name: member
        for name, member in cls.members.items()
        if isinstance(member, griffe.Attribute)
        and not name.startswith("_")
        and name != "additional_properties"
    }


def _required(field: griffe.Attribute) -> bool:
    """A field with no default is a constructor argument every caller must pass."""
    value = field.value
    if value is None:
        return True
    if isinstance(value, griffe.ExprCall) and str(value.function).endswith("field"):
        names = {getattr(a, "name", None) for a in value.arguments}
        return not names & {"default", "factory"}
    return False


def _model_changes(name: str, old: griffe.Class, new: griffe.Class) -> Iterator[Change]:
    f0, f1 = _fields(old), _fields(new)
    is_enum = any("Enum" in str(base) for base in new.bases)
    for field in sorted(f1.keys() - f0.keys()):
        if is_enum:
            yield _change("Added", False, name, f"new member {field}")
        elif _required(f1[field]):
            yield _change("Changed", True, name, f"field '{field}' added as required")
        else:
            yield _change("Added", False, name, f"new field '{field}'")
    for field in sorted(f0.keys() - f1.keys()):
        what = "member" if is_enum else "field"
        yield _change("Removed", True, name, f"{what} '{field}' removed")
    for field in sorted(f0.keys() & f1.keys()):
        a, b = f0[field], f1[field]
        if str(a.annotation) != str(b.annotation):
            yield _change(
                "Changed",
                True,
                name,
                f"field '{field}' type changed from {a.annotation} to {b.annotation}",
            )
        if not is_enum and _required(b) and not _required(a):
            yield _change("Changed", True, name, f"field '{field}' became required")


def _export_changes(old: griffe.Module, new: griffe.Module) -> Iterator[Change]:
    before, after = _exports(old), _exports(new)
    for name in sorted(after.keys() - before.keys()):
        obj = after[name]
        kind = "model" if _is_model(obj) else obj.kind.value
        yield _change("Added", False, name, f"new {kind}")
    for name in sorted(before.keys() - after.keys()):
        yield _change("Removed", True, name, "no longer exported: code importing it must change")
    for name in sorted(before.keys() & after.keys()):
        a, b = before[name], after[name]
        if isinstance(a, griffe.Class) and isinstance(b, griffe.Class) and _is_model(b):
            yield from _model_changes(name, a, b)
            continue
        for breakage in griffe.find_breaking_changes(a, b):
            yield _from_breakage(name, a, breakage)


def _from_breakage(export: str, root: griffe.Object, breakage: griffe.Breakage) -> Change:
    """One griffe finding, named from the export users import (``SpectroCoinClient.aclose``)."""
    relative = breakage.obj.path.removeprefix(root.path).lstrip(".")
    subject = f"{export}.{relative}" if relative else export
    what = breakage.kind.value.lower()
    old, new = breakage.old_value, breakage.new_value
    name = getattr(old, "name", None) or getattr(new, "name", None)
    detail = f"parameter '{name}': {what}" if isinstance(old or new, griffe.Parameter) else what
    section = "Removed" if breakage.kind is griffe.BreakageKind.OBJECT_REMOVED else "Changed"
    return _change(section, True, subject, detail)
