"""Merchant callbacks: parsing, the legacy signature, verification, the key source, the ASGI app."""

from __future__ import annotations

import base64
import json
import logging
import typing
from collections.abc import Awaitable, Callable, Mapping
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlencode

import anyio
import attrs
import httpx
import pytest
import respx
import yaml
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from spectrocoin_async import Order
from spectrocoin_async._callbacks import (
    LEGACY_SIGNED_FIELDS,
    LEGACY_STATUS_NAMES,
    SPECTROCOIN_PUBLIC_KEY_URL,
    JsonCallback,
    LegacyCallback,
    PublicKeySource,
    VerifiedCallback,
    callback_app,
    legacy_signed_payload,
    parse_callback,
    verify_callback,
    verify_legacy_signature,
)
from spectrocoin_async._errors import (
    CallbackError,
    CallbackUnavailableError,
    CallbackVerificationError,
    NotFoundError,
    ValidationError,
)
from tests.support.fakes import FakeClock


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


FORM = {"Content-Type": "application/x-www-form-urlencoded"}
JSON = {"Content-Type": "application/json"}
PROJECT = "f58a9032-94c8-1b36-a132-3d6c2ad81255"
ORDER_UUID = "0a4f7c2e-6a57-4b7e-9d0c-3f1e2b5a6c7d"

# The legacy callback example of https://github.com/SpectroFinance/SpectroCoin-Merchant-API (README), verbatim.
DOCUMENTED_LEGACY_BODY = (
    b"merchantId=169&apiId=1&orderId=Order%20123&payCurrency=BTC&payAmount=1.23456789"
    b"&receiveCurrency=EUR&receiveAmount=50.0&receivedAmount=0.0"
    b"&description=My%20special%20order&orderRequestId=123&status=1"
    b"&sign=r6NuZ0JCBSAGCpPlYG5eXLkSRyOqSncWj8j7LfLIiiWeZdeH0Yy2nZ4Osn0JJY9cqWnoT%2Fvn%2B0KjY7f9t"
    b"dYQjk67XTFY%2Bn1yg41FkzfbDxF8LQWYinLpnBBCf5AlFACJJ26yBHXMxsPFn67khxOV55AGRJeJcw03anH%2Fobj"
    b"evHiOGkV9%2BjTVLwV553U6Y9Ud995D66f45QpPR54IgBBDhA%2BHNlwockLcEyzCMbwMPs0pnsfVO65x0if8TJ2Mt"
    b"wTCa5c%2B%2FuCAq%2BoafTRV9%2Bd9meTRbC%2BFTDf%2FAMyU9SiltpdIqoZPRypB7faBDZ5YVsQrRPIfD6Wy%2F"
    b"tS6fb8MiFBnOw%3D%3D"
)


# --------------------------------------------------------------------------------------------
# Keys and signing


@pytest.fixture(scope="module")
def private_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def public_pem(private_key: rsa.RSAPrivateKey) -> bytes:
    return private_key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def sign(private_key: rsa.RSAPrivateKey, payload: bytes) -> str:
    return base64.b64encode(private_key.sign(payload, padding.PKCS1v15(), hashes.SHA1())).decode()


# A legacy callback and the string SpectroCoin signs for it, written out by hand.
SIGNED_FIELDS = {
    "merchantId": "169",
    "apiId": "3",
    "orderId": "shop-42",
    "payCurrency": "BTC",
    "payAmount": "0.00123",
    "receiveCurrency": "EUR",
    "receiveAmount": "50.0",
    "receivedAmount": "0.0",
    "description": "Order #42 for Jonas & Co",
    "orderRequestId": "275",
    "status": "3",
}
SIGNED_PAYLOAD = (
    b"merchantId=169&apiId=3&orderId=shop-42&payCurrency=BTC&payAmount=0.00123"
    b"&receiveCurrency=EUR&receiveAmount=50.0&receivedAmount=0.0"
    b"&description=Order+%2342+for+Jonas+%26+Co&orderRequestId=275&status=3"
)


def form_body(fields: Mapping[str, str]) -> bytes:
    return urlencode(list(fields.items())).encode()


@pytest.fixture(scope="module")
def signed_fields(private_key: rsa.RSAPrivateKey) -> dict[str, str]:
    return {
        **SIGNED_FIELDS,
        "sign": sign(private_key, SIGNED_PAYLOAD),
        "userId": "77",
        "merchantApiId": PROJECT,
    }


def parse_legacy(fields: Mapping[str, str]) -> LegacyCallback:
    cb = parse_callback(FORM, form_body(fields))
    assert isinstance(cb, LegacyCallback)
    return cb


# --------------------------------------------------------------------------------------------
# Legacy: parsing and the signed payload


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


def test_documented_legacy_example_signed_payload() -> None:
    cb = parse_callback(FORM, DOCUMENTED_LEGACY_BODY)
    assert isinstance(cb, LegacyCallback)

    assert legacy_signed_payload(cb) == (
        b"merchantId=169&apiId=1&orderId=Order+123&payCurrency=BTC&payAmount=1.23456789"
        b"&receiveCurrency=EUR&receiveAmount=50.0&receivedAmount=0.0"
        b"&description=My+special+order&orderRequestId=123&status=1"
    )


def test_amounts_are_exact_decimals() -> None:
    cb = parse_legacy({**SIGNED_FIELDS, "payAmount": "0.1", "sign": "x"})
    assert isinstance(cb.pay_amount, Decimal)
    assert cb.pay_amount == Decimal("0.1")
    assert str(cb.pay_amount) == "0.1"


@pytest.mark.parametrize(
    ("received", "signed"),
    [
        ("1.23456789", "1.23456789"),
        ("50", "50.0"),
        ("50.0", "50.0"),
        ("50.000", "50.0"),
        ("0", "0.0"),
        ("0.00000000", "0.0"),
        ("8523.5", "8523.5"),  # no digit grouping
        ("1234567.125", "1234567.125"),
        ("1.", "1.0"),
        (".5", "0.5"),
        ("1.234567890", "1.23456789"),  # a ninth decimal that is zero changes nothing
        ("-0.0", "0.0"),
        ("123456789012345678901234567890.5", "123456789012345678901234567890.5"),
    ],
)
def test_amounts_are_normalised_in_the_signed_payload(received: str, signed: str) -> None:
    cb = parse_legacy({**SIGNED_FIELDS, "receivedAmount": received, "sign": "x"})

    assert cb.raw["receivedAmount"] == received
    assert f"&receivedAmount={signed}&".encode() in legacy_signed_payload(cb)


