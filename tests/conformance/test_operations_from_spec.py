"""Every operation of openapi.yaml, driven by the spec's own examples, through the client.

For each operation: call the generated namespace method with the example parameters and body,
check the method, path, query, content type and body on the wire, and parse the example 200.
The list comes from the spec, so a new operation is covered as soon as it is added.
"""

from __future__ import annotations

import datetime
import json
import keyword
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
import respx
from openapi_python_client.strings import PythonIdentifier

import spectrocoin_async
from spectrocoin_async import File, SpectroCoinClient
from spectrocoin_async._encoding import encode_json
from tests.conftest import BASE, TOKEN_BODY
from tests.support.spec import operations, resolve
from tests.support.spec_calls import python_value

OPS = operations()


def _ident(name: str) -> str:
    ident = str(PythonIdentifier(name, "field_"))
    # Parameters keep builtin names (`format`, `type`); only keywords get the underscore.
    if ident == name + "_" and not keyword.iskeyword(name):
        return name
    return ident


def _wire_text(value: Any) -> str:
    """How a scalar example must look on the wire, written independently of the SDK encoder."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return str(value)


def _flat_json_text(value: Any) -> Any:
    """JSON example with every scalar as its wire text, for digit-exact comparison."""
    if isinstance(value, dict):
        return {k: _flat_json_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_flat_json_text(v) for v in value]
    if value is None or isinstance(value, (bool, str)):
        return value
    return _wire_text(value)


def _model(schema: dict[str, Any]) -> type[Any]:
    name: str = schema["$ref"].rsplit("/", 1)[1]
    model: type[Any] = getattr(spectrocoin_async, name)
    return model


@pytest.mark.anyio
@pytest.mark.parametrize(("path", "method", "op"), OPS, ids=[o["operationId"] for *_, o in OPS])
async def test_operation_round_trip(path: str, method: str, op: dict[str, Any]) -> None:
    kwargs: dict[str, Any] = {}
    url_path = path
    expected_query: list[tuple[str, str]] = []
    for param in op.get("parameters", []):
        param = resolve(param)
        if "example" not in param:
            continue
        value = param["example"]
        kwargs[_ident(param["name"])] = python_value(param["schema"], value)
        if param["in"] == "path":
            url_path = url_path.replace("{" + param["name"] + "}", str(value))
        else:
            expected_query.append(
                (
                    param["name"],
                    _wire_text(
                        python_value(param["schema"], value)
                        if not isinstance(value, str)
                        else value
                    ),
                )
            )
    body_example = None
    content_type = None
    if "requestBody" in op:
        ((content_type, media),) = resolve(op["requestBody"])["content"].items()
        body_example = media["example"]
        kwargs["body"] = _model(media["schema"]).from_dict(body_example)

    ok = resolve(op["responses"]["200"])["content"]
    if "application/json" in ok:
        response = httpx.Response(
            200,
            content=encode_json(ok["application/json"]["example"]),
            headers={"content-type": "application/json"},
        )
    else:
        response = httpx.Response(
            200, content=ok["text/csv"]["example"].encode(), headers={"content-type": "text/csv"}
        )

    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        route = router.request(method.upper(), url_path).mock(return_value=response)
        token = router.post("/oauth/token").respond(json=TOKEN_BODY)
        async with SpectroCoinClient("client-1", "secret-1") as sc:
            namespace = getattr(sc, _ident(op["tags"][0]))
            result = await getattr(namespace, _ident(op["operationId"]))(**kwargs)

    assert route.call_count == 1
    sent = route.calls.last.request
    assert sent.method == method.upper()
    assert sent.url.path == "/api/public" + url_path
    assert sorted(parse_qsl(sent.url.query.decode(), keep_blank_values=True)) == sorted(
        expected_query
    )
    if op.get("security") == []:
        assert "authorization" not in sent.headers
        if op["operationId"] != "getAccessToken":  # same route as the token fetch itself
            assert token.call_count == 0, "a public operation never fetches a token"
    else:
        assert sent.headers["authorization"] == "Bearer tok-1"
        assert token.call_count == 1

    # Accept names what the operation produces for the chosen format, and JSON for error bodies.
    if list(ok) == ["application/json"]:
        assert sent.headers["accept"] == "application/json"
    else:
        (chosen,) = (
            p["x-media-types"][p["example"]]
            for p in map(resolve, op["parameters"])
            if "x-media-types" in p
        )
        assert sent.headers["accept"] == f"{chosen}, application/json"

    if body_example is None:
        assert sent.content == b""
    else:
        assert sent.headers["content-type"] == content_type
        if content_type == "application/json":
            on_wire = json.loads(sent.content, parse_float=str, parse_int=str)
            assert on_wire == _flat_json_text(body_example)
        else:
            pairs = parse_qsl(sent.content.decode("ascii"), keep_blank_values=True)
            assert sorted(pairs) == sorted(
                (k, _wire_text(v)) for k, v in body_example.items() if v is not None
            )

    if "application/json" in ok:
        schema = ok["application/json"]["schema"]
        if schema.get("type") == "array":
            assert isinstance(result, list)
            assert all(isinstance(item, _model(schema["items"])) for item in result)
            assert len(result) == len(ok["application/json"]["example"])
        else:
            assert isinstance(result, _model(schema))
            # A response model leaves out what the server left out or sent as null (issue 19).
            example = ok["application/json"]["example"]
            assert set(result.to_dict()) == {k for k, v in example.items() if v is not None}
    else:
        assert isinstance(result, File)
        assert result.payload.read() == ok["text/csv"]["example"].encode()


def test_accept_for_every_operation_comes_from_the_spec() -> None:
    """Operations that answer JSON only leave the client's Accept alone; the exports name their
    media types, narrowed to the chosen format, and always JSON last (error bodies)."""
    from spectrocoin_async._generated._operations import OPERATIONS

    negotiating = {name: op.accept for name, op in OPERATIONS.items() if op.accept is not None}
    assert sorted(negotiating) == ["export_orders", "export_transactions"]
    for accept in negotiating.values():
        assert accept.parameter == "format"
        assert accept.accept({"format": "CSV"}) == "text/csv, application/json"
        assert accept.accept({"format": "PDF"}) == "application/pdf, application/json"
        # A value the spec does not map (or no value): everything the operation can produce.
        assert accept.accept({"format": "XLSX"}) == "application/pdf, text/csv, application/json"
        assert accept.accept(None) == "application/pdf, text/csv, application/json"


@pytest.mark.anyio
async def test_a_callers_accept_header_still_wins() -> None:
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        router.post("/oauth/token").respond(json=TOKEN_BODY)
        route = router.get("/exports/orders").respond(
            200, content=b"x", headers={"content-type": "text/csv"}
        )
        async with SpectroCoinClient("client-1", "secret-1") as sc:
            chunks = [
                c
                async for c in sc.exports.iter_orders(format="CSV", headers={"Accept": "text/csv"})
            ]
    assert chunks == [b"x"]
    assert route.calls.last.request.headers["accept"] == "text/csv"
