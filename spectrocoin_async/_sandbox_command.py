"""The ``spectrocoin-sandbox`` console script: without the ``sandbox`` extra, one line saying
which install is missing, where importing the sandbox would end in a traceback."""

from __future__ import annotations

import sys

# What the sandbox imports beyond the SDK's own dependencies (the `sandbox` extra).
_NEEDS = ("starlette", "uvicorn", "yaml", "cryptography", "jinja2")


def main() -> None:
    for name in _NEEDS:
        try:
            __import__(name)
        except ImportError:
            print(
                f"spectrocoin-sandbox: needs the sandbox extra ({name} is not installed): "
                "pip install 'spectrocoin-async[sandbox]'",
                file=sys.stderr,
            )
            sys.exit(2)
    from .sandbox.__main__ import main as sandbox_main

    sandbox_main()