@pytest.mark.parametrize(
    "received", ["0.000000004", "1.234567891", "0.000000015", "0.000000005", "50.000000001"]
)
def test_amounts_with_unsigned_digits_are_rejected(received: str) -> None:
    # Issue 10 item 2: SpectroCoin signs at most 8 decimals; "0.000000004" used to verify
    # against a signed "0.0" and come back as the verified amount.
    with pytest.raises(CallbackError, match="more than 8 decimals, which are not signed"):
        parse_legacy({**SIGNED_FIELDS, "receivedAmount": received, "sign": "x"})


def test_hand_built_callback_with_unsigned_digits_fails_verification(public_pem: bytes) -> None:
    cb = attrs.evolve(
        parse_legacy({**SIGNED_FIELDS, "sign": "AAAA"}),
        received_amount=Decimal("0.000000004"),
        raw={**SIGNED_FIELDS, "receivedAmount": "0.000000004"},
    )
    with pytest.raises(CallbackVerificationError, match="digits the signature does not cover"):
        verify_legacy_signature(cb, public_pem)


def test_values_are_form_encoded_like_java() -> None:
    cb = parse_legacy({**SIGNED_FIELDS, "description": "a*b~c d%=&+/ąž", "sign": "x"})

    assert b"&description=a*b%7Ec+d%25%3D%26%2B%2F%C4%85%C5%BE&" in legacy_signed_payload(cb)


def test_hand_built_callback_payload_uses_attributes() -> None:
    cb = LegacyCallback(
        merchant_id="169",
        api_id="3",
        order_id="shop-42",
        pay_currency="BTC",
        pay_amount=Decimal("0.00123"),
        receive_currency="EUR",
        receive_amount=Decimal("50"),
        received_amount=Decimal("0"),
        description="Order #42 for Jonas & Co",
        order_request_id="275",
        status=3,
        sign="x",
    )

    assert legacy_signed_payload(cb) == SIGNED_PAYLOAD
    assert cb.status_name == "PAID"


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


# --------------------------------------------------------------------------------------------
# Legacy: signature


def test_correctly_signed_legacy_callback_is_accepted(
    signed_fields: dict[str, str], public_pem: bytes
) -> None:
    cb = parse_legacy(signed_fields)

    assert legacy_signed_payload(cb) == SIGNED_PAYLOAD
    verify_legacy_signature(cb, public_pem)  # raises on failure
    assert cb.user_id == "77"
    assert cb.merchant_api_id == PROJECT


TAMPERED = {
    "merchantId": "170",
    "apiId": "4",
    "orderId": "shop-43",
    "payCurrency": "ETH",
    "payAmount": "0.00124",
    "receiveCurrency": "USD",
    "receiveAmount": "5000.0",
    "receivedAmount": "50.0",
    "description": "Order #42 for Jonas & Co.",
    "orderRequestId": "276",
    "status": "13",
}


def test_tampering_covers_every_signed_field() -> None:
    assert set(TAMPERED) == set(LEGACY_SIGNED_FIELDS)


@pytest.mark.parametrize("field", LEGACY_SIGNED_FIELDS)
def test_tampering_any_signed_field_is_rejected(
    field: str, signed_fields: dict[str, str], public_pem: bytes
) -> None:
    cb = parse_legacy({**signed_fields, field: TAMPERED[field]})

    with pytest.raises(CallbackVerificationError, match="signature does not match"):
        verify_legacy_signature(cb, public_pem)


def test_unsigned_fields_do_not_affect_the_signature(
    signed_fields: dict[str, str], public_pem: bytes
) -> None:
    cb = parse_legacy({**signed_fields, "userId": "78", "merchantApiId": "other"})
    verify_legacy_signature(cb, public_pem)


def test_same_amount_spelled_differently_still_verifies(
    signed_fields: dict[str, str], public_pem: bytes
) -> None:
    cb = parse_legacy({**signed_fields, "receiveAmount": "50", "payAmount": "0.001230"})
    verify_legacy_signature(cb, public_pem)


@pytest.mark.parametrize("bad_sign", ["not base64!!", "abc", "ab=c"])
def test_bad_base64_sign_is_rejected(
    bad_sign: str, signed_fields: dict[str, str], public_pem: bytes
) -> None:
    cb = parse_legacy({**signed_fields, "sign": bad_sign})

    with pytest.raises(CallbackVerificationError, match="not valid Base64") as info:
        verify_legacy_signature(cb, public_pem)
    assert info.value.__cause__ is not None


def test_sign_with_plus_decoded_as_space_still_verifies(
    private_key: rsa.RSAPrivateKey, public_pem: bytes
) -> None:
    # Find a signature with a "+" in it, then send it unescaped, as a careless proxy might.
    for n in range(200):
        payload = SIGNED_PAYLOAD.replace(b"shop-42", f"shop-{n}".encode())
        signature = sign(private_key, payload)
        if "+" in signature:
            break
    else:
        pytest.skip("no signature with '+' found")
    body = form_body({**SIGNED_FIELDS, "orderId": f"shop-{n}"}) + b"&sign=" + signature.encode()
    cb = parse_callback(FORM, body)
    assert isinstance(cb, LegacyCallback)
    assert " " in cb.sign

    verify_legacy_signature(cb, public_pem)


def test_signature_made_by_another_key_is_rejected(signed_fields: dict[str, str]) -> None:
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    other_pem = other.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )

    with pytest.raises(CallbackVerificationError, match="signature does not match"):
        verify_legacy_signature(parse_legacy(signed_fields), other_pem)


@pytest.mark.parametrize("pem", [b"", b"not a key", b"-----BEGIN PUBLIC KEY-----\nAAAA\n-----END"])
def test_bad_public_key_is_rejected_without_leaking_cryptography_errors(
    pem: bytes, signed_fields: dict[str, str]
) -> None:
    with pytest.raises(CallbackVerificationError, match="not a PEM public key") as info:
        verify_legacy_signature(parse_legacy(signed_fields), pem)
    assert type(info.value) is CallbackVerificationError


