"""openapi.yaml itself: valid, complete, and honest about its evidence."""

from __future__ import annotations

import re
from typing import Any

import pytest
from openapi_spec_validator import validate

from tests.support.spec import SPEC_PATH, operations, resolve, spec

EVIDENCE = {"documented", "plugin", "scope", "overview"}
MONEY_MOVING = {
    "createOrder",
    "createOrderFromPreOrder",
    "createExchange",
    "createCryptoWithdrawal",
    "createBankWithdrawal",
    "createWithdrawalWithExchange",
    "purchaseGiftCard",
    "createCryptoDepositAddress",
}
OP_IDS = [op["operationId"] for _, _, op in operations()]


def test_spec_is_valid_openapi() -> None:
    validate(spec())


def test_has_all_44_operations_with_unique_ids() -> None:
    assert len(OP_IDS) == 44
    assert len(set(OP_IDS)) == 44


@pytest.mark.parametrize(("path", "method", "op"), operations(), ids=OP_IDS)
def test_operation_is_documented(path: str, method: str, op: dict[str, Any]) -> None:
    assert op["x-evidence"] in EVIDENCE
    assert op["x-source"]
    assert op["summary"] and op["description"]
    assert len(op["tags"]) == 1
    assert bool(op.get("x-moves-money")) == (op["operationId"] in MONEY_MOVING)
    if op["x-evidence"] in {"scope", "overview"}:
        assert "proposal" in op["description"]
    if "requestBody" in op:
        content = resolve(op["requestBody"])["content"]
        assert len(content) == 1, "the generator breaks with two request content types"
        ((content_type, media),) = content.items()
        assert "example" in media
        expected = (
            "application/json"
            if op["operationId"] in {"createOrder", "createOrderFromPreOrder"}
            else "application/x-www-form-urlencoded"
        )
        assert content_type == expected
    ok = resolve(op["responses"]["200"])
    assert ok["content"], "every 200 has a schema"
    for content_type, media in ok["content"].items():
        assert "schema" in media
        if content_type == "application/json":
            assert "example" in media
    for status in ("400", "404", "422", "429", "5XX"):
        error = resolve(op["responses"][status])
        assert error["content"]["application/json"]["schema"] == {
            "$ref": "#/components/schemas/Error"
        }


def test_public_operations() -> None:
    public = {op["operationId"] for _, _, op in operations() if op.get("security") == []}
    assert public == {"getAccessToken"}


def test_optional_auth_where_evidence_does_not_prove_an_operation_public() -> None:
    """Nothing published shows currencies or rates public (the scope table even lists "rate for
    the selected pair" under exchange:create): the token is optional, not absent."""
    optional = {
        op["operationId"]: op["security"]
        for _, _, op in operations()
        if {} in op.get("security", [{"bearerAuth": []}])
    }
    assert optional == {
        name: [{}, {"bearerAuth": []}] for name in ("listCurrencies", "getRates", "getRateHistory")
    }


def test_order_status_lists_all_18_values() -> None:
    assert spec()["components"]["schemas"]["OrderStatus"]["enum"] == [
        "NEW", "PENDING", "PAID", "FAILED", "EXPIRED", "TEST", "LATE_CRYPTO_PAYMENT",
        "PARTIAL_PAYMENT", "UNDERPAID", "CANCELLED", "INVALID_PAYMENT", "TEST_PAID",
        "TEST_EXPIRED", "PROCESSING_REFUND", "REFUNDED", "REJECTED_REFUND",
        "PENDING_LATE_CRYPTO_PAYMENT", "REJECTED",
    ]  # fmt: skip


def test_exports_answer_csv_and_pdf() -> None:
    for path in ("/exports/transactions", "/exports/orders"):
        content = spec()["paths"][path]["get"]["responses"]["200"]["content"]
        assert set(content) == {"text/csv", "application/pdf"}


def test_error_schema_fields_are_optional() -> None:
    error = spec()["components"]["schemas"]["Error"]
    assert set(error["properties"]) >= {
        "errorCode", "defaultMessage", "category", "key", "spanId", "traceId", "errorParameters"
    }  # fmt: skip
    assert not error.get("required")


PLUGIN_REPO = "https://github.com/SpectroCoin/WordPress-WooCommerce-Bitcoin-Payment-Gateway-Plugin"
DRUPAL_REPO = "https://github.com/SpectroCoin/Drupal-Bitcoin-Payment-Gateway-Module"
DOCS = "https://docs.spectrocoin.com/"
PLUGIN_FILE = re.compile(r"https://github\.com/SpectroCoin/[\w.-]+/blob/[\w.-]+/\S+\.php$")


def _sources(op: dict[str, Any]) -> list[str]:
    source = op["x-source"]
    return [source] if isinstance(source, str) else source


@pytest.mark.parametrize(("path", "method", "op"), operations(), ids=OP_IDS)
def test_evidence_level_is_backed_by_a_source_of_its_kind(
    path: str, method: str, op: dict[str, Any]
) -> None:
    """documented: a docs.spectrocoin.com page; plugin: a file of SpectroCoin's plugins; scope and
    overview: the docs page whose table or overview names the capability."""
    sources = _sources(op)
    docs = [s for s in sources if s.startswith(DOCS)]
    plugin_files = [s for s in sources if PLUGIN_FILE.match(s)]
    assert docs or plugin_files, op["operationId"]
    assert len(docs) + len(plugin_files) == len(sources), sources
    if op["x-evidence"] == "plugin":
        assert plugin_files, op["operationId"]
    else:
        assert docs, op["operationId"]
    # Documentation first, plugin files after it.
    assert sources == docs + plugin_files


