"""API tokens: generated with `secrets`, stored only as a SHA-256 hash.

A plain SHA-256 is the right hash here, not a slow KDF (bcrypt, scrypt, argon2): slow KDFs exist to make
guessing low-entropy *passwords* expensive, but these tokens carry 256 random bits, so no amount of
guessing succeeds, and a fast hash keeps the per-request lookup an indexed equality match.

A token is named in listings by its id, the first hex digits of its hash; it can be revoked by that id (or by
the token itself) and may carry an expiry.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import Literal

from planforge.exceptions import InvalidRequestError

TOKEN_PREFIX = "pf_"
"""Marks planforge tokens so secret scanners and people recognise them."""


def new_token() -> str:
    """A fresh random token (256 bits of entropy) to hand to the caller exactly once."""
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    """The hex SHA-256 digest under which a token is stored and looked up."""
    return hashlib.sha256(token.encode()).hexdigest()


TOKEN_ID_LENGTH = 16
"""Hex digits of the token hash that identify a token in `planforge token list` and `revoke`."""


def token_id(token_hash: str) -> str:
    """The public id of the token stored under `token_hash`: the start of the hash, which reveals nothing."""
    return token_hash[:TOKEN_ID_LENGTH]


def token_id_of(reference: str) -> str:
    """The id `reference` names: a token id as listed, or a whole token (pf_…), whose id is then computed.

    Raises `InvalidRequestError` (field `token`) for anything else, so a short prefix never names many tokens.
    """
    reference = reference.strip()
    if reference.startswith(TOKEN_PREFIX):
        return token_id(hash_token(reference))
    wanted = reference.lower()
    if len(wanted) != TOKEN_ID_LENGTH or any(char not in "0123456789abcdef" for char in wanted):
        raise InvalidRequestError(
            f"{reference!r} is neither a token id ({TOKEN_ID_LENGTH} hex digits, as `planforge token list` shows)"
            f" nor a token ({TOKEN_PREFIX}…)",
            field="token",
        )
    return wanted


TokenStatus = Literal["active", "expired", "revoked"]


@dataclass(frozen=True)
class TokenInfo:
    """What `planforge token list` shows of a token: never the token itself, which is not stored."""

    token_id: str
    """The start of the token's hash: what `planforge token revoke` takes."""
    org_id: str
    role: str
    label: str | None
    """A name given at creation ("ci bot"), if any."""
    created_at: dt.datetime
    expires_at: dt.datetime | None
    """When the token stops working; None: never."""
    revoked_at: dt.datetime | None
    """When it was revoked; None: not revoked."""

    def status(self, now: dt.datetime) -> TokenStatus:
        """Whether the token still works at `now`."""
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at is not None and self.expires_at <= now:
            return "expired"
        return "active"


def is_usable(expires_at: dt.datetime | None, revoked_at: dt.datetime | None, now: dt.datetime) -> bool:
    """Whether a token with this expiry and revocation resolves at `now`."""
    return revoked_at is None and (expires_at is None or expires_at > now)


def utc_now() -> dt.datetime:
    """Now, in UTC (token expiry and revocation times are always UTC)."""
    return dt.datetime.now(dt.UTC)
