"""verify_callback and VerifiedCallback (spectrocoin_async._callbacks.verification)."""

from __future__ import annotations

import typing
from decimal import Decimal

import httpx
import pytest

from spectrocoin_async import Order
from spectrocoin_async._callbacks import (
    JsonCallback,
    PublicKeySource,
    VerifiedCallback,
    verify_callback,
)
from spectrocoin_async._errors import CallbackVerificationError, NotFoundError
from tests.callbacks.support import ORDER_UUID, PROJECT, make_order, orders, parse_legacy

OTHER_PROJECT = "9b0c3d1e-2f4a-4b5c-8d6e-7f8091a2b3c4"


def json_cb(merchant_api_id: str | None = PROJECT, order_id: str = ORDER_UUID) -> JsonCallback:
    return JsonCallback(
        id=order_id, merchant_api_id=merchant_api_id, extra={"status": "PAID", "payAmount": "999"}
    )


VALID_PROJECT = PROJECT


@pytest.mark.anyio
async def test_json_callback_is_verified_by_fetching_the_order() -> None:
    order = make_order()
    get_order, calls = orders(**{ORDER_UUID: order})

    verified = await verify_callback(json_cb(), get_order=get_order, project_id=PROJECT)

    assert calls == [ORDER_UUID]
    assert verified.order is order
    assert verified == VerifiedCallback(
        kind="json",
        order_id="shop-42",
        status="PAID",
        pay_amount=Decimal("0.00123"),
        pay_currency_code="BTC",
        receive_amount=Decimal("50.0"),
        receive_currency_code="EUR",
        received_amount=None,
        id=ORDER_UUID,
        callback=json_cb(),
        order=order,
    )


@pytest.mark.anyio
async def test_json_callback_with_unknown_status_is_accepted_and_kept() -> None:
    get_order, _ = orders(**{ORDER_UUID: make_order(status="SOMETHING_NEW")})

    verified = await verify_callback(json_cb(), get_order=get_order, project_id=PROJECT)

    assert verified.status == "SOMETHING_NEW"


@pytest.mark.anyio
async def test_status_and_amounts_are_read_from_the_order_not_the_body() -> None:
    get_order, _ = orders(**{ORDER_UUID: make_order(status="EXPIRED")})

    verified = await verify_callback(json_cb(), get_order=get_order, project_id=PROJECT)

    assert json_cb().extra == {"status": "PAID", "payAmount": "999"}
    assert (verified.status, verified.pay_amount) == ("EXPIRED", Decimal("0.00123"))


@pytest.mark.anyio
async def test_json_callback_with_unknown_id_is_rejected() -> None:
    get_order, calls = orders()

    with pytest.raises(CallbackVerificationError, match="unknown order id") as info:
        await verify_callback(json_cb(), get_order=get_order, project_id=PROJECT)
    assert isinstance(info.value.__cause__, NotFoundError)
    assert calls == [ORDER_UUID]


@pytest.mark.anyio
async def test_json_callback_claiming_another_project_is_rejected_before_fetching() -> None:
    get_order, calls = orders(**{ORDER_UUID: make_order()})

    with pytest.raises(CallbackVerificationError, match="another project"):
        await verify_callback(json_cb("someone-else"), get_order=get_order, project_id=PROJECT)
    assert calls == []


@pytest.mark.anyio
@pytest.mark.parametrize("claimed", [VALID_PROJECT, None], ids=["matching-claim", "no-claim"])
async def test_json_callback_for_an_order_of_another_project_is_rejected(
    claimed: str | None,
) -> None:
    # Issue 10 item 1: the body may name an order of the merchant's other project, with a
    # matching or missing merchantApiId; only the fetched order's projectId tells.
    get_order, calls = orders(**{ORDER_UUID: make_order(project=OTHER_PROJECT)})

    with pytest.raises(CallbackVerificationError, match="belongs to another project"):
        await verify_callback(json_cb(claimed), get_order=get_order, project_id=VALID_PROJECT)
    assert calls == [ORDER_UUID]


@pytest.mark.anyio
async def test_json_callback_for_an_order_naming_no_project_is_rejected() -> None:
    get_order, _ = orders(**{ORDER_UUID: make_order(project=None)})

    with pytest.raises(CallbackVerificationError, match="names no project"):
        await verify_callback(json_cb(), get_order=get_order, project_id=PROJECT)


@pytest.mark.anyio
async def test_json_callback_without_a_configured_project_is_refused_without_fetching() -> None:
    get_order, calls = orders(**{ORDER_UUID: make_order()})

    with pytest.raises(CallbackVerificationError, match="without a project_id"):
        await verify_callback(json_cb(), get_order=get_order)
    assert calls == []