def test_non_rsa_public_key_is_rejected(signed_fields: dict[str, str]) -> None:
    from cryptography.hazmat.primitives.asymmetric import ec

    pem = (
        ec.generate_private_key(ec.SECP256R1())
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    with pytest.raises(CallbackVerificationError, match="not an RSA key"):
        verify_legacy_signature(parse_legacy(signed_fields), pem)


def test_php_style_star_encoding_is_also_accepted(
    private_key: rsa.RSAPrivateKey, public_pem: bytes
) -> None:
    fields = {**SIGNED_FIELDS, "description": "5* hotel"}
    java = SIGNED_PAYLOAD.replace(b"Order+%2342+for+Jonas+%26+Co", b"5*+hotel")
    php = SIGNED_PAYLOAD.replace(b"Order+%2342+for+Jonas+%26+Co", b"5%2A+hotel")
    for payload in (java, php):
        cb = parse_legacy({**fields, "sign": sign(private_key, payload)})
        assert legacy_signed_payload(cb) == java
        verify_legacy_signature(cb, public_pem)


# --------------------------------------------------------------------------------------------
# Parse errors


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


# --------------------------------------------------------------------------------------------
# SpectroCoin's own vector


JAVA_VECTOR = json.loads(
    (Path(__file__).parents[1] / "fixtures" / "spectrocoin_merchant_java_callback.json").read_text()
)


def test_spectrocoins_own_signed_callback_verifies() -> None:
    """SpectroCoin's signed legacy callback and public key, from its Java merchant client.

    Source: https://github.com/SpectroFinance/SpectroCoin-Merchant-Java, files
    src/test/java/lt/spectrofinance/spectrocoin/merchantclient/CheckCallbackSignTest.java (the
    field values and ``sign``) and src/test/resources/sc_public_key.pem (the key). It is the one
    check of the signature code against a signature nobody here made.
    """
    fields = JAVA_VECTOR["fields"]
    cb = parse_legacy(fields)
    pem = JAVA_VECTOR["public_key_pem"].encode()

    assert legacy_signed_payload(cb) == JAVA_VECTOR["signed_payload"].encode()
    verify_legacy_signature(cb, pem)  # returns None when SpectroCoin signed it
    assert (cb.status_name, cb.receive_amount, cb.received_amount) == (
        "EXPIRED",
        Decimal("8523.5"),
        Decimal("0"),
    )
    for name in LEGACY_SIGNED_FIELDS:
        changed = {**fields, name: fields[name] + ("1" if name != "status" else "0")}
        with pytest.raises(CallbackVerificationError, match="signature does not match"):
            verify_legacy_signature(parse_legacy(changed), pem)


def test_signed_fields_come_from_the_spec() -> None:
    spec = yaml.safe_load((Path(__file__).parents[2] / "openapi.yaml").read_text())
    post = spec["components"]["callbacks"]["OrderCallback"]["{$request.body#/callbackUrl}"]["post"]
    form = post["requestBody"]["content"]["application/x-www-form-urlencoded"]["schema"]
    assert tuple(form["x-signed-fields"]) == LEGACY_SIGNED_FIELDS
    assert tuple(JAVA_VECTOR["signed_payload"].split("&")[i].split("=")[0] for i in range(11)) == (
        LEGACY_SIGNED_FIELDS
    )
    json_shape = post["requestBody"]["content"]["application/json"]["schema"]
    assert set(json_shape["properties"]) == {"id", "merchantApiId"}
    operations = [
        op["operationId"]
        for item in spec["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and "callbacks" in op
    ]
    assert sorted(operations) == ["createOrder", "createPreOrder"]


# --------------------------------------------------------------------------------------------
# verify_callback


OTHER_PROJECT = "9b0c3d1e-2f4a-4b5c-8d6e-7f8091a2b3c4"


def make_order(project: str | None = PROJECT, status: str = "PAID", **extra: Any) -> Order:
    data: dict[str, Any] = {
        "id": ORDER_UUID,
        "status": status,
        "orderId": "shop-42",
        "payAmount": Decimal("0.00123"),
        "payCurrencyCode": "BTC",
        "receiveAmount": Decimal("50.0"),
        "receiveCurrencyCode": "EUR",
        **extra,
    }
    if project is not None:
        data["projectId"] = project
    return Order.from_dict(data)


def orders(**by_id: Order) -> tuple[Callable[[str], Awaitable[Order]], list[str]]:
    calls: list[str] = []

    async def get_order(order_id: str) -> Order:
        calls.append(order_id)
        if order_id not in by_id:
            raise NotFoundError("not found", status_code=404)
        return by_id[order_id]

    return get_order, calls


def json_cb(merchant_api_id: str | None = PROJECT, order_id: str = ORDER_UUID) -> JsonCallback:
    return JsonCallback(
        id=order_id, merchant_api_id=merchant_api_id, extra={"status": "PAID", "payAmount": "999"}
    )


VALID_PROJECT = PROJECT


@pytest.mark.anyio
async def test_json_callback_is_verified_by_fetching_the_order() -> None:
    order = make_order()
    get_order, calls = orders(**{ORDER_UUID: order})

    verified = await verify_callback(json_cb(), get_order=get_order, project_id=PROJECT)

    assert calls == [ORDER_UUID]
    assert verified.order is order
    assert verified == VerifiedCallback(
        kind="json",
        merchant_order_id="shop-42",
        status="PAID",
        pay_amount=Decimal("0.00123"),
        pay_currency_code="BTC",
        receive_amount=Decimal("50.0"),
        receive_currency_code="EUR",
        received_amount=None,
        order_id=ORDER_UUID,
        callback=json_cb(),
        order=order,
    )


@pytest.mark.anyio
async def test_json_callback_with_unknown_status_is_accepted_and_kept() -> None:
    get_order, _ = orders(**{ORDER_UUID: make_order(status="SOMETHING_NEW")})

    verified = await verify_callback(json_cb(), get_order=get_order, project_id=PROJECT)

    assert verified.status == "SOMETHING_NEW"


@pytest.mark.anyio
async def test_status_and_amounts_are_read_from_the_order_not_the_body() -> None:
    get_order, _ = orders(**{ORDER_UUID: make_order(status="EXPIRED")})

    verified = await verify_callback(json_cb(), get_order=get_order, project_id=PROJECT)

    assert json_cb().extra == {"status": "PAID", "payAmount": "999"}
    assert (verified.status, verified.pay_amount) == ("EXPIRED", Decimal("0.00123"))


@pytest.mark.anyio
async def test_json_callback_with_unknown_id_is_rejected() -> None:
    get_order, calls = orders()

    with pytest.raises(CallbackVerificationError, match="unknown order id") as info:
        await verify_callback(json_cb(), get_order=get_order, project_id=PROJECT)
    assert isinstance(info.value.__cause__, NotFoundError)
    assert calls == [ORDER_UUID]


@pytest.mark.anyio
async def test_json_callback_claiming_another_project_is_rejected_before_fetching() -> None:
    get_order, calls = orders(**{ORDER_UUID: make_order()})

    with pytest.raises(CallbackVerificationError, match="another project"):
        await verify_callback(json_cb("someone-else"), get_order=get_order, project_id=PROJECT)
    assert calls == []


@pytest.mark.anyio
@pytest.mark.parametrize("claimed", [VALID_PROJECT, None], ids=["matching-claim", "no-claim"])
async def test_json_callback_for_an_order_of_another_project_is_rejected(
    claimed: str | None,
) -> None:
    # Issue 10 item 1: the body may name an order of the merchant's other project, with a
    # matching or missing merchantApiId; only the fetched order's projectId tells.
    get_order, calls = orders(**{ORDER_UUID: make_order(project=OTHER_PROJECT)})

    with pytest.raises(CallbackVerificationError, match="belongs to another project"):
        await verify_callback(json_cb(claimed), get_order=get_order, project_id=VALID_PROJECT)
    assert calls == [ORDER_UUID]


@pytest.mark.anyio
async def test_json_callback_for_an_order_naming_no_project_is_rejected() -> None:
    get_order, _ = orders(**{ORDER_UUID: make_order(project=None)})

    with pytest.raises(CallbackVerificationError, match="names no project"):
        await verify_callback(json_cb(), get_order=get_order, project_id=PROJECT)


@pytest.mark.anyio
async def test_json_callback_without_a_configured_project_is_refused_without_fetching() -> None:
    get_order, calls = orders(**{ORDER_UUID: make_order()})

    with pytest.raises(CallbackVerificationError, match="without a project_id"):
        await verify_callback(json_cb(), get_order=get_order)
    assert calls == []


@pytest.mark.anyio
async def test_project_ids_compare_as_uuids_and_a_missing_claim_is_fine() -> None:
    get_order, calls = orders(**{ORDER_UUID: make_order(project=VALID_PROJECT)})

    await verify_callback(json_cb(None), get_order=get_order, project_id=VALID_PROJECT)
    await verify_callback(
        json_cb(VALID_PROJECT.upper()), get_order=get_order, project_id=VALID_PROJECT
    )
    await verify_callback(json_cb(), get_order=get_order, project_id=VALID_PROJECT.upper())
    assert len(calls) == 3


@pytest.mark.anyio
async def test_other_errors_from_get_order_propagate() -> None:
    async def get_order(order_id: str) -> Order:
        raise httpx.ConnectError("down")

    with pytest.raises(httpx.ConnectError):
        await verify_callback(json_cb(), get_order=get_order, project_id=PROJECT)


@pytest.mark.anyio
async def test_legacy_callback_is_verified_by_signature(
    signed_fields: dict[str, str], public_pem: bytes
) -> None:
    get_order, calls = orders()
    cb = parse_legacy(signed_fields)

    verified = await verify_callback(
        cb, get_order=get_order, project_id=PROJECT, public_key=PublicKeySource(pem=public_pem)
    )

    assert verified == VerifiedCallback(
        kind="legacy",
        merchant_order_id="shop-42",
        status="PAID",
        pay_amount=Decimal("0.00123"),
        pay_currency_code="BTC",
        receive_amount=Decimal("50.0"),
        receive_currency_code="EUR",
        received_amount=Decimal("0.0"),
        order_id=None,
        callback=cb,
        order=None,
    )
    assert calls == []


@pytest.mark.anyio
async def test_both_kinds_have_one_shape(signed_fields: dict[str, str], public_pem: bytes) -> None:
    # Issue 10 item 5: a handler written for one kind reads the other the same way.
    get_order, _ = orders(**{ORDER_UUID: make_order()})
    from_json = await verify_callback(json_cb(), get_order=get_order, project_id=PROJECT)
    from_legacy = await verify_callback(
        parse_legacy(signed_fields), get_order=get_order, public_key=PublicKeySource(pem=public_pem)
    )
    shared = (
        "merchant_order_id",
        "status",
        "pay_amount",
        "pay_currency_code",
        "receive_amount",
        "receive_currency_code",
    )
    assert [getattr(from_json, n) for n in shared] == [getattr(from_legacy, n) for n in shared]
    assert [getattr(from_json, n) for n in shared] == [
        "shop-42",
        "PAID",
        Decimal("0.00123"),
        "BTC",
        Decimal("50.0"),
        "EUR",
    ]
    # `Order` is imported only for type checkers in _callbacks (models load lazily).
    hints = typing.get_type_hints(VerifiedCallback, localns={"Order": Order})
    assert hints["order"] == Order | None


@pytest.mark.anyio
async def test_tampered_legacy_callback_is_rejected_by_verify_callback(
    signed_fields: dict[str, str], public_pem: bytes
) -> None:
    get_order, _ = orders()
    cb = parse_legacy({**signed_fields, "status": "3", "receivedAmount": "50.0"})

    with pytest.raises(CallbackVerificationError, match="signature does not match"):
        await verify_callback(cb, get_order=get_order, public_key=PublicKeySource(pem=public_pem))


@pytest.mark.anyio
async def test_legacy_callback_for_another_project_is_rejected(
    signed_fields: dict[str, str], public_pem: bytes
) -> None:
    get_order, _ = orders()
    cb = parse_legacy({**signed_fields, "merchantApiId": "someone-else"})

    with pytest.raises(CallbackVerificationError, match="another project"):
        await verify_callback(
            cb, get_order=get_order, project_id=PROJECT, public_key=PublicKeySource(pem=public_pem)
        )


@pytest.mark.anyio
async def test_legacy_callback_without_a_key_is_rejected(signed_fields: dict[str, str]) -> None:
    get_order, _ = orders()

    with pytest.raises(CallbackVerificationError, match="no public_key"):
        await verify_callback(parse_legacy(signed_fields), get_order=get_order)


def test_verified_legacy_callback_with_unknown_code_keeps_the_code(
    signed_fields: dict[str, str],
) -> None:
    cb = parse_legacy({**signed_fields, "status": "42"})
    assert cb.status_name is None
    assert VerifiedCallback.from_legacy(cb).status == "42"


# --------------------------------------------------------------------------------------------
# PublicKeySource


def counting_transport(
    responses: list[httpx.Response], seen: list[httpx.Request]
) -> httpx.MockTransport:
    async def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        await anyio.sleep(0.01)  # let every concurrent caller reach the lock
        return responses.pop(0) if len(responses) > 1 else responses[0]

    return httpx.MockTransport(handler)


@pytest.mark.anyio
async def test_url_is_fetched_once_for_concurrent_loads(public_pem: bytes) -> None:
    seen: list[httpx.Request] = []
    transport = counting_transport([httpx.Response(200, content=public_pem)], seen)
    source = PublicKeySource(url="https://keys.example/sc.pem")
    results: list[bytes] = []

    async def load(http: httpx.AsyncClient) -> None:
        results.append(await source.load(http))

    async with httpx.AsyncClient(transport=transport) as http:
        async with anyio.create_task_group() as tg:
            for _ in range(10):
                tg.start_soon(load, http)
        assert await source.load(http) == public_pem

    assert len(seen) == 1
    assert str(seen[0].url) == "https://keys.example/sc.pem"
    assert results == [public_pem] * 10


@pytest.mark.anyio
async def test_default_source_is_spectrocoins_url(public_pem: bytes) -> None:
    seen: list[httpx.Request] = []
    transport = counting_transport([httpx.Response(200, content=public_pem)], seen)

    async with httpx.AsyncClient(transport=transport) as http:
        assert await PublicKeySource().load(http) == public_pem

    assert str(seen[0].url) == SPECTROCOIN_PUBLIC_KEY_URL
    assert "authorization" not in seen[0].headers


@pytest.mark.anyio
@pytest.mark.parametrize(
    "first",
    [
        httpx.Response(503, text="maintenance"),
        httpx.Response(200, text="<html>captive portal</html>"),
    ],
)
async def test_failed_fetch_is_not_cached(first: httpx.Response, public_pem: bytes) -> None:
    seen: list[httpx.Request] = []
    transport = counting_transport([first, httpx.Response(200, content=public_pem)], seen)
    source = PublicKeySource(url="https://keys.example/sc.pem")

    async with httpx.AsyncClient(transport=transport) as http:
        # Issue 10 item 3: a key outage says nothing about the callback: "unavailable", not
        # "verification failed", so that the app answers 503 and the callback is sent again.
        with pytest.raises(CallbackUnavailableError, match="public key"):
            await source.load(http)
        assert await source.load(http) == public_pem
        assert await source.load(http) == public_pem

    assert len(seen) == 2


@pytest.mark.anyio
async def test_connection_error_becomes_unavailable_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
        with pytest.raises(CallbackUnavailableError, match="cannot fetch .*ConnectError") as info:
            await PublicKeySource(url="https://keys.example/sc.pem").load(http)
    assert isinstance(info.value.__cause__, httpx.ConnectError)


@pytest.mark.anyio
async def test_path_source(tmp_path: Any, public_pem: bytes) -> None:
    path = tmp_path / "sc.pem"
    source = PublicKeySource(path=path)

    with pytest.raises(CallbackUnavailableError, match="cannot read"):
        await source.load(None)
    path.write_bytes(public_pem)
    assert await source.load(None) == public_pem
    path.unlink()
    assert await source.load(None) == public_pem  # cached


@pytest.mark.anyio
async def test_pem_source_needs_no_client(public_pem: bytes) -> None:
    assert await PublicKeySource(pem=public_pem).load(None) == public_pem


def test_source_takes_only_one_origin(public_pem: bytes) -> None:
    with pytest.raises(ValueError, match="one of"):
        PublicKeySource(pem=public_pem, url="https://keys.example/sc.pem")
    with pytest.raises(ValueError, match="one of"):
        PublicKeySource(path="/x.pem", url="https://keys.example/sc.pem")


# --------------------------------------------------------------------------------------------
# Key rotation: a mismatch fetches the key again, at most once per refetch_interval

KEY_URL = "https://keys.example/sc.pem"


def pem_of(key: rsa.RSAPrivateKey) -> bytes:
    return key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def body_signed_by(key: rsa.RSAPrivateKey) -> bytes:
    return form_body({**SIGNED_FIELDS, "sign": sign(key, SIGNED_PAYLOAD)})


@pytest.fixture(scope="module")
def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def forger_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


async def verify_body(source: PublicKeySource, http: httpx.AsyncClient, body: bytes) -> str | None:
    get_order, _ = orders()
    cb = parse_callback(FORM, body)
    verified = await verify_callback(cb, get_order=get_order, public_key=source, http=http)
    return verified.merchant_order_id


@pytest.mark.anyio
async def test_rotated_key_is_fetched_again_and_the_callback_verifies(
    private_key: rsa.RSAPrivateKey, new_key: rsa.RSAPrivateKey
) -> None:
    from spectrocoin_async import SpectroCoinClient

    clock = FakeClock()
    with respx.mock(assert_all_called=False) as router:
        route = router.get(KEY_URL).mock(
            side_effect=[
                httpx.Response(200, content=pem_of(private_key)),
                httpx.Response(200, content=pem_of(new_key)),
            ]
        )
        async with SpectroCoinClient(public_key_url=KEY_URL, clock=clock) as sc:
            old = await sc.merchant.verify_callback(FORM, body_signed_by(private_key))
            assert route.call_count == 1
            clock.now += 1.0  # rotated right after the first load: no interval to wait out
            new = await sc.merchant.verify_callback(FORM, body_signed_by(new_key))
            assert route.call_count == 2
            again = await sc.merchant.verify_callback(FORM, body_signed_by(new_key))
            assert route.call_count == 2  # the new key is the cached one now
            with pytest.raises(CallbackVerificationError) as info:
                await sc.merchant.verify_callback(FORM, body_signed_by(private_key))
            assert route.call_count == 2  # the retired key: rejected, no fetch in the interval
    assert str(info.value) == (
        "legacy callback signature does not match: not signed by SpectroCoin, or altered"
    )
    assert old.merchant_order_id == new.merchant_order_id == again.merchant_order_id == "shop-42"


@pytest.mark.anyio
async def test_forged_callback_flood_costs_one_refetch_per_interval(
    private_key: rsa.RSAPrivateKey, forger_key: rsa.RSAPrivateKey
) -> None:
    clock = FakeClock()
    source = PublicKeySource(url=KEY_URL, clock=clock)  # refetch_interval: 60 s by default
    forged = body_signed_by(forger_key)
    with respx.mock(assert_all_called=False) as router:
        route = router.get(KEY_URL).respond(200, content=pem_of(private_key))
        async with httpx.AsyncClient() as http:
            for _ in range(100):  # 100 forged callbacks in 50 s
                with pytest.raises(CallbackVerificationError, match="does not match"):
                    await verify_body(source, http, forged)
                clock.now += 0.5
            assert route.call_count == 2  # the first load, then one re-fetch (the same key)
            assert await verify_body(source, http, body_signed_by(private_key)) == "shop-42"
            clock.now = 59.999
            with pytest.raises(CallbackVerificationError, match="does not match"):
                await verify_body(source, http, forged)
            assert route.call_count == 2
            clock.now = 60.0  # the interval is over: one more try
            for _ in range(10):
                with pytest.raises(CallbackVerificationError, match="does not match"):
                    await verify_body(source, http, forged)
            assert route.call_count == 3


@pytest.mark.anyio
async def test_concurrent_mismatches_share_one_refetch(
    private_key: rsa.RSAPrivateKey, new_key: rsa.RSAPrivateKey, forger_key: rsa.RSAPrivateKey
) -> None:
    clock = FakeClock()
    source = PublicKeySource(url=KEY_URL, clock=clock)
    served = [pem_of(private_key), pem_of(new_key)]

    async def serve(request: httpx.Request) -> httpx.Response:
        await anyio.sleep(0.01)  # in flight while every other caller arrives
        return httpx.Response(200, content=served.pop(0) if len(served) > 1 else served[0])

    genuine: list[str | None] = []
    rejected: list[type[BaseException]] = []

    async def verify_new(http: httpx.AsyncClient) -> None:
        genuine.append(await verify_body(source, http, body_signed_by(new_key)))

    async def verify_forged(http: httpx.AsyncClient) -> None:
        try:
            await verify_body(source, http, body_signed_by(forger_key))
        except CallbackError as exc:
            rejected.append(type(exc))

    with respx.mock(assert_all_called=False) as router:
        route = router.get(KEY_URL).mock(side_effect=serve)
        async with httpx.AsyncClient() as http:
            assert await source.load(http) == pem_of(private_key)
            async with anyio.create_task_group() as tg:
                for _ in range(20):
                    tg.start_soon(verify_new, http)
            assert route.call_count == 2  # one re-fetch for twenty mismatches
            clock.now += 60.0
            async with anyio.create_task_group() as tg:
                for _ in range(20):
                    tg.start_soon(verify_forged, http)
            assert route.call_count == 3
    assert genuine == ["shop-42"] * 20
    assert rejected == [CallbackVerificationError] * 20


@pytest.mark.anyio
@pytest.mark.parametrize(
    "failure",
    [
        httpx.Response(503, text="maintenance"),
        httpx.Response(200, text="<html>captive portal</html>"),
        httpx.ConnectError("refused"),
    ],
    ids=["503", "not-a-key", "connect-error"],
)
async def test_failed_refetch_keeps_the_old_key_and_rejects_as_a_mismatch(
    failure: httpx.Response | Exception,
    private_key: rsa.RSAPrivateKey,
    forger_key: rsa.RSAPrivateKey,
    caplog: pytest.LogCaptureFixture,
) -> None:
    clock = FakeClock()
    source = PublicKeySource(url=KEY_URL, clock=clock)
    with respx.mock(assert_all_called=False) as router:
        route = router.get(KEY_URL).mock(
            side_effect=[httpx.Response(200, content=pem_of(private_key)), failure]
        )
        async with httpx.AsyncClient() as http:
            with caplog.at_level(logging.WARNING, logger="spectrocoin_async._callbacks"):
                # A mismatch, not an outage: 400 from callback_app, never a 503 per forgery.
                with pytest.raises(CallbackError) as info:
                    await verify_body(source, http, body_signed_by(forger_key))
            assert type(info.value) is CallbackVerificationError
            assert await verify_body(source, http, body_signed_by(private_key)) == "shop-42"
    assert route.call_count == 2
    assert [r.getMessage()[:56] for r in caplog.records] == [
        "kept the cached callback public key; fetching it again f"
    ]


@pytest.mark.anyio
async def test_pem_source_never_refetches(public_pem: bytes, forger_key: rsa.RSAPrivateKey) -> None:
    source = PublicKeySource(pem=public_pem)
    assert await source.refetch(public_pem, None) is None
    with respx.mock(assert_all_called=False) as router:  # any request would fail the test
        async with httpx.AsyncClient() as http:
            with pytest.raises(CallbackVerificationError, match="does not match"):
                await verify_body(source, http, body_signed_by(forger_key))
    assert router.calls.call_count == 0


@pytest.mark.anyio
async def test_path_source_rereads_a_replaced_key_file_under_the_same_bound(
    tmp_path: Path,
    private_key: rsa.RSAPrivateKey,
    new_key: rsa.RSAPrivateKey,
    forger_key: rsa.RSAPrivateKey,
) -> None:
    clock = FakeClock()
    path = tmp_path / "sc.pem"
    path.write_bytes(pem_of(private_key))
    source = PublicKeySource(path=path, clock=clock)
    async with httpx.AsyncClient() as http:
        assert await verify_body(source, http, body_signed_by(private_key)) == "shop-42"
        path.write_bytes(pem_of(new_key))  # rotated on disk
        assert await verify_body(source, http, body_signed_by(new_key)) == "shop-42"
        path.write_bytes(pem_of(forger_key))  # replaced again inside the interval: not read
        with pytest.raises(CallbackVerificationError, match="does not match"):
            await verify_body(source, http, body_signed_by(forger_key))
        clock.now += 60.0
        assert await verify_body(source, http, body_signed_by(forger_key)) == "shop-42"


@pytest.mark.parametrize("bad", [0, -1.0, float("nan"), float("inf"), True, "60"])
def test_refetch_interval_is_validated(bad: Any) -> None:
    with pytest.raises(ValidationError) as info:
        PublicKeySource(refetch_interval=bad)
    assert info.value.field == "refetch_interval"
    assert str(info.value) == (
        f"refetch_interval: must be a finite number of seconds above 0; got {bad!r}"
    )


# --------------------------------------------------------------------------------------------
# ASGI app


class FakeMerchant:
    def __init__(self, get_order: Any = None, error: Exception | None = None) -> None:
        self.get_order = get_order
        self.error = error
        self.calls = 0

    async def verify_callback(self, headers: Mapping[str, str], body: bytes) -> VerifiedCallback:
        self.calls += 1
        if self.error is not None:
            raise self.error
        return await verify_callback(
            parse_callback(headers, body), get_order=self.get_order, project_id=PROJECT
        )


class FakeClient:
    def __init__(self, merchant: FakeMerchant) -> None:
        self.merchant = merchant


class Recorder:
    def __init__(self, error: Exception | None = None) -> None:
        self.seen: list[VerifiedCallback] = []
        self.error = error

    async def __call__(self, verified: VerifiedCallback) -> None:
        self.seen.append(verified)
        if self.error is not None:
            raise self.error


PAID_ORDER = make_order()
JSON_BODY = b'{"id": "%s", "merchantApiId": "%s"}' % (ORDER_UUID.encode(), PROJECT.encode())


def make_app(
    error: Exception | None = None, handler_error: Exception | None = None
) -> tuple[Any, FakeMerchant, Recorder]:
    get_order, _ = orders(**{ORDER_UUID: PAID_ORDER})
    merchant = FakeMerchant(get_order, error)
    recorder = Recorder(handler_error)
    return callback_app(FakeClient(merchant), recorder), merchant, recorder


async def post(
    app: Any, body: bytes, headers: Mapping[str, str], method: str = "POST"
) -> httpx.Response:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://shop.test") as client:
        return await client.request(method, "/callback", content=body, headers=headers)


@pytest.mark.anyio
@pytest.mark.parametrize("method", ["GET", "PUT", "HEAD"])
async def test_app_rejects_other_methods(method: str) -> None:
    app, merchant, recorder = make_app()

    response = await post(app, b"", {}, method=method)

    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert merchant.calls == 0
    assert recorder.seen == []


@pytest.mark.anyio
async def test_app_rejects_other_content_types() -> None:
    app, merchant, _ = make_app()

    response = await post(app, b"id=1", {"Content-Type": "text/plain"})

    assert response.status_code == 415
    assert merchant.calls == 0


@pytest.mark.anyio
async def test_app_accepts_a_verified_json_callback() -> None:
    app, merchant, recorder = make_app()

    response = await post(app, JSON_BODY, JSON)

    assert response.status_code == 200
    assert response.text == "*ok*"
    assert response.headers["content-type"].startswith("text/plain")
    assert merchant.calls == 1
    assert len(recorder.seen) == 1
    verified = recorder.seen[0]
    assert verified.callback == JsonCallback(id=ORDER_UUID, merchant_api_id=PROJECT)
    assert verified.order is PAID_ORDER
    assert verified.status == "PAID"


@pytest.mark.anyio
async def test_app_accepts_a_signed_legacy_callback(
    signed_fields: dict[str, str], public_pem: bytes
) -> None:
    recorder = Recorder()

    class LegacyMerchant:
        async def verify_callback(
            self, headers: Mapping[str, str], body: bytes
        ) -> VerifiedCallback:
            async def get_order(order_id: str) -> Order:
                raise AssertionError("legacy callbacks are not fetched")

            return await verify_callback(
                parse_callback(headers, body),
                get_order=get_order,
                public_key=PublicKeySource(pem=public_pem),
            )

    app = callback_app(SimpleNamespace(merchant=LegacyMerchant()), recorder)

    ok = await post(app, form_body(signed_fields), FORM)
    bad = await post(app, form_body({**signed_fields, "receivedAmount": "50.0"}), FORM)

    assert (ok.status_code, ok.text) == (200, "*ok*")
    assert bad.status_code == 400
    assert len(recorder.seen) == 1
    assert recorder.seen[0].status == "PAID"


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b'{"id": "%s", "merchantApiId": "someone-else"}' % ORDER_UUID.encode(), "verification"),
        (b'{"id": "0a4f7c2e-0000-0000-0000-000000000000"}', "verification"),
        (b'{"no": "id"}', "malformed"),
    ],
)
async def test_app_answers_400_to_a_bad_callback(
    body: bytes, reason: str, caplog: pytest.LogCaptureFixture
) -> None:
    app, merchant, recorder = make_app()

    with caplog.at_level(logging.WARNING, logger="spectrocoin_async._callbacks"):
        response = await post(app, body, JSON)

    assert response.status_code == 400
    assert reason in response.text
    assert "someone-else" not in response.text
    assert len(response.text) < 60
    assert merchant.calls == 1
    assert recorder.seen == []
    assert any("rejected" in r.message for r in caplog.records)


