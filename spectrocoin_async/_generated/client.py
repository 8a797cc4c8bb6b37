"""Not used: the client lives in the hand-written runtime (``spectrocoin_async._client``).

The generator always writes this module; custom/templates/client.py.jinja keeps it empty so that no
second, unmanaged HTTP client exists in the package.
"""
