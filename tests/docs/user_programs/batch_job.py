"""A nightly batch job: every account's transactions, summed per day, written to a CSV file;
then the export of the same range streamed to disk.

Type-checked, never run: see ``merchant_backend.py``. Only ``None`` checks, never ``Unset``.
"""

from __future__ import annotations

import csv
import datetime
import functools
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import reveal_type

import anyio

from spectrocoin_async import SpectroCoinClient, Transaction, run_batch


def day_of(tx: Transaction) -> datetime.date | None:
    return tx.created_at.date() if tx.created_at is not None else None


async def main(out: Path) -> None:
    since = datetime.date(2026, 12, 1)
    async with SpectroCoinClient() as sc:
        accounts = await sc.accounts.list_accounts()
        reveal_type(accounts)  # revealed: list[Account]
        reveal_type(accounts[0].balance)  # revealed: Decimal | None
        total_balance = sum((a.balance for a in accounts if a.balance is not None), Decimal(0))

        per_day: dict[tuple[str, datetime.date], Decimal] = defaultdict(Decimal)
        pages = sc.transactions.iterate_list_transactions(size=100, date_from=since)
        reveal_type(pages)  # revealed: PageIterator[Transaction]
        async with pages as txs:
            async for tx in txs:
                reveal_type(tx.amount)  # revealed: Decimal | None
                day = day_of(tx)
                if tx.amount is None or day is None or tx.currency_code is None:
                    continue
                per_day[tx.currency_code, day] += tx.amount

        with out.open("w", newline="", encoding="utf-8") as file:
            writer = csv.writer(file)
            writer.writerow(["currency", "day", "total"])
            for (currency, day), total in sorted(per_day.items()):
                writer.writerow([currency, day.isoformat(), format(total, "f")])
            writer.writerow(["ALL", "balance", format(total_balance, "f")])

        results = await run_batch(
            (
                functools.partial(sc.transactions.list_transactions, account_id=a.id)
                for a in accounts
            ),
            concurrency=8,
        )
        for result in results:
            reveal_type(result.value)  # revealed: TransactionPage | None
            if result.ok:
                reveal_type(result.value)  # revealed: TransactionPage
                print("account", accounts[result.index].id, len(result.value.content))
            else:
                reveal_type(result.error)  # revealed: Exception
                print("account", accounts[result.index].id, "failed:", result.error)

        download = await sc.exports.download_transactions(
            out.with_suffix(".export.csv"), format="CSV", date_from=since
        )
        reveal_type(download.bytes_written)  # revealed: int


if __name__ == "__main__":
    anyio.run(main, Path("daily.csv"))
