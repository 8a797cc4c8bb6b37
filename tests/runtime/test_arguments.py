"""Issue 9, ergonomics: one spelling for parameters, text accepted for UUIDs and enums, and a
public request hook for hand-written helpers."""

from __future__ import annotations

import inspect
import keyword
from pathlib import Path
from uuid import UUID

import pytest
import respx

from spectrocoin_async import ExportFormat, SpectroCoinClient, TransactionType, ValidationError
from spectrocoin_async._generated.api.exports import export_transactions
from tests.conftest import json_response

pytestmark = pytest.mark.anyio

PROJECT = "f58a9032-94c8-1b36-a132-3d6c2ad81255"
EMPTY_PAGE = {"content": [], "number": 0, "last": True}


def namespaces(sc: SpectroCoinClient) -> list[object]:
    return [getattr(sc, name) for name in dir(sc) if name.islower() and not name.startswith("_")]


async def test_no_parameter_is_spelled_with_a_trailing_underscore(sc: SpectroCoinClient) -> None:
    seen = set()
    for namespace in namespaces(sc):
        for name, method in inspect.getmembers(namespace, inspect.ismethod):
            if name.startswith("_"):
                continue
            for parameter in inspect.signature(method).parameters:
                seen.add(parameter)
                # Only a keyword (`from`) keeps the generator's underscore.
                bare = parameter.removesuffix("_")
                assert parameter == bare or keyword.iskeyword(bare), f"{name}({parameter}=...)"
    assert {"format", "type"} <= seen


async def test_format_and_type_spelled_as_on_the_wire(
    api: respx.MockRouter, sc: SpectroCoinClient
) -> None:
    exports = api.get("/exports/transactions").respond(200, content=b"a,b\n")
    transactions = api.get("/transactions").mock(return_value=json_response(EMPTY_PAGE))
    await sc.exports.export_transactions(format="csv")
    await sc.exports.export_transactions(format=ExportFormat.PDF)
    await sc.transactions.list_transactions(type="DEPOSIT")
    await sc.transactions.list_transactions(type=TransactionType.FEE)
    assert [c.request.url.params["format"] for c in exports.calls] == ["CSV", "PDF"]
    assert [c.request.url.params["type"] for c in transactions.calls] == ["DEPOSIT", "FEE"]


async def test_bad_enum_text_is_a_validation_error_naming_the_parameter(
    api: respx.MockRouter, sc: SpectroCoinClient
) -> None:
    route = api.get("/transactions").mock(return_value=json_response(EMPTY_PAGE))
    with pytest.raises(ValidationError) as caught:
        await sc.transactions.list_transactions(type="DEPOSITT")
    assert caught.value.field == "type"
    assert "DEPOSIT" in caught.value.reason
    with pytest.raises(ValidationError) as caught:
        await sc.exports.export_orders(format="xlsx")
    assert caught.value.field == "format"
    assert route.call_count == 0


async def test_uuid_parameters_take_text(api: respx.MockRouter, sc: SpectroCoinClient) -> None:
    orders = api.get("/merchants/orders").mock(return_value=json_response(EMPTY_PAGE))
    await sc.merchant.list_orders(project_id=PROJECT)
    await sc.merchant.list_orders(project_id=UUID(PROJECT))
    assert [c.request.url.params["projectId"] for c in orders.calls] == [PROJECT, PROJECT]
    with pytest.raises(ValidationError) as caught:
        await sc.merchant.list_orders(project_id="f58a-not-a-uuid")
    assert caught.value.field == "project_id"
    with pytest.raises(ValidationError) as caught:
        await sc.merchant.get_order("../../accounts")
    assert caught.value.field == "id"
    assert orders.call_count == 2


async def test_uuid_fields_of_request_models_take_text() -> None:
    from decimal import Decimal

    from spectrocoin_async import CreateOrderRequest

    body = CreateOrderRequest(
        project_id=PROJECT, order_id="o-1", receive_amount=Decimal("1"), receive_currency_code="EUR"
    )
    assert body.project_id == UUID(PROJECT)
    # A bad one is kept as given and refused before sending by the spec's rules, naming
    # projectId (see test_validation).


def test_exports_use_the_public_request_hook() -> None:
    assert export_transactions.build_request(format="csv") == {
        "url": "/exports/transactions",
        "params": {"format": "CSV"},
    }
    source = (Path(__file__).parents[2] / "spectrocoin_async" / "_exports.py").read_text()
    assert "_get_kwargs" not in source
    assert "build_request(" in source
