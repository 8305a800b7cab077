"""Authentication and authorization dependencies: credential → principal → may this principal act here.

A credential is a bearer token (`Authorization: Bearer …`) or an org-level `X-API-Key`; both resolve
through the app's `PrincipalStore`. Failures raise planforge errors that become 401/403 envelopes.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from planforge.auth.principal import COACH_AGENT_FEATURE, Principal
from planforge.exceptions import AccessDeniedError, AuthenticationError
from planforge.http.state import State

bearer_scheme = HTTPBearer(auto_error=False, description="A token from `planforge token create`.")
api_key_scheme = APIKeyHeader(
    name="X-API-Key", auto_error=False, description="The same token as an org-level API key header."
)


async def authenticate(
    state: State,
    bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)],
    api_key: Annotated[str | None, Depends(api_key_scheme)],
) -> Principal:
    """The principal behind the request's credential; 401 when there is none or it is unknown."""
    credential = bearer.credentials if bearer is not None else api_key
    if not credential:
        raise AuthenticationError("missing credential: send `Authorization: Bearer <token>` or `X-API-Key: <token>`")
    principal = await state.principals.resolve(credential)
    if principal is None:
        raise AuthenticationError("invalid credential: the token is unknown or has been revoked")
    return principal


async def require_coach(principal: Annotated[Principal, Depends(authenticate)]) -> Principal:
    """The principal, when its role may use the AI coach and its org has the Coach Agent feature; else 403."""
    if not principal.may_generate:
        raise AccessDeniedError(f"role {principal.role!r} may not use the AI coach; a coach role is required")
    if not principal.has_coach_agent:
        raise AccessDeniedError(
            f"org {principal.org_id!r} does not have the Coach Agent feature ({COACH_AGENT_FEATURE!r}) enabled"
        )
    return principal


def ensure_own_org(principal: Principal, org_id: str) -> None:
    """403 unless `org_id` is the principal's own org: a credential never acts on another org."""
    if org_id != principal.org_id:
        raise AccessDeniedError(f"org_id {org_id!r} is not the organization of this credential")


Coach = Annotated[Principal, Depends(require_coach)]
"""An authenticated coach of an org with the Coach Agent feature."""
