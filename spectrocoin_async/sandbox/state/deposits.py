"""Deposits: crypto deposit addresses and bank deposit details."""

from __future__ import annotations

from typing import Final

from ..catalogue import BANK_DEPOSIT_DETAILS, Currency, Network
from ..errors import rule_broken
from .accounts import _Accounts
from .records import Record

_BECH32: Final = "023456789acdefghjklmnpqrstuvwxyz"
_BASE58: Final = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_BASE64URL: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


class _Deposits(_Accounts):
    # -- deposits ----------------------------------------------------------------------------

    def _address_text(self, network: Network) -> tuple[str, str | None]:
        rng = self._rng
        if network.code == "BTC":
            return "bc1q" + "".join(rng.choices(_BECH32, k=38)), None
        if network.code in ("ETH", "BSC"):
            return "0x" + "".join(rng.choices("0123456789abcdef", k=40)), None
        if network.code == "TRX":
            return "T" + "".join(rng.choices(_BASE58, k=33)), None
        tag = str(rng.randint(10**8, 10**9 - 1))
        return "UQ" + "".join(rng.choices(_BASE64URL, k=46)), tag

    def _add_address(
        self, currency: Currency, network: Network, *, created_at: str | None = None
    ) -> Record:
        address, memo = self._address_text(network)
        record: Record = {
            "id": self._id(),
            "currencyCode": currency.code,
            "networkCode": network.code,
            "address": address,
            "memo": memo,
            "createdAt": created_at or self._stamp(),
        }
        self.addresses[record["id"]] = record
        return record

    def _crypto_network(
        self, code: str, network_code: str | None, *, name: str, deposit: bool
    ) -> tuple[Currency, Network]:
        currency = self.currency(code, name)
        if not currency.crypto:
            raise rule_broken("not_crypto", name, f"{code} is not a crypto currency")
        network = currency.network(network_code)
        if network is None:
            raise rule_broken(
                "unknown_network", "networkCode", f"{code} has no network {network_code}"
            )
        if not (network.deposit_enabled if deposit else network.withdrawal_enabled):
            raise rule_broken(
                "network_disabled", "networkCode", f"{network.code} is disabled for {code}"
            )
        return currency, network

    def create_address(self, code: str, network_code: str | None) -> Record:
        currency, network = self._crypto_network(
            code, network_code, name="currencyCode", deposit=True
        )
        record = self._add_address(currency, network)
        self.counts["depositAddresses"] += 1
        return record

    def list_addresses(
        self, currency_code: str | None = None, network_code: str | None = None
    ) -> list[Record]:
        return [
            a
            for a in self.addresses.values()
            if (currency_code is None or a["currencyCode"] == currency_code)
            and (network_code is None or a["networkCode"] == network_code)
        ]

    def deposit_instructions(self, currency_code: str | None) -> Record:
        return {
            "cryptoAddresses": self.list_addresses(currency_code),
            "bankDetails": [
                dict(d)
                for d in BANK_DEPOSIT_DETAILS
                if currency_code is None or d["currencyCode"] == currency_code
            ],
        }
