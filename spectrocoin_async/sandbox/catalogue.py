"""What the sandbox starts with: currencies and networks, fees, seeded accounts and projects, the
gift-card catalogue and the payment methods. Plain data; the ledger (``state.py``) uses it."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Final, Literal

from attrs import frozen

__all__ = [
    "BANK_DEPOSIT_DETAILS",
    "BANK_FEES",
    "CURRENCIES",
    "GIFT_CARDS",
    "DOCS_PROJECT_ID",
    "LEGACY_PROJECT_ID",
    "PAYMENT_METHODS",
    "PROJECTS",
    "SANDBOX_PROJECT_ID",
    "SEED_BALANCES",
    "STARTING_PRICES_EUR",
    "BankFee",
    "Currency",
    "GiftCard",
    "Network",
    "Project",
]

SANDBOX_PROJECT_ID: Final = "5f0a5c1e-6a2b-4c3d-8e9f-0a1b2c3d4e5f"
"""The seeded test-mode merchant project; its callbacks are JSON."""
LEGACY_PROJECT_ID: Final = "9c8b7a6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"
"""A seeded test-mode project configured as legacy: form callbacks signed with the sandbox key."""
DOCS_PROJECT_ID: Final = "f58a9032-94c8-1b36-a132-3d6c2ad81255"
"""The project of SpectroCoin's documented create-order example (its one non-hex character
fixed), also the README quickstart's: docs examples run against the sandbox unchanged."""


@frozen
class Network:
    code: str
    name: str
    withdrawal_fee: Decimal
    min_withdrawal: Decimal
    max_withdrawal: Decimal
    memo_required: bool = False
    deposit_enabled: bool = True
    withdrawal_enabled: bool = True

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "memoRequired": self.memo_required,
            "depositEnabled": self.deposit_enabled,
            "withdrawalEnabled": self.withdrawal_enabled,
        }


@frozen
class Currency:
    code: str
    name: str
    type: Literal["FIAT", "CRYPTO"]
    scale: int
    networks: tuple[Network, ...] = ()

    @property
    def quantum(self) -> Decimal:
        """The smallest amount of this currency: ``Decimal("0.01")`` for a scale of 2."""
        return Decimal(1).scaleb(-self.scale)

    @property
    def crypto(self) -> bool:
        return self.type == "CRYPTO"

    def network(self, code: str | None) -> Network | None:
        """The named network, or the first one when ``code`` is None."""
        if code is None:
            return self.networks[0] if self.networks else None
        return next((n for n in self.networks if n.code == code), None)

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "type": self.type,
            "scale": self.scale,
            "networks": [n.to_json() for n in self.networks],
        }


D = Decimal

CURRENCIES: Final[dict[str, Currency]] = {
    c.code: c
    for c in (
        Currency("EUR", "Euro", "FIAT", 2),
        Currency("USD", "US Dollar", "FIAT", 2),
        Currency(
            "BTC",
            "Bitcoin",
            "CRYPTO",
            8,
            (Network("BTC", "Bitcoin", D("0.00015"), D("0.0005"), D("5")),),
        ),
        Currency(
            "ETH",
            "Ethereum",
            "CRYPTO",
            8,
            (Network("ETH", "Ethereum (ERC-20)", D("0.0015"), D("0.005"), D("100")),),
        ),
        Currency(
            "USDT",
            "Tether",
            "CRYPTO",
            6,
            (
                Network("TRX", "Tron (TRC-20)", D("1.5"), D("5"), D("100000")),
                Network("ETH", "Ethereum (ERC-20)", D("6.5"), D("20"), D("100000")),
                Network("BSC", "BNB Smart Chain (BEP-20)", D("0.8"), D("5"), D("100000")),
                Network("TON", "The Open Network", D("0.5"), D("2"), D("100000"), True),
            ),
        ),
    )
}

STARTING_PRICES_EUR: Final[dict[str, Decimal]] = {
    "EUR": D("1"),
    "USD": D("0.92"),
    "BTC": D("61250.00"),
    "ETH": D("3120.00"),
    "USDT": D("0.921"),
}
"""Where the rate random walk starts: the price of one unit in euro."""

SEED_BALANCES: Final[tuple[tuple[str, str, Decimal], ...]] = (
    ("100001", "EUR", D("10000.00")),
    ("100002", "USD", D("5000.00")),
    ("100003", "BTC", D("0.50000000")),
    ("100004", "ETH", D("4.00000000")),
    ("100005", "USDT", D("2500.000000")),
)
"""(account id, currency, opening balance), each booked as a DEPOSIT transaction."""


@frozen
class BankFee:
    fee: Decimal
    currencies: tuple[str, ...]


BANK_FEES: Final[dict[str, BankFee]] = {
    "SEPA": BankFee(D("1.00"), ("EUR",)),
    "SWIFT": BankFee(D("15.00"), ("EUR", "USD")),
}

BANK_DEPOSIT_DETAILS: Final[tuple[dict[str, Any], ...]] = (
    {
        "currencyCode": "EUR",
        "rail": "SEPA",
        "iban": "LT12 3250 0000 0000 0001",
        "bic": "REVOLT21",
        "beneficiaryName": "SpectroCoin Sandbox UAB",
        "bankName": "Sandbox Bank",
        "reference": "SBX-100001",
    },
    {
        "currencyCode": "EUR",
        "rail": "SWIFT",
        "iban": "LT12 3250 0000 0000 0001",
        "bic": "REVOLT21",
        "beneficiaryName": "SpectroCoin Sandbox UAB",
        "bankName": "Sandbox Bank",
        "reference": "SBX-100001",
    },
    {
        "currencyCode": "USD",
        "rail": "SWIFT",
        "iban": "LT98 3250 0000 0000 0002",
        "bic": "REVOLT21",
        "beneficiaryName": "SpectroCoin Sandbox UAB",
        "bankName": "Sandbox Bank",
        "reference": "SBX-100002",
    },
)


