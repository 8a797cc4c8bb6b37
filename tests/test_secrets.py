"""client_secret and access tokens never show in reprs, logs or exception messages."""

from __future__ import annotations

import logging

import pytest
import respx

from spectrocoin_async import APIError, AuthenticationError, SpectroCoinClient
from spectrocoin_async._auth import Secret, Token

from .conftest import BASE

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
    assert any("GET /api/public/accounts -> 500" in text for text in texts)
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
