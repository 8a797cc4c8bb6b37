"""SpectroCoin's own payloads, parsed by the SDK (fixtures in tests/fixtures/spectrocoin/).

Each test names the public repository and file its payload comes from. Facts only: the
payloads and tables are SpectroCoin's, the code that reads them is ours.
"""

from __future__ import annotations

import datetime
import json
import types
import typing
from decimal import Decimal
from pathlib import Path
from typing import Any
from uuid import UUID

import attrs
import httpx
import pytest
import respx

from spectrocoin_async import CreateOrderResponse, Order, OrderStatus, SpectroCoinClient
from tests.conftest import BASE, TOKEN_BODY

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "spectrocoin"


def _load(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def _conforms(value: Any, annotation: Any) -> bool:
    """Whether ``value`` is of the (resolved) type ``annotation``: unions, lists, classes."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return any(_conforms(value, arg) for arg in typing.get_args(annotation))
    if origin is list:
        (item,) = typing.get_args(annotation)
        return isinstance(value, list) and all(_conforms(v, item) for v in value)
    if annotation is type(None):
        return value is None
    if origin is not None:
        return isinstance(value, origin)
    return isinstance(value, annotation)


def assert_fields_match_annotations(model: Any) -> None:
    """A model never holds something other than what its annotation says."""
    hints = typing.get_type_hints(type(model))
    for field in attrs.fields(type(model)):
        if field.name == "additional_properties":
            continue
        value = getattr(model, field.name)
        assert _conforms(value, hints[field.name]), (
            f"{type(model).__name__}.{field.name} = {value!r} is not {hints[field.name]}"
        )


# -- CreateOrderResponse.orderId ----------------------------------------------------------------


def test_create_order_response_from_the_plugins_own_test_payload() -> None:
    """Payload: SpectroCoin/WordPress-WooCommerce-Bitcoin-Payment-Gateway-Plugin,
    tests/SCMerchantClient/Http/CreateOrderResponseTest.php ("Valid response data").

    Its ``orderId`` is ``"ORD123"``: not a UUID. The spec types it as a string, so the model
    returns exactly what its annotation says (before, it was annotated ``UUID`` and held a str).
    """
    payload = _load("plugin_create_order_response.json")
    parsed = CreateOrderResponse.from_dict(payload)
    assert parsed.order_id == "ORD123"
    assert type(parsed.order_id) is str
    assert parsed.pre_order_id == "07d9469e-aa78-4263-a12b-25da82390de3"
    assert parsed.receive_amount == Decimal("0.5")
    assert parsed.receive_currency_code == "SOL"
    assert parsed.pay_amount is None
    assert parsed.pay_currency_code is None
    assert parsed.memo == "test"
    assert parsed.valid_until == datetime.datetime(2023, 1, 1, tzinfo=datetime.UTC)
    assert_fields_match_annotations(parsed)
    hints = typing.get_type_hints(CreateOrderResponse)
    assert UUID not in typing.get_args(hints["order_id"])


def test_create_order_response_without_the_optional_fields() -> None:
    """Payload: the plugin's CreateOrderResponseTest.php case 'no validUntil, payCurrencyCode,
    payNetworkCode, payAmount, depositAddress, memo' (same repository as above)."""
    payload = _load("plugin_create_order_response.json")
    for absent in ("payCurrencyCode", "payNetworkCode", "payAmount", "depositAddress", "memo"):
        del payload[absent]
    parsed = CreateOrderResponse.from_dict(payload)
    assert parsed.order_id == "ORD123"
    assert_fields_match_annotations(parsed)


@pytest.mark.anyio
async def test_create_order_through_the_client_keeps_the_plugin_order_id() -> None:
    """Payload: the plugin's CreateOrderResponseTest.php, answered by a mocked API."""
    from spectrocoin_async import CreateOrderRequest

    payload = _load("plugin_create_order_response.json")
    with respx.mock(base_url=BASE) as router:
        router.post("/oauth/token").respond(json=TOKEN_BODY)
        router.post("/merchants/orders/create").respond(json=payload)
        async with SpectroCoinClient("client-1", "secret-1") as sc:
            created = await sc.merchant.create_order(
                body=CreateOrderRequest(
                    project_id=UUID("f58a9032-94c8-1b36-a132-3d6c2ad81255"),
                    receive_amount=Decimal("0.5"),
                    receive_currency_code="SOL",
                )
            )
    assert created.order_id == "ORD123"
    assert_fields_match_annotations(created)


# -- OrderStatus ---------------------------------------------------------------------------------


def _status(raw: Any) -> OrderStatus:
    """OrderStatus from raw JSON, as the generated from_dict calls it (any JSON value)."""
    return OrderStatus(raw)


PLUGIN_CODES = sorted((int(k), v) for k, v in _load("plugin_order_status_codes.json").items())
LEGACY_CODES = sorted((int(k), v) for k, v in _load("merchant_api_order_status_codes.json").items())


@pytest.mark.parametrize(("code", "name"), PLUGIN_CODES)
def test_every_numeric_code_of_the_plugin_maps_to_its_status(code: int, name: str) -> None:
    """Table: SpectroCoin/WordPress-WooCommerce-Bitcoin-Payment-Gateway-Plugin,
    SCMerchantClient/Enum/OrderStatus.php (``fromCode``, and ``normalize`` for digit strings)."""
    assert _status(code) is OrderStatus[name]
    assert OrderStatus(str(code)) is OrderStatus[name]


@pytest.mark.parametrize(("code", "name"), LEGACY_CODES)
def test_the_legacy_merchant_api_codes_map_too(code: int, name: str) -> None:
    """Table: SpectroFinance/SpectroCoin-Merchant-API, README.md ("Order status table", 1-6)."""
    assert _status(code) is OrderStatus[name]


@pytest.mark.parametrize("name", [name for _, name in PLUGIN_CODES])
def test_names_match_case_insensitively_as_in_the_plugin(name: str) -> None:
    """Rule: the plugin's SCMerchantClient/Enum/OrderStatus.php upper-cases names (``normalize``)."""
    assert OrderStatus(name.lower()) is OrderStatus[name]
    assert OrderStatus(name.title()) is OrderStatus[name]


@pytest.mark.parametrize("raw", ["ON_HOLD", 7, "99", 1000000])
def test_a_truly_unknown_status_is_tolerated_and_visible(raw: object) -> None:
    status = _status(raw)
    assert status.is_unknown
    assert status.value == str(raw)
    assert status not in list(OrderStatus)


@pytest.mark.parametrize("raw", [None, True, 3.0, ["PAID"]])
def test_a_status_that_is_neither_text_nor_a_code_is_refused(raw: object) -> None:
    with pytest.raises(ValueError):
        _status(raw)


@pytest.mark.anyio
@pytest.mark.parametrize(("raw", "expected"), [(3, "PAID"), ("3", "PAID"), ("paid", "PAID")])
async def test_get_order_with_a_plugin_style_status(raw: object, expected: str) -> None:
    """Status values as the plugin accepts them (SCMerchantClient/Enum/OrderStatus.php), through
    the client: a number, a string of digits, a lower-case name."""
    order_id = "3c2b1a09-8f7e-4d6c-9b5a-1e2d3c4b5a69"
    with respx.mock(base_url=BASE) as router:
        router.post("/oauth/token").respond(json=TOKEN_BODY)
        router.get(f"/merchants/orders/{order_id}").mock(
            return_value=httpx.Response(200, json={"id": order_id, "status": raw})
        )
        async with SpectroCoinClient("client-1", "secret-1") as sc:
            order = await sc.merchant.get_order(UUID(order_id))
    assert isinstance(order, Order)
    assert order.status is OrderStatus[expected]
    assert not order.status.is_unknown


def test_enums_without_the_extensions_keep_exact_matching() -> None:
    """x-enum-codes and x-enum-case-insensitive are per schema: other enums are unchanged."""
    from spectrocoin_async import ExportFormat

    assert _export_format("CSV") is ExportFormat.CSV
    lower = _export_format("csv")
    assert lower.is_unknown
    assert lower.value == "csv"
    with pytest.raises(ValueError):
        _export_format(1)


def _export_format(raw: Any) -> Any:
    from spectrocoin_async import ExportFormat

    return ExportFormat(raw)


# -- orders keyed `uuid`, ids sent as given (issue 18, items 3 and 4) ---------------------------

STUB_ORDER_ID = "3f2a9c0d4b1e4f5a8c7d6e5f4a3b2c1d"


def test_an_order_keyed_uuid_without_id_reads_uuid_as_its_id() -> None:
    """Payload: the order the e2e stub of SpectroCoin's plugins answers (tests/e2e/tier2/stub/
    index.php in SpectroCoin/Drupal-Bitcoin-Payment-Gateway-Module, PrestaShop, OpenCart, WHMCS):
    keyed ``uuid``, no ``id``, 32 hex digits, and only seven keys."""
    order = Order.from_dict(_load("plugin_e2e_stub_order.json"))
    assert order.id == STUB_ORDER_ID  # as received: no dashes added
    assert order.order_id == "17-42"
    assert order.status is OrderStatus.NEW
    assert order.receive_amount == Decimal("10.00")
    assert order.receive_currency_code == "EUR"
    assert_fields_match_annotations(order)


def test_id_wins_over_uuid_and_an_order_with_neither_names_id() -> None:
    from spectrocoin_async import ModelValidationError

    both = {"id": "a-1", "uuid": "b-2", "status": "PAID"}
    assert Order.from_dict(both).id == "a-1"
    with pytest.raises(ModelValidationError) as caught:
        Order.from_dict({"status": "PAID", "orderId": "17-42"})
    assert "Order.id" in str(caught.value)


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("given", "path"),
    [
        (STUB_ORDER_ID, STUB_ORDER_ID),  # text goes out exactly as given
        ("3F2A9C0D-4B1E-4F5A-8C7D-6E5F4A3B2C1D", "3F2A9C0D-4B1E-4F5A-8C7D-6E5F4A3B2C1D"),
        (UUID(STUB_ORDER_ID), "3f2a9c0d-4b1e-4f5a-8c7d-6e5f4a3b2c1d"),  # a UUID is formatted
    ],
)
async def test_get_order_sends_a_text_id_exactly_as_given(given: str | UUID, path: str) -> None:
    """SpectroCoin's plugins fetch ``GET /merchants/orders/{id}`` with the id as received, and
    their e2e stub looks the order up by that exact string (same stub as above)."""
    payload = _load("plugin_e2e_stub_order.json")
    with respx.mock(base_url=BASE) as router:
        router.post("/oauth/token").respond(json=TOKEN_BODY)
        route = router.get(f"/merchants/orders/{path}").respond(json=payload)
        async with SpectroCoinClient("client-1", "secret-1") as sc:
            order = await sc.merchant.get_order(given)
    assert route.call_count == 1
    assert route.calls.last.request.url.raw_path == f"/api/public/merchants/orders/{path}".encode()
    assert order.id == STUB_ORDER_ID


