from typing import Any

from ...models.token_request import TokenRequest
from ...models.token_response import TokenResponse


def _get_kwargs(
    *,
    body: TokenRequest,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "url": "/oauth/token",
    }
    _kwargs["body"] = body.to_dict()
    return _kwargs


def _parse_response(data: Any) -> TokenResponse:
    response_200 = TokenResponse.from_dict(data)

    return response_200