def test_the_evidence_of_issue_25() -> None:
    """Raised to documented (the plugin files kept beside the docs), and acceptOrder lowered."""
    by_id = {op["operationId"]: op for _, _, op in operations()}
    assert _sources(by_id["getAccessToken"]) == [
        DOCS + "reference/getaccesstoken",
        PLUGIN_REPO + "/blob/HEAD/SCMerchantClient/SCMerchantClient.php",
    ]
    assert _sources(by_id["createOrder"]) == [
        DOCS + "reference/createorderusingpost2",
        DOCS + "docs/creating-a-payment",
        DOCS + "docs/verified-payers-only",
        PLUGIN_REPO + "/blob/HEAD/SCMerchantClient/SCMerchantClient.php",
        # Issue 18: the 403 replay (WooCommerce since 7e96668, Drupal) and Drupal's pay pair.
        PLUGIN_REPO + "/blob/7e96668de4d7cafe94264312fde9d859b81ff17a/SCMerchantClient/"
        "SCMerchantClient.php",
        DRUPAL_REPO + "/blob/HEAD/src/SCMerchantClient/SCMerchantClient.php",
        DRUPAL_REPO + "/blob/HEAD/src/SCMerchantClient/messages/SpectroCoin_CreateOrderRequest.php",
    ]
    assert _sources(by_id["getOrder"]) == [
        DOCS + "docs/expired-orders",
        PLUGIN_REPO + "/blob/HEAD/includes/SpectroCoinGateway.php",
        DRUPAL_REPO + "/blob/HEAD/tests/e2e/tier2/stub/index.php",  # orders keyed uuid
    ]
    levels = {name: by_id[name]["x-evidence"] for name in by_id}
    assert {n for n, level in levels.items() if level == "plugin"} == set()
    assert levels["getAccessToken"] == levels["createOrder"] == levels["getOrder"] == "documented"
    assert levels["acceptOrder"] == "overview"
    assert _sources(by_id["acceptOrder"]) == [DOCS + "docs/order-statuses"]
    assert "proposal" in by_id["acceptOrder"]["description"]


def test_every_source_is_a_public_url() -> None:
    """Users never get our internal notes: x-source cites something they can open."""
    for _, _, op in operations():
        for source in _sources(op):
            assert source.startswith("https://"), op["operationId"]


def test_nothing_users_get_cites_a_file_they_do_not_have() -> None:
    root = SPEC_PATH.parent
    shipped = [SPEC_PATH, root / "README.md", *sorted((root / "spectrocoin_async").rglob("*.py"))]
    for path in shipped:
        assert "REFERENCE" not in path.read_text(encoding="utf-8"), path


def test_order_status_codes_name_statuses_of_the_enum() -> None:
    status = spec()["components"]["schemas"]["OrderStatus"]
    assert status["x-enum-case-insensitive"] is True
    assert set(status["x-enum-codes"].values()) <= set(status["enum"])
    assert len(status["x-enum-codes"]) == 18


# A property whose name or description says it is a credential or a code to keep: it must be
# marked `x-secret: true` (hidden from repr, redacted from previews and dry runs).
SECRET_NAME = re.compile(
    r"(?i)(secret|password|passphrase|passcode|^pin$|pin_?code|(access|refresh|id)_?token$"
    r"|api_?key|private_?key|signing_?key|cvv|cvc|mnemonic|seed_?phrase|^otp$|^code$)"
)
SECRET_TEXT = re.compile(
    r"(?i)(\ba secret\b|do not log|never log|not be logged|password|passphrase|\bPIN\b"
    r"|private key|\bsecret\b)"
)
# Named like one, and not one: a currency's or a network's code is public.
NOT_SECRET = {("Currency", "code"), ("CurrencyNetwork", "code")}


def _properties(name: str, schema: dict[str, Any]) -> Any:
    """``(owner, property, schema)`` of ``schema`` and of the inline schemas in it (a ``$ref``
    is a component of its own, walked under its own name)."""
    if "$ref" in schema:
        return
    for prop, sub in (schema.get("properties") or {}).items():
        yield name, prop, sub
        yield from _properties(f"{name}.{prop}", sub)
    for key in ("items", "additionalProperties"):
        if isinstance(schema.get(key), dict):
            yield from _properties(name, schema[key])
    for key in ("allOf", "oneOf", "anyOf"):
        for sub in schema.get(key) or ():
            yield from _properties(name, sub)


def test_every_secret_like_field_of_the_spec_is_marked_x_secret() -> None:
    # Issue 17, item 3: GiftCardPurchase.code ("a secret; do not log") was not marked.
    checked = marked = 0
    for name, schema in spec()["components"]["schemas"].items():
        for owner, prop, sub in _properties(name, schema):
            checked += 1
            described = str(sub.get("description", "")) + str(resolve(sub).get("description", ""))
            looks_secret = bool(SECRET_NAME.search(prop) or SECRET_TEXT.search(described))
            if (owner, prop) in NOT_SECRET:
                assert not sub.get("x-secret"), (owner, prop)
                continue
            assert bool(sub.get("x-secret")) == looks_secret, (
                f"{owner}.{prop}: looks {'secret' if looks_secret else 'public'} "
                f"but x-secret is {sub.get('x-secret')!r} ({described[:80]!r})"
            )
            marked += looks_secret
    for _, _, op in operations():
        for param in map(resolve, op.get("parameters", [])):
            assert not SECRET_NAME.search(param["name"]) or param.get("x-secret"), param["name"]
    assert checked > 300
    assert marked == 3
