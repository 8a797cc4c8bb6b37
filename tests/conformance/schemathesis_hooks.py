"""Schemathesis hooks for tests/conformance/test_schemathesis.py (loaded through ``SCHEMATHESIS_HOOKS``).

Replaces the built-in ``positive_data_acceptance`` check with a stricter reading of the spec:
a schema-valid request must succeed, unless the refusal is one the spec declares. openapi.yaml
lists, under ``x-business-rules`` of its 400 and 422 responses, the rules a schema cannot
express (an unknown currency, too many decimal places for the currency, insufficient funds...).
A refusal passes only if its body says ``category: business`` with one of those keys: a
schema-valid request refused for a schema reason still fails.

``before_call`` feeds the stateful phase: there a create (an order, a pre-order) names the
sandbox's seeded project and known currencies, so that ids flow along the spec's links to get,
accept and cancel. Every other phase sends the data exactly as generated.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any

import schemathesis
import yaml

SPEC = Path(__file__).resolve().parents[2] / "openapi.yaml"
ACCEPTED = range(200, 300)
NOT_ABOUT_THE_DATA = {401, 403, 404}  # credentials and ids that do not exist are not the schema's


@cache
def business_rules() -> dict[int, frozenset[str]]:
    if os.environ.get("SPECTROCOIN_IGNORE_BUSINESS_RULES"):  # the test's negative control
        return {}
    responses = yaml.safe_load(SPEC.read_text(encoding="utf-8"))["components"]["responses"]
    status = {"BadRequest": 400, "UnprocessableEntity": 422}
    return {
        status[name]: frozenset(responses[name].get("x-business-rules", {}))
        for name in status
        if name in responses
    }


@schemathesis.check
def declared_refusals_only(ctx: Any, response: Any, case: Any) -> bool | None:
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive:
        return None
    code = response.status_code
    if code in ACCEPTED or code in NOT_ABOUT_THE_DATA:
        return None
    try:
        body = json.loads(response.content)
    except ValueError:
        body = None
    key = body.get("key") if isinstance(body, dict) else None
    category = body.get("category") if isinstance(body, dict) else None
    if category == "business" and key in business_rules().get(code, frozenset()):
        return None
    raise AssertionError(
        f"schema-valid request refused with {code} ({category}/{key}), which is not a business "
        f"rule declared under x-business-rules of the spec's {code} response"
    )


# The stateful phase follows the spec's links (create -> get, accept, cancel), but a create needs
# a project and currencies the sandbox holds: random well-formed ones end in 404 or
# unknown_currency, and no id ever flows. In that phase only, and only for schema-valid data, a
# create names the sandbox's seeded project and known currencies (still schema-valid values).
_PROJECT = "f58a9032-94c8-1b36-a132-3d6c2ad81255"  # the docs' example project, seeded
_KNOWN = {"projectId": _PROJECT, "receiveCurrencyCode": "EUR", "payCurrencyCode": "BTC"}
_CREATES = {"createOrder", "createPreOrder"}


@schemathesis.hook
def before_call(ctx: Any, case: Any, kwargs: Any) -> None:
    meta = case.meta
    if meta is None or meta.phase.name.value != "stateful" or not meta.generation.mode.is_positive:
        return
    if case.operation.definition.raw.get("operationId") not in _CREATES:
        return
    if isinstance(case.body, dict):
        for key, value in _KNOWN.items():
            if key in case.body:
                case.body[key] = value
