"""The CLI's pure parts: JSON with exact decimals, redaction, config checks, docstring reading."""

from __future__ import annotations

import io
import json
import os
import stat
import sys
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote, quote_plus

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spectrocoin_async._cli._commands import _described
from spectrocoin_async._cli._config import ConfigError, load_credentials
from spectrocoin_async._cli._output import json_text, redact
from spectrocoin_async._cli._session import curl_command
from spectrocoin_async._encoding import encode_form, encode_json
from spectrocoin_async._json import decode_json

# Within the SDK's bounds for an amount (50 significant digits, exponent within ±40).
decimals = st.decimals(
    allow_nan=False, allow_infinity=False, min_value=-(10**20), max_value=10**20, places=12
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**30), 10**30) | decimals | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(json_values, st.sampled_from([None, 2]))
def test_json_text_round_trips_every_digit(value: object, indent: int | None) -> None:
    text = json_text(value, indent=indent)
    json.loads(text)  # valid JSON for any other parser too
    assert decode_json(text.encode()) == value
    assert json_text(decode_json(text.encode())) == json_text(value)


@given(decimals)
def test_json_text_numbers_are_plain(value: Decimal) -> None:
    text = json_text(value)
    assert "E" not in text and "e" not in text
    assert Decimal(text) == value


def test_a_number_past_the_sdk_bounds_is_printed_as_it_is_not_a_crash() -> None:
    from spectrocoin_async._cli._output import _scalar_text

    huge = 10**100  # more than 77 digits: plain_number refuses it
    assert json_text([huge, Decimal("1E+999999")]) == f"[{huge},1E+999999]"
    assert _scalar_text(Decimal("-1E-999999")) == "-1E-999999"  # a table cell


def test_redact_hides_credential_keys_at_any_depth() -> None:
    data = {
        "access_token": "t",
        "a": [{"clientSecret": "s", "x-api-secret": "k"}],
        "tokenType": "b",
    }
    assert redact(data) == {
        "access_token": "<redacted>",
        "a": [{"clientSecret": "<redacted>", "x-api-secret": "<redacted>"}],
        "tokenType": "b",
    }


secrets = st.text(
    alphabet=st.characters(min_codepoint=33, max_codepoint=0x2FF, exclude_characters="'"),
    min_size=12,
    max_size=40,
)


