"""Pins what each template override in custom/templates generates."""

from __future__ import annotations

import inspect
from decimal import Decimal
from pathlib import Path

import spectrocoin_async
from spectrocoin_async import SpectroCoinClient
from spectrocoin_async._generated import api
from spectrocoin_async._generated._operations import OPERATIONS
from tests.support.spec import operations

GENERATED = Path(spectrocoin_async.__file__).parent / "_generated"


def test_every_operation_is_a_typed_method_of_its_tag_namespace() -> None:
    sc = SpectroCoinClient("id", "secret")
    for path, method, op in operations():
        name = next(o.name for o in OPERATIONS.values() if o.operation_id == op["operationId"])
        meta = OPERATIONS[name]
        assert (meta.method, meta.path) == (method.upper(), path)
        namespace = getattr(sc, meta.tag)
        function = getattr(namespace, name)
        detailed = getattr(namespace, name + "_detailed")
        assert inspect.iscoroutinefunction(function)
        assert inspect.iscoroutinefunction(detailed)
        doc = inspect.getdoc(function) or ""
        assert op["summary"] in doc.replace("\n", " ")
        # help() shows the evidence level in its first lines: summary, blank, evidence.
        lines = doc.splitlines()
        assert lines[0] == op["summary"] and lines[1] == ""
        assert lines[2].startswith(f"Evidence: {op['x-evidence']}"), lines[2]
        if op["x-evidence"] in {"scope", "overview"}:
            assert "proposal" in doc
            assert lines[2].startswith(f"Evidence: {op['x-evidence']}, unconfirmed:")
        if op.get("x-moves-money"):
            assert "Moves money" in doc
    assert len(OPERATIONS) == 44


def test_namespaces_cover_every_tag() -> None:
    tags = {op["tags"][0] for _, _, op in operations()}
    assert set(api.Namespaces.__annotations__) == tags


def test_money_is_decimal_never_float() -> None:
    for path in (GENERATED / "models").glob("*.py"):
        text = path.read_text()
        assert "float" not in text, path.name
    for path in (GENERATED / "api").rglob("*.py"):
        assert "float" not in path.read_text(), path.name
    hints = inspect.get_annotations(spectrocoin_async.Order, eval_str=True)
    assert hints["pay_amount"] == Decimal | None


def test_enums_have_the_unknown_value_hook() -> None:
    source = (GENERATED / "models" / "order_status.py").read_text()
    assert "def _missing_(cls, value: Any)" in source
    assert "def is_unknown(self) -> bool" in source


def test_form_bodies_are_left_to_the_runtime_encoder() -> None:
    for path in (GENERATED / "api").rglob("*.py"):
        text = path.read_text()
        assert '_kwargs["data"]' not in text
        assert '_kwargs["json"]' not in text
    source = (GENERATED / "api" / "exchanges" / "calculate_exchange.py").read_text()
    assert '_kwargs["body"] = body.to_dict()' in source


def test_timestamps_use_the_tolerant_parser() -> None:
    source = (GENERATED / "models" / "order.py").read_text()
    assert "parse_datetime(" in source
    assert "fromisoformat" not in source


def test_no_generated_client_or_errors_module() -> None:
    # The runtime's client and errors are the only ones: the generator's are removed.
    assert not (GENERATED / "client.py").exists()
    assert not (GENERATED / "errors.py").exists()
    assert (GENERATED / "py.typed").exists()


def test_models_load_on_first_use() -> None:
    import subprocess
    import sys

    code = (
        "import sys, spectrocoin_async as s;"
        "p = 'spectrocoin_async._generated.models.';"
        "loaded = sorted(m.removeprefix(p) for m in sys.modules if m.startswith(p));"
        "print(','.join(loaded) or '-'); s.Order; print(p + 'order' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    # Only the small ExportFormat enum (the streaming exports module's parameter) loads early.
    assert out.stdout.split() == ["export_format", "True"]


def test_namespaces_and_helpers_load_on_first_use() -> None:
    import subprocess
    import sys

    code = (
        "import sys, spectrocoin_async as s;"
        "p = 'spectrocoin_async._generated.api.';"
        "tags = lambda: sorted({m.removeprefix(p).split('.')[0] for m in sys.modules if m.startswith(p)});"
        "print(','.join(tags()));"
        "print(','.join(sorted(m for m in ('spectrocoin_async._callbacks', 'spectrocoin_async._batch', "
        "'spectrocoin_async._transport', 'difflib') if m in sys.modules)) or '-');"
        "sc = s.SpectroCoinClient('id', 'secret'); print(','.join(tags()));"
        "a = sc.accounts; print(type(a).__name__, a is sc.accounts, ','.join(tags()));"
        "s.callback_app, s.run_batch, s.TransportFallbackWarning;"
        "print('spectrocoin_async._callbacks' in sys.modules, 'spectrocoin_async._batch' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    # Only the namespaces the hand-written client extends (exports, merchant) load with the
    # package; a tag's module loads with its first use, and the namespace is built once.
    assert out.stdout.splitlines() == [
        "exports,merchant",
        "-",
        "exports,merchant",
        "AccountsAPI True accounts,exports,merchant",
        "True True",
    ]


def test_issue_10_template_overrides_generate_what_they_promise() -> None:
    models = GENERATED / "models"
    token_request = (models / "token_request.py").read_text()
    assert "client_secret: str = _attrs_field(repr=False)" in token_request
    assert (
        "access_token: str = _attrs_field(repr=False)" in (models / "token_response.py").read_text()
    )
    order = (models / "order.py").read_text()
    # from_dict: one try, the current JSON field name tracked, typed errors out
    assert '            _field = "redirectUrl"\n' in order
    assert 'raise exc.nested("Order", _field) from None' in order
    assert 'raise parse_error("Order", _field, exc) from None' in order
    # unions: no fallback that returns anything unchanged
    assert "cast(Decimal | None | Unset, data)" not in order
    assert 'raise TypeError(f"expected a decimal number or null, got {json_type(data)}")' in order
    # request enums: a string is checked against the enum
    assert 'status = enum_value(self.status, OrderStatus, "status")' in order
    # the model instance has a name no field can take (Rate has a field called `rate`)
    assert "rate=rate," in (models / "rate.py").read_text()
    assert "instance__ = cls(" in (models / "rate.py").read_text()
    cancel = (GENERATED / "api" / "merchant" / "cancel_order.py").read_text()
    assert 'id=quote(path_segment(id, "id"), safe=""),' in cancel


def test_callback_shapes_are_generated_from_the_spec() -> None:
    from spectrocoin_async._generated import _callbacks

    assert _callbacks.JSON_CALLBACK_FIELDS == ("id", "merchantApiId")
    assert len(_callbacks.LEGACY_SIGNED_FIELDS) == 11
    assert set(_callbacks.LEGACY_CALLBACK_REQUIRED) == {*_callbacks.LEGACY_SIGNED_FIELDS, "sign"}


def test_mypy_checks_the_generated_package() -> None:
    pyproject = (GENERATED.parent.parent / "pyproject.toml").read_text()
    mypy_section = pyproject.split("[tool.mypy]", 1)[1]
    assert "_generated" not in mypy_section
