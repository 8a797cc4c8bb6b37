"""The legacy signed payload and its RSA check (spectrocoin_async._callbacks.signature)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
import yaml
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from spectrocoin_async._callbacks import (
    LEGACY_SIGNED_FIELDS,
    LegacyCallback,
    legacy_signed_payload,
    parse_callback,
    verify_legacy_signature,
)
from spectrocoin_async._errors import CallbackVerificationError
from tests.callbacks.support import (
    DOCUMENTED_LEGACY_BODY,
    FORM,
    PROJECT,
    SIGNED_FIELDS,
    SIGNED_PAYLOAD,
    form_body,
    parse_legacy,
    sign,
)


def test_documented_legacy_example_signed_payload() -> None:
    cb = parse_callback(FORM, DOCUMENTED_LEGACY_BODY)
    assert isinstance(cb, LegacyCallback)

    assert legacy_signed_payload(cb) == (
        b"merchantId=169&apiId=1&orderId=Order+123&payCurrency=BTC&payAmount=1.23456789"
        b"&receiveCurrency=EUR&receiveAmount=50.0&receivedAmount=0.0"
        b"&description=My+special+order&orderRequestId=123&status=1"
    )


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
