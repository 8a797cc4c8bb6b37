"""Issue 19 item 1: users' programs and the README blocks pass ``mypy --strict`` against the
package as installed, and what the main calls return is what ``reveal_type`` should say.

Run from a folder outside the checkout, so mypy sees the package only as installed (here the
editable install; ``make check-install`` runs the same check against the built wheel). Without
``py.typed`` at the package root every SDK name is ``Any`` and this fails.
"""

from __future__ import annotations

from pathlib import Path

import spectrocoin_async
from tests.docs.check_user_programs import (
    PROGRAMS,
    check,
    expectations,
    python_blocks,
    reports,
)


def test_the_package_ships_its_type_marker() -> None:
    assert (Path(spectrocoin_async.__file__).parent / "py.typed").is_file()


def test_user_programs_and_readme_blocks_pass_mypy_strict_as_installed() -> None:
    assert len(python_blocks()) >= 5
    revealed = [
        e
        for p in PROGRAMS.glob("*.py")
        for e in expectations(p.name, p.read_text(encoding="utf-8"))
        if e[2] == "revealed"
    ]
    assert len(revealed) >= 15
    assert check() == []


def test_the_checker_compares_exactly() -> None:
    source = "x = 1\nreveal_type(x)  # revealed: int\ny: str = 1  # error: assignment\n"
    expected = expectations("p.py", source)
    assert expected == {("p.py", 2, "revealed", "int"), ("p.py", 3, "error", "assignment")}
    output = (
        '/tmp/x/p.py:2: note: Revealed type is "builtins.int"\n'
        "/tmp/x/p.py:3: error: Incompatible types in assignment  [assignment]\n"
        "/tmp/x/p.py:3: note: See https://mypy.readthedocs.io\n"
    )
    said = reports(output)
    assert said == {("p.py", 2, "revealed", "builtins.int"), ("p.py", 3, "error", "assignment")}
    assert said - expected == {("p.py", 2, "revealed", "builtins.int")}
    # A class is compared by its name, not its module's path.
    order = (
        'p.py:2: note: Revealed type is "spectrocoin_async._generated.models.order.Order | None"'
    )
    assert reports(order) == {("p.py", 2, "revealed", "Order | None")}
