"""Generated from openapi.yaml by openapi-python-client with the templates in custom/.

Do not edit anything in this folder: `make generate` wipes and rewrites it.
"""
