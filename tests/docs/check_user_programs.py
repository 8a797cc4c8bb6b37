"""Type-check users' programs against the spectrocoin_async that ``python`` imports.

    python tests/docs/check_user_programs.py

Runs ``mypy --strict`` (with the running interpreter, so against its installed package: the
wheel in ``make check-install``, the editable install in the tests) on the programs in
``user_programs/`` and on every ```python block of the README, from a scratch folder outside the
checkout, as a user's own code sees the package. Expectations live in the programs:

- ``reveal_type(x)  # revealed: T``: mypy must reveal exactly ``T`` on that line;
- ``...  # error: code``: mypy must report an error with that code on that line.

Anything else mypy reports is a failure, and so is an expectation it does not meet. Only the
standard library and mypy are needed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROGRAMS = HERE / "user_programs"
README = HERE.parent.parent / "README.md"

# Names the README's fragments use without defining them (a fragment is a few lines of a larger
# program; a block with `def main` is a whole one and gets no prelude).
FRAGMENT_PRELUDE = """\
from datetime import date
from decimal import Decimal

from spectrocoin_async import SpectroCoinClient


async def already_processed(order_id: str | None, status: str | None) -> bool:
    return False


async def mark_order(order_id: str | None, status: str | None) -> None: ...


async def example(sc: SpectroCoinClient) -> None:
"""

_EXPECT = re.compile(r"#\s*(revealed|error):\s*(.+?)\s*$")
_REPORT = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): (?P<kind>error|note): (?P<text>.*)$")
_REVEALED = re.compile(r'^Revealed type is "(.*)"$')
_CODE = re.compile(r"\s+\[([a-z-]+)\]$")
# A class named with its module (spectrocoin_async._generated.models.order.Order, decimal.Decimal)
# is compared by its name alone, so that an expectation fits on its line.
_QUALIFIED = re.compile(r"\b(?:[a-z_][a-z0-9_]*\.)+(?=[A-Z])")


def python_blocks(readme: Path = README) -> list[str]:
    return re.findall(r"```python\n(.*?)```", readme.read_text(encoding="utf-8"), re.S)


def readme_sources(readme: Path = README) -> dict[str, str]:
    """Each README block as a file of its own, fragments inside the prelude's function."""
    sources = {}
    for index, block in enumerate(python_blocks(readme)):
        whole = "def main" in block
        sources[f"readme_block_{index}.py"] = (
            block if whole else FRAGMENT_PRELUDE + textwrap.indent(block, "    ")
        )
    return sources


def expectations(name: str, source: str) -> set[tuple[str, int, str, str]]:
    found = set()
    for number, line in enumerate(source.splitlines(), start=1):
        match = _EXPECT.search(line)
        if match:
            found.add((name, number, match.group(1), match.group(2)))
    return found


def reports(output: str) -> set[tuple[str, int, str, str]]:
    """What mypy said, in the form of the expectations (other notes are dropped)."""
    found = set()
    for line in output.splitlines():
        match = _REPORT.match(line)
        if not match:
            continue
        name, number, text = Path(match["file"]).name, int(match["line"]), match["text"]
        if match["kind"] == "note":
            revealed = _REVEALED.match(text)
            if revealed:
                found.add((name, number, "revealed", _QUALIFIED.sub("", revealed.group(1))))
            continue
        code = _CODE.search(text)
        found.add((name, number, "error", code.group(1) if code else text))
    return found


def check(python: str = sys.executable) -> list[str]:
    """The differences between what mypy said and what the programs expect (empty: all met)."""
    sources = {p.name: p.read_text(encoding="utf-8") for p in sorted(PROGRAMS.glob("*.py"))}
    sources.update(readme_sources())
    expected: set[tuple[str, int, str, str]] = set()
    with tempfile.TemporaryDirectory(prefix="spectrocoin-user-programs-") as tmp:
        for name, source in sources.items():
            (Path(tmp) / name).write_text(source, encoding="utf-8")
            expected |= expectations(name, source)
        result = subprocess.run(
            [
                python,
                "-m",
                "mypy",
                "--strict",
                "--no-incremental",
                "--cache-dir",
                str(Path(tmp) / ".mypy_cache"),
                "--show-error-codes",
                "--no-error-summary",
                "--hide-error-context",
                "--no-pretty",
                *sorted(sources),
            ],
            cwd=tmp,  # outside the checkout: the package is found only where it is installed
            capture_output=True,
            text=True,
            check=False,
        )
        shutil.rmtree(Path(tmp) / ".mypy_cache", ignore_errors=True)
    said = reports(result.stdout)
    problems = [
        f"{f}:{n}: expected {k} {v!r}, mypy did not say so"
        for f, n, k, v in sorted(expected - said)
    ]
    problems += [f"{f}:{n}: unexpected {k}: {v}" for f, n, k, v in sorted(said - expected)]
    if result.returncode not in (0, 1) or (not said and result.stderr):
        problems.append(f"mypy failed: {result.stderr.strip()[:2000]}")
    return problems


def main() -> int:
    problems = check()
    for problem in problems:
        print(problem)
    if problems:
        print(f"user programs: {len(problems)} problem(s) under mypy --strict")
        return 1
    print("user programs and README blocks: mypy --strict as expected")
    return 0


if __name__ == "__main__":
    sys.exit(main())
