"""Authentication: principals, the store protocol a host backend replaces, and the built-in stores.

`planforge.auth.postgres.PostgresPrincipalStore` (the `postgres` extra) is imported from its module, so
planforge runs without psycopg installed.
"""

from planforge.auth.principal import COACH_AGENT_FEATURE, GENERATING_ROLES, ROLES, Principal, Role
from planforge.auth.sqlite import SQLitePrincipalStore
from planforge.auth.store import InMemoryPrincipalStore, PrincipalAdmin, PrincipalStore, UnknownOrgError
from planforge.auth.tokens import TokenInfo, hash_token, new_token

__all__ = [
    "COACH_AGENT_FEATURE",
    "GENERATING_ROLES",
    "ROLES",
    "InMemoryPrincipalStore",
    "Principal",
    "PrincipalAdmin",
    "PrincipalStore",
    "Role",
    "SQLitePrincipalStore",
    "TokenInfo",
    "UnknownOrgError",
    "hash_token",
    "new_token",
]
