from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Mapping
from typing import Any

import httpx
import pytest
import respx
from hypothesis import HealthCheck, settings

from spectrocoin_async import SpectroCoinClient

# No test may depend on how fast the machine is: hypothesis' 200 ms deadline per example and its
# "generation too slow" health check both fail a correct test on a busy machine (issue 17, 14).
settings.register_profile("load-proof", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("load-proof")

BASE = "https://spectrocoin.com/api/public"
TOKEN_BODY = {"access_token": "tok-1", "expires_in": 3600, "token_type": "bearer"}


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def api() -> Iterator[respx.MockRouter]:
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        router.post("/oauth/token", name="token").respond(json=TOKEN_BODY)
        yield router


@pytest.fixture
async def sc(api: respx.MockRouter) -> AsyncIterator[SpectroCoinClient]:
    async with SpectroCoinClient("client-1", "s3cr3t-value") as client:
        yield client


def json_response(
    body: Any, status: int = 200, headers: Mapping[str, str] | None = None
) -> httpx.Response:
    from spectrocoin_async._encoding import encode_json

    return httpx.Response(
        status,
        content=encode_json(body),
        headers={"content-type": "application/json", **(headers or {})},
    )
