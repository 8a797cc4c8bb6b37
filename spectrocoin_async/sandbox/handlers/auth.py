"""The token endpoint."""

from __future__ import annotations

from ..errors import SandboxError
from ..state import Record
from .base import Call, handles


@handles("getAccessToken")
async def get_access_token(call: Call) -> Record:
    body, config = call.body, call.sandbox.config
    grant_type = body.required_text("grant_type")
    client_id = body.required_text("client_id")
    client_secret = body.required_text("client_secret")
    if grant_type != "client_credentials":
        raise SandboxError(
            400,
            "GEN_2",
            f"Unsupported grant type '{grant_type}'.",
            key="unsupported_grant_type",
            category="validation",
        )
    if client_id != config.client_id or client_secret != config.client_secret:
        raise SandboxError(
            401,
            "GEN_3",
            "Bad client credentials.",
            key="invalid_client",
            category="authentication",
        )
    token = call.sandbox.tokens.issue(config.token_lifetime)
    return {"access_token": token, "expires_in": config.token_lifetime, "token_type": "bearer"}