@frozen
class GiftCard:
    id: str
    brand: str
    name: str
    country_code: str
    currency_code: str
    denominations: tuple[Decimal, ...] = ()
    min_amount: Decimal | None = None
    max_amount: Decimal | None = None

    def accepts(self, amount: Decimal) -> bool:
        if self.denominations:
            return amount in self.denominations
        low = self.min_amount if self.min_amount is not None else D(0)
        return low <= amount and (self.max_amount is None or amount <= self.max_amount)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "brand": self.brand,
            "name": self.name,
            "countryCode": self.country_code,
            "currencyCode": self.currency_code,
            "denominations": list(self.denominations),
        }
        if self.denominations:
            data["minAmount"] = min(self.denominations)
            data["maxAmount"] = max(self.denominations)
        else:
            if self.min_amount is not None:
                data["minAmount"] = self.min_amount
            if self.max_amount is not None:
                data["maxAmount"] = self.max_amount
        return data


GIFT_CARDS: Final[dict[str, GiftCard]] = {
    g.id: g
    for g in (
        GiftCard(
            "gc-amazon-de",
            "Amazon",
            "Amazon.de Gift Card",
            "DE",
            "EUR",
            (D("10.00"), D("25.00"), D("50.00"), D("100.00")),
        ),
        GiftCard(
            "gc-netflix-lt", "Netflix", "Netflix Gift Card", "LT", "EUR", (D("15.00"), D("25.00"))
        ),
        GiftCard(
            "gc-steam-us",
            "Steam",
            "Steam Wallet Code",
            "US",
            "USD",
            min_amount=D("5.00"),
            max_amount=D("200.00"),
        ),
        GiftCard(
            "gc-uber-us",
            "Uber",
            "Uber Gift Card",
            "US",
            "USD",
            min_amount=D("10.00"),
            max_amount=D("500.00"),
        ),
    )
}

PAYMENT_METHODS: Final[tuple[dict[str, Any], ...]] = (
    {
        "id": "sepa-in",
        "name": "SEPA bank transfer",
        "direction": "DEPOSIT",
        "currencyCode": "EUR",
        "countryCode": None,
        "fixedFee": D("0.00"),
        "percentageFee": D("0"),
        "minAmount": D("1.00"),
        "maxAmount": D("100000.00"),
    },
    {
        "id": "sepa-out",
        "name": "SEPA bank transfer",
        "direction": "WITHDRAWAL",
        "currencyCode": "EUR",
        "countryCode": None,
        "fixedFee": D("1.00"),
        "percentageFee": D("0"),
        "minAmount": D("1.00"),
        "maxAmount": D("100000.00"),
    },
    {
        "id": "swift-in-usd",
        "name": "SWIFT bank transfer",
        "direction": "DEPOSIT",
        "currencyCode": "USD",
        "countryCode": None,
        "fixedFee": D("10.00"),
        "percentageFee": D("0"),
        "minAmount": D("50.00"),
        "maxAmount": D("500000.00"),
    },
    {
        "id": "swift-out-usd",
        "name": "SWIFT bank transfer",
        "direction": "WITHDRAWAL",
        "currencyCode": "USD",
        "countryCode": None,
        "fixedFee": D("15.00"),
        "percentageFee": D("0"),
        "minAmount": D("50.00"),
        "maxAmount": D("500000.00"),
    },
    {
        "id": "card-in-eur-lt",
        "name": "Bank card",
        "direction": "DEPOSIT",
        "currencyCode": "EUR",
        "countryCode": "LT",
        "fixedFee": D("0.00"),
        "percentageFee": D("2.5"),
        "minAmount": D("10.00"),
        "maxAmount": D("5000.00"),
    },
    {
        "id": "btc-in",
        "name": "Bitcoin network",
        "direction": "DEPOSIT",
        "currencyCode": "BTC",
        "countryCode": None,
        "fixedFee": D("0"),
        "percentageFee": D("0"),
        "minAmount": D("0.0001"),
        "maxAmount": D("100"),
    },
    {
        "id": "btc-out",
        "name": "Bitcoin network",
        "direction": "WITHDRAWAL",
        "currencyCode": "BTC",
        "countryCode": None,
        "fixedFee": D("0.00015"),
        "percentageFee": D("0"),
        "minAmount": D("0.0005"),
        "maxAmount": D("5"),
    },
    {
        "id": "usdt-trx-out",
        "name": "Tron (TRC-20)",
        "direction": "WITHDRAWAL",
        "currencyCode": "USDT",
        "countryCode": None,
        "fixedFee": D("1.5"),
        "percentageFee": D("0"),
        "minAmount": D("5"),
        "maxAmount": D("100000"),
    },
)


@frozen
class Project:
    id: str
    name: str
    receive_currency_code: str
    legacy_callbacks: bool
    merchant_id: str
    api_id: str
    callback_url: str | None = None
    test_mode: bool = True
    created_at: str = "2026-01-05T09:00:00.000Z"

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "testMode": self.test_mode,
            "receiveCurrencyCode": self.receive_currency_code,
            "callbackUrl": self.callback_url,
            "createdAt": self.created_at,
        }


PROJECTS: Final[dict[str, Project]] = {
    p.id: p
    for p in (
        Project(SANDBOX_PROJECT_ID, "Sandbox shop", "EUR", False, "169", "1"),
        Project(LEGACY_PROJECT_ID, "Sandbox legacy shop", "EUR", True, "169", "2"),
        Project(DOCS_PROJECT_ID, "Docs example shop", "USD", False, "169", "3"),
    )
}
