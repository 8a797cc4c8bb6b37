"""``make changes``: scratch copies of the spec with known changes, each regenerated with the
pinned generator, give exactly the expected report at the spec level and the Python level."""

from __future__ import annotations

import copy
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "custom"))

import changes  # noqa: E402
import python_diff  # noqa: E402
from generate import load_spec  # noqa: E402
from spec_diff import Change  # noqa: E402

SPEC = load_spec(ROOT / "openapi.yaml")
Edit = Callable[[dict[str, Any]], None]


class _Dumper(yaml.SafeDumper):
    """Exact numbers go back out as they came in."""


_Dumper.add_representer(Decimal, lambda d, v: d.represent_scalar("tag:yaml.org,2002:float", str(v)))


def _package_copy(into: Path) -> None:
    shutil.copytree(
        ROOT / "spectrocoin_async",
        into / "spectrocoin_async",
        ignore=shutil.ignore_patterns("_generated", "__pycache__"),
    )
    shutil.copy(ROOT / "pyproject.toml", into / "pyproject.toml")


def scratch_tree(into: Path, edit: Edit) -> Path:
    """A copy of the package whose generated part comes from the edited spec."""
    spec = copy.deepcopy(SPEC)
    edit(spec)
    into.mkdir()
    _package_copy(into)
    (into / "openapi.yaml").write_text(
        yaml.dump(spec, Dumper=_Dumper, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    generated = into / "spectrocoin_async" / "_generated"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "custom" / "generate.py"),
            str(generated),
            str(into / "openapi.yaml"),
        ],
        check=True,
        capture_output=True,
    )
    return into


def lines(found: list[Change], level: str) -> list[str]:
    return [c.line() for c in found if c.level == level]


def op(spec: dict[str, Any], path: str, method: str = "get") -> dict[str, Any]:
    found: dict[str, Any] = spec["paths"][path][method]
    return found


def remove_operation(spec: dict[str, Any]) -> None:
    del spec["paths"]["/transactions/{id}"]


def add_required_parameter(spec: dict[str, Any]) -> None:
    op(spec, "/transactions")["parameters"].append(
        {"name": "walletId", "in": "query", "required": True, "schema": {"type": "string"}}
    )


def field_string_to_number(spec: dict[str, Any]) -> None:
    spec["components"]["schemas"]["CreateOrderRequest"]["properties"]["description"] = {
        "type": "number",
        "format": "decimal",
        "description": "Now a number.",
    }


def enum_value_added(spec: dict[str, Any]) -> None:
    spec["components"]["schemas"]["TransactionType"]["enum"].append("CASHBACK")


def enum_value_removed(spec: dict[str, Any]) -> None:
    spec["components"]["schemas"]["TransactionType"]["enum"].remove("TRANSFER")


def response_field_nullable(spec: dict[str, Any]) -> None:
    spec["components"]["schemas"]["Account"]["properties"]["currencyCode"]["type"] = [
        "string",
        "null",
    ]


def new_tag(spec: dict[str, Any]) -> None:
    spec["tags"].append({"name": "loyalty", "description": "Loyalty points."})
    listing = copy.deepcopy(op(spec, "/currencies"))
    listing.update(operationId="listLoyaltyPoints", tags=["loyalty"], summary="List points")
    spec["paths"]["/loyalty/points"] = {"get": listing}


CASES: dict[str, tuple[Edit, list[str], list[str]]] = {
    "operation removed": (
        remove_operation,
        [
            "BREAKING transactions.get_transaction: operation removed (GET /transactions/{id}): "
            "calls to it must go"
        ],
        [
            "BREAKING transactions.get_transaction: method removed",
            "BREAKING transactions.get_transaction_detailed: method removed",
        ],
    ),
    "required parameter added": (
        add_required_parameter,
        [
            "BREAKING transactions.list_transactions: parameter 'wallet_id' added as required: "
            "pass it"
        ],
        [
            "BREAKING transactions.iterate_list_transactions: parameter 'wallet_id' added as "
            "required",
            "BREAKING transactions.list_transactions: parameter 'wallet_id' added as required",
            "BREAKING transactions.list_transactions_detailed: parameter 'wallet_id' added as "
            "required",
        ],
    ),
    "field type string to number": (
        field_string_to_number,
        [
            "BREAKING merchant.create_order: parameter 'body' field 'description' changed type "
            "from string to number (decimal)"
        ],
        [
            "BREAKING CreateOrderRequest: field 'description' type changed from str | Unset to "
            "Decimal | Unset"
        ],
    ),
    "enum value added": (
        enum_value_added,
        ["TransactionType: enum gained the value 'CASHBACK'"],
        ["TransactionType: new member CASHBACK"],
    ),
    "enum value removed": (
        enum_value_removed,
        ["BREAKING TransactionType: enum lost the value 'TRANSFER': code using it must change"],
        ["BREAKING TransactionType: member 'TRANSFER' removed"],
    ),
    "response field made nullable": (
        response_field_nullable,
        [
            "BREAKING accounts.get_account: response field 'currencyCode' may now be None: "
            "check for None",
            "BREAKING accounts.list_accounts: response field '[].currencyCode' may now be None: "
            "check for None",
        ],
        ["BREAKING Account: field 'currency_code' type changed from str to None | str"],
    ),
    "new tag": (
        new_tag,
        [
            "loyalty: new namespace (client.loyalty)",
            "loyalty.list_loyalty_points: new operation (GET /loyalty/points)",
        ],
        ["client.loyalty: new namespace"],
    ),
}


