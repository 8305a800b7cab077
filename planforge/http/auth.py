"""Authentication and authorization dependencies: credential → principal → may this principal act here.

A credential is a bearer token (`Authorization: Bearer …`) or an org-level `X-API-Key`; both resolve
through the app's `PrincipalStore`. Failures raise planforge errors that become 401/403 envelopes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Final

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from planforge.auth.principal import COACH_AGENT_FEATURE, Principal
from planforge.exceptions import AccessDeniedError, AuthenticationError
from planforge.http.state import PlanforgeState, State

_RESOLVED_PRINCIPAL: Final = "planforge_principal"
"""Where the route guard leaves the principal it resolved before reading the body (`request.state`)."""

bearer_scheme = HTTPBearer(auto_error=False, description="A token from `planforge token create`.")
api_key_scheme = APIKeyHeader(
    name="X-API-Key", auto_error=False, description="The same token as an org-level API key header."
)


def credential_in(headers: Mapping[str, str]) -> str | None:
    """The request's credential: the bearer token, else the X-API-Key header; None when there is neither."""
    scheme, _, token = headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    return headers.get("x-api-key") or None


def missing_credential() -> AuthenticationError:
    """The 401 for a request without a credential."""
    return AuthenticationError("missing credential: send `Authorization: Bearer <token>` or `X-API-Key: <token>`")


async def resolve_principal(state: PlanforgeState, credential: str) -> Principal:
    """The principal of `credential`; 401 when it is unknown (or revoked, or expired)."""
    principal = await state.principals.resolve(credential)
    if principal is None:
        raise AuthenticationError("invalid credential: the token is unknown or has been revoked")
    return principal


def remember_principal(request: Request, principal: Principal) -> None:
    """Keep the principal the guard resolved for the route's `authenticate`, so the store is asked once."""
    setattr(request.state, _RESOLVED_PRINCIPAL, principal)


async def authenticate(
    request: Request,
    state: State,
    bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)],
    api_key: Annotated[str | None, Depends(api_key_scheme)],
) -> Principal:
    """The principal behind the request's credential; 401 when there is none or it is unknown."""
    resolved = getattr(request.state, _RESOLVED_PRINCIPAL, None)
    if isinstance(resolved, Principal):
        return resolved
    credential = bearer.credentials if bearer is not None else api_key
    if not credential:
        raise missing_credential()
    return await resolve_principal(state, credential)


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