@pytest.mark.anyio
async def test_app_answers_500_when_the_handler_fails(caplog: pytest.LogCaptureFixture) -> None:
    app, _, recorder = make_app(handler_error=RuntimeError("database is down"))

    with caplog.at_level(logging.ERROR, logger="spectrocoin_async._callbacks"):
        response = await post(app, JSON_BODY, JSON)

    assert response.status_code == 500
    assert "database" not in response.text
    assert len(recorder.seen) == 1
    [record] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert record.name == "spectrocoin_async._callbacks"
    assert record.exc_info is not None
    assert isinstance(record.exc_info[1], RuntimeError)


@pytest.mark.anyio
async def test_app_answers_503_when_verification_cannot_be_done(
    caplog: pytest.LogCaptureFixture,
) -> None:
    app, merchant, recorder = make_app(error=httpx.ConnectError("api down"))

    with caplog.at_level(logging.ERROR, logger="spectrocoin_async._callbacks"):
        response = await post(app, JSON_BODY, JSON)

    assert response.status_code == 503
    assert merchant.calls == 1
    assert recorder.seen == []
    assert any(r.exc_info for r in caplog.records)


@pytest.mark.anyio
async def test_app_answers_503_when_the_signing_key_cannot_be_fetched(
    signed_fields: dict[str, str],
) -> None:
    # Issue 10 item 3: a key outage answered 400 "verification failed"; a sender may stop
    # retrying after a 4xx. It is a 503 now, like an API outage on the JSON path.
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    class KeyOutageMerchant:
        async def verify_callback(
            self, headers: Mapping[str, str], body: bytes
        ) -> VerifiedCallback:
            async with httpx.AsyncClient(transport=httpx.MockTransport(refuse)) as http:
                return await verify_callback(
                    parse_callback(headers, body),
                    get_order=orders()[0],
                    public_key=PublicKeySource(url="https://keys.example/sc.pem"),
                    http=http,
                )

    recorder = Recorder()
    app = callback_app(SimpleNamespace(merchant=KeyOutageMerchant()), recorder)

    response = await post(app, form_body(signed_fields), FORM)

    assert (response.status_code, response.text) == (503, "cannot verify the callback now")
    assert recorder.seen == []