@pytest.mark.anyio
async def test_project_ids_compare_as_uuids_and_a_missing_claim_is_fine() -> None:
    get_order, calls = orders(**{ORDER_UUID: make_order(project=VALID_PROJECT)})

    await verify_callback(json_cb(None), get_order=get_order, project_id=VALID_PROJECT)
    await verify_callback(
        json_cb(VALID_PROJECT.upper()), get_order=get_order, project_id=VALID_PROJECT
    )
    await verify_callback(json_cb(), get_order=get_order, project_id=VALID_PROJECT.upper())
    assert len(calls) == 3


@pytest.mark.anyio
async def test_other_errors_from_get_order_propagate() -> None:
    async def get_order(order_id: str) -> Order:
        raise httpx.ConnectError("down")

    with pytest.raises(httpx.ConnectError):
        await verify_callback(json_cb(), get_order=get_order, project_id=PROJECT)


@pytest.mark.anyio
async def test_legacy_callback_is_verified_by_signature(
    signed_fields: dict[str, str], public_pem: bytes
) -> None:
    get_order, calls = orders()
    cb = parse_legacy(signed_fields)

    verified = await verify_callback(
        cb, get_order=get_order, project_id=PROJECT, public_key=PublicKeySource(pem=public_pem)
    )

    assert verified == VerifiedCallback(
        kind="legacy",
        order_id="shop-42",
        status="PAID",
        pay_amount=Decimal("0.00123"),
        pay_currency_code="BTC",
        receive_amount=Decimal("50.0"),
        receive_currency_code="EUR",
        received_amount=Decimal("0.0"),
        id=None,
        callback=cb,
        order=None,
    )
    assert calls == []


@pytest.mark.anyio
async def test_both_kinds_have_one_shape(signed_fields: dict[str, str], public_pem: bytes) -> None:
    # Issue 10 item 5: a handler written for one kind reads the other the same way.
    get_order, _ = orders(**{ORDER_UUID: make_order()})
    from_json = await verify_callback(json_cb(), get_order=get_order, project_id=PROJECT)
    from_legacy = await verify_callback(
        parse_legacy(signed_fields), get_order=get_order, public_key=PublicKeySource(pem=public_pem)
    )
    shared = (
        "order_id",
        "status",
        "pay_amount",
        "pay_currency_code",
        "receive_amount",
        "receive_currency_code",
    )
    assert [getattr(from_json, n) for n in shared] == [getattr(from_legacy, n) for n in shared]
    assert [getattr(from_json, n) for n in shared] == [
        "shop-42",
        "PAID",
        Decimal("0.00123"),
        "BTC",
        Decimal("50.0"),
        "EUR",
    ]
    # `Order` is imported only for type checkers in _callbacks (models load lazily).
    hints = typing.get_type_hints(VerifiedCallback, localns={"Order": Order})
    assert hints["order"] == Order | None


@pytest.mark.anyio
async def test_tampered_legacy_callback_is_rejected_by_verify_callback(
    signed_fields: dict[str, str], public_pem: bytes
) -> None:
    get_order, _ = orders()
    cb = parse_legacy({**signed_fields, "status": "3", "receivedAmount": "50.0"})

    with pytest.raises(CallbackVerificationError, match="signature does not match"):
        await verify_callback(cb, get_order=get_order, public_key=PublicKeySource(pem=public_pem))


@pytest.mark.anyio
async def test_legacy_callback_for_another_project_is_rejected(
    signed_fields: dict[str, str], public_pem: bytes
) -> None:
    get_order, _ = orders()
    cb = parse_legacy({**signed_fields, "merchantApiId": "someone-else"})

    with pytest.raises(CallbackVerificationError, match="another project"):
        await verify_callback(
            cb, get_order=get_order, project_id=PROJECT, public_key=PublicKeySource(pem=public_pem)
        )


@pytest.mark.anyio
async def test_legacy_callback_without_a_key_is_rejected(signed_fields: dict[str, str]) -> None:
    get_order, _ = orders()

    with pytest.raises(CallbackVerificationError, match="no public_key"):
        await verify_callback(parse_legacy(signed_fields), get_order=get_order)


def test_verified_legacy_callback_with_unknown_code_keeps_the_code(
    signed_fields: dict[str, str],
) -> None:
    cb = parse_legacy({**signed_fields, "status": "42"})
    assert cb.status_name is None
    assert VerifiedCallback.from_legacy(cb).status == "42"


def test_verified_callback_names_ids_as_order_does() -> None:
    """Issue 19 item 10: ``order_id`` is the merchant's id and ``id`` SpectroCoin's, as in
    ``Order``; the former ``merchant_order_id`` still reads the merchant's id."""
    import attrs

    order = make_order()
    verified = VerifiedCallback.from_order(json_cb(), order)
    assert verified.order_id == order.order_id == "shop-42"
    assert verified.id == ORDER_UUID == str(order.id)
    assert verified.merchant_order_id == "shop-42"
    assert "merchant_order_id" not in {f.name for f in attrs.fields(VerifiedCallback)}
