"""Issue 19 item 3: a request model refuses a key it does not have; a response tolerates it.

A misspelt key (``callback_url`` for ``callbackUrl``) used to ride along in
``additional_properties`` and on the wire, and the order was created without a callback URL.
"""

from __future__ import annotations

import attrs
import pytest

from spectrocoin_async import (
    CreateOrderRequest,
    ModelValidationError,
    Order,
    TokenRequest,
    ValidationError,
)
from spectrocoin_async._errors import UnknownFieldError
from spectrocoin_async._generated import models
from tests.generated.test_response_fields import REQUESTS

PROJECT = "f58a9032-94c8-1b36-a132-3d6c2ad81255"
ORDER_ID = "0b6a3f6e-2a9e-4f63-9d34-0f0a4b6f7e11"


def test_a_misspelt_key_is_refused_with_the_closest_field() -> None:
    with pytest.raises(ValidationError) as info:
        CreateOrderRequest.from_dict(
            {"projectId": PROJECT, "callback_url": "https://shop.example/cb"}
        )
    assert str(info.value) == "callback_url: unknown field; did you mean callbackUrl?"
    assert info.value.field == "callback_url"
    # Also a ModelValidationError, as every other from_dict error: one except clause serves.
    assert isinstance(info.value, ModelValidationError)
    assert isinstance(info.value, UnknownFieldError)
    assert info.value.model == "CreateOrderRequest"


def test_a_misspelt_required_key_names_the_key_not_the_missing_field() -> None:
    with pytest.raises(ValidationError) as info:
        CreateOrderRequest.from_dict({"project_id": PROJECT})
    assert str(info.value) == "project_id: unknown field; did you mean projectId?"


def test_nothing_close_lists_the_fields() -> None:
    with pytest.raises(ValidationError) as info:
        TokenRequest.from_dict({"zzz": 1, "client_id": "a", "client_secret": "b"})
    assert str(info.value) == ("zzz: unknown field; valid: client_id, client_secret, grant_type")


def test_a_typo_by_one_letter_is_suggested() -> None:
    with pytest.raises(ValidationError, match=r"^recieveAmount: .*did you mean receiveAmount\?$"):
        CreateOrderRequest.from_dict({"projectId": PROJECT, "recieveAmount": "1"})


@pytest.mark.parametrize("name", sorted(REQUESTS))
def test_request_models_have_no_additional_properties(name: str) -> None:
    cls = getattr(models, name)
    assert "additional_properties" not in {f.name for f in attrs.fields(cls)}
    with pytest.raises(UnknownFieldError):
        cls.from_dict({"surelyNotAField": 1})


def test_response_models_keep_unknown_fields() -> None:
    order = Order.from_dict({"id": ORDER_ID, "status": "NEW", "newServerField": 7})
    assert order.additional_properties == {"newServerField": 7}
    assert order.to_dict()["newServerField"] == 7


# -- issue 19 item 5: a plain dict as body= is checked exactly as from_dict checks it ------------


@pytest.mark.anyio
async def test_a_dict_body_is_sent_like_the_model() -> None:
    import respx

    from spectrocoin_async import SpectroCoinClient
    from tests.conftest import BASE, TOKEN_BODY

    answer = {"id": ORDER_ID, "orderId": "A-1", "redirectUrl": "https://pay.example/x"}
    body = {
        "projectId": PROJECT,
        "orderId": "A-1",
        "receiveAmount": "10",
        "receiveCurrencyCode": "EUR",
    }
    with respx.mock(base_url=BASE) as api:
        api.post("/oauth/token").respond(json=TOKEN_BODY)
        route = api.post("/merchants/orders/create").respond(json=answer)
        async with SpectroCoinClient("id", "secret") as sc:
            await sc.merchant.create_order(body=body)
            await sc.merchant.create_order(body=CreateOrderRequest.from_dict(body))
            with pytest.raises(ValidationError) as info:
                await sc.merchant.create_order(body={**body, "callback_url": "https://x"})
            assert str(info.value) == "callback_url: unknown field; did you mean callbackUrl?"
            with pytest.raises(
                ModelValidationError, match=r"^CreateOrderRequest: expected an object"
            ):
                await sc.merchant.create_order(body=[1])  # type: ignore[arg-type]
    assert route.call_count == 2
    assert route.calls[0].request.content == route.calls[1].request.content
    assert route.calls[0].request.content == (
        b'{"projectId":"' + PROJECT.encode() + b'","orderId":"A-1","receiveAmount":10,'
        b'"receiveCurrencyCode":"EUR"}'
    )
