"""client_secret and access tokens never show in reprs, logs or exception messages."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import attrs
import pytest
import respx

from spectrocoin_async import (
    APIError,
    AuthenticationError,
    GrantType,
    ResponseValidationError,
    SpectroCoinClient,
    TokenRequest,
    TokenResponse,
)
from spectrocoin_async._auth import Secret, Token
from tests.conftest import BASE

SECRET = "cs-7f3a9e1b-very-secret"
ACCESS = "at-5d2c8b4e-live-token"


@pytest.mark.anyio
async def test_no_secret_in_reprs_logs_or_errors(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    texts: list[str] = []
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        router.post("/oauth/token").respond(
            json={"access_token": ACCESS, "expires_in": 3600, "token_type": "bearer"}
        )
        router.get("/accounts").respond(500, json={"errorCode": "GEN_1"})
        router.get("/transactions").respond(401, json={"errorCode": "AUTH_1"})
        async with SpectroCoinClient("client-1", SECRET) as sc:
            texts += [repr(sc), str(sc), repr(sc.tokens), repr(sc._pipeline.tokens)]
            for call in (sc.accounts.list_accounts, sc.transactions.list_transactions):
                with pytest.raises(APIError) as info:
                    await call()
                texts += [str(info.value), repr(info.value), repr(info.value.__dict__)]
        async with SpectroCoinClient("client-1", "wrong-" + SECRET) as sc:
            router.post("/oauth/token").respond(401, json={"errorCode": "AUTH_3"})
            with pytest.raises(AuthenticationError) as auth_info:
                await sc.accounts.list_accounts()
            texts += [str(auth_info.value), repr(auth_info.value.__dict__)]
    texts += [record.getMessage() for record in caplog.records]
    texts += [repr(Secret(SECRET)), str(Secret(SECRET)), repr(Token(ACCESS, 1.0, 1.0))]
    assert any(f"GET {BASE}/accounts -> 500" in text for text in texts)
    for text in texts:
        assert SECRET not in text
        assert ACCESS not in text


def test_secret_wrapper_hides_value() -> None:
    secret = Secret(SECRET)
    assert f"{secret}" == "Secret('**********')"
    assert secret.reveal() == SECRET
    assert secret == Secret(SECRET)


def test_only_allowlisted_headers_are_logged() -> None:
    # The SDK's logger prints no request headers at all: only an allowlist of response headers.
    from spectrocoin_async import _pipeline as pipeline

    assert pipeline._LOGGED_HEADERS == (
        "retry-after",
        "x-ratelimit-remaining",
        "ratelimit-remaining",
    )


def _every_model() -> list[type[Any]]:
    from spectrocoin_async._generated import models

    return [getattr(models, name) for name in models.__all__ if attrs.has(getattr(models, name))]


def _secret_fields_in_spec() -> set[tuple[str, str]]:
    import yaml

    spec = yaml.safe_load((Path(__file__).parents[2] / "openapi.yaml").read_text())
    return {
        (name, prop)
        for name, schema in spec["components"]["schemas"].items()
        for prop, prop_schema in schema.get("properties", {}).items()
        if prop_schema.get("x-secret")
    }


def test_no_model_shows_a_secret_field_in_its_repr() -> None:
    # Issue 10 item 20: repr(TokenRequest) showed client_secret, repr(TokenResponse) the token.
    # Each field of every attrs model of the spec in turn holds the secret (the others a plain
    # value): a field hides it exactly when the spec marks it `x-secret: true`.
    models = _every_model()
    assert len(models) > 40
    hidden: set[tuple[str, str]] = set()
    shown = 0
    for model in models:
        fields = [f for f in attrs.fields(model) if f.init]
        for field in fields:
            kwargs = {f.name: ("plain" if f is not field else SECRET) for f in fields}
            if SECRET in repr(model(**kwargs)):
                shown += 1
            else:
                hidden.add((model.__name__, field.name))
    expected = {
        ("TokenRequest", "client_secret"),
        ("TokenResponse", "access_token"),
        ("GiftCardPurchase", "code"),  # issue 17, item 3: "a secret; do not log"
    }
    assert hidden == expected
    assert _secret_fields_in_spec() == expected
    assert shown > 300  # every other field of every model does show: the check can see
    request = TokenRequest(
        client_id="client-1", client_secret=SECRET, grant_type=GrantType("client_credentials")
    )
    response = TokenResponse(access_token=ACCESS, expires_in=3600, token_type="bearer")
    assert SECRET not in repr(request) and "client-1" in repr(request)
    assert ACCESS not in repr(response) and "3600" in repr(response)
    assert request.to_dict()["client_secret"] == SECRET  # hidden from repr, still sent


TOKEN_BODIES = [
    # Each fails to parse, and each holds a live token.
    b'{"access_token": "' + ACCESS.encode() + b'", "token_type": "bearer"}',  # no expires_in
    b'{"access_token":"' + ACCESS.encode() + b'","expires_in":"soon","token_type":"bearer"}',
    b'{"access_token":"' + ACCESS.encode() + b'","expires_in":3600,',  # truncated
    b'{"access_token":"' + ACCESS.encode()[:9],  # truncated inside the token
    b"access_token=" + ACCESS.encode() + b"&expires_in=3600",  # not JSON at all
]


@pytest.mark.anyio
@pytest.mark.parametrize("body", TOKEN_BODIES)
async def test_a_token_response_that_does_not_parse_never_shows_the_token(body: bytes) -> None:
    # Both ways a token response is read: the client's own token fetch, and the generated
    # operation called directly. The error keeps the rest of the body for diagnosis.
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        router.post("/oauth/token").respond(200, content=body)
        async with SpectroCoinClient("client-1", SECRET) as sc:
            with pytest.raises(ResponseValidationError) as fetched:
                await sc.accounts.list_accounts()
            with pytest.raises(ResponseValidationError) as direct:
                await sc.auth.get_access_token(
                    body=TokenRequest(
                        client_id="client-1",
                        client_secret=SECRET,
                        grant_type=GrantType("client_credentials"),
                    )
                )
    for exc in (fetched.value, direct.value):
        texts = [str(exc), repr(exc), repr(exc.body), repr(exc.__dict__)]
        for text in texts:
            assert ACCESS not in text and ACCESS[:9] not in text and SECRET not in text
        if exc.body:  # the rest stays visible, for diagnosis
            assert b"access_token" in exc.body and b"<redacted>" in exc.body
    assert b"<redacted>" in direct.value.body


def test_redaction_covers_every_secret_field_of_the_spec() -> None:
    from spectrocoin_async._errors import secret_fields
    from spectrocoin_async._generated._secrets import SECRET_FIELDS

    assert set(SECRET_FIELDS) == {prop for _, prop in _secret_fields_in_spec()}
    # Handed to the runtime by the generated package as it is imported.
    assert set(SECRET_FIELDS) <= secret_fields()
    for name in SECRET_FIELDS:
        exc = ResponseValidationError(
            "bad", status_code=200, body=b'{"x": 1, "' + name.encode() + b'" : "v\\"al"}'
        )
        assert exc.body == b'{"x": 1, "' + name.encode() + b'":"<redacted>"}'


@pytest.mark.anyio
@pytest.mark.parametrize(
    "content",
    [
        b'{"access_token": "' + ACCESS.encode() + b'", "token_type": "bearer"}',
        b'{"access_token": "' + ACCESS.encode() + b'", "expires_in": "soon"}',
        b'{"access_token": "' + ACCESS.encode() + b'", "expires_in": 3600, "token_type": "mac"}',
        b'{"access_token": "' + ACCESS.encode() + b'", "expires_in": 36',  # cut short
    ],
    ids=["no-expires-in", "bad-expires-in", "bad-token-type", "truncated"],
)
async def test_a_malformed_token_response_never_shows_the_token(content: bytes) -> None:
    from spectrocoin_async import SpectroCoinError

    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        router.post("/oauth/token").respond(
            200, content=content, headers={"content-type": "application/json"}
        )
        accounts = router.get("/accounts").respond(json=[])
        async with SpectroCoinClient("client-1", SECRET) as sc:
            with pytest.raises(SpectroCoinError) as info:
                await sc.accounts.list_accounts()
    error = info.value
    assert "token" in str(error)  # says what was wrong
    for text in (str(error), repr(error), repr(error.__dict__)):
        assert ACCESS not in text
        assert SECRET not in text
    assert accounts.call_count == 0


def test_registering_a_secret_field_redacts_it_from_error_bodies() -> None:
    from spectrocoin_async import _errors

    name = "x_house_test_pin"
    before = ResponseValidationError("bad", status_code=200, body=b'{"x_house_test_pin": "1234"}')
    assert before.body == b'{"x_house_test_pin": "1234"}'
    saved = set(_errors._SECRETS.names)
    try:
        _errors.register_secret_fields([name])
        assert name in _errors.secret_fields()
        after = ResponseValidationError(
            "bad", status_code=200, body=b'{"x_house_test_pin": "1234"}&x_house_test_pin=99'
        )
        assert after.body == b'{"x_house_test_pin":"<redacted>"}&x_house_test_pin=<redacted>'
    finally:
        _errors._SECRETS.names.clear()
        _errors._SECRETS.add(saved)
    assert _errors.secret_fields() == saved