@pytest.mark.anyio
async def test_app_caps_the_body() -> None:
    app, merchant, _ = make_app()

    response = await post(app, b'{"id": "' + b"a" * 70_000 + b'"}', JSON)

    assert response.status_code == 413
    assert merchant.calls == 0


async def drive(
    app: Any, scope: dict[str, Any], messages: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    sent: list[dict[str, Any]] = []
    pending = list(messages)

    async def receive() -> dict[str, Any]:
        if pending:
            return pending.pop(0)
        await anyio.sleep_forever()
        raise AssertionError

    async def send(message: Any) -> None:
        sent.append(dict(message))

    with anyio.fail_after(5):
        await app(scope, receive, send)
    return sent


@pytest.mark.anyio
async def test_app_reads_a_body_sent_in_chunks_without_content_length() -> None:
    app, _, recorder = make_app()
    scope = {
        "type": "http",
        "method": "POST",
        "path": "/",
        "headers": [(b"content-type", b"application/json")],
    }
    half = len(JSON_BODY) // 2
    messages = [
        {"type": "http.request", "body": JSON_BODY[:half], "more_body": True},
        {"type": "http.request", "body": JSON_BODY[half:], "more_body": False},
    ]

    sent = await drive(app, scope, messages)

    assert sent[0]["status"] == 200
    assert sent[1]["body"] == b"*ok*"
    assert len(recorder.seen) == 1


@pytest.mark.anyio
async def test_app_caps_a_chunked_body() -> None:
    app, merchant, _ = make_app()
    scope = {
        "type": "http",
        "method": "POST",
        "headers": [(b"content-type", b"application/json")],
    }
    chunk = {"type": "http.request", "body": b"x" * 40_000, "more_body": True}

    sent = await drive(app, scope, [chunk, chunk, chunk])

    assert sent[0]["status"] == 413
    assert merchant.calls == 0


@pytest.mark.anyio
async def test_app_handles_lifespan_and_ignores_other_scopes() -> None:
    app, _, _ = make_app()

    sent = await drive(
        app,
        {"type": "lifespan", "asgi": {"version": "3.0"}},
        [{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}],
    )
    assert sent == [{"type": "lifespan.startup.complete"}, {"type": "lifespan.shutdown.complete"}]

    assert await drive(app, {"type": "websocket", "headers": []}, []) == []


@pytest.mark.anyio
async def test_app_stops_quietly_when_the_client_disconnects() -> None:
    app, merchant, _ = make_app()
    scope = {"type": "http", "method": "POST", "headers": [(b"content-type", b"application/json")]}

    assert await drive(app, scope, [{"type": "http.disconnect"}]) == []
    assert merchant.calls == 0


@pytest.mark.anyio
@pytest.mark.parametrize("length", [b"\xc2\xb2", b"abc", b"-1", b"99999999999999999999999"])
async def test_app_ignores_an_odd_content_length(length: bytes) -> None:
    app, _, recorder = make_app()
    scope = {
        "type": "http",
        "method": "POST",
        "headers": [(b"content-type", b"application/json"), (b"content-length", length)],
    }

    sent = await drive(app, scope, [{"type": "http.request", "body": JSON_BODY}])

    assert sent[0]["status"] == 200
    assert len(recorder.seen) == 1


# --------------------------------------------------------------------------------------------
# The documented Starlette and FastAPI forms, exactly as callback_app's docstring shows them


def framework_app(framework: str, form: str, app: Any) -> Any:
    if framework == "starlette":
        from starlette.applications import Starlette

        web: Any = Starlette()
    else:
        from fastapi import FastAPI

        web = FastAPI()
    if form == "route":
        from starlette.routing import Route

        web.routes.append(Route("/spectrocoin/callback", app, methods=["POST"]))
    else:
        web.mount("/spectrocoin/callback", app)
    return web


async def post_to(app: Any, path: str, body: bytes, headers: Mapping[str, str]) -> httpx.Response:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="https://shop.test") as client:
        return await client.post(path, content=body, headers=headers)