@pytest.mark.anyio
@pytest.mark.parametrize("bad", ["..", "a/b", "", "x\n"])
async def test_a_text_id_is_still_checked_as_one_path_segment(bad: str) -> None:
    from spectrocoin_async import ValidationError

    async with SpectroCoinClient("client-1", "secret-1") as sc:
        with pytest.raises(ValidationError) as caught:
            await sc.merchant.get_order(bad)
    assert caught.value.field == "id"


@pytest.mark.anyio
async def test_a_json_callback_for_a_stub_order_is_verified_with_the_id_as_received() -> None:
    """A JSON callback naming a stub-minted order (32 hex digits): the order is fetched by the
    exact id, read although it is keyed ``uuid``, and ``callback_app`` answers 200 (it answered
    503, on every resend, while ``Order`` required ``id``)."""
    from spectrocoin_async import VerifiedCallback, callback_app

    seen: list[VerifiedCallback] = []

    async def on_order(verified: VerifiedCallback) -> None:
        seen.append(verified)

    payload = _load("plugin_e2e_stub_order.json")
    body = json.dumps({"id": STUB_ORDER_ID, "merchantApiId": payload["projectId"]}).encode()
    with respx.mock(base_url=BASE) as router:
        router.post("/oauth/token").respond(json=TOKEN_BODY)
        fetched = router.get(f"/merchants/orders/{STUB_ORDER_ID}").respond(json=payload)
        async with SpectroCoinClient("client-1", "secret-1", project_id=payload["projectId"]) as sc:
            transport = httpx.ASGITransport(app=callback_app(sc, on_order))
            async with httpx.AsyncClient(transport=transport, base_url="http://shop.test") as shop:
                answer = await shop.post(
                    "/callback", content=body, headers={"Content-Type": "application/json"}
                )
    assert answer.status_code == 200
    assert fetched.call_count == 1
    [verified] = seen
    assert verified.id == STUB_ORDER_ID
    assert verified.order_id == "17-42"
    assert verified.status == "NEW"
    assert verified.receive_amount == Decimal("10.00")
