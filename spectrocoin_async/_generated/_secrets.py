"""Properties openapi.yaml marks `x-secret: true`, written by custom/generate.py.

Imported with the generated package, this hands them to the runtime, whose errors
redact their values from body previews. Do not edit."""

from .._errors import register_secret_fields

SECRET_FIELDS: tuple[str, ...] = ("access_token", "client_secret", "code")

register_secret_fields(SECRET_FIELDS)