@pytest.mark.anyio
@pytest.mark.parametrize("framework", ["starlette", "fastapi"])
async def test_documented_route_form_receives_callbacks(framework: str) -> None:
    # Issue 10 item 4: the mount form lost callbacks sent to a callbackUrl without a trailing
    # slash (a 307 nobody follows); the documented route form takes the exact path.
    app, merchant, recorder = make_app()
    web = framework_app(framework, "route", app)

    ok = await post_to(web, "/spectrocoin/callback", JSON_BODY, JSON)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=web), base_url="https://shop.test"
    ) as client:
        wrong_method = await client.get("/spectrocoin/callback")

    assert (ok.status_code, ok.text) == (200, "*ok*")
    assert wrong_method.status_code == 405
    assert len(recorder.seen) == 1
    assert merchant.calls == 1
    assert recorder.seen[0].merchant_order_id == "shop-42"


@pytest.mark.anyio
@pytest.mark.parametrize("framework", ["starlette", "fastapi"])
async def test_documented_mount_form_needs_the_trailing_slash(framework: str) -> None:
    app, _, recorder = make_app()
    web = framework_app(framework, "mount", app)

    with_slash = await post_to(web, "/spectrocoin/callback/", JSON_BODY, JSON)
    without = await post_to(web, "/spectrocoin/callback", JSON_BODY, JSON)

    assert (with_slash.status_code, with_slash.text) == (200, "*ok*")
    # What the docstring warns about: the framework redirects before the app runs.
    assert without.status_code == 307
    assert len(recorder.seen) == 1


def test_docstring_shows_the_tested_forms() -> None:
    doc = callback_app.__doc__ or ""
    assert "receiver = callback_app(sc, on_order)" in doc
    assert 'app.routes.append(Route("/spectrocoin/callback", receiver, methods=["POST"]))' in doc
    assert 'app.mount("/spectrocoin/callback", callback_app(...))' in doc
    assert "ends in ``/``" in doc


@pytest.mark.parametrize("depth", [65, 900, 30_000])
def test_deep_json_callback_is_refused_before_decoding(depth: int) -> None:
    body = b'{"id": "%s", "x": ' % ORDER_UUID.encode() + b"[" * depth + b"]" * depth + b"}"
    with pytest.raises(CallbackError, match="nested deeper than 64 levels"):
        parse_callback(JSON, body)
