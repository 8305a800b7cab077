"""Authentication: principals, the store protocol a host backend replaces, and the built-in stores."""

from planforge.auth.principal import COACH_AGENT_FEATURE, GENERATING_ROLES, ROLES, Principal, Role
from planforge.auth.sqlite import SQLitePrincipalStore
from planforge.auth.store import InMemoryPrincipalStore, PrincipalStore, UnknownOrgError
from planforge.auth.tokens import hash_token, new_token

__all__ = [
    "COACH_AGENT_FEATURE",
    "GENERATING_ROLES",
    "ROLES",
    "InMemoryPrincipalStore",
    "Principal",
    "PrincipalStore",
    "Role",
    "SQLitePrincipalStore",
    "UnknownOrgError",
    "hash_token",
    "new_token",
]
