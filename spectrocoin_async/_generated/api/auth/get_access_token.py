from collections.abc import Mapping
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


def build_request(
    *,
    body: TokenRequest | Mapping[str, Any],
) -> dict[str, Any]:
    """The request this operation sends (path, query, body) for the runtime to validate, encode
    and send. Arguments are spelled as users pass them; UUIDs and enums given as text are
    converted here, and a bad one raises ValidationError naming it."""
    return _get_kwargs(
        body=body if isinstance(body, TokenRequest) else TokenRequest.from_dict(body),
    )
