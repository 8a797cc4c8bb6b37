"""``spectrocoin --help`` at every level: plain text from the live command tree, without rich."""

from __future__ import annotations

import re

import pytest

from spectrocoin_async._cli._commands import helper_commands, spec_for_operation
from spectrocoin_async._generated._operations import OPERATIONS
from spectrocoin_async._version import __version__
from tests.support.cli import cli, fresh_python

BOXES = set("│╭╮╰╯─")

GLOBAL_OPTIONS = """\
Global options:
  -o, --output CHOICE  Output format. Default: a table on a terminal, JSON when
                       piped (NDJSON with --all). [choices: json, ndjson, table,
                       csv]
  --profile TEXT       Profile of the config file to take credentials from
                       (default: SPECTROCOIN_* variables, else the [default]
                       profile).
  --dry-run            Print the request as a curl command that runs as printed
                       (the token as "$SPECTROCOIN_TOKEN", never the secret);
                       send nothing.
  --backend CHOICE     Async backend (default: SPECTROCOIN_BACKEND, else
                       asyncio). [choices: asyncio, trio]
  --timeout NUMBER     Network timeout in seconds.
"""


@pytest.fixture(autouse=True)
def columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")


def page(monkeypatch: pytest.MonkeyPatch, *argv: str) -> str:
    result = cli(monkeypatch, argv, {})
    assert (result.code, result.err) == (0, "")
    return result.text


def test_a_sub_command_page_exactly(monkeypatch: pytest.MonkeyPatch) -> None:
    assert page(monkeypatch, "sandbox", "pay", "--help") == (
        "Usage: spectrocoin sandbox pay [OPTIONS] ORDER-ID\n"
        "\n"
        "Play the payer: move a sandbox order to PAID (or --status), firing its\n"
        "callbacks.\n"
        "\n"
        "Needs SPECTROCOIN_BASE_URL (or the profile's base_url) pointing at the sandbox.\n"
        "\n"
        "Exit status 1 when the order has callbacks and not one of them was delivered.\n"
        "\n"
        "Parameters:\n"
        "  ORDER-ID, --order-id      The order's id (a UUID). [required]\n"
        "  --status TEXT             The status to move the order to. [default: PAID]\n"
        "  --pay-currency-code TEXT  The currency the payer pays in.\n"
        "\n" + GLOBAL_OPTIONS
    )


def test_a_group_page_lists_commands_then_options(monkeypatch: pytest.MonkeyPatch) -> None:
    text = page(monkeypatch, "sandbox", "--help")
    assert text.startswith(
        "Usage: spectrocoin sandbox COMMAND [OPTIONS]\n"
        "\n"
        "The local sandbox.\n"
        "\n"
        "Commands:\n"
        "  pay  Play the payer: move a sandbox order to PAID (or --status), firing its\n"
        "       callbacks.\n"
        "\n"
        "Parameters:\n"
        "  --host TEXT       [default: 127.0.0.1]\n"
    )
    assert text.endswith("\n\n" + GLOBAL_OPTIONS)


