"""API tokens: generated with `secrets`, stored only as a SHA-256 hash.

A plain SHA-256 is the right hash here, not a slow KDF (bcrypt, scrypt, argon2): slow KDFs exist to make
guessing low-entropy *passwords* expensive, but these tokens carry 256 random bits, so no amount of
guessing succeeds, and a fast hash keeps the per-request lookup an indexed equality match.
"""

from __future__ import annotations

import hashlib
import secrets

TOKEN_PREFIX = "pf_"
"""Marks planforge tokens so secret scanners and people recognise them."""


def new_token() -> str:
    """A fresh random token (256 bits of entropy) to hand to the caller exactly once."""
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    """The hex SHA-256 digest under which a token is stored and looked up."""
    return hashlib.sha256(token.encode()).hexdigest()
