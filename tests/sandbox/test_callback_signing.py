"""The sandbox signs legacy callbacks with its own code, from openapi.yaml, and its bytes are the
bytes SpectroCoin signs: checked against SpectroCoin's own signed vector (the Java merchant
client's test), whose signature must verify over the payload the sandbox builds."""

from __future__ import annotations

import ast
import base64
import json
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from spectrocoin_async.sandbox.callbacks import (
    CallbackSigner,
    callback_shapes,
    java_amount,
    java_url_encode,
    legacy_callback,
    signed_payload,
)
from spectrocoin_async.sandbox.catalogue import Project
from spectrocoin_async.sandbox.spec import load_spec
from spectrocoin_async.sandbox.state import Order

ROOT = Path(__file__).parents[2]
VECTOR: dict[str, Any] = json.loads(
    (ROOT / "tests" / "fixtures" / "spectrocoin_merchant_java_callback.json").read_text()
)
SHAPES = callback_shapes(load_spec(ROOT / "openapi.yaml"))
AMOUNTS = ("payAmount", "receiveAmount", "receivedAmount")


def spectrocoin_verifies(public_pem: bytes, sign: str, payload: bytes) -> bool:
    key = serialization.load_pem_public_key(public_pem)
    assert isinstance(key, rsa.RSAPublicKey)
    try:
        key.verify(base64.b64decode(sign), payload, padding.PKCS1v15(), hashes.SHA1())
    except InvalidSignature:
        return False
    return True


def test_the_spec_gives_the_signed_fields_in_spectrocoins_order() -> None:
    fields = [name for name in VECTOR["fields"] if name != "sign"]
    assert SHAPES.signed_fields == tuple(fields)
    assert SHAPES.json_fields == ("id", "merchantApiId")
    assert SHAPES.status_codes["EXPIRED"] == int(VECTOR["fields"]["status"]) == 5
    assert SHAPES.status_codes["PAID"] == 3


def test_the_sandbox_payload_of_spectrocoins_vector_is_the_signed_payload() -> None:
    fields = dict(VECTOR["fields"])
    for name in AMOUNTS:  # as the sandbox writes amounts: from the value, Java's format
        fields[name] = java_amount(Decimal(fields[name]))
    payload = signed_payload(fields, SHAPES.signed_fields)
    assert payload == VECTOR["signed_payload"].encode("ascii")
    # SpectroCoin's own signature, by SpectroCoin's key, verifies over the sandbox's bytes.
    public_pem = VECTOR["public_key_pem"].encode("ascii")
    assert spectrocoin_verifies(public_pem, VECTOR["fields"]["sign"], payload)
    # And one byte off does not (the check above is a real check).
    assert not spectrocoin_verifies(public_pem, VECTOR["fields"]["sign"], payload + b"0")


def test_a_sandbox_order_like_the_vector_is_signed_over_the_same_bytes() -> None:
    """The whole sandbox path: order -> values -> amounts -> status code -> encoding -> RSA."""
    project = Project("f58a9032-94c8-1b36-a132-3d6c2ad81255", "shop", "EUR", True, "169", "3")
    order = Order(
        id="0a4f7c2e-6a57-4b7e-9d0c-3f1e2b5a6c7d",
        order_id="275",
        project=project,
        request_id=275,
        receive_amount=Decimal("8523.50"),
        receive_currency="EUR",
        created_at="2026-12-08T00:00:00.000Z",
        valid_until="2026-12-08T00:15:00.000Z",
        redirect_url="http://sandbox/pay",
        status="EXPIRED",
        pay_amount=Decimal("20"),
        pay_currency="BTC",
        description="Payment for Car-2547",
        received_amount=Decimal(0),
    )
    signer = CallbackSigner(SHAPES)
    headers, body = legacy_callback(order, signer)
    assert headers == {"Content-Type": "application/x-www-form-urlencoded"}
    sent = dict(parse_qsl(body.decode("ascii"), keep_blank_values=True, strict_parsing=True))
    assert list(sent) == [*SHAPES.signed_fields, "sign", "merchantApiId"]
    assert {k: sent[k] for k in SHAPES.signed_fields} == {
        **{k: v for k, v in VECTOR["fields"].items() if k != "sign"},
        "receivedAmount": "0.0",
    }
    assert sent["merchantApiId"] == project.id
    assert spectrocoin_verifies(signer.public_pem, sent["sign"], VECTOR["signed_payload"].encode())


@pytest.mark.parametrize(
    ("value", "encoded"),
    [
        ("Payment for Car-2547", "Payment+for+Car-2547"),
        ("a*b~c", "a*b%7Ec"),  # Java keeps "*" and encodes "~" (Python's quote_plus: the reverse)
        ("Order 1 & 2=3", "Order+1+%26+2%3D3"),
        ("éü€", "%C3%A9%C3%BC%E2%82%AC"),
        ("A-Z_a.z0", "A-Z_a.z0"),
        ("", ""),
    ],
)
def test_values_are_encoded_as_javas_url_encoder_does(value: str, encoded: str) -> None:
    assert java_url_encode(value) == encoded


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("50", "50.0"),
        ("0", "0.0"),
        ("8523.5", "8523.5"),
        ("1.23456789", "1.23456789"),
        ("0.000000015", "0.00000002"),  # HALF_EVEN at the eighth place: ...15 -> ...2
        ("0.000000025", "0.00000002"),  # ...25 -> ...2
        ("1000000", "1000000.0"),  # no grouping, no exponent
    ],
)
def test_amounts_are_written_as_javas_decimal_format(value: str, text: str) -> None:
    assert java_amount(Decimal(value)) == text


def test_the_sandbox_never_imports_the_sdks_callback_code() -> None:
    """SpectroCoin signs on its own side: the sandbox may not borrow the verifier's code (nor
    the generated field lists it reads), or the two could never disagree."""
    borrowed: list[str] = []
    for path in sorted((ROOT / "spectrocoin_async" / "sandbox").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.ImportFrom):
                names = [node.module or "", *(a.name for a in node.names)]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            borrowed += [
                f"{path.name}: {n}" for n in names if "_callbacks" in n or "_generated" in n
            ]
    assert borrowed == []
