"""The closest valid name to a misspelt one, for messages that say what to write instead.

Names are compared without case, ``_`` or ``-``, so a Python name finds its wire name
(``callback_url`` -> ``callbackUrl``) and a CLI flag its field (``--from-`` -> ``from_``).
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["closest", "unknown_reason"]


def _plain(name: str) -> str:
    return name.replace("_", "").replace("-", "").lower()


def closest(name: str, candidates: Iterable[str]) -> str | None:
    """The candidate ``name`` most likely meant, or ``None`` when none is close."""
    by_plain: dict[str, str] = {}
    for candidate in candidates:
        by_plain.setdefault(_plain(candidate), candidate)
    plain = _plain(name[:200])
    if plain in by_plain:
        return by_plain[plain]
    import difflib  # only on a mistake: not loaded by `import spectrocoin_async`

    found = difflib.get_close_matches(plain, list(by_plain), n=1, cutoff=0.6)
    if found:
        return by_plain[found[0]]
    # A name that says more than the valid one (from_currency_code for from_), or less.
    within = [c for c in by_plain if len(c) >= 2 and (plain.startswith(c) or c.startswith(plain))]
    return by_plain[max(within, key=len)] if within and len(plain) >= 2 else None


def unknown_reason(name: str, candidates: Iterable[str], what: str) -> str:
    """``unknown field; did you mean callbackUrl?`` or, with nothing close, every valid name."""
    names = sorted(candidates)
    close = closest(name, names)
    if close is not None:
        return f"unknown {what}; did you mean {close}?"
    if not names:
        return f"unknown {what}; there are none"
    return f"unknown {what}; valid: {', '.join(names)}"
