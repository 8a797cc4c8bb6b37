"""Hostile or broken responses end in typed errors, quickly (issue 10, items 6-10 and 23)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from uuid import UUID

import httpx
import pytest
import respx

from spectrocoin_async import (
    APIError,
    AuthenticationError,
    ModelValidationError,
    Order,
    RateLimitError,
    ResponseValidationError,
    ServerError,
    SpectroCoinClient,
    SpectroCoinError,
)
from spectrocoin_async._json import (
    MAX_JSON_DEPTH,
    JSONDecodeLimitError,
    LongDecimal,
    decode_json,
    json_depth,
)
from spectrocoin_async._values import parse_datetime, to_decimal
from tests.conftest import BASE

ORDER_ID = "0b6a3f6e-2a9e-4f63-9d34-0f0a4b6f7e11"


def order_body(**fields: str) -> bytes:
    extra = "".join(f', "{k}": {v}' for k, v in fields.items())
    return b'{"id": "%s", "status": "PAID"%s}' % (ORDER_ID.encode(), extra.encode())


def respond(api: respx.MockRouter, content: bytes, status: int = 200) -> None:
    api.get(f"/merchants/orders/{ORDER_ID}").respond(
        status, content=content, headers={"content-type": "application/json"}
    )


# -- item 6 and 8: magnitudes are bounded before anything is converted ---------------------------


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("validUntil", "1e1000000", "epoch timestamp 1E+1000000 is out of range"),
        ("validUntil", "1" * 400, "epoch timestamp is out of range"),
        ("createdAt", "-1e1000000", "epoch timestamp -1E+1000000 is out of range"),
        ("validUntil", "1e14", "epoch timestamp 1E+14 is out of range"),
        ("payAmount", "1e1000000", "is out of range (exponent 1000000, at most ±40)"),
        ("payAmount", "1e400", "is out of range (exponent 400, at most ±40)"),
        ("receiveAmount", "1" * 400, "has more than 50 significant digits"),
    ],
)
@pytest.mark.anyio
async def test_huge_numbers_are_refused_at_once(
    api: respx.MockRouter, sc: SpectroCoinClient, field: str, value: str, reason: str
) -> None:
    respond(api, order_body(**{field: value}))
    # Refused before conversion: int(1e1000000) once took minutes of CPU here.
    with pytest.raises(ResponseValidationError) as info:
        await sc.merchant.get_order(UUID(ORDER_ID))
    assert info.value.message == f"response does not fit the schema: Order.{field}: {reason}"
    assert isinstance(info.value.__cause__, ModelValidationError)


# A million digits within the magnitude bound: 1.000...0 is about 1, and passed before.
MILLION_DIGITS = "1." + "0" * 1_000_000


@pytest.mark.parametrize(
    "value",
    [MILLION_DIGITS, "1." + "0" * 49 + "1", "-" + "9" * 51 + "E-40"],
    ids=["1.0-a-million-zeros", "51-digits", "51-digits-scaled"],
)
@pytest.mark.anyio
async def test_an_amount_with_too_many_digits_is_refused_naming_the_field(
    api: respx.MockRouter, sc: SpectroCoinClient, value: str
) -> None:
    respond(api, order_body(payAmount=value))
    with pytest.raises(ResponseValidationError) as info:
        await sc.merchant.get_order(UUID(ORDER_ID))
    assert info.value.message == (
        "response does not fit the schema: Order.payAmount: has more than 50 significant digits"
    )
    assert info.value.field == "payAmount"
    assert type(info.value.__cause__) is ModelValidationError


@pytest.mark.parametrize(
    "number", ["1e-1999999999999999999", "1e1999999999999999999", "-0.5e+1999999999999999999"]
)
@pytest.mark.anyio
async def test_a_number_beyond_any_decimal_range_is_a_typed_error(
    api: respx.MockRouter, sc: SpectroCoinClient, number: str
) -> None:
    # Decimal() raises decimal.InvalidOperation here, which escaped as it was.
    respond(api, order_body(payAmount=number))
    with pytest.raises(ResponseValidationError) as info:
        await sc.merchant.get_order(UUID(ORDER_ID))
    assert info.value.message == (
        "response is not JSON: JSON body holds a number beyond any decimal range "
        "(an exponent past ±10^18)"
    )


def test_to_decimal_counts_digits_of_a_decoded_number() -> None:
    long_ones = (MILLION_DIGITS, "7" * 41 + ".7777777777", "1." + "0" * 50)
    decoded = decode_json(
        ("[" + ", ".join([*long_ones, "0.5", "7" * 40 + "." + "0" * 10]) + "]").encode()
    )
    # The decoder keeps every digit; only the over-long numbers are marked, and refused.
    assert [type(v) for v in decoded] == [LongDecimal] * 3 + [Decimal] * 2
    assert decoded[0] == 1 and len(str(decoded[0])) == len(MILLION_DIGITS)
    for value in decoded[:3]:
        with pytest.raises(ValueError) as info:
            to_decimal(value)
        assert type(info.value) is ValueError
        assert str(info.value) == "has more than 50 significant digits"
    assert type(to_decimal(decoded[3])) is Decimal
    assert to_decimal(decoded[4]) == Decimal("7" * 40)  # 50 digits: the limit
    with pytest.raises(ValueError, match=r"^not a decimal number of at most 60 characters$"):
        to_decimal(MILLION_DIGITS)  # as text: refused by its length, before Decimal() runs


@pytest.mark.parametrize(
    "eth", ["123456789012345678901234567890.123456789012345678", "-0.000000000000000001"]
)
@pytest.mark.anyio
async def test_an_eth_amount_with_18_decimals_still_parses(
    api: respx.MockRouter, sc: SpectroCoinClient, eth: str
) -> None:
    respond(api, order_body(payAmount=eth, receiveAmount=f'"{eth}"'))
    order = await sc.merchant.get_order(UUID(ORDER_ID))
    assert isinstance(order.pay_amount, Decimal)
    assert isinstance(order.receive_amount, Decimal)
    assert order.pay_amount.as_tuple() == order.receive_amount.as_tuple() == Decimal(eth).as_tuple()


def test_value_parsers_raise_only_type_and_value_errors() -> None:
    for value in (Decimal("1e1000000"), 10**400, "9" * 5000, Decimal("NaN"), Decimal("-1e-99999")):
        with pytest.raises(ValueError):
            parse_datetime(value)
        with pytest.raises(ValueError):
            to_decimal(value)


# -- item 7: deep nesting is a typed error on a 200, an error status and the token response ------


DEEP = b"[" * 100_000 + b"]" * 100_000


@pytest.mark.anyio
async def test_deep_body_on_a_200_is_a_response_validation_error(
    api: respx.MockRouter, sc: SpectroCoinClient
) -> None:
    respond(api, DEEP)
    with pytest.raises(ResponseValidationError, match="nested deeper than 64 levels"):
        await sc.merchant.get_order(UUID(ORDER_ID))


@pytest.mark.anyio
async def test_deep_body_on_an_error_status_still_gives_the_status_error(
    api: respx.MockRouter, sc: SpectroCoinClient
) -> None:
    api.get(f"/merchants/orders/{ORDER_ID}").respond(
        500, content=b'{"errorCode": ' + DEEP + b"}", headers={"content-type": "application/json"}
    )
    with pytest.raises(ServerError) as info:
        await sc.merchant.get_order(UUID(ORDER_ID), max_attempts=1)
    assert info.value.status_code == 500
    assert isinstance(info.value.body, str)  # kept as text, never decoded into 100,000 levels


@pytest.mark.anyio
async def test_deep_token_response_is_a_response_validation_error() -> None:
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        router.post("/oauth/token").respond(
            content=b'{"access_token": ' + DEEP + b', "expires_in": 3600}',
            headers={"content-type": "application/json"},
        )
        async with SpectroCoinClient("client-1", "s3cr3t-value") as sc:
            with pytest.raises(ResponseValidationError) as info:
                await sc.accounts.list_accounts()
    assert (
        info.value.message
        == "token response is not JSON: JSON body is nested deeper than 64 levels"
    )
    assert info.value.operation == "getAccessToken"


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"<html>502 Bad Gateway</html>", "token response is not JSON: Expecting value: "),
        (b"\xff{}", "token response is not JSON: 'utf-8' codec can't decode byte 0xff"),
        (b'["access_token", "expires_in"]', "token response is not a JSON object"),
        (b'{"expires_in": 3600}', "token response has no access_token"),
        (b'{"access_token": "t"}', "token response has no expires_in"),
        (b'{"token_type": "bearer"}', "token response has no access_token and no expires_in"),
    ],
)
async def test_a_token_response_that_does_not_fit_says_what_is_wrong(
    body: bytes, message: str
) -> None:
    # It used to say "lacks access_token / expires_in" for an HTML page or a deep body too.
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        router.post("/oauth/token").respond(content=body)
        async with SpectroCoinClient("client-1", "s3cr3t-value") as sc:
            with pytest.raises(ResponseValidationError) as info:
                await sc.accounts.list_accounts()
    assert info.value.message.startswith(message), info.value.message
    assert info.value.status_code == 200


def test_decode_json_limits() -> None:
    assert decode_json(b'{"a": [1, {"b": "[[[[[[[[["}]}') == {"a": [1, {"b": "[[[[[[[[["}]}
    nested = b"[" * MAX_JSON_DEPTH + b"]" * MAX_JSON_DEPTH
    assert json_depth(nested) == MAX_JSON_DEPTH
    decode_json(nested)
    with pytest.raises(JSONDecodeLimitError, match="nested deeper than 64 levels"):
        decode_json(b"[" + nested + b"]")
    # brackets inside strings (escaped quotes included) do not count
    wide = b"[" + b",".join([b'"\\"[[[["'] * 500 + [b"{}"] * 500) + b"]"
    assert json_depth(wide) == 2
    assert len(decode_json(wide)) == 1000
    assert issubclass(JSONDecodeLimitError, ValueError)
    assert issubclass(JSONDecodeLimitError, SpectroCoinError)
    with pytest.raises(JSONDecodeLimitError, match="nested deeper than 64 levels"):
        decode_json(b"[" * 70 + b"1" + b"]" * 69)  # unbalanced and deep: still a ValueError


# -- item 9: nullable money and time fields accept only the right JSON types -------------------


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("payAmount", "true", "expected a decimal number, got boolean"),
        ("payAmount", "[1]", "expected a decimal number or null, got array"),
        ("payAmount", '"abc"', "not a decimal number: 'abc'"),
        ("payAmount", '{"a": 1}', "expected a decimal number or null, got object"),
        ("validUntil", "true", "expected a timestamp, got boolean"),
        ("validUntil", '"soon"', "Invalid isoformat string: 'soon'"),
        ("memo", "5", "expected a string or null, got number"),
        ("orderId", "5", "expected a string or null, got number"),
        ("id", "[1]", "expected a string, got array"),  # an id is opaque text, not a UUID
        ("status", "true", "True is not a valid OrderStatus"),
    ],
)
@pytest.mark.anyio
async def test_wrong_json_types_are_refused_through_the_client(
    api: respx.MockRouter, sc: SpectroCoinClient, field: str, value: str, reason: str
) -> None:
    body = order_body(**{field: value}) if field not in ("id", "status") else None
    if body is None:
        other = "status" if field == "id" else "id"
        fixed = {"status": '"PAID"', "id": f'"{ORDER_ID}"'}[other]
        body = f'{{"{field}": {value}, "{other}": {fixed}}}'.encode()
    respond(api, body)
    with pytest.raises(ResponseValidationError) as info:
        await sc.merchant.get_order(UUID(ORDER_ID))
    assert info.value.message == f"response does not fit the schema: Order.{field}: {reason}"


# -- item 23: messages name the model and the field, never "KeyError: 'redirectUrl'" ---------


@pytest.mark.anyio
async def test_missing_required_field_is_named(
    api: respx.MockRouter, sc: SpectroCoinClient
) -> None:
    respond(api, b'{"status": "PAID"}')
    with pytest.raises(ResponseValidationError) as info:
        await sc.merchant.get_order(UUID(ORDER_ID))
    assert (
        info.value.message == "response does not fit the schema: Order.id: is required but missing"
    )
    assert "KeyError" not in str(info.value)
    assert (info.value.model, info.value.field) == ("Order", "id")


@pytest.mark.anyio
async def test_nested_field_is_named_with_its_path(
    api: respx.MockRouter, sc: SpectroCoinClient
) -> None:
    api.get("/merchants/orders").respond(
        json={"content": [{"id": ORDER_ID, "status": "PAID"}, {"status": "PAID"}]}
    )
    with pytest.raises(ResponseValidationError) as info:
        await sc.merchant.list_orders()
    assert info.value.message == (
        "response does not fit the schema: OrderPage.content[1].id: is required but missing"
    )
    assert (info.value.model, info.value.field) == ("OrderPage", "content[1].id")


# -- item 10: every datetime is aware; epoch seconds and milliseconds by magnitude --------------


UTC = datetime.UTC


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-01-01T00:00:00", datetime.datetime(2026, 1, 1, tzinfo=UTC)),  # no offset: UTC
        ("2026-01-01T00:00:00Z", datetime.datetime(2026, 1, 1, tzinfo=UTC)),
        ("2026-01-01", datetime.datetime(2026, 1, 1, tzinfo=UTC)),
        (1767225600, datetime.datetime(2026, 1, 1, tzinfo=UTC)),  # seconds
        (1767225600000, datetime.datetime(2026, 1, 1, tzinfo=UTC)),  # milliseconds
        ("1767225600", datetime.datetime(2026, 1, 1, tzinfo=UTC)),
        (Decimal("1767225600.5"), datetime.datetime(2026, 1, 1, 0, 0, 0, 500000, tzinfo=UTC)),
        (Decimal("1767225600000.25"), datetime.datetime(2026, 1, 1, 0, 0, 0, 250, tzinfo=UTC)),
        (0, datetime.datetime(1970, 1, 1, tzinfo=UTC)),
        (99_999_999_999, datetime.datetime(5138, 11, 16, 9, 46, 39, tzinfo=UTC)),  # last second
        (100_000_000_000, datetime.datetime(1973, 3, 3, 9, 46, 40, tzinfo=UTC)),  # first ms
    ],
)
def test_timestamps_are_aware_and_follow_the_magnitude_rule(
    value: object, expected: datetime.datetime
) -> None:
    parsed = parse_datetime(value)
    assert parsed == expected
    assert parsed.tzinfo is not None


def test_offsets_are_kept_and_comparisons_work() -> None:
    east = parse_datetime("2026-01-01T02:00:00+02:00")
    assert east.utcoffset() == datetime.timedelta(hours=2)
    naive_text = parse_datetime("2026-01-01T00:00:00")
    epoch = parse_datetime(1767225600000)
    assert east == naive_text == epoch  # before: naive vs aware raised TypeError


@pytest.mark.parametrize("value", [-1, 10**14, "-5", "2026-13-01", True, None, 1.5, [1]])
def test_bad_timestamps_raise_value_or_type_error(value: object) -> None:
    with pytest.raises((ValueError, TypeError)):
        parse_datetime(value)


def test_order_from_dict_is_always_aware() -> None:
    order = Order.from_dict(
        {
            "id": ORDER_ID,
            "status": "NEW",
            "createdAt": "2026-01-01T00:00:00",
            "validUntil": 1767225600,
        }
    )
    assert order.created_at == order.valid_until == datetime.datetime(2026, 1, 1, tzinfo=UTC)


def test_a_non_object_body_is_named() -> None:
    with pytest.raises(ModelValidationError, match=r"^Order: expected an object, got list$"):
        Order.from_dict([1, 2])  # type: ignore[arg-type]


@pytest.mark.anyio
async def test_huge_integer_body_is_a_typed_error(
    api: respx.MockRouter, sc: SpectroCoinClient
) -> None:
    respond(api, order_body(payAmount="9" * 5000))  # past Python's 4,300-digit int limit
    with pytest.raises(ResponseValidationError, match="response is not JSON"):
        await sc.merchant.get_order(UUID(ORDER_ID))


@pytest.mark.anyio
async def test_html_body_is_a_typed_error(api: respx.MockRouter, sc: SpectroCoinClient) -> None:
    api.get(f"/merchants/orders/{ORDER_ID}").mock(
        return_value=httpx.Response(200, content=b"<html>502</html>")
    )
    with pytest.raises(ResponseValidationError, match="response is not JSON"):
        await sc.merchant.get_order(UUID(ORDER_ID))


@pytest.mark.parametrize(
    ("value", "depth"),
    [
        ({"s": ["]" * 3, "\\", '"[[' * 40, "{" * 70], "n": [[[1]]]}, 4),
        ([[["a\\"]]] * 40, 3),
        ([{"a": '\\"[{', "b": "]}"}] * 40, 2),
        ([[["x"] * 3] * 3] * 30, 3),
    ],
)
def test_json_depth_ignores_brackets_inside_strings(value: object, depth: int) -> None:
    import json

    body = json.dumps(value).encode()
    assert body.count(b"[") + body.count(b"{") > MAX_JSON_DEPTH  # the exact path runs
    assert json_depth(body) == depth


@pytest.mark.parametrize("text", ["1_000", " 12", "12 ", "١٢", "１２", "0x10", "Infinity", "-nan"])
def test_an_amount_in_text_is_a_plain_ascii_number(text: str) -> None:
    # Decimal() alone reads "1_000" as 1000 and Arabic-Indic or full-width digits as 12: an
    # amount in a string must be written as JSON writes a number, nothing else.
    with pytest.raises(ValueError, match=r"^not a decimal number: "):
        to_decimal(text)


@pytest.mark.parametrize(
    ("text", "value"), [("12", "12"), ("-0.50", "-0.50"), ("1e-8", "1E-8"), (".5", "0.5")]
)
def test_amount_text_in_json_number_form_is_read_exactly(text: str, value: str) -> None:
    assert to_decimal(text) == Decimal(value)
    assert str(to_decimal(text)) == str(Decimal(text))


@pytest.mark.anyio
@pytest.mark.parametrize("expires_in", ["²", "١٢", "3600²", "36_00"])
async def test_a_lifetime_in_text_takes_ascii_digits_only(expires_in: str) -> None:
    # str.isdigit() is true of "²", which int() refuses: it escaped as a bare ValueError.
    body = {"access_token": "t", "token_type": "bearer", "expires_in": expires_in}
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        router.post("/oauth/token").respond(json=body)
        async with SpectroCoinClient("client-1", "s3cr3t-value") as sc:
            with pytest.raises(ResponseValidationError) as info:
                await sc.accounts.list_accounts()
    assert info.value.message == (
        f"token response expires_in must be seconds between 1 and 31622400, got {expires_in!r}"
    )


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("status", "kind"),
    [(503, ServerError), (500, ServerError), (429, RateLimitError), (401, AuthenticationError)],
)
async def test_a_token_endpoint_outage_is_not_an_authentication_failure(
    status: int, kind: type[APIError]
) -> None:
    # Only a refusal is an AuthenticationError; an outage or a rate limit keeps its own type, so
    # that no one rotates credentials over a 503.
    headers = {"Retry-After": "0"} if status == 429 else {}
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        token = router.post("/oauth/token").respond(
            status, json={"errorCode": "GEN_1", "defaultMessage": "busy"}, headers=headers
        )
        accounts = router.get("/accounts").respond(json=[])
        async with SpectroCoinClient("client-1", "s3cr3t-value") as sc:
            with pytest.raises(APIError) as info:
                await sc.accounts.list_accounts(max_attempts=1)
    assert type(info.value) is kind
    assert info.value.status_code == status
    assert info.value.message == "token request failed: busy"
    assert info.value.operation == "getAccessToken"
    assert info.value.request_may_have_reached_server is False
    if status == 429:
        assert isinstance(info.value, RateLimitError) and info.value.retry_after == 0
    assert token.call_count >= 1 and accounts.call_count == 0
