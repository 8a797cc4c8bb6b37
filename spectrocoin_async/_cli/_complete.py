"""Shell completion, lazily: the scripts are a few lines that ask ``spectrocoin __complete`` for
the candidates of the word being typed (tags, operations, flags, and an enum flag's values), so
they stay small and never go stale after ``make generate``. ``__complete`` reads the operation
table and builds only the one command it completes; cyclopts is not loaded."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["SCRIPTS", "candidates"]

_EXTRAS = ("callbacks", "completion", "configure", "sandbox")
_GLOBAL_VALUES = {"--output", "-o", "--profile", "--backend", "--timeout"}
_GLOBAL_FLAGS = ("--output", "--profile", "--dry-run", "--backend", "--timeout", "--verbose")
_GLOBAL_CHOICES = {
    "--output": ("json", "ndjson", "table", "csv"),
    "-o": ("json", "ndjson", "table", "csv"),
    "--backend": ("asyncio", "trio"),
}

SCRIPTS = {
    "bash": """\
# spectrocoin completion for bash: asks `spectrocoin __complete` for the candidates.
_spectrocoin_complete() {
    local IFS=$'\\n'
    COMPREPLY=($(spectrocoin __complete "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
}
complete -o default -F _spectrocoin_complete spectrocoin
""",
    "zsh": """\
#compdef spectrocoin
# spectrocoin completion for zsh: asks `spectrocoin __complete` for the candidates.
local -a candidates
candidates=("${(@f)$(spectrocoin __complete "${(@)words[2,CURRENT]}" 2>/dev/null)}")
compadd -a candidates
""",
    "fish": """\
# spectrocoin completion for fish: asks `spectrocoin __complete` for the candidates.
complete -c spectrocoin -f -a '(spectrocoin __complete (commandline -opc)[2..-1] (commandline -ct))'
""",
}


def _kebab(name: str) -> str:
    return name.strip("_").replace("_", "-")


def candidates(words: Sequence[str]) -> list[str]:
    """What may come as the last of ``words`` (the words after ``spectrocoin``)."""
    from .._generated._operations import OPERATIONS

    *done, current = list(words) or [""]
    if done and done[-1] in _GLOBAL_CHOICES:
        return [c for c in _GLOBAL_CHOICES[done[-1]] if c.startswith(current)]
    positional: list[str] = []
    skip = False
    for word in done:
        if skip:
            skip = False
        elif word in _GLOBAL_VALUES:
            skip = True
        elif not word.startswith("-"):
            positional.append(word)
    tags = {_kebab(op.tag): op.tag for op in OPERATIONS.values()}
    if current.startswith("-") and len(positional) < 2:
        return [f for f in _GLOBAL_FLAGS if f.startswith(current)]
    if not positional:
        return sorted(n for n in (*tags, *_EXTRAS) if n.startswith(current))
    tag = tags.get(positional[0])
    if tag is None:
        return []
    names = {_kebab(op.name): op.name for op in OPERATIONS.values() if op.tag == tag}
    if len(positional) == 1:
        from ._commands import helper_commands

        helpers = [_kebab(h) for h in helper_commands().get(tag, [])]
        extra = ["token"] if tag == "auth" else []
        return sorted(n for n in (*names, *helpers, *extra) if n.startswith(current))
    operation = names.get(positional[1])
    if operation is None:
        return []
    from ._commands import spec_for_operation

    flags = {
        "--" + _kebab(p.cli_name): p.kind.choices for p in spec_for_operation(operation).params
    }
    if done and done[-1] in flags and flags[done[-1]]:
        return [c for c in flags[done[-1]] if c.startswith(current)]
    return sorted(f for f in (*flags, *_GLOBAL_FLAGS) if f.startswith(current))