@settings(max_examples=200)
@given(secrets)
def test_curl_command_never_shows_the_secret(secret: str) -> None:
    form = httpx.Request(
        "POST",
        "https://x.invalid/api/oauth/token",
        content=encode_form({"client_id": "id", "client_secret": secret}),
        headers={
            "Authorization": "Bearer tok-abc123",
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    body = httpx.Request("POST", "https://x.invalid/api", content=encode_json({"s": secret}))
    for request in (form, body):
        text = curl_command(request, (secret,))
        for shown in (secret, quote_plus(secret), quote(secret, safe=""), json.dumps(secret)[1:-1]):
            assert shown not in text
    shown_form = curl_command(form, (secret,))
    assert "-H 'authorization: Bearer '\"$SPECTROCOIN_TOKEN\"" in shown_form
    assert "tok-abc123" not in shown_form
    assert '--data-urlencode client_secret="$SPECTROCOIN_CLIENT_SECRET"' in shown_form


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
@pytest.mark.parametrize(
    "bit", [stat.S_IRGRP, stat.S_IWGRP, stat.S_IXGRP, stat.S_IROTH, stat.S_IWOTH, stat.S_IXOTH]
)
def test_any_group_or_other_permission_is_refused(tmp_path: Path, bit: int) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[default]\nclient_id = "i"\nclient_secret = "Zq-secret-value"\n')
    path.chmod(0o600 | bit)
    with pytest.raises(ConfigError, match=f"Fix: chmod 600 {path}") as caught:
        load_credentials("default", {"SPECTROCOIN_CONFIG": str(path)})
    assert "Zq-secret-value" not in str(caught.value)
    path.chmod(0o600)
    creds = load_credentials("default", {"SPECTROCOIN_CONFIG": str(path)})
    assert (creds.client_id, creds.client_secret) == ("i", "Zq-secret-value")
    assert "Zq-secret-value" not in repr(creds)


def test_environment_then_implicit_default_profile(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[default]\nclient_id = "file-id"\nclient_secret = "file-secret"\n')
    os.chmod(path, 0o600)
    env = {"SPECTROCOIN_CONFIG": str(path)}
    assert load_credentials(None, env).client_id == "file-id"
    both = {**env, "SPECTROCOIN_CLIENT_ID": "env-id", "SPECTROCOIN_CLIENT_SECRET": "env-secret"}
    assert load_credentials(None, both).client_id == "env-id"
    assert load_credentials("default", both).client_id == "file-id"  # an explicit profile wins
    path.write_text('[default]\nclient_id = "x"\nclient_secrett = "typo"\n')
    with pytest.raises(ConfigError, match="unknown key"):
        load_credentials("default", env)
    assert (
        load_credentials(None, {"SPECTROCOIN_CONFIG": str(tmp_path / "none.toml")}).client_id
        is None
    )


def test_docstring_arguments_are_read_with_continuations() -> None:
    doc = """Summary.

    Args:
        page (int | Unset):  Default: 0.
        status (OrderStatus | Unset): Merchant order status. Legacy numeric
            codes: NEW 1.
        **options: per-call options.

    Raises:
        APIError: never read.
    """
    assert _described(doc) == {
        "page": "Default: 0.",
        "status": "Merchant order status. Legacy numeric codes: NEW 1.",
        "options": "per-call options.",
    }


ESC = "\x1b]0;pwned\x07\x1b[2J"


@pytest.mark.parametrize("output", ["table", "csv"])
def test_a_hostile_server_cannot_drive_the_terminal(
    monkeypatch: pytest.MonkeyPatch, output: str
) -> None:
    import respx

    from spectrocoin_async._cli._output import Printer
    from tests.support.cli import cli

    base = "https://hostile.invalid/api/public"
    env = {
        "SPECTROCOIN_BASE_URL": base,
        "SPECTROCOIN_CLIENT_ID": "i",
        "SPECTROCOIN_CLIENT_SECRET": "s-secret-1",
    }
    with respx.mock(base_url=base) as router:
        router.post("/oauth/token").respond(
            json={"access_token": "tok", "expires_in": 60, "token_type": "bearer"}
        )
        router.get("/accounts/1").respond(
            404,
            json={"errorCode": f"GEN_8{ESC} - gone", "defaultMessage": f"no{ESC}", "traceId": ESC},
        )
        result = cli(monkeypatch, ["accounts", "get-account", "1"], env)
    assert result.code == 1
    assert "\x1b" not in result.err and "\x07" not in result.err
    assert "  message:    no\\x1b]0;pwned\\x07\\x1b[2J\n" in result.err
    # Printing to a terminal: cells are escaped the same way (JSON escapes them by itself).
    out = io.StringIO()
    Printer(output, out, terminal=True).result([{"name": f"a{ESC}", ESC: 1}])  # type: ignore[arg-type]
    assert "\x1b]" not in out.getvalue() and "\x07" not in out.getvalue()
    assert "a\\x1b]0;pwned" in out.getvalue()


def test_list_parameters_become_repeatable_flags() -> None:
    import cyclopts

    from spectrocoin_async import UNSET, OrderStatus, Unset
    from spectrocoin_async._cli._commands import CommandSpec, _signature_params, command_signature
    from spectrocoin_async._generated._operations import OPERATIONS

    class Fake:
        async def list_things(
            self, *, statuses: list[OrderStatus] | Unset = UNSET, page: int | Unset = 0
        ) -> None: ...

    params, body = _signature_params(Fake.list_things, {"statuses": "Filter."})
    assert body is None and [p.cli_name for p in params] == ["statuses", "page"]
    spec = CommandSpec(
        name="list_things",
        operation=OPERATIONS["list_orders"],
        method=Fake.list_things,
        params=tuple(params),
        body_model=None,
        pageable=False,
        doc="Things.",
    )
    seen: dict[str, object] = {}

    def command(**kwargs: object) -> None:
        seen.update(kwargs)

    command.__signature__ = command_signature(spec)  # type: ignore[attr-defined]
    app = cyclopts.App(result_action="return_value")
    app.default(command)
    app(["--statuses", "PAID", "--statuses", "NEW"], exit_on_error=False)
    (statuses,) = [p for p in params if p.cli_name == "statuses"]
    assert statuses.kind.to_sdk(seen["statuses"]) == [OrderStatus.PAID, OrderStatus.NEW]
    assert (
        statuses.help
        == "Filter. Type: OrderStatus, repeatable. One of: "
        + ", ".join(m.value for m in OrderStatus)
        + "."
    )
    with pytest.raises(cyclopts.CycloptsError):
        app(["--statuses", "NOPE"], exit_on_error=False, print_error=False)


def test_enum_or_text_parameters_list_the_values_and_pass_new_ones_on() -> None:
    from spectrocoin_async import UNSET, OrderStatus, Unset
    from spectrocoin_async._cli._commands import _signature_params

    class Fake:
        async def list_things(self, *, status: OrderStatus | str | Unset = UNSET) -> None: ...

    ((status,), _) = _signature_params(Fake.list_things, {})
    assert status.kind.annotation is str and status.kind.to_sdk("SOMETHING_NEW") == "SOMETHING_NEW"
    assert status.help.startswith("Type: OrderStatus (a newer value is passed on). One of: ")


def test_a_required_parameter_with_no_command_line_form_is_refused() -> None:
    from spectrocoin_async import UNSET, Unset
    from spectrocoin_async._cli._commands import _signature_params
    from spectrocoin_async._generated.models import CreateOrderRequest

    class Fake:
        async def nested(
            self, order: dict[str, CreateOrderRequest], *, extra: CreateOrderRequest | Unset = UNSET
        ) -> None: ...

    with pytest.raises(LookupError, match="no command-line form for 'order'"):
        _signature_params(Fake.nested, {})

    class OptionalOnly:
        async def nested(self, *, extra: dict[str, int] | Unset = UNSET) -> None: ...

    assert _signature_params(OptionalOnly.nested, {}) == ([], None)  # only the SDK can pass it
