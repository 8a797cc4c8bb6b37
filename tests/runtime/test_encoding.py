"""The wire formats, byte for byte."""

from __future__ import annotations

import datetime
import enum
import uuid
from decimal import Decimal
from typing import Any

import pytest

from spectrocoin_async import UNSET, ValidationError
from spectrocoin_async._encoding import encode_form, encode_json, encode_query, plain_number


class Color(enum.Enum):
    RED = "red"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("1E-8"), "0.00000001"),
        (Decimal("0.00000001"), "0.00000001"),
        (Decimal("1E+3"), "1000"),
        (Decimal("25.76161379"), "25.76161379"),
        (Decimal("10.0"), "10.0"),
        (Decimal("-0"), "0"),
        (1e-08, "0.00000001"),
        (0.1, "0.1"),
        (12, "12"),
    ],
)
def test_plain_number(value: Decimal | float | int, text: str) -> None:
    assert plain_number(value) == text


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("Infinity"), float("inf")])
def test_non_finite_numbers_are_refused(value: Decimal | float) -> None:
    with pytest.raises(ValueError, match="not a finite number"):
        plain_number(value)


def test_form_rules() -> None:
    body = {
        "amount": Decimal("1E-8"),
        "skip_none": None,
        "skip_unset": UNSET,
        "flag": True,
        "off": False,
        "when": datetime.date(2026, 1, 2),
        "at": datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.UTC),
        "color": Color.RED,
        "id": uuid.UUID("f58a9032-94c8-1b36-a132-3d6c2ad81255"),
        "payer": {"email": "a b@example.com", "name": "Zoë"},
        "tags": ["x", "y"],
    }
    assert encode_form(body) == (
        b"amount=0.00000001&flag=true&off=false&when=2026-01-02"
        b"&at=2026-01-02T03%3A04%3A05%2B00%3A00&color=red"
        b"&id=f58a9032-94c8-1b36-a132-3d6c2ad81255"
        b"&payer%5Bemail%5D=a+b%40example.com&payer%5Bname%5D=Zo%C3%AB"
        b"&tags%5B0%5D=x&tags%5B1%5D=y"
    )


@pytest.mark.parametrize(
    ("array_format", "expected"),
    [
        ("indices", b"a%5B0%5D=1&a%5B1%5D=2"),
        ("brackets", b"a%5B%5D=1&a%5B%5D=2"),
        ("repeat", b"a=1&a=2"),
        ("comma", b"a=1%2C2"),
    ],
)
def test_form_array_formats(array_format: str, expected: bytes) -> None:
    assert encode_form({"a": [1, 2]}, array_format=array_format) == expected  # type: ignore[arg-type]


def test_form_nested_arrays_of_objects() -> None:
    assert encode_form({"items": [{"sku": "a", "qty": 2}]}) == (
        b"items%5B0%5D%5Bsku%5D=a&items%5B0%5D%5Bqty%5D=2"
    )


def test_json_keeps_exact_decimal_digits() -> None:
    body = {
        "receiveAmount": Decimal("0.00000001"),
        "big": Decimal("12345678901234567890.123456789"),
        "exp": Decimal("1E-8"),
        "n": 10,
        "s": 'é"',
        "unset": UNSET,
        "none": None,
        "list": [Decimal("1.10"), True],
    }
    assert encode_json(body) == (
        b'{"receiveAmount":0.00000001,"big":12345678901234567890.123456789,"exp":0.00000001,'
        b'"n":10,"s":"\xc3\xa9\\"","none":null,"list":[1.10,true]}'
    )


def test_query_uses_plain_numbers_and_repeats_lists() -> None:
    assert encode_query({"min": Decimal("1E-8"), "skip": None, "s": ["A", "B"], "b": False}) == [
        ("min", "0.00000001"),
        ("s", "A"),
        ("s", "B"),
        ("b", "false"),
    ]


def test_unencodable_values_raise_a_validation_error_naming_the_key() -> None:
    with pytest.raises(
        ValidationError, match=r"^x\[0\]\.y: cannot encode object as a form"
    ) as form:
        encode_form({"x": [{"y": object()}]})
    assert form.value.field == "x[0].y"
    with pytest.raises(ValidationError, match=r"^x\.y: cannot encode object as JSON") as js:
        encode_json({"x": {"y": object()}})
    assert js.value.field == "x.y"
    with pytest.raises(ValidationError, match=r"^q\[1\]: cannot encode object"):
        encode_query({"q": ["a", object()]})
    with pytest.raises(ValidationError, match=r"^x\.1: JSON object keys must be str, not int"):
        encode_json({"x": {1: "a"}})


@pytest.mark.parametrize(
    "bad",
    [
        Decimal("NaN"),
        Decimal("sNaN"),
        Decimal("-Infinity"),
        float("nan"),
        Decimal("1E+999999999"),
        Decimal("0E-999999999"),
        Decimal("1" * 51),
    ],
)
@pytest.mark.parametrize("encoder", ["form", "json", "query"])
def test_non_finite_and_absurd_numbers_are_refused_naming_the_key(bad: Any, encoder: str) -> None:
    data = {"payer": {"amount": bad}}
    with pytest.raises(ValidationError) as info:
        if encoder == "form":
            encode_form(data)
        elif encoder == "json":
            encode_json(data)
        else:
            encode_query({"amount": bad})
    assert info.value.field == ("amount" if encoder == "query" else "payer.amount")
    assert (
        "finite" in info.value.reason
        or "digits" in info.value.reason
        or "range" in info.value.reason
    )


def test_absurd_numbers_are_refused_quickly() -> None:
    # 1E+999999999 in plain notation is a gigabyte of zeros: refused before formatting.
    with pytest.raises(ValueError, match="out of range"):
        plain_number(Decimal("1E+999999999"))


@pytest.mark.parametrize("encoder", [encode_form, encode_json])
def test_deep_and_circular_structures_are_refused_naming_the_key(encoder: Any) -> None:
    deep: dict[str, Any] = {}
    node = deep
    for _ in range(5000):
        node["a"] = {}
        node = node["a"]
    with pytest.raises(ValidationError, match="nested deeper than 32 levels") as info:
        encoder({"body": deep})
    assert info.value.field.startswith("body.a.a.a")
    circular: dict[str, Any] = {"x": 1}
    circular["self"] = circular
    with pytest.raises(ValidationError, match="contains itself"):
        encoder({"c": circular})
    looped: list[Any] = []
    looped.append(looped)
    with pytest.raises(ValidationError, match="contains itself") as looped_info:
        encoder({"l": looped})
    assert looped_info.value.field.startswith("l[0][0]")


@pytest.mark.parametrize("encoder", [encode_form, encode_json, encode_query])
def test_lone_surrogate_is_refused_naming_the_key(encoder: Any) -> None:
    with pytest.raises(ValidationError, match=r"^s: text is not valid Unicode"):
        encoder({"s": "\ud800"})
