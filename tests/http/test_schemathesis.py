"""Bad input at scale (issues 7 and 13): schemathesis generates requests from the app's OpenAPI schema, valid
and invalid; no response may be a 5xx, every response must conform to the schema (status, content type, body,
headers), invalid data must be refused, wrong methods get a 405 with a true `Allow`, and a request without its
credential is refused.

All of schemathesis's checks, `positive_data_acceptance` included: every body the schema allows is accepted (the
schema spells out the validators' rules, e.g. `refined_draft`'s 10 non-blank characters and bounded lines).

The app runs the offline coach with an in-memory principal store holding a valid coach token; examples are
bounded so the run stays within seconds.
"""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, seed, settings
from schemathesis.checks import (
    allow_header_conformance,
    content_type_conformance,
    ensure_resource_availability,
    ignored_auth,
    missing_required_header,
    negative_data_rejection,
    not_a_server_error,
    positive_data_acceptance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
    unsupported_method,
    use_after_free,
)

from planforge import PlanForge, Settings
from planforge.auth import InMemoryPrincipalStore
from planforge.http import create_app

ORG = "org_schemathesis"
MAX_EXAMPLES = 12
"""Per operation: seven operations × 12 examples run in well under 30 s."""

_principals = InMemoryPrincipalStore()
_principals.create_org(ORG, ["coach_agent"])
TOKEN = _principals.create_token(ORG, "head_coach")
# One token makes every request, and ignored_auth sends wrong ones: no rate limit or brake here (test_abuse.py).
# The body limit is a server setting, not part of the schema: a 200,000-character draft of escaped astral
# characters is ~2.4 MB of JSON, which the default 1 MiB limit refuses with 413 before the schema is checked, and
# schemathesis expects the schema's own refusal. Body limits are tested in test_abuse.py.
# Refusals answered at once: schemathesis sends hundreds of bad requests (pacing: test_refusal_pacing.py).
_settings = Settings(
    request_timeout_seconds=10,
    rate_limit_per_minute=None,
    auth_failures_per_minute=None,
    max_body_bytes=8_000_000,
    refusal_delay_seconds=0,
)
_forge = PlanForge(model="offline", settings=_settings)
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(forge=_forge, principals=_principals))

CHECKS = [
    not_a_server_error,
    positive_data_acceptance,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
    negative_data_rejection,
    unsupported_method,
    allow_header_conformance,
    missing_required_header,
    ignored_auth,
    use_after_free,
    ensure_resource_availability,
]


@schema.parametrize()
# One fixed seed everywhere, not only under CI: schemathesis's generator for the export body's nested schema
# sometimes overflows its own recursion (a RecursionError inside hypothesis, never a request), so random seeds
# would make a developer's `uv run pytest` flaky. Not `derandomize=True`: its seed is a digest of the generated
# test, which changes with any schema change (a new Requirements field hit the overflow). Seed 1 is one that
# generates every operation; other seeds tried (7, 42, 2027, 20261201) hit the overflow on one operation.
@seed(1)
@settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
def test_no_input_gets_a_5xx_or_a_response_outside_the_schema(case: schemathesis.Case) -> None:
    case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, checks=CHECKS)
