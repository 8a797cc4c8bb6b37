"""Re-exports the runtime's hand-written types and value parsers for the generated modules.

Generated from custom/templates/types.py.jinja. Do not edit: run `make generate`. The types
themselves live in ``spectrocoin_async._types`` and ``spectrocoin_async._values``, so
dependencies run one way: generated code imports the hand-written core.
"""

from .._types import (
    UNSET,
    CallOptions,
    FieldRule,
    File,
    FileTypes,
    Operation,
    PageIterator,
    Response,
    Runtime,
    Unset,
)
from .._values import parse_datetime, to_decimal

__all__ = [
    "UNSET",
    "CallOptions",
    "FieldRule",
    "File",
    "FileTypes",
    "Operation",
    "PageIterator",
    "Response",
    "Runtime",
    "Unset",
    "parse_datetime",
    "to_decimal",
]
