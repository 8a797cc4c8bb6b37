"""Properties openapi.yaml marks `x-secret: true`, written by custom/generate.py.

Error messages redact their values from body previews. Do not edit."""

SECRET_FIELDS: tuple[str, ...] = ("access_token", "client_secret")
