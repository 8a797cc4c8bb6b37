"""Generated from openapi.yaml by openapi-python-client with the templates in custom/.

Do not edit anything in this folder: `make generate` wipes and rewrites it.
"""

# The runtime learns the spec's secret fields from here (it never imports generated code).
from . import _secrets  # noqa: F401
