"""Names for evaluating the generated modules' string annotations (shared by ``_commands`` and
``_body``)."""

from __future__ import annotations

from typing import Any

__all__ = ["ModelNames"]


class ModelNames(dict[str, Any]):
    """Names for evaluating the generated annotations: models load only when named."""

    def __missing__(self, key: str) -> Any:
        from .._generated import models

        try:
            return getattr(models, key)
        except AttributeError:
            raise KeyError(key) from None  # then globals and builtins are looked at
