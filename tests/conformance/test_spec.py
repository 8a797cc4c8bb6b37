"""openapi.yaml itself: valid, complete, and honest about its evidence."""

from __future__ import annotations

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
    assert public == {"getAccessToken", "listCurrencies", "getRates", "getRateHistory"}


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


def test_the_three_operations_the_plugins_call_are_tagged_plugin() -> None:
    """SCMerchantClient/SCMerchantClient.php fetches the token and creates orders;
    includes/SpectroCoinGateway.php fetches an order to verify a JSON callback."""
    tagged = {
        op["operationId"]: op["x-source"]
        for _, _, op in operations()
        if op["x-evidence"] == "plugin"
    }
    assert tagged == {
        "getAccessToken": PLUGIN_REPO + "/blob/HEAD/SCMerchantClient/SCMerchantClient.php",
        "createOrder": PLUGIN_REPO + "/blob/HEAD/SCMerchantClient/SCMerchantClient.php",
        "getOrder": PLUGIN_REPO + "/blob/HEAD/includes/SpectroCoinGateway.php",
    }


def test_every_source_is_a_public_url() -> None:
    """Users never get our internal notes: x-source cites something they can open."""
    for _, _, op in operations():
        assert op["x-source"].startswith("https://"), op["operationId"]


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
