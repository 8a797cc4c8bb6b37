"""Both merchant-callback shapes of openapi.yaml (components/callbacks/OrderCallback),
written by custom/generate.py. Do not edit."""

JSON_CALLBACK_FIELDS: tuple[str, ...] = ("id", "merchantApiId")
JSON_CALLBACK_REQUIRED: tuple[str, ...] = ("id",)
LEGACY_CALLBACK_FIELDS: tuple[str, ...] = (
    "merchantId",
    "apiId",
    "orderId",
    "payCurrency",
    "payAmount",
    "receiveCurrency",
    "receiveAmount",
    "receivedAmount",
    "description",
    "orderRequestId",
    "status",
    "sign",
    "userId",
    "merchantApiId",
)
LEGACY_CALLBACK_REQUIRED: tuple[str, ...] = (
    "merchantId",
    "apiId",
    "orderId",
    "payCurrency",
    "payAmount",
    "receiveCurrency",
    "receiveAmount",
    "receivedAmount",
    "description",
    "orderRequestId",
    "status",
    "sign",
)
LEGACY_SIGNED_FIELDS: tuple[str, ...] = (
    "merchantId",
    "apiId",
    "orderId",
    "payCurrency",
    "payAmount",
    "receiveCurrency",
    "receiveAmount",
    "receivedAmount",
    "description",
    "orderRequestId",
    "status",
)
