"""Parsing both callback formats (spectrocoin_async._callbacks.parsing)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from spectrocoin_async._callbacks import (
    LEGACY_SIGNED_FIELDS,
    LEGACY_STATUS_NAMES,
    JsonCallback,
    LegacyCallback,
    parse_callback,
)
from spectrocoin_async._errors import CallbackError
from tests.callbacks.support import (
    DOCUMENTED_LEGACY_BODY,
    FORM,
    JSON,
    ORDER_UUID,
    PROJECT,
    SIGNED_FIELDS,
    form_body,
    parse_legacy,
)


def test_documented_legacy_example_parses() -> None:
    cb = parse_callback(FORM, DOCUMENTED_LEGACY_BODY)

    assert isinstance(cb, LegacyCallback)
    assert cb.merchant_id == "169"
    assert cb.api_id == "1"
    assert cb.order_id == "Order 123"
    assert cb.pay_currency == "BTC"
    assert cb.pay_amount == Decimal("1.23456789")
    assert cb.receive_currency == "EUR"
    assert cb.receive_amount == Decimal("50.0")
    assert cb.received_amount == Decimal("0.0")
    assert cb.description == "My special order"
    assert cb.order_request_id == "123"
    assert cb.status == 1
    assert cb.status_name == "NEW"
    assert cb.sign.startswith(
        "r6NuZ0JCBSAGCpPlYG5eXLkSRyOqSncWj8j7LfLIiiWeZdeH0Yy2nZ4Osn0JJY9cqWnoT/vn+0"
    )
    assert cb.sign.endswith("iFBnOw==")
    assert cb.user_id is None
    assert cb.merchant_api_id is None
    assert cb.raw["orderId"] == "Order 123"
    assert cb.raw["receiveAmount"] == "50.0"
    for name in (*LEGACY_SIGNED_FIELDS, "sign"):
        assert name in cb.raw


def test_amounts_are_exact_decimals() -> None:
    cb = parse_legacy({**SIGNED_FIELDS, "payAmount": "0.1", "sign": "x"})
    assert isinstance(cb.pay_amount, Decimal)
    assert cb.pay_amount == Decimal("0.1")
    assert str(cb.pay_amount) == "0.1"


@pytest.mark.parametrize(
    "received", ["0.000000004", "1.234567891", "0.000000015", "0.000000005", "50.000000001"]
)
def test_amounts_with_unsigned_digits_are_rejected(received: str) -> None:
    # Issue 10 item 2: SpectroCoin signs at most 8 decimals; "0.000000004" used to verify
    # against a signed "0.0" and come back as the verified amount.
    with pytest.raises(CallbackError, match="more than 8 decimals, which are not signed"):
        parse_legacy({**SIGNED_FIELDS, "receivedAmount": received, "sign": "x"})


@pytest.mark.parametrize(
    ("code", "name"), [(1, "NEW"), (3, "PAID"), (13, "CANCELLED"), (21, "REJECTED")]
)
def test_status_names(code: int, name: str) -> None:
    assert parse_legacy({**SIGNED_FIELDS, "status": str(code), "sign": "x"}).status_name == name


def test_status_names_are_the_specs_enum_codes() -> None:
    spec = yaml.safe_load((Path(__file__).parents[2] / "openapi.yaml").read_text())
    codes = spec["components"]["schemas"]["OrderStatus"]["x-enum-codes"]
    assert dict(LEGACY_STATUS_NAMES) == {int(code): name for code, name in codes.items()}
    assert len(LEGACY_STATUS_NAMES) == 18


def test_unknown_status_code_is_kept() -> None:
    cb = parse_legacy({**SIGNED_FIELDS, "status": "99", "sign": "x"})
    assert cb.status == 99
    assert cb.status_name is None


def test_json_callback_parses() -> None:
    body = b'{"id": "%s", "merchantApiId": "%s", "status": "PAID", "payAmount": 1.10}' % (
        ORDER_UUID.encode(),
        PROJECT.encode(),
    )
    cb = parse_callback({"content-type": "application/json; charset=UTF-8"}, body)

    assert cb == JsonCallback(
        id=ORDER_UUID,
        merchant_api_id=PROJECT,
        extra={"status": "PAID", "payAmount": Decimal("1.10")},
    )
    assert isinstance(cb.extra["payAmount"], Decimal)


def test_json_callback_without_merchant_api_id() -> None:
    cb = parse_callback(JSON, b'{"id": "%s"}' % ORDER_UUID.encode())
    assert cb == JsonCallback(id=ORDER_UUID, merchant_api_id=None, extra={})


def test_header_lookup_is_case_insensitive() -> None:
    cb = parse_callback({"CONTENT-TYPE": "Application/JSON"}, b'{"id": "abc"}')
    assert isinstance(cb, JsonCallback)


@pytest.mark.parametrize(
    ("headers", "body", "message"),
    [
        ({"Content-Type": "text/plain"}, b"id=1", "unsupported callback content type 'text/plain'"),
        ({}, b"{}", "no Content-Type header"),
        (JSON, b'{"id": "abc",', "not valid JSON"),
        (JSON, b"", "not valid JSON"),
        (JSON, b'["abc"]', "must be an object, not list"),
        (JSON, b'{"merchantApiId": "x"}', "no 'id' field"),
        (JSON, b'{"id": 5}', "'id' must be a string, not int"),
        (JSON, b'{"id": "../../accounts"}', "'id' is not an order id"),
        (JSON, b'{"id": ""}', "'id' is not an order id"),
        (JSON, b'{"id": "a", "merchantApiId": 7}', "'merchantApiId' must be a string"),
        (JSON, b'{"id": "a", "id": "b"}', "repeats the key 'id'"),
        (JSON, b'{"id": "a", "x": NaN}', "NaN"),
        # decimal raises InvalidOperation (no ValueError) for an exponent past ±10^18.
        (JSON, b'{"id": "a", "x": 1e-1999999999999999999}', "not usable JSON"),
        (JSON, b'{"id": "\xff"}', "not valid UTF-8"),
        (FORM, b"merchantId=1&sign=x", "missing the field 'apiId'"),
        (FORM, b"merchantId=%FF", "not valid UTF-8"),
        (FORM, b"\xff", "not valid UTF-8"),
    ],
)
def test_parse_errors(headers: dict[str, str], body: bytes, message: str) -> None:
    with pytest.raises(CallbackError, match=message.replace("(", r"\(").replace(".", r"\.")):
        parse_callback(headers, body)


@pytest.mark.parametrize("missing", [*LEGACY_SIGNED_FIELDS, "sign"])
def test_missing_legacy_field_is_named(missing: str, signed_fields: dict[str, str]) -> None:
    fields = {k: v for k, v in signed_fields.items() if k != missing}
    with pytest.raises(CallbackError, match=f"missing the field '{missing}'"):
        parse_callback(FORM, form_body(fields))


@pytest.mark.parametrize("field", ["payAmount", "receiveAmount", "receivedAmount"])
@pytest.mark.parametrize("bad", ["", "abc", "1,5", "1e5", "NaN", "1_000", " 1", "١"])
def test_malformed_amount_names_the_field(field: str, bad: str) -> None:
    with pytest.raises(CallbackError, match=f"field '{field}' is not an amount"):
        parse_legacy({**SIGNED_FIELDS, field: bad, "sign": "x"})


@pytest.mark.parametrize("bad", ["", "PAID", "-1", "1.0", "+1"])
def test_malformed_status_is_rejected(bad: str) -> None:
    with pytest.raises(CallbackError, match="field 'status' is not a status code"):
        parse_legacy({**SIGNED_FIELDS, "status": bad, "sign": "x"})


def test_repeated_legacy_field_is_rejected(signed_fields: dict[str, str]) -> None:
    body = form_body(signed_fields) + b"&status=5"
    with pytest.raises(CallbackError, match="repeats the field 'status'"):
        parse_callback(FORM, body)


def test_empty_sign_is_rejected() -> None:
    with pytest.raises(CallbackError, match="'sign' is empty"):
        parse_legacy({**SIGNED_FIELDS, "sign": ""})


def test_parse_errors_are_never_bare_builtin_errors() -> None:
    for headers, body, message in [
        (JSON, b"{", "JSON callback body is not valid JSON: "),
        (JSON, b"1" * 10_000, "JSON callback body is not usable JSON: "),  # too long for int()
        (JSON, b"[" * 100_000, "JSON callback body is nested deeper than 64 levels"),
        (FORM, b"&".join(b"f%d=1" % i for i in range(1000)), "not a usable form"),
    ]:
        with pytest.raises(CallbackError) as info:
            parse_callback(headers, body)
        assert type(info.value) is CallbackError
        assert message in str(info.value), str(info.value)


@pytest.mark.parametrize("depth", [65, 900, 30_000])
def test_deep_json_callback_is_refused_before_decoding(depth: int) -> None:
    body = b'{"id": "%s", "x": ' % ORDER_UUID.encode() + b"[" * depth + b"]" * depth + b"}"
    with pytest.raises(CallbackError, match="nested deeper than 64 levels"):
        parse_callback(JSON, body)
