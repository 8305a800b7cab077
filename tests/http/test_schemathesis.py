"""Bad input at scale (issue 7): schemathesis generates requests from the app's OpenAPI schema, valid and
invalid; no response may be a 5xx, and every response must conform to the schema (status, content type, body).

The app runs the offline coach with an in-memory principal store holding a valid coach token; examples are
bounded so the run stays within seconds.
"""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
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
_forge = PlanForge(model="offline", settings=Settings(request_timeout_seconds=10))
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(forge=_forge, principals=_principals))

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_input_gets_a_5xx_or_a_response_outside_the_schema(case: schemathesis.Case) -> None:
    case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, checks=CHECKS)
