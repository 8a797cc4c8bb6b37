"""Issue 19 item 2: reading a response never meets ``Unset``; requests keep "omit unless given".

A property the server may leave out reads as ``None`` when absent or null (typed ``X | None``).
Request models keep ``UNSET`` as their default, so an argument left out is not sent, while an
explicit ``None`` on a nullable request field is sent as ``null``.
"""

from __future__ import annotations

import datetime
import importlib.util
import inspect
import sys
import typing
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

import spectrocoin_async
from spectrocoin_async import (
    UNSET,
    CreateOrderRequest,
    Order,
    OrderPage,
    Transaction,
    Unset,
)
from spectrocoin_async._generated import models

ROOT = Path(__file__).resolve().parents[2]
ORDER_ID = "0b6a3f6e-2a9e-4f63-9d34-0f0a4b6f7e11"


def _generate_module() -> Any:
    sys.path.insert(0, str(ROOT / "custom"))
    try:
        import generate
    finally:
        sys.path.remove(str(ROOT / "custom"))
    return generate


generate = _generate_module()
SPEC = generate.load_spec()
REQUESTS = generate.request_schemas(SPEC)
OBJECTS = sorted(
    name for name, schema in SPEC["components"]["schemas"].items() if schema.get("type") == "object"
)


def _mentions_unset(hint: object) -> bool:
    return hint is Unset or any(_mentions_unset(arg) for arg in typing.get_args(hint))


def test_requests_are_the_schemas_a_request_body_uses() -> None:
    assert {name for name in REQUESTS if name.endswith("Request")} == REQUESTS
    assert "CreateOrderRequest" in REQUESTS
    assert "Order" not in REQUESTS


@pytest.mark.parametrize("name", [n for n in OBJECTS if n not in REQUESTS])
def test_no_response_model_field_is_typed_unset(name: str) -> None:
    cls = getattr(models, name)
    # Page models name their items' model only under TYPE_CHECKING.
    hints = typing.get_type_hints(cls, localns={n: getattr(models, n) for n in models.__all__})
    assert not [field for field, hint in hints.items() if _mentions_unset(hint)]
    required = set(SPEC["components"]["schemas"][name].get("required", ()))
    # A property also read from its aliases (x-aliases: an order's id, or its uuid) is always set.
    required |= set(generate.alias_properties(SPEC).get(name, {}))
    for field in inspect.signature(cls).parameters.values():
        wire = next(
            p
            for p in SPEC["components"]["schemas"][name]["properties"]
            if field.name.rstrip("_") == generate.PythonIdentifier(p, "field_").rstrip("_")
        )
        if wire not in required:
            assert field.default is None, (name, field.name)


@pytest.mark.parametrize("name", sorted(REQUESTS))
def test_request_models_still_default_to_unset(name: str) -> None:
    cls = getattr(models, name)
    required = set(SPEC["components"]["schemas"][name].get("required", ()))
    optional = [p for p in inspect.signature(cls).parameters.values() if p.default is not p.empty]
    assert len(optional) == len(SPEC["components"]["schemas"][name]["properties"]) - len(required)
    assert all(p.default is UNSET for p in optional)


def test_absent_and_null_both_read_as_none() -> None:
    absent = Order.from_dict({"id": ORDER_ID, "status": "NEW"})
    null = Order.from_dict(
        {"id": ORDER_ID, "status": "NEW", "orderId": None, "createdAt": None, "payAmount": None}
    )
    for order in (absent, null):
        assert order.order_id is None
        assert order.created_at is None
        assert order.pay_amount is None
        assert order.receive_amount is None
        assert order.project_id is None
    assert Transaction.from_dict({"id": "t1"}).amount is None
    assert OrderPage.from_dict({"content": []}).total_pages is None


def test_a_present_value_is_typed_without_unset() -> None:
    tx = Transaction.from_dict(
        {"id": "t1", "amount": "-1.50", "createdAt": "2026-12-01T10:00:00Z", "status": "DONE"}
    )
    assert tx.amount == Decimal("-1.50")
    assert tx.created_at is not None
    assert tx.created_at.date() == datetime.date(2026, 12, 1)
    hints = typing.get_type_hints(Transaction)
    assert hints["amount"] == Decimal | None
    assert hints["created_at"] == datetime.datetime | None


def test_a_response_model_leaves_none_out_of_to_dict() -> None:
    order = Order.from_dict({"id": ORDER_ID, "status": "NEW", "memo": None, "orderId": "A-1"})
    assert order.to_dict() == {"id": ORDER_ID, "status": "NEW", "orderId": "A-1"}


def test_a_wrong_type_is_still_refused() -> None:
    with pytest.raises(spectrocoin_async.ModelValidationError) as info:
        OrderPage.from_dict({"content": [], "totalPages": True})
    assert str(info.value) == "OrderPage.totalPages: expected an integer, got boolean"
    with pytest.raises(spectrocoin_async.ModelValidationError) as info:
        Order.from_dict({"id": ORDER_ID, "status": "NEW", "createdAt": True})
    assert str(info.value) == "Order.createdAt: expected a timestamp, got boolean"


def test_a_request_model_sends_only_what_was_given() -> None:
    request = CreateOrderRequest(project_id=ORDER_ID, receive_amount=Decimal("10"))
    assert request.callback_url is UNSET
    assert request.to_dict() == {"projectId": ORDER_ID, "receiveAmount": Decimal("10")}


def test_nullable_request_field_sends_null_and_unset_sends_nothing(tmp_path: Path) -> None:
    """The spec has no nullable request field today: generate one (CreateOrderRequest.note,
    ``[string, "null"]``) and a response field that may be left out, and use the models."""
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    schemas = spec["components"]["schemas"]
    schemas["CreateOrderRequest"]["properties"]["note"] = {"type": ["string", "null"]}
    schemas["Order"]["properties"]["note"] = {"type": "string"}
    variant = tmp_path / "openapi.yaml"
    variant.write_text(yaml.safe_dump(spec), encoding="utf-8")
    out = tmp_path / "_generated"
    generate.generate(out, variant)

    def load(module: str) -> Any:
        # Loaded inside the real package, so the generated relative imports resolve.
        name = f"spectrocoin_async._generated.models._variant_{module}"
        found = importlib.util.spec_from_file_location(name, out / "models" / f"{module}.py")
        assert found is not None and found.loader is not None
        loaded = importlib.util.module_from_spec(found)
        sys.modules[name] = loaded
        try:
            found.loader.exec_module(loaded)
        finally:
            del sys.modules[name]
        return loaded

    request_cls = load("create_order_request").CreateOrderRequest
    assert request_cls(project_id=ORDER_ID, note=None).to_dict() == {
        "projectId": ORDER_ID,
        "note": None,
    }
    assert request_cls(project_id=ORDER_ID).to_dict() == {"projectId": ORDER_ID}
    assert request_cls(project_id=ORDER_ID, note="x").to_dict()["note"] == "x"
    order_cls = load("order").Order
    assert order_cls.from_dict({"id": ORDER_ID, "status": "NEW"}).note is None
    assert order_cls.from_dict({"id": ORDER_ID, "status": "NEW", "note": None}).note is None
