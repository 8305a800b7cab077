"""Where credentials are resolved: the protocol a host backend implements, and the in-memory store.

A host backend plugs its own auth in by passing any object with an async `resolve` to
`planforge.http.create_app(principals=...)`. The built-in stores (`InMemoryPrincipalStore`, `SQLitePrincipalStore`,
`PostgresPrincipalStore`) also manage orgs and tokens (`PrincipalAdmin`, synchronously: admin operations for the
CLI and tests, not request paths).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Protocol, runtime_checkable

from planforge.auth.principal import Principal, Role
from planforge.auth.tokens import TokenInfo, hash_token, is_usable, new_token, token_id, token_id_of, utc_now
from planforge.exceptions import NotFoundError, UnknownOrgError


@runtime_checkable
class PrincipalStore(Protocol):
    """Resolves a credential (bearer token or API key) to the principal behind it."""

    async def resolve(self, credential: str) -> Principal | None:
        """The principal for `credential`, or None when it is unknown, expired or revoked."""
        ...


class PrincipalAdmin(PrincipalStore, Protocol):
    """A principal store planforge also manages: orgs, their features, and tokens (the built-in stores)."""

    def create_org(self, org_id: str, features: Iterable[str] = ()) -> None:
        """Create `org_id`, or add `features` to it when it already exists."""
        ...

    def remove_features(self, org_id: str, features: Iterable[str]) -> None:
        """Take `features` away from `org_id` (at once, for every token of the org); raises `UnknownOrgError`."""
        ...

    def org_features(self, org_id: str) -> frozenset[str] | None:
        """The features of `org_id`, or None when the org does not exist."""
        ...

    def create_token(
        self, org_id: str, role: Role, *, expires_at: dt.datetime | None = None, label: str | None = None
    ) -> str:
        """A new token for a `role` in `org_id`; only its hash is stored, so this is the one chance to read it."""
        ...

    def list_tokens(self, org_id: str | None = None) -> list[TokenInfo]:
        """The tokens of `org_id` (of every org when None), oldest first, revoked and expired ones included."""
        ...

    def revoke_token(self, reference: str) -> TokenInfo:
        """Revoke the token with this id (or this token); it stops resolving at once. Raises `NotFoundError`."""
        ...

    async def aclose(self) -> None:
        """Release the store's connections."""
        ...


def unknown_token(reference: str) -> NotFoundError:
    """The error for a token id that matches no token."""
    return NotFoundError(f"no token has the id {token_id_of(reference)!r}; `planforge token list` shows the ids")


@dataclass(frozen=True)
class _Token:
    org_id: str
    role: Role
    info: TokenInfo


class InMemoryPrincipalStore:
    """Orgs and token hashes in dictionaries: for tests and for embedding without a database."""

    def __init__(self) -> None:
        self._features: dict[str, frozenset[str]] = {}
        self._tokens: dict[str, _Token] = {}

    def create_org(self, org_id: str, features: Iterable[str] = ()) -> None:
        """Create `org_id`, or add `features` to it when it already exists."""
        self._features[org_id] = self._features.get(org_id, frozenset()) | frozenset(features)

    def remove_features(self, org_id: str, features: Iterable[str]) -> None:
        """Take `features` away from `org_id`; raises `UnknownOrgError`."""
        if org_id not in self._features:
            raise UnknownOrgError(org_id)
        self._features[org_id] -= frozenset(features)

    def org_features(self, org_id: str) -> frozenset[str] | None:
        """The features of `org_id`, or None when the org does not exist."""
        return self._features.get(org_id)

    def create_token(
        self, org_id: str, role: Role, *, expires_at: dt.datetime | None = None, label: str | None = None
    ) -> str:
        """A new token for a `role` in `org_id`; only its hash is kept, so this is the one chance to read it."""
        if org_id not in self._features:
            raise UnknownOrgError(org_id)
        token = new_token()
        token_hash = hash_token(token)
        info = TokenInfo(token_id(token_hash), org_id, role, label, utc_now(), expires_at, None)
        self._tokens[token_hash] = _Token(org_id, role, info)
        return token

    def list_tokens(self, org_id: str | None = None) -> list[TokenInfo]:
        """The tokens of `org_id` (of every org when None), oldest first."""
        infos = [token.info for token in self._tokens.values() if org_id in (None, token.org_id)]
        return sorted(infos, key=lambda info: info.created_at)

    def revoke_token(self, reference: str) -> TokenInfo:
        """Revoke the token with this id (or this token); raises `NotFoundError`."""
        wanted = token_id_of(reference)
        for token_hash, token in self._tokens.items():
            if token.info.token_id == wanted:
                if token.info.revoked_at is None:
                    token = replace(token, info=replace(token.info, revoked_at=utc_now()))
                    self._tokens[token_hash] = token
                return token.info
        raise unknown_token(reference)

    async def resolve(self, credential: str) -> Principal | None:
        """The principal for `credential`, or None."""
        found = self._tokens.get(hash_token(credential))
        if found is None or not is_usable(found.info.expires_at, found.info.revoked_at, utc_now()):
            return None
        return Principal(org_id=found.org_id, role=found.role, features=self._features[found.org_id])

    async def aclose(self) -> None:
        """Nothing to release."""
