"""Where credentials are resolved: the protocol a host backend implements, and the in-memory store.

A host backend plugs its own auth in by passing any object with an async `resolve` to
`planforge.http.create_app(principals=...)`. The stores here also create orgs and tokens (synchronously:
they are admin operations for the CLI and tests, not request paths).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, runtime_checkable

from planforge.auth.principal import Principal, Role
from planforge.auth.tokens import hash_token, new_token
from planforge.exceptions import UnknownOrgError


@runtime_checkable
class PrincipalStore(Protocol):
    """Resolves a credential (bearer token or API key) to the principal behind it."""

    async def resolve(self, credential: str) -> Principal | None:
        """The principal for `credential`, or None when it is unknown or revoked."""
        ...


class InMemoryPrincipalStore:
    """Orgs and token hashes in dictionaries: for tests and for embedding without a database."""

    def __init__(self) -> None:
        self._features: dict[str, frozenset[str]] = {}
        self._tokens: dict[str, tuple[str, Role]] = {}

    def create_org(self, org_id: str, features: Iterable[str] = ()) -> None:
        """Create `org_id`, or add `features` to it when it already exists."""
        self._features[org_id] = self._features.get(org_id, frozenset()) | frozenset(features)

    def create_token(self, org_id: str, role: Role) -> str:
        """A new token for a `role` in `org_id`; only its hash is kept, so this is the one chance to read it."""
        if org_id not in self._features:
            raise UnknownOrgError(org_id)
        token = new_token()
        self._tokens[hash_token(token)] = (org_id, role)
        return token

    async def resolve(self, credential: str) -> Principal | None:
        """The principal for `credential`, or None."""
        found = self._tokens.get(hash_token(credential))
        if found is None:
            return None
        org_id, role = found
        return Principal(org_id=org_id, role=role, features=self._features[org_id])