def test_the_root_page_lists_every_tag_then_help_and_version(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = page(monkeypatch, "--help")
    assert page(monkeypatch, "-h") == text
    assert page(monkeypatch) == text  # no arguments: the same page
    commands = text.split("Commands:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    names = [line.split()[0].rstrip(",") for line in commands]
    tags = sorted({op.tag.replace("_", "-") for op in OPERATIONS.values()})
    assert names == [
        *sorted([*tags, "callbacks", "completion", "configure", "sandbox"]),
        "--help",
        "--version",
    ]
    assert commands[-2:] == [
        "  --help, -h       Display this message and exit.",
        "  --version        Display application version.",
    ]


def test_every_operation_page(monkeypatch: pytest.MonkeyPatch) -> None:
    for op in OPERATIONS.values():
        spec = spec_for_operation(op.name)
        text = page(monkeypatch, op.tag.replace("_", "-"), op.name.replace("_", "-"), "--help")
        assert text.startswith(
            f"Usage: spectrocoin {op.tag.replace('_', '-')} {op.name.replace('_', '-')} "
        ), op.name
        assert not BOXES & set(text), op.name
        lines = text.splitlines()
        for line in lines:  # only a word that cannot be broken (a URL) overruns the width
            assert len(line) <= 80 or " " not in line.strip(), (op.name, line)
        rows = {line.split()[0].rstrip(",") for line in lines if line.startswith("  -")}
        for param in spec.params:
            flag = "--" + param.cli_name.strip("_").replace("_", "-")
            assert flag in rows or param.positional, (op.name, flag)
        assert f"\n{op.method} {op.path}\n" in text, op.name
        # The evidence source, whole: a URL is never split across lines.
        assert op.source.split()[0] in text.replace("Source:\n", "Source: "), op.name
        assert text.endswith("\n\n" + GLOBAL_OPTIONS), op.name


def test_every_download_helper_page(monkeypatch: pytest.MonkeyPatch) -> None:
    for tag, names in helper_commands().items():
        for name in names:
            text = page(monkeypatch, tag.replace("_", "-"), name.replace("_", "-"), "--help")
            assert text.startswith(
                f"Usage: spectrocoin {tag.replace('_', '-')} {name.replace('_', '-')} "
                "[OPTIONS] PATH\n"
            )
            assert re.search(r"\n  PATH, --path +The file to write; it appears only once", text)


def test_markdown_paragraphs_are_joined_plain_text_lines_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    completion = page(monkeypatch, "completion", "--help")
    assert '\nzsh: spectrocoin completion zsh > "${fpath[1]}/_spectrocoin"\n' in completion
    create = page(monkeypatch, "merchant", "create-order", "--help")
    assert "\nCreates a merchant order for a project and returns `redirectUrl`, the payment\n" in (
        create
    )


def test_width_follows_columns_up_to_100(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    wide = page(monkeypatch, "merchant", "create-order", "--help")
    assert max(len(line) for line in wide.splitlines() if " " in line.strip()) == 100
    monkeypatch.setenv("COLUMNS", "50")
    narrow = page(monkeypatch, "merchant", "create-order", "--help")
    assert max(len(line) for line in narrow.splitlines() if " " in line.strip()) == 50
    # Too narrow for two columns: each description goes under its label.
    assert (
        "\n  --project-id UUID\n"
        "      Merchant project id. Type: UUID. Required\n"
        "      (here or in --body).\n"
    ) in narrow


def test_usage_errors_are_plain_and_name_the_page_to_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    typo = cli(monkeypatch, ["mercant"], {})
    tags = sorted({op.tag.replace("_", "-") for op in OPERATIONS.values()})
    commands = ", ".join(sorted([*tags, "callbacks", "completion", "configure", "sandbox"]))
    assert (typo.code, typo.text) == (2, "")
    assert typo.err == (
        f"spectrocoin: unknown command 'mercant'. Did you mean 'merchant'? Commands: {commands}.\n"
        "  see: spectrocoin --help\n"
    )
    missing = cli(monkeypatch, ["merchant", "get-order"], {})
    assert (missing.code, missing.err) == (
        2,
        'spectrocoin: Command "merchant get-order" parameter --id requires an argument.\n'
        "  see: spectrocoin merchant get-order --help\n",
    )
    choice = cli(monkeypatch, ["--output", "xml", "rates", "get-rates"], {})
    assert (choice.code, choice.err) == (
        2,
        'spectrocoin: Invalid value "xml" for --output. Choose from: "json", "ndjson", "table", '
        '"csv".\n  see: spectrocoin --help\n',
    )
    version = cli(monkeypatch, ["--version"], {})
    assert (version.code, version.text, version.err) == (0, f"{__version__}\n", "")


def test_an_unknown_command_builds_no_command() -> None:
    code = (
        "import sys, io, contextlib\n"
        "from spectrocoin_async._cli import run\n"
        "with contextlib.redirect_stderr(io.StringIO()): print(run(['merchant', 'get-ordr']))\n"
        "module = sys.modules.get('spectrocoin_async._cli._run')\n"
        "commands = vars(module) if module else {}\n"
        "print([k for k in commands if k.startswith(('get_', 'list_', 'create_'))])\n"
    )
    out = fresh_python(code)
    assert out == "2\n[]\n"


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--help"],
        ["merchant", "--help"],
        ["merchant"],
        ["merchant", "create-order", "--help"],
        ["-o", "json", "exports", "download-transactions", "-h"],
        ["sandbox", "pay", "--help"],
        ["mercant"],
        ["merchant", "get-order"],
    ],
)
def test_no_help_page_or_usage_error_loads_rich(argv: list[str]) -> None:
    code = (
        "import sys, io, contextlib\n"
        "sys.modules['click'] = None\n"
        "from spectrocoin_async._cli import run\n"
        "out = io.StringIO()\n"
        f"with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out): "
        f"code = run({argv!r})\n"
        "print(code, out.getvalue().startswith(('Usage: spectrocoin', 'spectrocoin: ')), "
        "sorted(m for m in sys.modules if m == 'rich' or m.startswith('rich.')))\n"
    )
    out = fresh_python(code)
    assert out == f"{2 if argv in (['mercant'], ['merchant', 'get-order']) else 0} True []\n"


@pytest.mark.parametrize("columns", ["abc", "0", "-5", "", " ", "²", "٣", "1_0", "8e1"])
def test_a_columns_value_that_is_no_width_gives_80(
    monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    expected = page(monkeypatch, "sandbox", "pay", "--help")  # COLUMNS=80
    monkeypatch.setenv("COLUMNS", columns)
    assert page(monkeypatch, "sandbox", "pay", "--help") == expected


def test_a_huge_columns_value_is_the_widest_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    widest = page(monkeypatch, "merchant", "create-order", "--help")
    monkeypatch.setenv("COLUMNS", "9" * 400)
    assert page(monkeypatch, "merchant", "create-order", "--help") == widest


def test_markdown_list_items_keep_their_lines_numbered_ones_too() -> None:
    from spectrocoin_async._cli._help import _paragraphs

    text = (
        "Steps:\n"
        "1. create the order with a receive amount and a currency code\n"
        "   that the project accepts\n"
        "2. redirect the payer\n"
        "10) wait for the callback\n"
        "+ or poll\n"
        "* or both\n"
    )
    assert list(_paragraphs(text, 40, join_lines=True)) == [
        "Steps:",
        "1. create the order with a receive",
        "   amount and a currency code that the",
        "   project accepts",
        "2. redirect the payer",
        "10) wait for the callback",
        "+ or poll",
        "* or both",
    ]


def test_help_with_stdout_closed_exits_quietly(monkeypatch: pytest.MonkeyPatch) -> None:
    from spectrocoin_async._cli import run

    monkeypatch.setattr("sys.stdout", None)  # as Python sets it for `spectrocoin --help >&-`
    assert run(["--help"]) == 0
    assert run(["merchant", "get-order", "--help"]) == 0