@pytest.fixture(scope="module")
def control(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The spec dumped and regenerated unchanged: the baseline every case is held against.
    Every case reads it, so its griffe reading (the slow part) is kept."""
    tree = scratch_tree(tmp_path_factory.mktemp("control") / "tree", lambda spec: None)
    real = python_diff.load
    kept = real(tree)
    python_diff.load = lambda root: kept if root == tree else real(root)
    yield tree
    python_diff.load = real


def test_an_unchanged_spec_reports_nothing(control: Path) -> None:
    assert changes.compare(ROOT, control) == []


@pytest.mark.parametrize("case", CASES)
def test_each_known_change_gives_its_exact_report(case: str, control: Path, tmp_path: Path) -> None:
    edit, spec_lines, python_lines = CASES[case]
    found = changes.compare(control, scratch_tree(tmp_path / "tree", edit))
    assert lines(found, "spec") == spec_lines
    assert lines(found, "python") == python_lines


@pytest.mark.parametrize(
    ("base", "found", "expected"),
    [
        ((0, 1, 0), [], (0, 1, 0)),
        ((0, 1, 0), [Change("spec", "Added", False, "x", "y")], (0, 1, 1)),
        ((0, 1, 3), [Change("spec", "Removed", True, "x", "y")], (0, 2, 0)),
        ((1, 4, 2), [Change("spec", "Added", False, "x", "y")], (1, 5, 0)),
        ((1, 4, 2), [Change("spec", "Changed", False, "x", "y")], (1, 4, 3)),
        ((1, 4, 2), [Change("python", "Changed", True, "x", "y")], (2, 0, 0)),
    ],
)
def test_the_version_policy(
    base: tuple[int, int, int], found: list[Change], expected: tuple[int, int, int]
) -> None:
    assert changes.required_version(base, found) == expected


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Path]:
    """A git repository holding today's spec and package as its first commit."""
    repo = tmp_path / "repo"
    repo.mkdir()
    _package_copy(repo)
    shutil.copytree(
        ROOT / "spectrocoin_async" / "_generated",
        repo / "spectrocoin_async" / "_generated",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    shutil.copy(ROOT / "openapi.yaml", repo / "openapi.yaml")
    (repo / "CHANGELOG.md").write_text(
        "# Changelog\n\n## [Unreleased]\n\n## [0.1.0] - 2026-12-08\n\n- First release.\n"
    )
    _git(repo, "init", "-q")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "add", "-A")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "tag", "v0.1.0")
    yield repo


def _regenerate(repo: Path, edit: Edit) -> None:
    tree = scratch_tree(repo.parent / "edited", edit)
    shutil.copy(tree / "openapi.yaml", repo / "openapi.yaml")
    shutil.rmtree(repo / "spectrocoin_async" / "_generated")
    shutil.copytree(
        tree / "spectrocoin_async" / "_generated", repo / "spectrocoin_async" / "_generated"
    )


def test_a_breaking_change_fails_until_the_version_and_changelog_follow(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _regenerate(repo, remove_operation)

    assert changes.main(["--root", str(repo)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("API changes: v0.1.0 -> working tree\n")
    assert "Verdict: BREAKING. The policy (semver, see custom/changes.py) asks for 0.2.0" in out
    assert "Bump the version in pyproject.toml to 0.2.0." in out

    pyproject = repo / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace('version = "0.1.0"', 'version = "0.2.0"', 1))
    assert changes.main(["--root", str(repo)]) == 1  # bumped, but no changelog entry yet
    assert (
        "CHANGELOG.md has no entry for 0.2.0 and nothing under Unreleased"
        in capsys.readouterr().out
    )

    assert changes.main(["--root", str(repo), "--changelog"]) == 0
    changelog = (repo / "CHANGELOG.md").read_text()
    unreleased = changelog.split("## [Unreleased]")[1].split("## [0.1.0]")[0]
    assert "### Removed" in unreleased
    assert (
        "- **Breaking:** `transactions.get_transaction`: operation removed "
        "(GET /transactions/{id}): calls to it must go"
    ) in unreleased
    assert "- **Breaking:** `transactions.get_transaction`: method removed" in unreleased

    # A second draft replaces the first instead of stacking up.
    assert changes.main(["--root", str(repo), "--changelog"]) == 0
    assert (repo / "CHANGELOG.md").read_text() == changelog


def test_an_additive_change_passes_and_suggests_a_patch(tmp_path: Path) -> None:
    added = [Change("spec", "Added", False, "TransactionType", "enum gained the value 'X'")]
    status, closing = changes.verdict(added, (0, 1, 0), (0, 1, 0), tmp_path / "CHANGELOG.md")
    assert status == 0
    assert closing == (
        "Verdict: not breaking. The policy (semver, see custom/changes.py) asks for 0.1.1 or "
        "later (base 0.1.0); pyproject.toml has 0.1.0.\n"
        "Suggested: bump the version to 0.1.1 for the release."
    )


def test_without_a_release_tag_the_base_is_head(tmp_path: Path) -> None:
    _git(tmp_path, "init", "-q")
    assert changes.default_base(tmp_path) == "HEAD"


def test_required_only_any_of_keeps_the_models_name_and_a_dropped_format_widens() -> None:
    import spec_diff

    before = copy.deepcopy(SPEC)
    for param in op(before, "/merchants/orders/{id}")["parameters"]:
        if param.get("name") == "id":
            param["schema"] = {"type": "string", "format": "uuid"}
    after = copy.deepcopy(before)
    after["components"]["schemas"]["CreateOrderRequest"]["anyOf"] = [
        {"required": ["payAmount"]},
        {"required": ["receiveAmount"]},
    ]
    for param in op(after, "/merchants/orders/{id}")["parameters"]:
        if param.get("name") == "id":
            param["schema"] = {"type": "string"}
    assert [c.line() for c in spec_diff.spec_changes(before, after)] == [
        "merchant.get_order: parameter 'id' now accepts any string (was string (uuid))"
    ]
